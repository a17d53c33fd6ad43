//! Reading a link: every value checked, each one that is ignored or corrected reported as a
//! [`Problem`], the rest kept exactly.

use super::{
    Class, Explore, ExploreView, Problem, ProblemKind, Shared, MAX_RUNS, MAX_SEED, MIN_RUNS,
    PLAN_KEY, VERSION,
};
use crate::model::params::{field_by_key, MAX_DAYS};
use crate::model::{Metric, Scenario};
use crate::state::explore::lever_map::{self, Axes, Axis};
use crate::state::explore::outcome::Outcome;
use crate::state::plan_code::decode_plan;

/// Reads `key=value` into `scenario`, keeping it valid; returns what went wrong, if anything.
fn set_field(scenario: &mut Scenario, key: &str, value: &str) -> Option<ProblemKind> {
    let f = field_by_key(key)?;
    let field = f.name;
    let Ok(v) = value.parse::<f64>() else {
        return Some(ProblemKind::NotANumber {
            field,
            value: value.to_string(),
        });
    };
    // Check just this field (other fields may still be waiting for their own value).
    if !(v.is_finite() && v >= f.min && v <= f.max) {
        return Some(ProblemKind::OutOfRange {
            field,
            value: value.to_string(),
            min: f.min,
            max: f.max,
        });
    }
    if f.set(scenario, v).is_err() {
        return Some(ProblemKind::NotWholeDays {
            field,
            value: value.to_string(),
        });
    }
    None
}

/// Keeps starting followers within the market once every field is read.
fn settle(scenario: &mut Scenario, pinned: bool, problems: &mut Vec<Problem>) {
    let a = &mut scenario.assumptions;
    if a.starting_followers > a.market_size {
        problems.push(Problem {
            pinned,
            kind: ProblemKind::StartAboveMarket {
                value: a.starting_followers,
                market: a.market_size,
            },
        });
        a.starting_followers = Scenario::default()
            .assumptions
            .starting_followers
            .min(a.market_size);
    }
    // A plan must fit the rest of the scenario (days within the horizon, in order).
    if !scenario.changes.is_empty() && scenario.validate().is_err() {
        let text = crate::state::plan_code::encode_plan(&scenario.changes);
        scenario.changes = Default::default();
        problems.push(Problem {
            pinned,
            kind: ProblemKind::Plan(text),
        });
    }
}

/// The map's axes from the levers a link names (`mx`, `my`): one named, the other keeps its
/// default or swaps if that is the same; the same lever on both is refused with a notice.
fn map_axes(x: Option<Axis>, y: Option<Axis>, problems: &mut Vec<Problem>) -> Axes {
    let axes = Axes::default();
    match (x, y) {
        (Some(x), Some(y)) if x == y => {
            let kind = ProblemKind::MapSameAxis(x.name().into());
            problems.push(Problem {
                pinned: false,
                kind,
            });
            axes
        }
        (Some(x), Some(y)) => Axes { x, y },
        (Some(x), None) => axes.with_x(x),
        (None, Some(y)) => axes.with_y(y),
        (None, None) => axes,
    }
}

/// The class's and the explorer's days read from the link (`given`), brought to the horizon
/// when they lie after it, each with a notice.
fn days_within_horizon(s: &mut Shared, given: (bool, bool), problems: &mut Vec<Problem>) {
    let horizon = s.scenario.assumptions.horizon_days;
    let class_day = s.class.as_mut().filter(|_| given.0).map(|c| &mut c.day);
    let explore_day = s.explore.as_mut().filter(|_| given.1).map(|e| &mut e.day);
    for (class, day) in [(true, class_day), (false, explore_day)] {
        if let Some(day) = day.filter(|d| **d > horizon) {
            let kind = ProblemKind::DayPastHorizon {
                class,
                day: *day,
                horizon,
            };
            problems.push(Problem {
                pinned: false,
                kind,
            });
            *day = horizon;
        }
    }
}

/// Decodes a query string (with or without `?`). Never fails: returns the state plus a
/// plain-language note for every value that was ignored or corrected.
pub fn decode(query: &str) -> (Shared, Vec<Problem>) {
    let mut r = Reader::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut seen = Vec::new();
    for (key, raw) in form_urlencoded::parse(query.as_bytes()) {
        // A page's history is kept as typed; every other value is read trimmed.
        let value = if key == "page" { &raw[..] } else { raw.trim() };
        if !is_ours(&key) {
            // Other parameters (e.g. a host's tracking tags) belong to someone else: leave them.
            continue;
        }
        if seen.contains(&key) {
            r.report(false, repeated(&key, value));
            continue;
        }
        r.pair(&key, value);
        seen.push(key);
    }
    r.finish()
}

