//! Everything the app holds, in one value, and every way it changes: an [`Action`] applied by
//! [`AppState::apply`]. The Yew app wraps this in `use_reducer`; the transitions are plain Rust,
//! tested natively. Each action applies to the latest state, so a late file read or a result
//! arriving mid-typing can never overwrite something newer.

use crate::files::FileError;
use crate::i18n::Lang;
use crate::model::params::Field;
use crate::model::Metric;
use crate::model::Scenario;
use crate::state::class::roster;
use crate::state::game::{alternatives, decide, Decision, Game};
use crate::state::jobs::{Outcomes, OutcomesJob, Progress, Request, Results, Slot};
use crate::state::lever_map::{self, Axes};
use crate::state::outcome::Outcome;
use crate::state::share::{self, Class, Explore, ExploreView, Problem, ProblemKind, Shared};
use crate::state::story_code;
use crate::state::tornado;
use crate::story::{default_story, parse_story, Story};
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
    /// The default story.
    StartStory,
    /// A story file's name and text; one that does not parse is refused with the reason.
    StoryFile {
        name: String,
        text: String,
    },
    StoryStep(usize),
    ExitStory,
    /// A story file that could not be read.
    /// A story file that could not be read: by the browser (`None`), or as UTF-8 text.
    StoryUnreadable(String, Option<FileError>),
    DismissNotices,
    ToggleSamples,
    /// A result from the worker, at `now` (milliseconds).
    Received(Box<Progress>, f64),
    /// The worker refused a job (it found the scenario invalid).
    Refused {
        slot: Slot,
        id: u32,
        reason: String,
    },
    /// The watchdog's clock.
    Tick(f64),
    /// Play mode: start a game with the scenario on screen, decide at a stop, leave.
    StartGame,
    Decide(Decision),
    ExitGame,
    /// Class mode: open it, change the list of teams or what they are ranked on, leave.
    OpenClass,
    SetClassTeams(String),
    SetClassRank(Metric, u32),
    ExitClass,
    /// The explorer: open the tornado, choose its outcome and day, switch to the map and
    /// choose its levers and futures per cell, stop it or run it again, load a cell's levers
    /// (and leave), leave.
    OpenExplorer,
    SetExplore(Outcome, u32),
    SetExploreView(ExploreView),
    SetMapAxes(Axes),
    /// One of `lever_map::RUNS_CHOICES` (anything else is ignored).
    SetMapRuns(u32),
    CancelExplore,
    RunExplore,
    LoadMapCell(usize, usize),
    ExitExplorer,
    /// Outcomes from the worker (class, debrief or explorer), at `now`.
    ReceivedOutcomes(Box<Outcomes>, f64),
    OutcomesRefused {
        id: u32,
        plan: usize,
        reason: String,
    },
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
        let (shared, problems) = share::decode(query);
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
            let step = s.shared.step as usize;
            match story_code::decode(&code) {
                Ok(text) => s.open_story(text, step, None),
                Err(e) => s.notices.push(Notice::Link(Problem {
                    pinned: false,
                    kind: ProblemKind::Story(e),
                })),
            }
        }
        s.refresh_game();
        s.schedule(now);
        s
    }

    /// Whether, at `at`, the worker has been silent too long with work outstanding.
    pub fn stalled_at(&self, at: f64) -> bool {
        at - self.last_heard > STALL_MS && self.results.pending()
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
            Action::StartStory => self.open_story("default".into(), 0, None),
            Action::StoryFile { name, text } => self.open_story(text, 0, Some(&name)),
            Action::StoryStep(i) => self.show_step(i),
            Action::ExitStory => {
                self.story = None;
                self.shared.story = None;
                self.shared.step = 0;
                self.shared.pinned = None;
            }
            Action::StoryUnreadable(name, error) => {
                self.story_refusal = Some(StoryRefusal { name, error })
            }
            Action::DismissNotices => self.notices.clear(),
            Action::ToggleSamples => self.show_samples = !self.show_samples,
            Action::Received(p, at) => {
                self.last_heard = at;
                self.stalled = false;
                self.results.receive(*p);
            }
            Action::Refused { slot, id, reason } => self.refused(slot, id, reason),
            Action::Tick(at) => {
                now = at;
                self.stalled = self.stalled_at(at);
            }
            Action::StartGame => {
                self.before_game = Some(self.shared.scenario);
                let s = &mut self.shared.scenario;
                s.changes = Default::default();
                s.assumptions.stop_day = 0;
                self.shared.play = Some(0);
                self.shared.class = None;
                self.shared.explore = None;
            }
            Action::Decide(decision) => self.decide(decision),
            Action::ExitGame => {
                self.shared.play = None;
                if let Some(s) = self.before_game.take() {
                    self.shared.scenario = s;
                }
            }
            Action::OpenClass => {
                self.shared.class.get_or_insert_with(Class::default);
            }
            Action::SetClassTeams(text) => {
                self.shared.class.get_or_insert_with(Class::default).teams = text
            }
            Action::SetClassRank(metric, day) => {
                let c = self.shared.class.get_or_insert_with(Class::default);
                (c.metric, c.day) = (metric, day);
            }
            Action::ExitClass => self.shared.class = None,
            Action::OpenExplorer => {
                let last = self.explore_before.take();
                self.shared
                    .explore
                    .get_or_insert_with(|| last.unwrap_or_default());
            }
            Action::SetExplore(metric, day) => {
                let e = self.shared.explore.get_or_insert_with(Explore::default);
                (e.metric, e.day) = (metric, day);
            }
            Action::SetExploreView(view) => {
                self.shared
                    .explore
                    .get_or_insert_with(Explore::default)
                    .view = view
            }
            Action::SetMapAxes(axes) => {
                self.shared
                    .explore
                    .get_or_insert_with(Explore::default)
                    .axes = axes
            }
            Action::SetMapRuns(n) if lever_map::RUNS_CHOICES.contains(&n) => {
                self.shared
                    .explore
                    .get_or_insert_with(Explore::default)
                    .map_runs = n
            }
            Action::SetMapRuns(_) => {}
            // The worker's part is the pool's: a cleared request is no longer worked on.
            Action::CancelExplore => self.results.stop_outcomes(),
            Action::RunExplore if self.shared.explore.is_some() => {
                self.results.resume_outcomes();
                self.schedule(now)
            }
            Action::RunExplore => {}
            Action::LoadMapCell(ix, iy) => self.load_map_cell(ix, iy),
            Action::ExitExplorer => {
                self.explore_before = self.shared.explore.take();
                self.focus_next = Some("open-explorer".into());
            }
            Action::ReceivedOutcomes(o, at) => {
                self.last_heard = at;
                self.stalled = false;
                let map = self.map_runs();
                if let (true, Some(upto)) = (self.results.receive_outcomes(*o), map) {
                    self.results.refine_outcomes(upto);
                }
            }
            Action::OutcomesRefused { id, plan, reason } => {
                if self.results.outcomes_requested.as_ref().map(|j| j.id) == Some(id) {
                    self.results.clear_outcomes();
                    self.notices
                        .push(Notice::Refused(format!("plan {}: {reason}", plan + 1)));
                }
            }
        }
        if self.shared != before {
            self.refresh_game();
            self.schedule(now);
        }
    }

    /// The game at the day reached, recomputed when the plan, the seed or the day changed.
    fn refresh_game(&mut self) {
        let Some(day) = self.shared.play else {
            self.game = None;
            return;
        };
        let (scenario, seed) = (self.shared.scenario, self.shared.seed);
        let same = |g: &Rc<Game>| g.scenario == scenario && g.seed == seed && g.day() == day;
        if !self.game.as_ref().is_some_and(same) {
            let game = Game::at(&scenario, seed, day);
            self.shared.play = Some(game.day());
            self.game = Some(Rc::new(game));
        }
    }

    /// The player's decision at the stop reached; the game goes on to the next stop.
    fn decide(&mut self, decision: Decision) {
        let Some(game) = self.game.clone().filter(|g| g.ending.is_none()) else {
            return;
        };
        let Some(next) = decide(&self.shared.scenario, game.day(), decision) else {
            return;
        };
        self.shared.scenario = next;
        if decision != Decision::Stop {
            let then = Game::at(&next, self.shared.seed, game.day());
            self.shared.play = then.next_stop().or(Some(game.day()));
        }
    }

    /// Opens a story (a file's text, or `default`) at a step; one that does not parse is
    /// reported and trainer mode stays off. The link carries it compressed.
    fn open_story(&mut self, raw: String, step: usize, file: Option<&str>) {
        let parsed = if raw == "default" {
            Ok(default_story())
        } else {
            parse_story(&raw)
        };
        match parsed {
            Ok(story) => {
                self.story = Some(Rc::new(story));
                self.shared.story = Some(story_code::encode(&raw));
                self.story_refusal = None;
                self.show_step(step);
            }
            Err(e) => match file {
                Some(name) => {
                    let name = name.to_string();
                    self.story_refusal = Some(StoryRefusal {
                        name,
                        error: Some(e),
                    });
                }
                None => self.notices.push(Notice::Story(e)),
            },
        }
    }

    /// Shows step `i` of the story: its levers (unless the room sets them) and its comparison.
    fn show_step(&mut self, i: usize) {
        let Some(story) = self.story.clone() else {
            return;
        };
        let i = i.min(story.steps.len() - 1);
        let step = &story.steps[i];
        self.shared.step = i as u32;
        if let Ok(Some(scenario)) = step.scenario("") {
            self.shared.scenario = scenario;
        }
        self.shared.pinned = step.pinned("").ok().flatten();
    }

    fn load_query(&mut self, query: &str) {
        let (mut next, problems) = share::decode(query);
        next.embed = self.shared.embed;
        next.lang = self.shared.lang.clone();
        next.story = None;
        self.notices = problems.into_iter().map(Notice::Saved).collect();
        self.shared = next;
    }

    fn refused(&mut self, slot: Slot, id: u32, reason: String) {
        let latest = self.results.requested[slot as usize].as_ref().map(|j| j.id);
        if latest == Some(id) {
            self.results.clear(slot);
            self.notices.push(Notice::Refused(reason));
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

    /// A game: the futures still possible from the day reached; at the end, every future of
    /// the plan played and, on the same futures, the alternatives of the debrief.
    fn schedule_game(&mut self) {
        let (s, r) = (&self.shared, &mut self.results);
        let game = self.game.as_ref().expect("a game");
        r.clear(Slot::Pinned);
        r.clear(Slot::Quit);
        match game.ending {
            None => {
                let from = Some(game.day());
                r.request_from(Slot::Current, s.scenario, s.seed, s.runs, 0, from);
                r.clear_outcomes();
            }
            Some(_) => {
                r.request(Slot::Current, s.scenario, s.seed, s.runs, 0);
                let mut plans = vec![s.scenario];
                plans.extend(alternatives(&s.scenario).map(|(_, alt)| alt));
                let horizon = s.scenario.assumptions.horizon_days;
                r.request_outcomes(plans, s.seed, s.runs, (Metric::Leads, horizon));
            }
        }
    }

    /// A class: every team's plan valid on the class's company, on the same futures.
    fn schedule_class(&mut self) {
        let (s, r) = (&self.shared, &mut self.results);
        let class = s.class.as_ref().expect("a class");
        for slot in [Slot::Current, Slot::Pinned, Slot::Quit] {
            r.clear(slot);
        }
        let plans = roster(&class.teams, &s.scenario).plans;
        match plans.is_empty() {
            true => r.clear_outcomes(),
            false => drop(r.request_outcomes(
                plans,
                s.seed,
                s.runs,
                (class.metric, class.day_in(&s.scenario)),
            )),
        }
    }

    /// The tornado: the scenario and each field moved down and up, on the same futures. The
    /// map: every cell on the same futures, in passes (a coarse map first, then sharper up to
    /// the futures per cell chosen); the same map still under way or done is left alone, or
    /// goes on to more futures when more are chosen. Fewer than it already asked for start
    /// it again (the same futures, so the same first passes).
    fn schedule_explore(&mut self) {
        let (s, r) = (&self.shared, &mut self.results);
        let e = s.explore.as_ref().expect("the explorer");
        for slot in [Slot::Current, Slot::Pinned, Slot::Quit] {
            r.clear(slot);
        }
        if e.view == ExploreView::Tornado {
            let plans = tornado::scenarios(&s.scenario, &tornado::moves(&s.scenario));
            r.request_outcomes(plans, s.seed, s.runs, (e.metric, e.day_in(&s.scenario)));
            return;
        }
        let plans = lever_map::scenarios(&s.scenario, e.axes);
        let upto = e.map_runs;
        let job = (s.seed, e.metric, e.day_in(&s.scenario));
        let same_work = |j: &OutcomesJob| (j.seed, j.metric, j.day) == job && j.scenarios == plans;
        if r.outcomes_stopped
            .as_ref()
            .is_some_and(|(j, _)| same_work(j))
        {
            return; // stopped: nothing more until "Run it again" (other changes start anew)
        }
        let same = (r.outcomes_requested.as_ref())
            .is_some_and(|j| same_work(j) && j.first + j.runs <= upto);
        if same {
            // Done with fewer futures than now chosen: the next pass at once.
            r.refine_outcomes(upto);
        } else {
            let first_pass = lever_map::FIRST_PASS.min(upto);
            r.request_outcomes(plans, s.seed, first_pass, (e.metric, e.day_in(&s.scenario)));
        }
    }

    fn map_open(&self) -> bool {
        self.map_runs().is_some()
    }

    /// The map's futures per cell, when the map is open.
    fn map_runs(&self) -> Option<u32> {
        let e = self.shared.explore.as_ref();
        e.filter(|e| e.view == ExploreView::Map).map(|e| e.map_runs)
    }

    /// A map cell's two levers into the scenario, and back to the simulator to see it.
    fn load_map_cell(&mut self, ix: usize, iy: usize) {
        let Some(e) = self.shared.explore.as_ref().filter(|_| self.map_open()) else {
            return;
        };
        if ix < lever_map::SIZE && iy < lever_map::SIZE {
            self.shared.scenario =
                lever_map::cell_scenario(&self.shared.scenario, e.axes, (ix, iy));
            self.focus_next = Some(format!("lever-{}", e.axes.x.field().name));
            self.explore_before = self.shared.explore.take();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::field;
    use crate::model::MonteCarlo;
    use crate::state::game::Ending;
    use crate::state::lever_map::Axis;

    /// The futures jobs among the requests not yet sent.
    fn unsent_jobs(s: &AppState, sent: u32) -> Vec<crate::state::jobs::Job> {
        let jobs = s.unsent(sent).into_iter();
        jobs.filter_map(|r| match r {
            Request::Futures(j) => Some(*j),
            Request::Outcomes(_) => None,
        })
        .collect()
    }

    fn result(s: &AppState, slot: Slot) -> Progress {
        let job = s.results.requested[slot as usize].clone().unwrap();
        Progress {
            slot,
            id: job.id,
            summary: MonteCarlo::new(job.scenario, job.seed, 4, 0)
                .unwrap()
                .run_all(),
            done: true,
            elapsed_ms: 1.0,
            compute_ms: 1.0,
        }
    }

    #[test]
    fn a_link_opens_with_its_scenario_requested_and_its_problems_reported() {
        let s = AppState::new("b=4000&r=250", Some(Lang::Sv), 0.0);
        assert_eq!(s.shared.scenario.levers.budget, 4000.0);
        assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
        assert_eq!(s.lang(), Lang::Sv);
        let jobs = unsent_jobs(&s, 0);
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].scenario.levers.budget, 4000.0);
        assert!(s.unsent(jobs[0].id).is_empty(), "nothing is sent twice");
    }

    #[test]
    fn a_late_result_does_not_undo_what_was_typed_meanwhile() {
        let mut s = AppState::new("", None, 0.0);
        let old = result(&s, Slot::Current);
        s.apply(Action::SetSeed(4242));
        s.apply(Action::Received(Box::new(old), 10.0));
        assert_eq!(s.shared.seed, 4242, "the typed seed stays");
        assert!(
            s.results.get(Slot::Current).is_none(),
            "the stale picture is not shown"
        );
        let fresh = result(&s, Slot::Current);
        s.apply(Action::Received(Box::new(fresh), 20.0));
        assert_eq!(s.results.get(Slot::Current).unwrap().0.summary.seed, 4242);
    }

    #[test]
    fn pinning_asks_for_a_comparison_and_unpinning_drops_it() {
        let mut s = AppState::new("", None, 0.0);
        let sent = s.unsent(0).last().unwrap().id();
        s.apply(Action::Pin);
        let jobs = unsent_jobs(&s, sent);
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].slot, Slot::Pinned);
        s.apply(Action::Unpin);
        assert!(s.results.requested[Slot::Pinned as usize].is_none());
    }

    #[test]
    fn the_lever_edge_refuses_what_the_scenario_cannot_take() {
        let s = Scenario::default();
        let days = field("goal_day").unwrap();
        assert_eq!(try_set(&s, days, 90.5), Err(Refusal::WholeDays));
        let followers = field("starting_followers").unwrap();
        let market = s.assumptions.market_size;
        assert_eq!(
            try_set(&s, followers, market + 1.0).unwrap_err(),
            Refusal::Range {
                min: 0.0,
                max: market
            }
        );
        let budget = field("budget").unwrap();
        assert!(matches!(
            try_set(&s, budget, -1.0),
            Err(Refusal::Range { .. })
        ));
        assert_eq!(try_set(&s, budget, 1200.0).unwrap().levers.budget, 1200.0);
        let mut planned = s;
        planned.changes = crate::state::plan_code::decode_plan("400b4000").unwrap();
        let horizon = field("horizon_days").unwrap();
        match try_set(&planned, horizon, 300.0) {
            Err(Refusal::Plan(why)) => assert!(why.contains("changes[0].day is 400"), "{why}"),
            other => panic!("a horizon before the plan's change: {other:?}"),
        }
    }

    #[test]
    fn a_story_opens_at_its_step_and_a_broken_one_is_reported() {
        let mut s = AppState::new("", None, 0.0);
        s.apply(Action::StartStory);
        assert!(s.story.is_some());
        s.apply(Action::StoryStep(99));
        assert_eq!(
            s.shared.step as usize,
            s.story.as_ref().unwrap().steps.len() - 1
        );
        s.apply(Action::ExitStory);
        assert!(s.story.is_none() && s.shared.story.is_none());
        s.apply(Action::StoryFile {
            name: "mine.json".into(),
            text: "{not json".into(),
        });
        assert!(s.story.is_none());
        let refusal = s
            .story_refusal
            .as_ref()
            .expect("the trainer panel says why");
        assert_eq!(refusal.name, "mine.json");
        assert!(matches!(refusal.error, Some(FileError::Syntax { .. })));
        let linked = AppState::new("story=%7Bnope", None, 0.0);
        assert!(linked.story.is_none());
        assert_eq!(linked.notices.len(), 1, "a broken story link is a notice");
    }

    #[test]
    fn silence_with_work_outstanding_is_reported_and_a_result_clears_it() {
        let mut s = AppState::new("", None, 1000.0);
        s.apply(Action::Tick(1000.0 + STALL_MS / 2.0));
        assert!(!s.stalled);
        s.apply(Action::Tick(1000.0 + STALL_MS + 1.0));
        assert!(s.stalled);
        let p = result(&s, Slot::Current);
        s.apply(Action::Received(Box::new(p), 20_000.0));
        assert!(!s.stalled);
        s.apply(Action::Tick(40_000.0));
        assert!(!s.stalled, "nothing outstanding, nothing to report");
    }

    #[test]
    fn a_refused_job_becomes_a_notice_instead_of_a_spinner() {
        let mut s = AppState::new("", None, 0.0);
        let id = s.unsent(0)[0].id();
        s.apply(Action::Refused {
            slot: Slot::Current,
            id,
            reason: "levers.budget is -1".into(),
        });
        assert!(!s.results.pending());
        assert!(s
            .notices
            .iter()
            .any(|n| *n == Notice::Refused("levers.budget is -1".into())));
    }

    #[test]
    fn loading_a_saved_scenario_keeps_the_language_and_embed_flag() {
        let mut s = AppState::new("lang=sv&embed=1", None, 0.0);
        s.apply(Action::LoadQuery("b=1234&lang=en".into()));
        assert_eq!(s.shared.scenario.levers.budget, 1234.0);
        assert_eq!(s.lang(), Lang::Sv);
        assert!(s.shared.embed);
    }

    #[test]
    fn a_game_goes_stop_by_stop_and_its_link_replays_it() {
        let mut s = AppState::new("", None, 0.0);
        let typed = s.shared.scenario;
        s.apply(Action::StartGame);
        assert_eq!(s.shared.play, Some(0));
        let first = s.game.as_ref().unwrap().next_stop().unwrap();
        let job = unsent_jobs(&s, 0).pop().unwrap();
        assert_eq!(job.from, Some(0), "the futures from the start");
        let mut levers = s.shared.scenario.levers;
        levers.budget = 3000.0;
        s.apply(Action::Decide(Decision::Go(levers)));
        assert_eq!(s.shared.play, Some(first));
        assert_eq!(
            s.shared.scenario.levers.budget, 3000.0,
            "day 0 sets the start"
        );
        let later = unsent_jobs(&s, job.id).pop().unwrap();
        assert_eq!(later.from, Some(first));
        levers.buy_in = 90.0;
        s.apply(Action::Decide(Decision::Go(levers)));
        let second = s.shared.play.unwrap();
        assert!(second > first);
        s.apply(Action::Decide(Decision::Stop));
        let game = s.game.clone().unwrap();
        assert_eq!(game.ending, Some(Ending::Stopped(second)));
        assert_eq!(s.shared.scenario.changes.changes().len(), 2);
        assert!(
            s.results.outcomes_requested.is_some(),
            "the debrief compares the alternatives"
        );
        let link = share::encode(&s.shared);
        let replay = AppState::new(&link, None, 0.0);
        assert_eq!(replay.game, s.game, "the link replays the same game");
        s.apply(Action::ExitGame);
        assert_eq!(
            s.shared.scenario, typed,
            "the scenario before the game is back"
        );
        assert!(s.game.is_none());
    }

    #[test]
    fn a_class_runs_every_valid_team_on_the_same_futures() {
        let mut s = AppState::new("", None, 0.0);
        s.apply(Action::OpenClass);
        assert!(s.results.outcomes_requested.is_none(), "no teams yet");
        s.apply(Action::SetClassTeams(
            "Red: ?b=4000&i=90\nBlue: ?b=300\nTypo: 1ZZZZ".into(),
        ));
        let job = s.results.outcomes_requested.clone().unwrap();
        assert_eq!(job.scenarios.len(), 2);
        assert_eq!(job.scenarios[0].levers.budget, 4000.0);
        assert_eq!((job.metric, job.day), (Metric::Leads.into(), 365));
        s.apply(Action::SetClassRank(Metric::Trust, 730));
        let again = s.results.outcomes_requested.clone().unwrap();
        assert_eq!((again.metric, again.day), (Metric::Trust.into(), 730));
        assert!(s.results.requested.iter().all(Option::is_none));
        assert!(share::encode(&s.shared).contains("rank=trust&rday=730"));
    }

    #[test]
    fn the_explorer_and_a_class_read_the_horizon_when_their_day_lies_beyond_it() {
        // The tornado and the map ask for the day they show: the last one there is.
        let s = AppState::new("?explore=tornado&d=180", None, 0.0);
        let job = s.results.outcomes_requested.clone().unwrap();
        assert_eq!(job.day, 180);
        let s = AppState::new("?explore=map&eo=trust&d=120", None, 0.0);
        assert_eq!(s.results.outcomes_requested.clone().unwrap().day, 120);
        let mut s = AppState::new("?d=200", None, 0.0);
        s.apply(Action::OpenClass);
        s.apply(Action::SetClassTeams("Red: ?b=4000".into()));
        assert_eq!(s.results.outcomes_requested.clone().unwrap().day, 200);
    }

    /// A story file of `steps` steps, each with its own text (as a trainer would write it).
    fn story_file(steps: usize) -> String {
        // Names no compressor can guess, as real notes are.
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        let mut name = move || {
            (0..40)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (b'a' + (x % 26) as u8) as char
                })
                .collect::<String>()
        };
        let step = |i: usize| {
            let name = name();
            format!(
                r#"    {{"title": {{"en": "Step {i}: what budget {i} does", "sv": "Steg {i}: vad budget {i} gör"}},
     "point": {{"en": "At {i}00 a month the page {name} grows slowly; number {i} of our points.", "sv": "Med {i}00 i månaden växer sidan {i} långsamt; vår poäng nummer {i}."}},
     "set": {{"budget": {m}, "buy_in": {b}}}, "view": "leads", "day": {d}}}"#,
                m = 100 * (i + 1),
                b = 40 + i % 50,
                d = 30 + i
            )
        };
        let steps: Vec<String> = (0..steps).map(step).collect();
        format!(
            "{{\n  \"format\": \"longgame-story/1\",\n  \"title\": \"Ours\",\n  \"steps\": [\n{}\n  ]\n}}",
            steps.join(",\n")
        )
    }

    #[test]
    fn a_story_travels_compressed_in_the_link_and_opens_from_it() {
        let mut s = AppState::new("", None, 0.0);
        let text = story_file(14);
        s.apply(Action::StoryFile {
            name: "ours.json".into(),
            text: text.clone(),
        });
        s.apply(Action::StoryStep(3));
        let query = share::encode(&s.shared);
        let raw: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
        assert!(
            query.len() * 2 < raw.len(),
            "{} against {}",
            query.len(),
            raw.len()
        );
        let opened = AppState::new(&query, None, 0.0);
        assert_eq!(opened.story, s.story);
        assert_eq!(opened.shared.step, 3);
        assert!(opened.notices.is_empty());
        // An old link with the JSON itself still opens, and then travels compressed.
        let old = AppState::new(&format!("story={raw}"), None, 0.0);
        assert_eq!(old.story, s.story);
        assert_eq!(old.shared.story, s.shared.story);
    }

    #[test]
    fn a_story_over_the_budget_stays_out_of_the_link() {
        let mut s = AppState::new("", None, 0.0);
        s.apply(Action::StoryFile {
            name: "long.json".into(),
            text: story_file(100),
        });
        assert!(s.story.is_some(), "the story still runs");
        let code = s.shared.story.clone().unwrap();
        assert!(!story_code::fits(&code), "{} characters", code.len());
        let query = share::encode(&s.shared);
        assert!(!query.contains("story="), "{query}");
        assert!(query.len() < 200);
    }

    #[test]
    fn a_damaged_story_link_is_a_notice() {
        let s = AppState::new("story=1.abc&step=2", None, 0.0);
        assert!(s.story.is_none());
        assert_eq!(
            s.notices,
            vec![Notice::Link(Problem {
                pinned: false,
                kind: ProblemKind::Story(story_code::CodeError::Damaged)
            })]
        );
    }

    #[test]
    fn the_explorer_runs_every_move_on_one_seed_and_leaving_or_editing_supersedes_it() {
        let mut s = AppState::new("s=9", None, 0.0);
        s.apply(Action::OpenExplorer);
        let job = s.results.outcomes_requested.clone().unwrap();
        assert_eq!(job.scenarios.len(), 1 + 2 * tornado::STEPS.len());
        assert_eq!(job.scenarios[0], s.shared.scenario);
        assert_eq!(
            (job.seed, job.metric, job.day),
            (9, Metric::Leads.into(), 365)
        );
        assert!(s.results.requested.iter().all(Option::is_none));
        s.apply(Action::SetExplore(Metric::Customers.into(), 730));
        let again = s.results.outcomes_requested.clone().unwrap();
        assert!(again.id > job.id);
        assert_eq!((again.metric, again.day), (Metric::Customers.into(), 730));
        let link = share::encode(&s.shared);
        assert!(
            link.contains("explore=tornado&eo=customers&ed=730"),
            "{link}"
        );
        assert_eq!(
            AppState::new(&link, None, 0.0)
                .results
                .outcomes_requested
                .unwrap()
                .scenarios,
            again.scenarios
        );
        s.apply(Action::SetScenario(Box::new(
            crate::model::preset("committed").unwrap().scenario,
        )));
        let edited = s.results.outcomes_requested.clone().unwrap();
        assert!(
            edited.id > again.id,
            "a new scenario supersedes the running job"
        );
        let stale = Outcomes {
            id: again.id,
            values: vec![vec![1.0]; 19],
            done: 1,
            total: 1,
        };
        assert!(!s.results.receive_outcomes(stale));
        s.apply(Action::ExitExplorer);
        assert!(s.results.outcomes_requested.is_none(), "leaving cancels it");
        assert!(s.results.requested[Slot::Current as usize].is_some());
    }

    /// The worker's answer to an outcomes job: value `run` of each plan is `plan + run`.
    fn answer(job: &crate::state::jobs::OutcomesJob) -> Outcomes {
        let runs = job.first..job.first + job.runs;
        let values: Vec<Vec<f64>> = (0..job.scenarios.len())
            .map(|p| runs.clone().map(|r| (p as u32 + r) as f64).collect())
            .collect();
        let total = job.runs * job.scenarios.len() as u32;
        Outcomes {
            id: job.id,
            values,
            done: total,
            total,
        }
    }

    /// Answers the latest outcomes request and every pass it leads to; the passes, in order.
    fn run_passes(s: &mut AppState) -> Vec<(u32, u32)> {
        let mut passes = Vec::new();
        while let Some(job) = s.results.outcomes_requested.clone() {
            if s.results.outcomes_done().is_some() {
                break;
            }
            passes.push((job.first, job.runs));
            s.apply(Action::ReceivedOutcomes(Box::new(answer(&job)), 1.0));
        }
        passes
    }

    #[test]
    fn a_stopped_map_keeps_its_passes_and_goes_on_from_them_when_run_again() {
        let mut s = AppState::new("explore=map&mn=1000", None, 0.0);
        // Two passes done (50 futures a cell), the third under way: Cancel.
        for _ in 0..2 {
            let job = s.results.outcomes_requested.clone().unwrap();
            s.apply(Action::ReceivedOutcomes(Box::new(answer(&job)), 1.0));
        }
        let third = s.results.outcomes_requested.clone().unwrap();
        assert_eq!((third.first, third.runs), (50, 50));
        s.apply(Action::CancelExplore);
        assert!(!s.results.pending(), "nothing is worked on");
        let kept = s.results.outcomes_so_far().expect("the map so far stays");
        assert_eq!(kept.values[7], (7..57).map(f64::from).collect::<Vec<_>>());
        // A late answer, or a change that asks nothing new, starts nothing.
        s.apply(Action::ReceivedOutcomes(Box::new(answer(&third)), 2.0));
        s.apply(Action::SetLang("sv".into()));
        assert!(s.results.outcomes_requested.is_none());
        assert_eq!(s.results.outcomes_so_far().unwrap().values[0].len(), 50);
        // Run it again: on from the 50 futures, not from the start.
        s.apply(Action::RunExplore);
        let next = s.results.outcomes_requested.clone().unwrap();
        assert_eq!((next.first, next.runs), (50, 50));
        assert_eq!(
            run_passes(&mut s),
            [(50, 50), (100, 100), (200, 200), (400, 400), (800, 200)]
        );
        let done = s.results.outcomes_done().unwrap();
        assert_eq!(done.values[7], (7..1007).map(f64::from).collect::<Vec<_>>());
        // Stopped, then another outcome: a new map from the start.
        s.apply(Action::SetMapRuns(200));
        s.apply(Action::SetExplore(Outcome::Goal, 365));
        s.apply(Action::CancelExplore);
        s.apply(Action::SetExplore(Metric::Trust.into(), 365));
        let job = s.results.outcomes_requested.clone().unwrap();
        assert_eq!((job.first, job.metric), (0, Metric::Trust.into()));
    }

    #[test]
    fn the_explorer_opens_again_as_it_was_left_after_a_cell_is_loaded() {
        let mut s = AppState::new(
            "explore=map&eo=customers&mx=posts&my=responsiveness",
            None,
            0.0,
        );
        let before = s.shared.explore.clone();
        s.apply(Action::LoadMapCell(3, 4));
        assert!(s.shared.explore.is_none());
        assert_eq!(
            s.focus_next.as_deref(),
            Some("lever-posts_per_week"),
            "its first lever"
        );
        s.apply(Action::Tick(1.0));
        assert_eq!(s.focus_next, None, "for the render that follows only");
        s.apply(Action::OpenExplorer);
        assert_eq!(
            s.shared.explore, before,
            "the same map, its outcome and levers"
        );
        s.apply(Action::ExitExplorer);
        assert_eq!(s.focus_next.as_deref(), Some("open-explorer"));
        s.apply(Action::OpenExplorer);
        assert_eq!(s.shared.explore, before);
    }

    #[test]
    fn the_map_runs_in_passes_on_the_same_futures_can_be_cancelled_and_loads_a_cell() {
        let mut s = AppState::new("s=9&explore=map&my=posts&eo=goal", None, 0.0);
        let job = s.results.outcomes_requested.clone().unwrap();
        assert_eq!(job.scenarios.len(), 144);
        assert_eq!((job.first, job.runs, job.metric), (0, 25, Outcome::Goal));
        assert_eq!(
            job.scenarios[13].levers.posts_per_week, 2.0,
            "row 1: 2 posts"
        );
        assert_eq!(job.scenarios[13].levers.budget, 1000.0, "column 1: €1,000");
        // Each pass doubles the futures so far and goes on from where the last one stopped.
        let mut passes = vec![(job.first, job.runs)];
        let mut job = job;
        loop {
            s.apply(Action::ReceivedOutcomes(Box::new(answer(&job)), 1.0));
            let Some(next) = s
                .results
                .outcomes_requested
                .clone()
                .filter(|j| j.id != job.id)
            else {
                break;
            };
            assert!(next.same_work(&job));
            let so_far = s.results.outcomes_so_far().unwrap();
            assert_eq!(
                so_far.values[0].len() as u32,
                next.first,
                "the coarse map stays"
            );
            assert_eq!(
                s.results.outcomes_progress(lever_map::DEFAULT_RUNS),
                (144 * next.first, 144 * 200)
            );
            passes.push((next.first, next.runs));
            job = next;
        }
        assert_eq!(passes, [(0, 25), (25, 25), (50, 50), (100, 100)]);
        let done = s.results.outcomes_done().unwrap();
        assert_eq!(
            done.values[3],
            (3..203).map(f64::from).collect::<Vec<_>>(),
            "runs 0..200 in order"
        );
        assert!(!s.results.pending());
        // Nothing changed: nothing is asked again.
        s.apply(Action::SetLang("sv".into()));
        assert_eq!(s.results.outcomes_requested.as_ref().unwrap().id, job.id);

        // More futures per cell: the map goes on from its 200; fewer: it starts again.
        s.apply(Action::SetMapRuns(500));
        assert_eq!(run_passes(&mut s), [(200, 200), (400, 100)]);
        assert_eq!(s.results.outcomes_done().unwrap().values[3].len(), 500);
        assert!(share::encode(&s.shared).contains("&mn=500"));
        s.apply(Action::SetMapRuns(100));
        assert_eq!(run_passes(&mut s), [(0, 25), (25, 25), (50, 50)]);
        assert_eq!(
            s.results.outcomes_progress(100),
            (144 * 100, 144 * 100),
            "progress counts to the choice"
        );
        s.apply(Action::SetMapRuns(300));
        assert_eq!(
            s.shared.explore.as_ref().unwrap().map_runs,
            100,
            "not a choice"
        );
        s.apply(Action::SetMapRuns(200));
        let job = s.results.outcomes_requested.clone().unwrap();
        assert_eq!(
            (job.first, job.runs),
            (100, 100),
            "done with 100: on to 200"
        );

        // Cancel: the request is cleared, a late answer of it is dropped and starts nothing.
        s.apply(Action::SetMapAxes(Axes {
            x: Axis::Responsiveness,
            y: Axis::Posts,
        }));
        let job = s.results.outcomes_requested.clone().unwrap();
        assert_eq!((job.first, job.runs), (0, 25));
        s.apply(Action::CancelExplore);
        assert!(s.results.outcomes_requested.is_none() && !s.results.pending());
        s.apply(Action::ReceivedOutcomes(Box::new(answer(&job)), 2.0));
        assert!(
            s.results.outcomes_requested.is_none(),
            "a cancelled map stays stopped"
        );
        s.apply(Action::RunExplore);
        assert_eq!(s.results.outcomes_requested.as_ref().unwrap().first, 0);
        let link = share::encode(&s.shared);
        assert!(
            link.contains("explore=map&eo=goal&mx=responsiveness&my=posts"),
            "{link}"
        );

        // A cell's levers, and back to the simulator with them.
        s.apply(Action::LoadMapCell(11, 2));
        assert!(s.shared.explore.is_none());
        let l = &s.shared.scenario.levers;
        assert_eq!(
            (l.responsiveness, l.posts_per_week, l.budget),
            (100.0, 4.0, 3000.0)
        );
        assert!(
            s.results.outcomes_requested.is_none(),
            "leaving stops the map"
        );
        assert!(share::encode(&s.shared).contains("p=4&r=100"));
    }
}
