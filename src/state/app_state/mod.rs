//! Everything the app holds, in one value, and every way it changes: an [`Action`] applied by
//! [`AppState::apply`]. The Yew app wraps this in `use_reducer`; the transitions are plain Rust,
//! tested natively. Each action applies to the latest state, so a late file read or a result
//! arriving mid-typing can never overwrite something newer.
//!
//! What each mode adds (its actions, their transitions and the work it asks of the worker) is
//! in a file of the mode's name; the tests are in `tests.rs`.

mod class;
mod explore;
mod play;
mod story;
#[cfg(test)]
mod tests;

pub use class::ClassAction;
pub use explore::ExploreAction;
pub use play::PlayAction;
pub use story::StoryAction;

use crate::files::FileError;
use crate::i18n::Lang;
use crate::model::params::Field;
use crate::model::Scenario;
use crate::state::jobs::{JobRefused, Report, Request, Results, Slot};
use crate::state::link::{self, Explore, Problem, ProblemKind, Shared};
use crate::state::play::Game;
use crate::state::story_code;
use crate::story::Story;
use std::rc::Rc;

/// Single futures drawn on the charts when "sample paths" is on.
pub const SAMPLE_PATHS: u32 = 8;
/// Silence from the worker, with work outstanding, after which the page says something is wrong.
pub const STALL_MS: f64 = 8000.0;

/// Something that could not be used, as data: the page words it in the language on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A value in the link.
    Link(Problem),
    /// A value in a saved scenario.
    Saved(Problem),
    /// The story named by the link.
    Story(FileError),
    /// A scenario the simulation refused (its reason in English, from the engine).
    Refused(String),
}

/// A story file that was not loaded: unreadable (`None`) or not a valid story.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryRefusal {
    pub name: String,
    pub error: Option<FileError>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// What the link carries.
    pub shared: Shared,
    /// The story of trainer mode, parsed once from `shared.story`.
    pub story: Option<Rc<Story>>,
    /// The browser's language, used when the link names none.
    pub browser_lang: Option<Lang>,
    /// Messages at the top of the page (bad link values, a story that did not load, ...).
    pub notices: Vec<Notice>,
    /// Why the last story file was refused, shown in the trainer panel.
    pub story_refusal: Option<StoryRefusal>,
    pub results: Results,
    pub show_samples: bool,
    /// When the worker was last heard from (or last given work), in milliseconds.
    pub last_heard: f64,
    pub stalled: bool,
    /// Play mode: the game at the day reached (from `shared.play` and the scenario).
    pub game: Option<Rc<Game>>,
    /// The scenario on screen before a game started, given back when it ends.
    pub before_game: Option<Scenario>,
    /// The explorer as it was last left, to open it again as it was.
    pub explore_before: Option<Explore>,
    /// The element to give the keyboard focus to when the simulator opens again (the button
    /// that opened the explorer, or the first lever a map cell set; the control pressed is
    /// gone): set for the render that follows only, so later visits leave the focus alone.
    pub focus_next: Option<String>,
}

pub enum Action {
    /// A value the lever already checked with [`try_set`]; checked again against the latest
    /// scenario, so a value that no longer fits is never stored.
    SetField(&'static Field, f64),
    /// A whole scenario: a preset or an imported file.
    SetScenario(Box<Scenario>),
    SetSeed(u64),
    SetRuns(u32),
    SetQuit(u32),
    Pin,
    Unpin,
    SetLang(String),
    /// A saved scenario's link: everything but the language and the embed flag.
    LoadQuery(String),
    DismissNotices,
    ToggleSamples,
    /// What the workers answered (a result or a refusal), at `now` (milliseconds).
    Report(Report, f64),
    /// The watchdog's clock: the time now, and when any worker last answered anything (a
    /// result, a sign of life, or an answer to work superseded since), in milliseconds.
    Tick(f64, f64),
    /// Trainer mode (`story.rs`), play mode (`play.rs`), class mode (`class.rs`), the
    /// explorer (`explore.rs`).
    Story(StoryAction),
    Play(PlayAction),
    Class(ClassAction),
    Explore(ExploreAction),
    /// "Your page": opened with a history table (or none yet), or left (`None`).
    Page(Option<String>),
}

/// Why a value cannot go into the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    WholeDays,
    Range {
        min: f64,
        max: f64,
    },
    /// The value would put a change of the scenario's plan out of its rule (e.g. a horizon
    /// shorter than a change's day): the engine's words for it.
    Plan(String),
}

