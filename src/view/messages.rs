//! Problems (with a link, a scenario file, a story file) worded in the interface language.

use crate::files::error::range_at;
use crate::files::{FieldProblem, FileError, StoryProblem};
use crate::i18n::{number, tr, trf, Lang};
use crate::model::params::field;
use crate::model::Metric;
use crate::state::app_state::{Notice, StoryRefusal};
use crate::state::explore::lever_map::{DEFAULT_RUNS, RUNS_CHOICES};
use crate::state::link::{Problem, ProblemKind, MAX_RUNS, MAX_SEED, MIN_RUNS, VERSION};
use crate::state::story_code::CodeError;
use crate::view::format::echo;

/// A short field name (`budget`, `market_size`) as its label in the interface language.
pub fn field_label(l: Lang, name: &str) -> String {
    match field(name) {
        Some(f) => tr(l, f.label_key).to_string(),
        None => name.to_string(),
    }
}

/// A problem with a link.
pub fn problem_text(l: Lang, p: &Problem) -> String {
    let text = match &p.kind {
        ProblemKind::NotANumber { field, value } => trf(
            l,
            "problem.not_number",
            &[&field_label(l, field), &echo(value)],
        ),
        ProblemKind::OutOfRange {
            field,
            value,
            min,
            max,
        } => trf(
            l,
            "problem.out_of_range",
            &[
                &field_label(l, field),
                &echo(value),
                &number(l, *min),
                &number(l, *max),
            ],
        ),
        ProblemKind::NotWholeDays { field, value } => trf(
            l,
            "problem.whole_days",
            &[&field_label(l, field), &echo(value)],
        ),
        ProblemKind::StartAboveMarket { value, market } => trf(
            l,
            "problem.start_above_market",
            &[&number(l, *value), &number(l, *market)],
        ),
        ProblemKind::Version(v) => trf(l, "problem.version", &[&echo(v), &VERSION]),
        ProblemKind::Seed(v) => trf(l, "problem.seed", &[&echo(v), &number(l, MAX_SEED as f64)]),
        ProblemKind::Runs(v) => trf(
            l,
            "problem.runs",
            &[
                &echo(v),
                &number(l, MIN_RUNS as f64),
                &number(l, MAX_RUNS as f64),
            ],
        ),
        ProblemKind::Step(v) => trf(l, "problem.step", &[&echo(v)]),
        ProblemKind::QuitDay(v) => trf(l, "problem.quit_day", &[&echo(v)]),
        ProblemKind::PlayDay(v) => trf(l, "problem.play_day", &[&echo(v)]),
        ProblemKind::RankDay(v) => trf(l, "problem.rank_day", &[&echo(v)]),
        ProblemKind::Explorer(v) => trf(l, "problem.explorer", &[&echo(v)]),
        ProblemKind::ExploreOutcome(v) => trf(l, "problem.explore_outcome", &[&echo(v)]),
        ProblemKind::MapAxis(v) => trf(l, "problem.map_axis", &[&echo(v)]),
        ProblemKind::MapSameAxis(v) => trf(l, "problem.map_same_axis", &[&echo(v)]),
        ProblemKind::ExploreDay(v) => trf(l, "problem.explore_day", &[&echo(v)]),
        ProblemKind::DayPastHorizon {
            class,
            day,
            horizon,
        } => trf(
            l,
            if *class {
                "problem.rank_day_past"
            } else {
                "problem.explore_day_past"
            },
            &[day, horizon],
        ),
        ProblemKind::MapRuns(v) => {
            let (last, rest) = RUNS_CHOICES.split_last().expect("choices");
            let rest: Vec<String> = rest.iter().map(u32::to_string).collect();
            trf(
                l,
                "problem.map_runs",
                &[&echo(v), &DEFAULT_RUNS, &rest.join(", "), last],
            )
        }
        ProblemKind::Language(v) => trf(l, "problem.language", &[&echo(v)]),
        ProblemKind::View(v) => trf(l, "problem.view", &[&echo(v)]),
        ProblemKind::LanguageUnavailable(v) => trf(l, "problem.language_unavailable", &[&echo(v)]),
        ProblemKind::Embed(v) => trf(l, "problem.embed", &[&echo(v)]),
        ProblemKind::QuitPastHorizon { day, horizon } => {
            trf(l, "problem.quit_past", &[day, horizon])
        }
        ProblemKind::StepPastEnd { step, steps } => trf(l, "problem.step_past", &[step, steps]),
        ProblemKind::StepWithoutStory(v) => trf(l, "problem.step_no_story", &[&echo(v)]),
        ProblemKind::PlayDayMoved { day, shown } => trf(l, "problem.play_moved", &[day, shown]),
        ProblemKind::Repeated { key, value } => {
            trf(l, "problem.repeated", &[&echo(key), &echo(value)])
        }
        ProblemKind::RankOn(v) => {
            let names: Vec<&str> = Metric::ALL.iter().map(|m| m.name()).collect();
            trf(l, "problem.rank_on", &[&echo(v), &names.join(", ")])
        }
        ProblemKind::UnknownSetting(k) => trf(l, "problem.unknown", &[&echo(k)]),
        ProblemKind::Plan(v) => trf(l, "problem.plan", &[&echo(v)]),
        ProblemKind::Story(CodeError::Damaged) => tr(l, "problem.story_damaged").into(),
        ProblemKind::Story(CodeError::TooLarge) => tr(l, "problem.story_large").into(),
        ProblemKind::Story(CodeError::Version(v)) => trf(l, "problem.story_version", &[&echo(v)]),
    };
    if p.pinned {
        trf(l, "problem.pinned", &[&text])
    } else {
        text
    }
}

