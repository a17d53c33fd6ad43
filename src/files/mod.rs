//! The file formats people exchange (scenario and story JSON) and what can be wrong with them.
//! They sit above the engine: the engine knows scenarios, not files. The command line and the
//! app read files through the same functions here, so they accept and refuse the same files.

pub mod error;
pub mod scenario;
pub(crate) mod strict;

pub use error::{FieldProblem, FileError, StoryProblem};

/// The largest scenario or story file read (a 14-step story is about 15 KB).
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// Reads at most [`MAX_FILE_BYTES`] from `reader` as UTF-8 text; a longer input is refused
/// without reading the rest (`/dev/zero` never fills the memory).
pub fn read_limited(reader: impl std::io::Read) -> Result<String, FileError> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut reader.take(MAX_FILE_BYTES as u64 + 1), &mut bytes)
        .map_err(|_| FileError::Unreadable)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            most: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|_| FileError::Unreadable)
}

/// Reads a JSON object as it is written; the error names the place and the problem. A leading
/// UTF-8 byte-order mark is allowed (editors on Windows write one); a key given twice is refused.
pub fn read_value(json: &str) -> Result<serde_json::Value, FileError> {
    if json.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            most: MAX_FILE_BYTES,
        });
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value = parse_json(json)?;
    if !value.is_object() {
        return Err(FileError::NotAnObject);
    }
    strict::no_duplicate_keys(json)?;
    Ok(value)
}

/// Parses JSON text. Valid JSON this reader cannot hold is told apart from broken JSON: a
/// number beyond the range of f64 (`1e309`, a 400-digit number) names its field, and nesting
/// deeper than serde_json's limit of 128 says so.
fn parse_json(json: &str) -> Result<serde_json::Value, FileError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        let (line, column) = (inner.line(), inner.column());
        let msg = inner.to_string();
        if msg.starts_with("number out of range") {
            FileError::At {
                path: e.path().to_string(),
                problem: FieldProblem::NumberTooLarge,
            }
        } else if msg.starts_with("recursion limit exceeded") {
            FileError::TooDeep {
                line,
                column,
                most: JSON_DEPTH,
            }
        } else {
            FileError::Syntax { line, column }
        }
    })?;
    de.end().map_err(|e| FileError::syntax(&e))?; // text after the JSON
    match out_of_range(&value, &mut String::new()) {
        Some((path, problem)) => Err(FileError::At { path, problem }),
        None => Ok(value),
    }
}

/// Where the first number that f64 cannot hold is (`levers.budget`, `changes[0].day`), and
/// why: beyond its range (`1e309`), or written as not zero but read as 0 (`1e-400`). serde_json
/// keeps numbers as written (`arbitrary_precision`, so each reads back exactly) and reads them
/// only when asked.
fn out_of_range(value: &serde_json::Value, path: &mut String) -> Option<(String, FieldProblem)> {
    use serde_json::Value;
    let at = path.len();
    let found = match value {
        Value::Number(n) => number_problem(n).map(|p| (path.clone(), p)),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
            path.truncate(at);
            path.push_str(&format!("[{i}]"));
            out_of_range(v, path)
        }),
        Value::Object(fields) => fields.iter().find_map(|(k, v)| {
            path.truncate(at);
            if at > 0 {
                path.push('.');
            }
            path.push_str(k);
            out_of_range(v, path)
        }),
        _ => None,
    };
    path.truncate(at);
    found
}

fn number_problem(n: &serde_json::Number) -> Option<FieldProblem> {
    match n.as_f64() {
        Some(v) if v.is_finite() => {
            // The digits before any exponent: "1e-400" is written as not zero.
            let text = n.to_string();
            let digits = text.split(['e', 'E']).next().unwrap_or_default();
            let nonzero = digits.bytes().any(|b| (b'1'..=b'9').contains(&b));
            (v == 0.0 && nonzero).then_some(FieldProblem::NumberTooSmall)
        }
        _ => Some(FieldProblem::NumberTooLarge),
    }
}

/// How deep serde_json nests lists and objects before it gives up.
pub const JSON_DEPTH: usize = 128;

/// Turns an object read by [`read_value`] into `T`; the error names the field and the problem.
/// (The value is read once and checked once: a second read of the text would only repeat it.)
pub fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, FileError> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| FileError::from_serde(e.path().to_string(), e.inner()))
}
pub use scenario::parse_scenario;