/// The keys this app reads (anything else in a link is left alone, without a word).
fn is_ours(key: &str) -> bool {
    const KEYS: [&str; 22] = [
        "v", "s", "n", "A", PLAN_KEY, "embed", "story", "step", "x", "play", "class", "rank",
        "rday", "explore", "mx", "my", "eo", "ed", "mn", "view", "lang", "page",
    ];
    KEYS.contains(&key) || field_by_key(key).is_some()
}

/// A key given again: the first value is kept, this one is ignored.
fn repeated(key: &str, value: &str) -> ProblemKind {
    ProblemKind::Repeated {
        key: key.into(),
        value: value.into(),
    }
}

/// The state read so far, what went wrong, and what can only be checked once every value
/// is in (the map's axes, days against the horizon, a step without a story).
#[derive(Default)]
struct Reader {
    s: Shared,
    problems: Vec<Problem>,
    map_x: Option<Axis>,
    map_y: Option<Axis>,
    rank_day: bool,
    explore_day: bool,
    step: Option<String>,
}

impl Reader {
    fn report(&mut self, pinned: bool, kind: ProblemKind) {
        self.problems.push(Problem { pinned, kind });
    }

    fn pair(&mut self, key: &str, value: &str) {
        let s = &mut self.s;
        let problem = match key {
            "v" if value != VERSION.to_string() => Some(ProblemKind::Version(value.into())),
            "v" => None,
            "s" => match value.parse::<u64>() {
                Ok(seed) if seed <= MAX_SEED => set(&mut s.seed, seed),
                _ => Some(ProblemKind::Seed(value.into())),
            },
            "n" => match value.parse::<u32>() {
                Ok(n) if (MIN_RUNS..=MAX_RUNS).contains(&n) => set(&mut s.runs, n),
                _ => Some(ProblemKind::Runs(value.into())),
            },
            "A" => {
                self.pinned(value);
                None
            }
            PLAN_KEY => match decode_plan(value) {
                Some(plan) => set(&mut s.scenario.changes, plan),
                None => Some(ProblemKind::Plan(value.into())),
            },
            "embed" => match value {
                "1" | "true" => set(&mut s.embed, true),
                "0" | "false" => set(&mut s.embed, false),
                _ => Some(ProblemKind::Embed(value.into())),
            },
            "story" => {
                // An empty story is no story.
                s.story = Some(value.to_string()).filter(|v| !v.is_empty());
                None
            }
            "step" => match value.parse::<u32>() {
                Ok(step) if step < 1000 => {
                    s.step = step;
                    self.step = Some(value.into());
                    None
                }
                _ => Some(ProblemKind::Step(value.into())),
            },
            "x" => match value.parse::<u32>() {
                Ok(day) if day <= MAX_DAYS => set(&mut s.quit, day),
                _ => Some(ProblemKind::QuitDay(value.into())),
            },
            "play" => match value.parse::<u32>() {
                Ok(day) if day <= MAX_DAYS => set(&mut s.play, Some(day)),
                _ => {
                    s.play = Some(0);
                    Some(ProblemKind::PlayDay(value.into()))
                }
            },
            "class" => set(
                &mut s.class.get_or_insert_with(Class::default).teams,
                value.to_string(),
            ),
            "page" => set(&mut s.page, Some(value.to_string())),
            "rank" => match Metric::ALL.into_iter().find(|m| m.name() == value) {
                Some(m) => set(&mut s.class.get_or_insert_with(Class::default).metric, m),
                None => Some(ProblemKind::RankOn(value.into())),
            },
            "rday" => match value.parse::<u32>() {
                Ok(day) if (1..=MAX_DAYS).contains(&day) => {
                    s.class.get_or_insert_with(Class::default).day = day;
                    self.rank_day = true;
                    None
                }
                _ => Some(ProblemKind::RankDay(value.into())),
            },
            "view" => match Metric::ALL.into_iter().find(|m| m.name() == value) {
                Some(m) => set(&mut s.view, Some(m)),
                None => Some(ProblemKind::View(value.into())),
            },
            "lang" => match language(value) {
                Ok(code) => set(&mut s.lang, Some(code)),
                Err(kind) => Some(kind),
            },
            "explore" | "mx" | "my" | "eo" | "ed" | "mn" => self.explore(key, value),
            k => set_field(&mut s.scenario, k, value),
        };
        if let Some(kind) = problem {
            self.report(false, kind);
        }
    }