fn expected(l: Lang, kind: &str) -> String {
    let key = match kind {
        "a number" => "type.number",
        "a whole number" => "type.whole",
        "text" => "type.text",
        "true or false" => "type.bool",
        "an object" => "type.object",
        "a list" => "type.list",
        other => return other.to_string(),
    };
    tr(l, key).to_string()
}

/// A problem with an imported scenario or story file.
pub fn file_error_text(l: Lang, e: &FileError) -> String {
    let prefixed = |at: &str, text: String| {
        if at.is_empty() {
            text
        } else {
            format!("{at}: {text}")
        }
    };
    match e {
        FileError::Syntax { line, column } => trf(l, "file.syntax", &[line, column]),
        FileError::NotAnObject => tr(l, "file.not_object").to_string(),
        FileError::TooLarge { most } => trf(l, "file.too_large", &[&number(l, *most as f64)]),
        FileError::Unreadable => tr(l, "file.not_text").to_string(),
        FileError::TooDeep { line, column, most } => trf(l, "file.too_deep", &[most, line, column]),
        FileError::At { path, problem } => {
            let text = match problem {
                FieldProblem::UnknownField { name, known } if !known.is_empty() => {
                    trf(l, "file.unknown_field_known", &[name, &known.join(", ")])
                }
                FieldProblem::UnknownField { name, .. } => trf(l, "file.unknown_field", &[name]),
                FieldProblem::WrongType { expected: x } => match range_at(path) {
                    Some(r) => trf(
                        l,
                        "file.wrong_type_range",
                        &[&expected(l, x), &number(l, r.min), &number(l, r.max)],
                    ),
                    None => trf(l, "file.wrong_type", &[&expected(l, x)]),
                },
                FieldProblem::Missing(n) => trf(l, "file.missing", &[n]),
                FieldProblem::UnknownVariant(v) => trf(l, "file.unknown_variant", &[v]),
                FieldProblem::DuplicateKey(k) => trf(l, "file.duplicate_key", &[k]),
                FieldProblem::NumberTooLarge => tr(l, "file.number_too_large").to_string(),
                FieldProblem::NumberTooSmall => tr(l, "file.number_too_small").to_string(),
                FieldProblem::TooManyChanges { changes, most } => {
                    trf(l, "file.too_many_changes", &[changes, most])
                }
                FieldProblem::Other(m) => m.clone(),
            };
            prefixed(if path == "." { "" } else { path }, text)
        }
        FileError::Range { at, invalid } => {
            let r = invalid.range;
            prefixed(
                at,
                trf(
                    l,
                    "file.range",
                    &[
                        &r.field,
                        &number(l, invalid.value),
                        &number(l, r.min),
                        &number(l, r.max),
                    ],
                ),
            )
        }
        FileError::WholeDays { at, field, value } => {
            prefixed(at, trf(l, "file.whole_days", &[field, value]))
        }
        FileError::Story(p) => match p {
            StoryProblem::Format { found, reads } => trf(l, "storyfile.format", &[found, reads]),
            StoryProblem::NoSteps => tr(l, "storyfile.no_steps").to_string(),
            StoryProblem::TooManySteps { steps, most } => {
                trf(l, "storyfile.too_many", &[steps, most])
            }
            StoryProblem::UnknownLever { at, name } => {
                trf(l, "storyfile.unknown_lever", &[at, name])
            }
            StoryProblem::NoPreset { at, id } => trf(l, "storyfile.no_preset", &[at, id]),
            StoryProblem::DayOutOfRange { at, day, horizon } => {
                trf(l, "storyfile.day_range", &[at, day, horizon])
            }
            StoryProblem::PredictNeedsOneMetric { at } => trf(l, "storyfile.predict_one", &[at]),
        },
    }
}

