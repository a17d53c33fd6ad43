//! What can be wrong with a scenario or story file, as data: the command line prints the
//! English wording (`Display`), the app words it in the interface language.

use crate::model::params::{field_at, field_names, InvalidParam, Range};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// Not JSON at all (or cut off).
    Syntax { line: usize, column: usize },
    /// JSON, but not an object.
    NotAnObject,
    /// A field with a problem, at a path such as `levers.budget` or `steps[2].view`.
    At { path: String, problem: FieldProblem },
    /// A value outside its valid range, at a path (empty for a scenario file's own fields).
    Range { at: String, invalid: InvalidParam },
    /// A day count that is not a whole number.
    WholeDays {
        at: String,
        field: String,
        value: f64,
    },
    /// Story-level problems.
    Story(StoryProblem),
    /// Longer than the limit (in bytes).
    TooLarge { most: usize },
    /// Not readable as UTF-8 text.
    Unreadable,
    /// Valid JSON nested deeper than the reader goes (at the place it gave up).
    TooDeep {
        line: usize,
        column: usize,
        most: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum FieldProblem {
    /// A field the format does not have, and the ones it does (from the parser; may be empty).
    UnknownField {
        name: String,
        known: Vec<String>,
    },
    /// `expected` is the kind of value wanted: "a number", "a whole number", "text", …
    WrongType {
        expected: String,
    },
    Missing(String),
    UnknownVariant(String),
    /// A key given twice in one object.
    DuplicateKey(String),
    /// A number beyond what a 64-bit float holds (about ±1.8e308).
    NumberTooLarge,
    /// A number written as not zero that a 64-bit float holds only as 0 (`1e-400`): reading
    /// it as 0 would change it without a word.
    NumberTooSmall,
    /// A plan with more changes than a plan holds.
    TooManyChanges {
        changes: usize,
        most: usize,
    },
    Other(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoryProblem {
    /// The format found, and the one this app reads.
    Format {
        found: String,
        reads: &'static str,
    },
    NoSteps,
    /// Steps found, and the most allowed.
    TooManySteps {
        steps: usize,
        most: usize,
    },
    UnknownLever {
        at: String,
        name: String,
    },
    NoPreset {
        at: String,
        id: String,
    },
    DayOutOfRange {
        at: String,
        day: u32,
        horizon: u32,
    },
    PredictNeedsOneMetric {
        at: String,
    },
}

/// The valid range of the scenario field at `path` (`levers.budget`, or a story's
/// `steps[0].scenario.levers.budget`), if the path names one.
pub fn range_at(path: &str) -> Option<Range> {
    field_at(path).map(|f| f.range())
}

impl FileError {
    /// Classifies a serde error found at `path`.
    pub fn from_serde(path: String, e: &serde_json::Error) -> FileError {
        let msg = e.to_string();
        let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
        let problem = if msg.starts_with("unknown field") {
            // "unknown field `x`, expected one of `a`, `b`" (or "expected `a`"), then " at line …".
            let known = msg
                .split_once("expected")
                .map(|(_, list)| {
                    list.split('`')
                        .skip(1)
                        .step_by(2)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            FieldProblem::UnknownField {
                name: quoted(&msg),
                known,
            }
        } else if msg.starts_with("missing field") {
            FieldProblem::Missing(quoted(&msg))
        } else if msg.starts_with("unknown variant") {
            FieldProblem::UnknownVariant(quoted(&msg))
        } else if msg.starts_with("invalid type") || msg.starts_with("invalid value") {
            let wanted = msg.rsplit("expected ").next().unwrap_or("");
            let expected = match wanted {
                w if w.starts_with("f64") => "a number",
                w if w.starts_with("u32") || w.starts_with("u64") || w.starts_with("usize") => {
                    "a whole number"
                }
                w if w.contains("string") => "text",
                w if w.contains("bool") => "true or false",
                w if w.contains("map") || w.starts_with("struct") => "an object",
                w if w.contains("sequence") => "a list",
                w => w,
            };
            FieldProblem::WrongType {
                expected: expected.to_string(),
            }
        } else {
            FieldProblem::Other(msg)
        };
        FileError::At { path, problem }
    }

    pub fn syntax(e: &serde_json::Error) -> FileError {
        FileError::Syntax {
            line: e.line(),
            column: e.column(),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |f: &mut fmt::Formatter<'_>, at: &str| {
            if at.is_empty() {
                Ok(())
            } else {
                write!(f, "{at}: ")
            }
        };
        match self {
            FileError::Syntax { line, column } => {
                write!(f, "not valid JSON (line {line}, column {column})")
            }
            FileError::NotAnObject => write!(f, "not a valid file: expected a JSON object"),
            FileError::TooLarge { most } => {
                write!(f, "the file is too large: at most {most} bytes are read")
            }
            FileError::Unreadable => write!(f, "the file cannot be read as UTF-8 text"),
            FileError::TooDeep { line, column, most } => write!(
                f,
                "lists and objects are nested more than {most} deep (line {line}, column {column})"
            ),
            FileError::At { path, problem } => {
                if path != "." {
                    write!(f, "{path}: ")?;
                }
                match problem {
                    FieldProblem::UnknownField { name, known } => {
                        write!(f, "unknown field `{name}`")?;
                        if !known.is_empty() {
                            write!(f, " (known: {})", known.join(", "))?;
                        }
                        Ok(())
                    }
                    FieldProblem::WrongType { expected } => {
                        write!(f, "wrong type, expected {expected}")?;
                        if let Some(r) = range_at(path) {
                            write!(f, " from {} to {}", r.min, r.max)?;
                            if !r.unit.is_empty() {
                                write!(f, " ({})", r.unit)?;
                            }
                        }
                        Ok(())
                    }
                    FieldProblem::Missing(n) => write!(f, "missing field `{n}`"),
                    FieldProblem::UnknownVariant(v) => write!(f, "unknown variant `{v}`"),
                    FieldProblem::DuplicateKey(k) => write!(f, "`{k}` is given twice"),
                    FieldProblem::TooManyChanges { changes, most } => {
                        write!(f, "{changes} changes, but a plan holds at most {most}")
                    }
                    FieldProblem::NumberTooLarge => {
                        write!(f, "the number is too large (at most about ±1.8e308)")
                    }
                    FieldProblem::NumberTooSmall => write!(
                        f,
                        "the number is too close to 0 to be held (write 0, or at least about ±5e-324)"
                    ),
                    FieldProblem::Other(m) => write!(f, "{m}"),
                }
            }
            FileError::Range { at: path, invalid } => {
                at(f, path)?;
                write!(f, "{invalid}")
            }
            FileError::WholeDays {
                at: path,
                field,
                value,
            } => {
                at(f, path)?;
                write!(f, "{field} is {value}, but must be a whole number of days")
            }
            FileError::Story(p) => match p {
                StoryProblem::Format { found, reads } => {
                    write!(f, "format is '{found}', but this app reads '{reads}'")
                }
                StoryProblem::NoSteps => write!(f, "steps: a story needs at least one step"),
                StoryProblem::TooManySteps { steps, most } => {
                    write!(f, "steps: {steps} steps, but at most {most} are allowed")
                }
                StoryProblem::UnknownLever { at, name } => write!(
                    f,
                    "{at}.set: unknown lever or assumption '{name}' (known: {})",
                    field_names().join(", ")
                ),
                StoryProblem::NoPreset { at, id } => {
                    let ids: Vec<_> = crate::model::presets().iter().map(|p| p.id).collect();
                    write!(
                        f,
                        "{at}.preset: no preset '{id}' (presets: {})",
                        ids.join(", ")
                    )
                }
                StoryProblem::DayOutOfRange { at, day, horizon } => {
                    write!(
                        f,
                        "{at} is {day}, but must be between 1 and the horizon ({horizon})"
                    )
                }
                StoryProblem::PredictNeedsOneMetric { at } => {
                    write!(
                        f,
                        "{at}.predict: a prediction needs a view of a single metric"
                    )
                }
            },
        }
    }
}

impl std::error::Error for FileError {}
