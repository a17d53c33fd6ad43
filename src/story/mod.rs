//! Stories: a trainer's guided sequence of steps, as data. Each step sets the levers (or asks
//! the room to), shows one view up to a day, and makes one short point. A story is a small,
//! versioned JSON document (see docs/STORIES.md); the default one ships in `stories/`.

use crate::files::{FieldProblem, FileError, StoryProblem};
use crate::model::params::field;
use crate::model::{InvalidParam, Metric, Plan, Scenario};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format tag every story file carries; bump it when the format changes incompatibly.
pub const FORMAT: &str = "longgame-story/1";
/// Most steps a story may have.
pub const MAX_STEPS: usize = 100;

/// The story that ships with the app, built from the articles behind the model.
pub const DEFAULT_STORY: &str = include_str!("../../stories/default.json");

/// Text in one language, or in several keyed by language code (`{"en": "...", "sv": "..."}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    ByLang(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, else English, else any language given.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::ByLang(m) => m
                .get(lang)
                .or_else(|| m.get("en"))
                .or_else(|| m.values().next())
                .map_or("", String::as_str),
        }
    }
}

/// What a step shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    Reach,
    Followers,
    Engagement,
    Trust,
    Leads,
    Customers,
    Cost,
    Roi,
    /// Followers beside leads: vanity against outcome.
    VanityVsOutcome,
    /// Leads beside trust: what a cancelled programme leaves behind.
    LeadsAndTrust,
    /// Chances of being on track at day 90/180/365 and by week.
    Patience,
}

impl View {
    /// The metric charts this view shows.
    pub fn metrics(self) -> &'static [Metric] {
        match self {
            View::Reach => &[Metric::Reach],
            View::Followers => &[Metric::Followers],
            View::Engagement => &[Metric::Engagement],
            View::Trust => &[Metric::Trust],
            View::Leads => &[Metric::Leads],
            View::Customers => &[Metric::Customers],
            View::Cost => &[Metric::Cost],
            View::Roi => &[Metric::Roi],
            View::VanityVsOutcome => &[Metric::Followers, Metric::Leads],
            View::LeadsAndTrust => &[Metric::Leads, Metric::Trust],
            View::Patience => &[],
        }
    }
}

/// A guess the room commits before the reveal: the median of `metric` on `day`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predict {
    pub day: u32,
    #[serde(default)]
    pub question: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: Text,
    pub point: Text,
    /// Start from a preset (by id), then apply `set`.
    #[serde(default)]
    pub preset: Option<String>,
    /// Levers and assumptions by short name (`budget`, `buy_in`, `crisis_day`, ...).
    #[serde(default)]
    pub set: BTreeMap<String, f64>,
    /// Lever changes on given days, as in a scenario file: `[{"day": 180, "set": {"budget": 4000}}]`.
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub changes: Plan,
    /// A scenario pinned as "A" beside this one: a preset id plus overrides.
    #[serde(default)]
    pub compare: Option<CompareWith>,
    pub view: View,
    /// Show the simulation only up to this day (the rest is revealed later).
    #[serde(default)]
    pub day: Option<u32>,
    /// Ask the room to predict before revealing.
    #[serde(default)]
    pub predict: Option<Predict>,
    /// Ask the room to set the levers themselves (the step does not change them).
    #[serde(default)]
    pub ask_room: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareWith {
    #[serde(default)]
    pub preset: Option<String>,
    #[serde(default)]
    pub set: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub changes: Plan,
    /// What to call the pinned scenario on screen.
    #[serde(default)]
    pub label: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub format: String,
    pub title: Text,
    pub steps: Vec<Step>,
}