    /// The explorer's settings (`explore`, `mx`, `my`, `eo`, `ed`, `mn`).
    fn explore(&mut self, key: &str, value: &str) -> Option<ProblemKind> {
        let e = || Explore::default();
        let s = &mut self.s;
        match key {
            "explore" => {
                let e = s.explore.get_or_insert_with(e);
                match value {
                    "tornado" => set(&mut e.view, ExploreView::Tornado),
                    "map" => set(&mut e.view, ExploreView::Map),
                    _ => Some(ProblemKind::Explorer(value.into())),
                }
            }
            "mx" | "my" => match Axis::parse(value) {
                Some(a) => {
                    s.explore.get_or_insert_with(e);
                    let axis = if key == "mx" {
                        &mut self.map_x
                    } else {
                        &mut self.map_y
                    };
                    set(axis, Some(a))
                }
                None => Some(ProblemKind::MapAxis(value.into())),
            },
            "eo" => match Outcome::explored(value) {
                Some(m) => set(&mut s.explore.get_or_insert_with(e).outcome, m),
                None => Some(ProblemKind::ExploreOutcome(value.into())),
            },
            "ed" => match value.parse::<u32>() {
                Ok(day) if (1..=MAX_DAYS).contains(&day) => {
                    s.explore.get_or_insert_with(e).day = day;
                    self.explore_day = true;
                    None
                }
                _ => Some(ProblemKind::ExploreDay(value.into())),
            },
            _ => match value.parse::<u32>() {
                Ok(n) if lever_map::RUNS_CHOICES.contains(&n) => {
                    set(&mut s.explore.get_or_insert_with(e).map_runs, n)
                }
                _ => Some(ProblemKind::MapRuns(value.into())),
            },
        }
    }

    /// The pinned scenario `A=b:300,p:3`: its own pairs, each key once.
    fn pinned(&mut self, value: &str) {
        let mut pinned = Scenario::default();
        let mut seen = Vec::new();
        for pair in value.split(',').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once(':').unwrap_or((pair, ""));
            let problem = if seen.contains(&k) {
                Some(repeated(k, v))
            } else if k == PLAN_KEY {
                match decode_plan(v) {
                    Some(plan) => set(&mut pinned.changes, plan),
                    None => Some(ProblemKind::Plan(v.into())),
                }
            } else if field_by_key(k).is_none() {
                Some(ProblemKind::UnknownSetting(k.into()))
            } else {
                set_field(&mut pinned, k, v)
            };
            seen.push(k);
            if let Some(kind) = problem {
                self.report(true, kind);
            }
        }
        settle(&mut pinned, true, &mut self.problems);
        self.s.pinned = Some(pinned);
    }

    /// What can be checked only once every value is in.
    fn finish(mut self) -> (Shared, Vec<Problem>) {
        let problems = &mut self.problems;
        let s = &mut self.s;
        settle(&mut s.scenario, false, problems);
        days_within_horizon(s, (self.rank_day, self.explore_day), problems);
        if let Some(e) = s.explore.as_mut() {
            e.axes = map_axes(self.map_x, self.map_y, problems);
        }
        let horizon = s.scenario.assumptions.horizon_days;
        if s.quit > horizon {
            let (day, horizon) = (s.quit, horizon);
            s.quit = 0;
            let kind = ProblemKind::QuitPastHorizon { day, horizon };
            problems.push(Problem {
                pinned: false,
                kind,
            });
        }
        if let (Some(step), None) = (self.step, &s.story) {
            s.step = 0;
            let kind = ProblemKind::StepWithoutStory(step);
            problems.push(Problem {
                pinned: false,
                kind,
            });
        }
        (self.s, self.problems)
    }
}

/// Stores a value that was read without a problem.
fn set<T>(slot: &mut T, value: T) -> Option<ProblemKind> {
    *slot = value;
    None
}

/// The interface language a link names: a code of one of the app's languages (`sv`,
/// `en-GB`), kept as written in lower case.
fn language(value: &str) -> Result<String, ProblemKind> {
    let code = !value.is_empty()
        && value.len() <= 8
        && value.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
    if !code {
        return Err(ProblemKind::Language(value.into()));
    }
    match crate::i18n::Lang::from_code(value) {
        Some(_) => Ok(value.to_ascii_lowercase()),
        None => Err(ProblemKind::LanguageUnavailable(value.into())),
    }
}
