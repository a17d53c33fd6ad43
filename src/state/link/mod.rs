//! The shareable state (scenario, seed, runs, compare pin) as a compact, versioned query
//! string, e.g. `v=1&b=4000&p=7&r=90&i=90&s=7&A=b:300,p:3`. Only values that differ from
//! the defaults are written. Decoding never fails: a bad field falls back to its default
//! and is reported, the others are kept.

use crate::model::params::{field_by_key, FIELDS};
use crate::model::{Metric, Scenario};
use crate::state::explore::lever_map::{self, Axes};
use crate::state::explore::outcome::Outcome;
use crate::state::plan_code::encode_plan;
use crate::state::story_code::{self, CodeError};

mod decode;
pub use decode::decode;

/// The codec version written into every link.
pub const VERSION: u32 = 1;
/// Master seed when the link names none.
pub const DEFAULT_SEED: u64 = 1;
/// Runs per scenario when the link names none: enough for stable bands, fast enough to feel live.
pub const DEFAULT_RUNS: u32 = 500;
pub const MIN_RUNS: u32 = 20;
pub const MAX_RUNS: u32 = 5000;
/// Seeds stay below 2^53 so JavaScript and JSON carry them exactly.
pub const MAX_SEED: u64 = (1 << 53) - 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub scenario: Scenario,
    pub seed: u64,
    pub runs: u32,
    /// The scenario pinned as "A" for comparison (same seed: common random numbers).
    pub pinned: Option<Scenario>,
    /// Compact, chrome-less view for iframes (`embed=1`).
    pub embed: bool,
    /// Interface language, when the link names one.
    pub lang: Option<String>,
    /// Trainer mode: the story as its link value (`default`, a compressed file, or in older
    /// links the JSON itself; see [`story_code`]), and the step shown.
    pub story: Option<String>,
    pub step: u32,
    /// The "what if we quit at day X" overlay (`x`); 0 = off.
    pub quit: u32,
    /// The chart an embed shows (`view=leads`); leads when none is named.
    pub view: Option<Metric>,
    /// Play mode: the day the game has reached (`play=91`; 0 = set up, not started).
    pub play: Option<u32>,
    /// Class mode: the list of teams as pasted, and what they are ranked on.
    pub class: Option<Class>,
    /// The explorer (`explore=tornado&eo=leads&ed=365`, `explore=map&mx=budget&my=buyin&mn=500`).
    pub explore: Option<Explore>,
    /// "Your page" (`page=<the history table as typed>`; empty: the view, nothing pasted yet).
    /// A table over [`story_code::LINK_BUDGET`] stays out of the link (the page offers a file).
    pub page: Option<String>,
}

/// The explorer's two views: which lever matters most, and a map of two levers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ExploreView {
    #[default]
    Tornado,
    Map,
}

impl ExploreView {
    pub fn name(self) -> &'static str {
        match self {
            ExploreView::Tornado => "tornado",
            ExploreView::Map => "map",
        }
    }
}

/// Which explorer view is open, the outcome it shows on which day, the map's levers and its
/// futures per cell (one of [`lever_map::RUNS_CHOICES`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Explore {
    pub view: ExploreView,
    pub outcome: Outcome,
    pub day: u32,
    pub axes: Axes,
    pub map_runs: u32,
}

impl Explore {
    /// The day the explorer reads: the one chosen, or the horizon when that comes first.
    pub fn day_in(&self, scenario: &Scenario) -> u32 {
        self.day.min(scenario.assumptions.horizon_days)
    }
}

impl Default for Explore {
    fn default() -> Self {
        Explore {
            view: ExploreView::Tornado,
            outcome: Metric::Leads.into(),
            day: 365,
            axes: Axes::default(),
            map_runs: lever_map::DEFAULT_RUNS,
        }
    }
}

/// The class view's settings (`class=<list>&rank=leads&rday=365`).
#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    /// One team a line (`Name: code` or `Name: link`), as typed.
    pub teams: String,
    pub metric: Metric,
    pub day: u32,
}

impl Class {
    /// The day the class is ranked on: the one chosen, or the horizon when that comes first.
    pub fn day_in(&self, scenario: &Scenario) -> u32 {
        self.day.min(scenario.assumptions.horizon_days)
    }
}

impl Default for Class {
    fn default() -> Self {
        Class {
            teams: String::new(),
            metric: Metric::Leads,
            day: 365,
        }
    }
}