/// Applies a preset and overrides; the error names the step field that is wrong.
fn build_scenario(
    preset: &Option<String>,
    (set, changes): (&BTreeMap<String, f64>, &Plan),
    at: &str,
) -> Result<Scenario, FileError> {
    let mut s = match preset {
        None => Scenario::default(),
        Some(id) => crate::model::preset(id)
            .map(|p| p.scenario)
            .ok_or_else(|| {
                FileError::Story(StoryProblem::NoPreset {
                    at: at.into(),
                    id: id.clone(),
                })
            })?,
    };
    for (name, value) in set {
        if field(name).is_none() {
            return Err(FileError::Story(StoryProblem::UnknownLever {
                at: at.into(),
                name: name.clone(),
            }));
        }
        // A value outside the field's range is named with the range (as the CLI's --set
        // does); a day count within it must still be whole.
        let range = field(name).expect("checked above").range();
        if !(value.is_finite() && *value >= range.min && *value <= range.max) {
            return Err(FileError::Range {
                at: format!("{at}.set"),
                invalid: InvalidParam {
                    range,
                    value: *value,
                    change: None,
                },
            });
        }
        if s.set(name, *value).is_err() {
            return Err(FileError::WholeDays {
                at: format!("{at}.set"),
                field: name.clone(),
                value: *value,
            });
        }
    }
    s.changes = *changes;
    s.validate().map_err(|invalid| FileError::Range {
        at: match invalid.change {
            Some(_) => at.to_string(),
            None => format!("{at}.set"),
        },
        invalid,
    })?;
    Ok(s)
}

impl Step {
    /// The scenario this step shows, or `None` when the room sets the levers.
    pub fn scenario(&self, at: &str) -> Result<Option<Scenario>, FileError> {
        if self.ask_room && self.preset.is_none() && self.set.is_empty() && self.changes.is_empty()
        {
            return Ok(None);
        }
        build_scenario(&self.preset, (&self.set, &self.changes), at).map(Some)
    }

    pub fn pinned(&self, at: &str) -> Result<Option<Scenario>, FileError> {
        self.compare
            .as_ref()
            .map(|c| build_scenario(&c.preset, (&c.set, &c.changes), &format!("{at}.compare")))
            .transpose()
    }
}

/// Refuses a list (or other non-object) where the format has an object: serde would fill a
/// step, a prediction or a comparison from a list by position. `null` means "not given".
fn objects_where_expected(story: &serde_json::Value) -> Result<(), FileError> {
    use crate::files::strict::plan_shape;
    let wrong = |path: String| FileError::At {
        path,
        problem: FieldProblem::WrongType {
            expected: "an object".into(),
        },
    };
    let steps = story.get("steps").and_then(|s| s.as_array());
    for (i, step) in steps.into_iter().flatten().enumerate() {
        if !step.is_object() {
            return Err(wrong(format!("steps[{i}]")));
        }
        plan_shape(step.get("changes"), &format!("steps[{i}].changes"))?;
        let compare = step.get("compare").and_then(|c| c.get("changes"));
        plan_shape(compare, &format!("steps[{i}].compare.changes"))?;
        for (key, inner) in [("set", None), ("predict", None), ("compare", Some("set"))] {
            let Some(value) = step.get(key).filter(|v| !v.is_null()) else {
                continue;
            };
            if !value.is_object() {
                return Err(wrong(format!("steps[{i}].{key}")));
            }
            if let Some(v) = inner.and_then(|k| value.get(k)).filter(|v| !v.is_object()) {
                if !v.is_null() {
                    return Err(wrong(format!("steps[{i}].{key}.{}", inner.unwrap_or(""))));
                }
            }
        }
    }
    Ok(())
}

/// Reads and checks a story; the error names the place (`steps[2].set: ...`) and the problem.
/// The same strict reader as scenario files: a UTF-8 BOM is fine, a key given twice, an
/// unknown field, a list for an object and a file over [`crate::files::MAX_FILE_BYTES`] are not.
pub fn parse_story(json: &str) -> Result<Story, FileError> {
    let value = crate::files::read_value(json)?;
    objects_where_expected(&value)?;
    let story: Story = crate::files::from_value(value)?;
    if story.format != FORMAT {
        return Err(FileError::Story(StoryProblem::Format {
            found: story.format,
            reads: FORMAT,
        }));
    }
    if story.steps.is_empty() {
        return Err(FileError::Story(StoryProblem::NoSteps));
    }
    if story.steps.len() > MAX_STEPS {
        return Err(FileError::Story(StoryProblem::TooManySteps {
            steps: story.steps.len(),
            most: MAX_STEPS,
        }));
    }
    for (i, step) in story.steps.iter().enumerate() {
        let at = format!("steps[{i}]");
        let scenario = step.scenario(&at)?;
        step.pinned(&at)?;
        let horizon = scenario.unwrap_or_default().assumptions.horizon_days;
        for (what, day) in [
            ("day", step.day),
            ("predict.day", step.predict.as_ref().map(|p| p.day)),
        ] {
            if let Some(d) = day {
                if d == 0 || d > horizon {
                    return Err(FileError::Story(StoryProblem::DayOutOfRange {
                        at: format!("{at}.{what}"),
                        day: d,
                        horizon,
                    }));
                }
            }
        }
        if step.predict.is_some() && step.view.metrics().len() != 1 {
            return Err(FileError::Story(StoryProblem::PredictNeedsOneMetric { at }));
        }
    }
    Ok(story)
}