/// The scenario with `field` set to `value`, if the whole scenario can take it.
pub fn try_set(scenario: &Scenario, field: &Field, value: f64) -> Result<Scenario, Refusal> {
    if !(value.is_finite() && value >= field.min && value <= field.max) {
        return Err(Refusal::Range {
            min: field.min,
            max: field.max,
        });
    }
    let mut next = *scenario;
    field
        .set(&mut next, value)
        .map_err(|_| Refusal::WholeDays)?;
    next.validate().map_err(|e| match e.change {
        Some(_) => Refusal::Plan(e.to_string()),
        None => Refusal::Range {
            min: e.range.min,
            max: e.range.max,
        },
    })?;
    Ok(next)
}

impl AppState {
    /// The state a link opens, at `now`, with every problem in the link reported.
    pub fn new(query: &str, browser_lang: Option<Lang>, now: f64) -> Self {
        let (shared, problems) = link::decode(query);
        let mut s = AppState {
            shared,
            story: None,
            browser_lang,
            notices: Vec::new(),
            story_refusal: None,
            results: Results::default(),
            show_samples: false,
            last_heard: now,
            stalled: false,
            game: None,
            before_game: None,
            explore_before: None,
            focus_next: None,
        };
        s.notices = problems.into_iter().map(Notice::Link).collect();
        if let Some(code) = s.shared.story.take() {
            let step = s.shared.step;
            match story_code::decode(&code) {
                Ok(text) => s.open_story(text, step as usize, None),
                Err(e) => s.link_notice(ProblemKind::Story(e)),
            }
            let steps = s.story.as_ref().map_or(0, |story| story.steps.len());
            if steps > 0 && step as usize >= steps {
                s.link_notice(ProblemKind::StepPastEnd { step, steps });
            }
        }
        let play = s.shared.play;
        s.refresh_game();
        if let (Some(day), Some(shown)) = (play, s.shared.play.filter(|&d| Some(d) != play)) {
            s.link_notice(ProblemKind::PlayDayMoved { day, shown });
        }
        s.schedule(now);
        s
    }

    fn link_notice(&mut self, kind: ProblemKind) {
        let pinned = false;
        self.notices.push(Notice::Link(Problem { pinned, kind }));
    }

    /// Whether, at `at`, the workers have been silent too long with work outstanding: neither
    /// a result (`last_heard`) nor any other answer (`heard`) for `STALL_MS`. Busy workers
    /// answer (a result, an answer to superseded work, a sign of life); dead ones do not.
    pub fn stalled_at(&self, at: f64, heard: f64) -> bool {
        at - self.last_heard.max(heard) > STALL_MS && self.results.pending()
    }

    /// The interface language: the link's, else the browser's, else English.
    pub fn lang(&self) -> Lang {
        self.shared
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .or(self.browser_lang)
            .unwrap_or_default()
    }

    pub fn apply(&mut self, action: Action) {
        let before = self.shared.clone();
        let mut now = self.last_heard;
        self.focus_next = None;
        match action {
            Action::SetField(field, value) => {
                if let Ok(next) = try_set(&self.shared.scenario, field, value) {
                    self.shared.scenario = next;
                }
            }
            Action::SetScenario(s) => self.shared.scenario = *s,
            Action::SetSeed(seed) => self.shared.seed = seed,
            Action::SetRuns(runs) => self.shared.runs = runs,
            Action::SetQuit(day) => self.shared.quit = day,
            Action::Pin => self.shared.pinned = Some(self.shared.scenario),
            Action::Unpin => self.shared.pinned = None,
            Action::SetLang(code) => self.shared.lang = Some(code),
            Action::LoadQuery(query) => self.load_query(&query),
            Action::DismissNotices => self.notices.clear(),
            Action::ToggleSamples => self.show_samples = !self.show_samples,
            Action::Report(report, at) => self.report(report, at),
            Action::Tick(at, heard) => {
                now = at;
                self.stalled = self.stalled_at(at, heard);
                self.last_heard = self.last_heard.max(heard);
            }
            Action::Story(a) => self.apply_story(a),
            Action::Play(a) => self.apply_play(a),
            Action::Class(a) => self.apply_class(a),
            Action::Explore(a) => self.apply_explore(a, now),
            Action::Page(page) => self.shared.page = page,
        }
        if self.shared != before {
            self.refresh_game();
            self.schedule(now);
        }
    }