impl Default for Shared {
    fn default() -> Self {
        Shared {
            scenario: Scenario::default(),
            seed: DEFAULT_SEED,
            runs: DEFAULT_RUNS,
            pinned: None,
            embed: false,
            lang: None,
            story: None,
            step: 0,
            quit: 0,
            view: None,
            play: None,
            class: None,
            explore: None,
            page: None,
        }
    }
}

/// Shortest text that parses back to exactly `v`.
fn num(v: f64) -> String {
    format!("{v}")
}

/// `k=v&k=v` (or `k:v,k:v`) for the fields of `s` that differ from the defaults.
/// The plan's key: `c=...` in the link, `c:...` inside the pinned scenario `A`.
const PLAN_KEY: &str = "c";

fn scenario_pairs(s: &Scenario, sep: &str, join: &str) -> String {
    let default = Scenario::default();
    let plan = (!s.changes.is_empty()).then(|| (PLAN_KEY, encode_plan(&s.changes)));
    s.fields()
        .filter(|(f, v)| v.to_bits() != f.get(&default).to_bits())
        .map(|(f, v)| (f.key, num(v)))
        .chain(plan)
        .map(|(k, v)| format!("{k}{sep}{v}"))
        .collect::<Vec<_>>()
        .join(join)
}

/// Encodes the state as a query string (without the leading `?`).
pub fn encode(s: &Shared) -> String {
    let mut parts = vec![format!("v={VERSION}")];
    parts.push(scenario_pairs(&s.scenario, "=", "&"));
    if s.seed != DEFAULT_SEED {
        parts.push(format!("s={}", s.seed));
    }
    if s.runs != DEFAULT_RUNS {
        parts.push(format!("n={}", s.runs));
    }
    if let Some(pinned) = &s.pinned {
        parts.push(format!("A={}", scenario_pairs(pinned, ":", ",")));
    }
    if s.embed {
        parts.push("embed=1".into());
    }
    if let Some(lang) = &s.lang {
        parts.push(format!("lang={lang}"));
    }
    if s.quit > 0 {
        parts.push(format!("x={}", s.quit));
    }
    if let Some(view) = s.view {
        parts.push(format!("view={}", view.name()));
    }
    if let Some(day) = s.play {
        parts.push(format!("play={day}"));
    }
    if let Some(c) = &s.class {
        parts.push(format!("class={}", encoded(&c.teams)));
        if c.metric != Metric::Leads {
            parts.push(format!("rank={}", c.metric.name()));
        }
        // The day shown (the horizon's last when the chosen one lies beyond it).
        let day = c.day_in(&s.scenario);
        if day != Class::default().day {
            parts.push(format!("rday={day}"));
        }
    }
    if let Some(e) = &s.explore {
        parts.push(explore_pairs(e, &s.scenario));
    }
    if let Some(page) = &s.page {
        let fits = page.len() <= story_code::LINK_BUDGET;
        parts.push(format!(
            "page={}",
            if fits { encoded(page) } else { String::new() }
        ));
    }
    // A story over the budget stays out of the link (the page says so and offers the file).
    if let Some(story) = s.story.as_deref().filter(|c| story_code::fits(c)) {
        parts.push(format!("story={}", encoded(story)));
        if s.step > 0 {
            parts.push(format!("step={}", s.step));
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("&")
}

/// `explore=map&mx=budget&my=buyin&mn=500&eo=leads&ed=365`, defaults left out; the day is the
/// one shown (the horizon's last when the chosen one lies beyond it).
fn explore_pairs(e: &Explore, scenario: &Scenario) -> String {
    let default = Explore::default();
    let mut parts = vec![format!("explore={}", e.view.name())];
    if e.outcome != default.outcome {
        parts.push(format!("eo={}", e.outcome.name()));
    }
    let day = e.day_in(scenario);
    if day != default.day {
        parts.push(format!("ed={day}"));
    }
    if e.axes.x != default.axes.x {
        parts.push(format!("mx={}", e.axes.x.name()));
    }
    if e.axes.y != default.axes.y {
        parts.push(format!("my={}", e.axes.y.name()));
    }
    if e.map_runs != default.map_runs {
        parts.push(format!("mn={}", e.map_runs));
    }
    parts.join("&")
}

/// Something in a link that could not be used (and what was used instead), as data: worded
/// in the interface language in one place, `view::messages::problem_text`.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// In the pinned scenario "A" rather than the current one.
    pub pinned: bool,
    pub kind: ProblemKind,
}

fn field_named(name: &str) -> Option<&'static crate::model::params::Field> {
    FIELDS.iter().find(|f| f.name == name)
}