/// A notice at the top of the page.
pub fn notice_text(l: Lang, n: &Notice) -> String {
    match n {
        Notice::Link(p) => trf(l, "notice.link", &[&problem_text(l, p)]),
        Notice::Saved(p) => trf(l, "notice.saved", &[&problem_text(l, p)]),
        Notice::Story(e) => trf(l, "notice.story", &[&file_error_text(l, e)]),
        Notice::Refused(why) => trf(l, "notice.refused", &[why]),
    }
}

/// Why a story file was not loaded.
pub fn story_refusal_text(l: Lang, r: &StoryRefusal) -> String {
    let why = match &r.error {
        Some(e) => file_error_text(l, e),
        None => tr(l, "file.unreadable").to_string(),
    };
    trf(l, "trainer.load_error", &[&r.name, &why])
}

/// Why the saved scenarios could not be read, in the interface language.
pub fn store_problem_text(l: Lang, p: &crate::state::saved::StoreProblem) -> String {
    let key = match p.wrong_shape {
        true => "saved.wrong_shape",
        false => "file.syntax",
    };
    trf(l, key, &[&p.line, &p.column])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_are_worded_in_the_language_on_screen_with_the_value() {
        let (_, problems) = crate::state::link::decode("r=250");
        let notice = Notice::Link(problems[0].clone());
        let (en, sv) = (
            notice_text(Lang::En, &notice),
            notice_text(Lang::Sv, &notice),
        );
        assert_ne!(en, sv);
        assert!(en.contains("250") && sv.contains("250"), "{en} / {sv}");
        let refusal = StoryRefusal {
            name: "x.json".into(),
            error: None,
        };
        assert!(story_refusal_text(Lang::Sv, &refusal).contains("x.json"));
    }

    /// A class list's bad link keeps its problem as data, so a Swedish page gives the reason in
    /// Swedish; the map's choices of futures are read from the list the map offers.
    #[test]
    fn a_class_teams_bad_link_and_the_maps_choices_are_worded_in_the_language() {
        let (_, refused) = crate::state::class::read_teams("Ravens: https://x.example/?b=lots");
        let crate::state::class::EntryProblem::Link(p) = &refused[0].why else {
            panic!("{refused:?}");
        };
        assert!(problem_text(Lang::Sv, p).contains("vilket inte är ett tal"));
        assert!(problem_text(Lang::En, p).contains("which is not a number"));
        let (_, problems) = crate::state::link::decode("explore=map&mn=300");
        assert!(problem_text(Lang::En, &problems[0])
            .contains("must be 100, 200, 500 or 1000; 200 are used"));
        assert!(problem_text(Lang::Sv, &problems[0]).contains("100, 200, 500 eller 1000"));
    }

    #[test]
    fn link_values_are_repeated_as_typed_never_rounded_or_saturated() {
        for (query, typed) in [
            ("r=100.4", "100.4"),
            ("b=-0.04", "-0.04"),
            ("cv=1e308", "1e308"),
        ] {
            let (_, problems) = crate::state::link::decode(query);
            for l in [Lang::En, Lang::Sv] {
                let text = problem_text(l, &problems[0]);
                assert!(text.contains(&format!("'{typed}'")), "{text}");
            }
        }
        let (_, problems) = crate::state::link::decode(&format!("s={}", "7".repeat(60_000)));
        assert!(problem_text(Lang::En, &problems[0]).len() < 300);
    }
}