    fn load_query(&mut self, query: &str) {
        let (mut next, problems) = link::decode(query);
        next.embed = self.shared.embed;
        next.lang = self.shared.lang.clone();
        next.story = None;
        self.notices = problems.into_iter().map(Notice::Saved).collect();
        self.shared = next;
    }

    /// A result (which, at `at`, shows the workers are alive) or a refusal, if it answers the
    /// latest request; a refusal becomes a notice instead of a spinner.
    fn report(&mut self, report: Report, at: f64) {
        match report {
            Report::Progress(p) => {
                self.last_heard = at;
                self.stalled = false;
                self.results.receive(*p);
            }
            Report::Outcomes(o) => {
                self.last_heard = at;
                self.stalled = false;
                let map = self.map_runs();
                if let (true, Some(upto)) = (self.results.receive_outcomes(*o), map) {
                    self.results.refine_outcomes(upto);
                }
            }
            Report::Refused(JobRefused::Futures { slot, id, reason }) => {
                let latest = self.results.requested[slot as usize].as_ref().map(|j| j.id);
                if latest == Some(id) {
                    self.results.clear(slot);
                    self.notices.push(Notice::Refused(reason));
                }
            }
            Report::Refused(JobRefused::Outcomes { id, plan, reason }) => {
                if self.results.outcomes_requested.as_ref().map(|j| j.id) == Some(id) {
                    self.results.clear_outcomes();
                    self.notices
                        .push(Notice::Refused(format!("plan {}: {reason}", plan + 1)));
                }
            }
        }
    }

    /// (Re)requests whatever the shared state now needs; unchanged work is not asked again.
    fn schedule(&mut self, now: f64) {
        let was_idle = !self.results.pending();
        if self.game.is_some() {
            self.schedule_game();
        } else if self.shared.class.is_some() {
            self.schedule_class();
        } else if self.shared.explore.is_some() {
            self.schedule_explore();
        } else {
            self.schedule_main();
        }
        if was_idle && self.results.pending() {
            // Idle until now: the silence so far is not the worker's fault.
            self.last_heard = now;
        }
    }

    fn schedule_main(&mut self) {
        let s = &self.shared;
        let r = &mut self.results;
        r.clear_outcomes();
        r.request(Slot::Current, s.scenario, s.seed, s.runs, SAMPLE_PATHS);
        match s.pinned {
            Some(a) => drop(r.request(Slot::Pinned, a, s.seed, s.runs, 0)),
            None => r.clear(Slot::Pinned),
        }
        // The overlay is drawn in the main view only; trainer mode does not pay for it.
        if s.story.is_none() && s.quit > 0 && s.quit < s.scenario.assumptions.horizon_days {
            let mut q = s.scenario;
            q.assumptions.stop_day = s.quit;
            r.request(Slot::Quit, q, s.seed, s.runs, 0);
        } else {
            r.clear(Slot::Quit);
        }
    }

    /// The requests the worker has not been sent yet (ids above `sent`), oldest first.
    pub fn unsent(&self, sent: u32) -> Vec<Request> {
        let r = &self.results;
        let futures = r
            .requested
            .iter()
            .flatten()
            .cloned()
            .map(|j| Request::Futures(Box::new(j)));
        let outcomes = r.outcomes_requested.iter().cloned().map(Request::Outcomes);
        let mut jobs: Vec<Request> = futures.chain(outcomes).filter(|j| j.id() > sent).collect();
        super::order::sort_by(&mut jobs, |a, b| a.id().cmp(&b.id()));
        jobs
    }
}