impl Problem {
    /// Whether this problem changes what a class reads from a team's link (its levers, plan,
    /// seed, or whether it was played), rather than how a page would show it (language,
    /// embedding, overlays, views).
    pub fn changes_team_entry(&self) -> bool {
        use ProblemKind::*;
        let lever = |name: &str| field_named(name).is_some_and(|f| f.lever);
        !self.pinned
            && match &self.kind {
                NotANumber { field, .. }
                | OutOfRange { field, .. }
                | NotWholeDays { field, .. } => lever(field),
                Version(_) | Seed(_) | Plan(_) | PlayDay(_) => true,
                Repeated { key, .. } => {
                    matches!(key.as_str(), PLAN_KEY | "s" | "v" | "play")
                        || field_by_key(key).is_some_and(|f| f.lever)
                }
                _ => false,
            }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// A lever or assumption (short name) that is not a number; its default is used.
    NotANumber {
        field: &'static str,
        value: String,
    },
    /// A lever or assumption outside its range; its default is used.
    OutOfRange {
        field: &'static str,
        /// As typed in the link (a rounded number could contradict the range it breaks).
        value: String,
        min: f64,
        max: f64,
    },
    /// A day count that is not a whole number; its default is used.
    NotWholeDays {
        field: &'static str,
        value: String,
    },
    /// More starting followers than the market holds; the default is used.
    StartAboveMarket {
        value: f64,
        market: f64,
    },
    Version(String),
    Seed(String),
    Runs(String),
    Step(String),
    QuitDay(String),
    /// The day a game has reached (`play`); the game starts from the beginning.
    PlayDay(String),
    /// The day a class is ranked on (`rday`); day 365 is used.
    RankDay(String),
    /// An explorer view (`explore`) this app does not have; the tornado is shown.
    Explorer(String),
    /// The explorer's outcome (`eo`); leads are shown.
    ExploreOutcome(String),
    /// A lever for the map's axis (`mx`, `my`) that is not one of the four; the default is used.
    MapAxis(String),
    /// The same lever on both of the map's axes; budget across and buy-in up are used.
    MapSameAxis(String),
    /// The explorer's day (`ed`); day 365 is used.
    ExploreDay(String),
    /// A day (the class's `rday` when `class`, else the explorer's `ed`) after the horizon;
    /// the horizon's last day is used.
    DayPastHorizon {
        class: bool,
        day: u32,
        horizon: u32,
    },
    /// The map's futures per cell (`mn`) that are not one of the choices; 200 are used.
    MapRuns(String),
    Language(String),
    /// A language code (`lang=de`) of a language the app does not have; the browser's
    /// language (or English) is used.
    LanguageUnavailable(String),
    /// An embed flag that is not 1 or 0 (`embed=yes`); the full page is shown.
    Embed(String),
    /// A quit day (`x`) after the horizon; the overlay is off.
    QuitPastHorizon {
        day: u32,
        horizon: u32,
    },
    /// A story's step (`step`) past its last; the last step is shown.
    StepPastEnd {
        step: u32,
        steps: usize,
    },
    /// A step (`step`) in a link that opens no story; it is ignored.
    StepWithoutStory(String),
    /// A game's day (`play`) that is not one of the game's stops (e.g. after the horizon);
    /// the game is shown at the stop it reaches.
    PlayDayMoved {
        day: u32,
        shown: u32,
    },
    /// A key given more than once; its first value is used and this one ignored.
    Repeated {
        key: String,
        value: String,
    },
    /// A class ranked on something that is not an outcome (`rank`); leads are used.
    RankOn(String),
    /// A chart name (`view=`) that is not one of the metrics; the default chart is shown.
    View(String),
    UnknownSetting(String),
    /// A plan (`c`) that cannot be read, or that the scenario cannot take (why, in English
    /// from the engine, when it could be read); it is left out.
    Plan(String),
    /// A story (`story=`) that cannot be unpacked; the simulator opens instead.
    Story(CodeError),
}

/// Text as a query-string value (any text survives the round trip through [`decode`]).
fn encoded(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