/// The default story, parsed (it is checked by a test, so this cannot fail in a release).
pub fn default_story() -> Story {
    parse_story(DEFAULT_STORY).expect("the default story is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_story_is_valid_and_complete_in_english_and_swedish() {
        let story = default_story();
        assert_eq!(story.steps.len(), 8);
        for (i, step) in story.steps.iter().enumerate() {
            for text in [&step.title, &step.point] {
                let Text::ByLang(m) = text else {
                    panic!("step {i} is not translated")
                };
                assert!(
                    m.get("en").is_some_and(|s| !s.is_empty()),
                    "step {i} lacks English"
                );
                assert!(
                    m.get("sv").is_some_and(|s| !s.is_empty()),
                    "step {i} lacks Swedish"
                );
                assert_ne!(m["en"], m["sv"], "step {i} is not translated");
            }
        }
    }

    #[test]
    fn bad_stories_are_refused_with_the_place_named() {
        let err = |json: &str| parse_story(json).unwrap_err().to_string();
        assert!(err("{").starts_with("not valid JSON"));
        assert!(
            err(r#"{"format": "longgame-story/9", "title": "x", "steps": []}"#)
                .contains("format is 'longgame-story/9'")
        );
        assert!(
            err(r#"{"format": "longgame-story/1", "title": "x", "steps": []}"#)
                .contains("at least one step")
        );
        let step =
            |s: &str| format!(r#"{{"format": "longgame-story/1", "title": "x", "steps": [{s}]}}"#);
        assert!(err(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "set": {"volume": 11}}"#
        ))
        .contains("steps[0].set: unknown lever or assumption 'volume'"));
        assert!(err(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "set": {"buy_in": 140}}"#
        ))
        .contains("steps[0].set: levers.buy_in is 140, but must be between 0 and 100"));
        let days = err(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "set": {"horizon_days": -1}}"#,
        ));
        assert!(
            days.contains(
                "steps[0].set: assumptions.horizon_days is -1, but must be between 30 and 1095"
            ),
            "the range, as the CLI says it: {days}"
        );
        assert!(err(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "set": {"horizon_days": 90.5}}"#
        ))
        .contains("must be a whole number of days"));
        assert!(err(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "set": {"horizon_days": 300}, "changes": [{"day": 400, "set": {"budget": 9000}}]}"#
        ))
        .contains("changes[0].day is 400"));
        let planned = parse_story(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "changes": [{"day": 180, "set": {"budget": 4000}}], "compare": {"changes": [{"day": 90, "set": {"buy_in": 80}}]}}"#,
        ))
        .unwrap();
        let s = planned.steps[0].scenario("").unwrap().unwrap();
        assert_eq!(s.changes.levers_on(s.levers, 180).budget, 4000.0);
        let a = planned.steps[0].pinned("").unwrap().unwrap();
        assert_eq!(a.changes.levers_on(a.levers, 90).buy_in, 80.0);
        assert!(
            err(&step(r#"{"title": "a", "point": "b", "view": "likes"}"#))
                .contains("steps[0].view: unknown variant `likes`")
        );
        assert!(err(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "preset": "lazy"}"#
        ))
        .contains("no preset 'lazy'"));
        assert!(err(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "day": 5000}"#
        ))
        .contains("steps[0].day is 5000"));
        assert!(err(&step(
            r#"{"title": "a", "point": "b", "view": "patience", "predict": {"day": 30}}"#
        ))
        .contains("single metric"));
        assert!(err(&step(
            r#"{"title": "a", "point": "b", "view": "leads", "colour": "red"}"#
        ))
        .contains("unknown field `colour`"));
    }

    #[test]
    fn story_shapes_are_as_strict_as_scenario_files() {
        let err = |json: &str| parse_story(json).unwrap_err().to_string();
        let story = |steps: &str| {
            format!(r#"{{"format": "longgame-story/1", "title": "x", "steps": [{steps}]}}"#)
        };
        let ok = r#"{"title": "a", "point": "b", "view": "leads"}"#;
        assert_eq!(
            err(&story(r#"["a", "b", null, {}, null, "leads"]"#)),
            "steps[0]: wrong type, expected an object"
        );
        let with = |extra: &str| {
            story(&format!(
                r#"{ok}, {{"title": "a", "point": "b", "view": "leads", {extra}}}"#
            ))
        };
        assert_eq!(
            err(&with(r#""predict": [30]"#)),
            "steps[1].predict: wrong type, expected an object"
        );
        assert_eq!(
            err(&with(r#""compare": ["committed"]"#)),
            "steps[1].compare: wrong type, expected an object"
        );
        assert_eq!(
            err(&with(r#""compare": {"set": [1, 2]}"#)),
            "steps[1].compare.set: wrong type, expected an object"
        );
        assert_eq!(
            err(&with(r#""set": [800]"#)),
            "steps[1].set: wrong type, expected an object"
        );
        assert_eq!(
            err(&with(r#""day": 30, "day": 60"#)),
            "steps[1]: `day` is given twice"
        );
        assert_eq!(err("[1, 2]"), FileError::NotAnObject.to_string());
        let unknown = err(&with(r#""colour": "red""#));
        assert!(
            unknown.starts_with("steps[1].colour: unknown field `colour` (known: title"),
            "{unknown}"
        );
        let bom = format!("\u{feff}{}", story(ok));
        assert_eq!(parse_story(&bom).unwrap().steps.len(), 1);
        let huge = story(&format!(
            r#"{{"title": "{}", "point": "b", "view": "leads"}}"#,
            "a".repeat(crate::files::MAX_FILE_BYTES)
        ));
        assert!(err(&huge).contains("too large"));
        assert!(parse_story(&with(r#""predict": null, "compare": null"#)).is_ok());
    }

    #[test]
    fn plans_in_the_wrong_shape_are_refused_in_steps_and_comparisons() {
        let err = |extra: &str| {
            let step = format!(r#"{{"title": "a", "point": "b", "view": "leads", {extra}}}"#);
            let story =
                format!(r#"{{"format": "longgame-story/1", "title": "x", "steps": [{step}]}}"#);
            parse_story(&story).unwrap_err().to_string()
        };
        for (plan, expected) in [
            (
                r#"[[10, {"budget": 1}]]"#,
                "changes[0]: wrong type, expected an object",
            ),
            (
                r#"[{"day": 10, "set": [4000, null, null, 50]}]"#,
                "changes[0].set: wrong type, expected an object",
            ),
            (
                r#"[{"day": 10, "set": {"budget": null, "buy_in": 50}}]"#,
                "changes[0].set.budget: wrong type, expected a number",
            ),
        ] {
            assert_eq!(
                err(&format!(r#""changes": {plan}"#)),
                format!("steps[0].{expected}")
            );
            assert_eq!(
                err(&format!(r#""compare": {{"changes": {plan}}}"#)),
                format!("steps[0].compare.{expected}")
            );
        }
    }

    #[test]
    fn text_falls_back_to_english() {
        let t: Text = serde_json::from_str(r#"{"en": "Hello", "sv": "Hej"}"#).unwrap();
        assert_eq!(t.get("sv"), "Hej");
        assert_eq!(t.get("de"), "Hello");
        assert_eq!(Text::Plain("Hi".into()).get("sv"), "Hi");
    }
}
