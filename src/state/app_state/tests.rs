//! The transitions of [`AppState`], tested natively: what each action does to what the page
//! shows and to the work asked of the worker.

use super::*;
use crate::model::params::field;
use crate::model::Metric;
use crate::model::MonteCarlo;
use crate::state::explore::lever_map::Axis;
use crate::state::explore::lever_map::{self, Axes};
use crate::state::explore::outcome::Outcome;
use crate::state::explore::tornado;
use crate::state::jobs::{Outcomes, Progress};
use crate::state::play::Decision;
use crate::state::play::Ending;

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
    s.apply(Action::Report(Report::Progress(Box::new(old)), 10.0));
    assert_eq!(s.shared.seed, 4242, "the typed seed stays");
    assert!(
        s.results.get(Slot::Current).is_none(),
        "the stale picture is not shown"
    );
    let fresh = result(&s, Slot::Current);
    s.apply(Action::Report(Report::Progress(Box::new(fresh)), 20.0));
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
    s.apply(Action::Story(StoryAction::Start));
    assert!(s.story.is_some());
    s.apply(Action::Story(StoryAction::Step(99)));
    assert_eq!(
        s.shared.step as usize,
        s.story.as_ref().unwrap().steps.len() - 1
    );
    s.apply(Action::Story(StoryAction::Exit));
    assert!(s.story.is_none() && s.shared.story.is_none());
    s.apply(Action::Story(StoryAction::File {
        name: "mine.json".into(),
        text: "{not json".into(),
    }));
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
    s.apply(Action::Tick(1000.0 + STALL_MS / 2.0, 0.0));
    assert!(!s.stalled);
    s.apply(Action::Tick(1000.0 + STALL_MS + 1.0, 0.0));
    assert!(s.stalled);
    let p = result(&s, Slot::Current);
    s.apply(Action::Report(Report::Progress(Box::new(p)), 20_000.0));
    assert!(!s.stalled);
    s.apply(Action::Tick(40_000.0, 0.0));
    assert!(!s.stalled, "nothing outstanding, nothing to report");
}

#[test]
fn busy_workers_whose_answers_are_all_superseded_are_not_reported_as_silent() {
    // A slider moved 20 times a second for a minute: every job is superseded before its
    // tally arrives, so no result comes, but the workers keep answering.
    let mut s = AppState::new("n=5000&d=1095", None, 0.0);
    let budget_field = field("budget").unwrap();
    for k in 1..=1200 {
        let at = k as f64 * 50.0;
        let budget = if k % 2 == 0 { 3000.0 } else { 3100.0 };
        s.apply(Action::SetField(budget_field, budget));
        // Whatever the workers answered arrived a little earlier.
        s.apply(Action::Tick(at, at - 40.0));
        assert!(!s.stalled, "alarm at {at} ms");
    }
    // Then the workers die: silence with work outstanding is reported.
    let last = 1200.0 * 50.0;
    s.apply(Action::Tick(last + STALL_MS / 2.0, last - 40.0));
    assert!(!s.stalled);
    s.apply(Action::Tick(last + STALL_MS + 1.0, last - 40.0));
    assert!(s.stalled, "a pool that stopped answering is reported");
}

#[test]
fn a_refused_job_becomes_a_notice_instead_of_a_spinner() {
    let mut s = AppState::new("", None, 0.0);
    let id = s.unsent(0)[0].id();
    let refused = JobRefused::Futures {
        slot: Slot::Current,
        id,
        reason: "levers.budget is -1".into(),
    };
    s.apply(Action::Report(Report::Refused(refused), 1.0));
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
    s.apply(Action::Play(PlayAction::Start));
    assert_eq!(s.shared.play, Some(0));
    let first = s.game.as_ref().unwrap().next_stop().unwrap();
    let job = unsent_jobs(&s, 0).pop().unwrap();
    assert_eq!(job.from, Some(0), "the futures from the start");
    let mut levers = s.shared.scenario.levers;
    levers.budget = 3000.0;
    s.apply(Action::Play(PlayAction::Decide(Decision::Go(levers))));
    assert_eq!(s.shared.play, Some(first));
    assert_eq!(
        s.shared.scenario.levers.budget, 3000.0,
        "day 0 sets the start"
    );
    let later = unsent_jobs(&s, job.id).pop().unwrap();
    assert_eq!(later.from, Some(first));
    levers.buy_in = 90.0;
    s.apply(Action::Play(PlayAction::Decide(Decision::Go(levers))));
    let second = s.shared.play.unwrap();
    assert!(second > first);
    s.apply(Action::Play(PlayAction::Decide(Decision::Stop)));
    let game = s.game.clone().unwrap();
    assert_eq!(game.ending, Some(Ending::Stopped(second)));
    assert_eq!(s.shared.scenario.changes.changes().len(), 2);
    assert!(
        s.results.outcomes_requested.is_some(),
        "the debrief compares the alternatives"
    );
    let link = link::encode(&s.shared);
    let replay = AppState::new(&link, None, 0.0);
    assert_eq!(replay.game, s.game, "the link replays the same game");
    s.apply(Action::Play(PlayAction::Exit));
    assert_eq!(
        s.shared.scenario, typed,
        "the scenario before the game is back"
    );
    assert!(s.game.is_none());
}

#[test]
fn a_class_runs_every_valid_team_on_the_same_futures() {
    let mut s = AppState::new("", None, 0.0);
    s.apply(Action::Class(ClassAction::Open));
    assert!(s.results.outcomes_requested.is_none(), "no teams yet");
    s.apply(Action::Class(ClassAction::SetTeams(
        "Red: ?b=4000&i=90\nBlue: ?b=300\nTypo: 1ZZZZ".into(),
    )));
    let job = s.results.outcomes_requested.clone().unwrap();
    assert_eq!(job.scenarios.len(), 2);
    assert_eq!(job.scenarios[0].levers.budget, 4000.0);
    assert_eq!((job.outcome, job.day), (Metric::Leads.into(), 365));
    s.apply(Action::Class(ClassAction::SetRank(Metric::Trust, 730)));
    let again = s.results.outcomes_requested.clone().unwrap();
    assert_eq!((again.outcome, again.day), (Metric::Trust.into(), 730));
    assert!(s.results.requested.iter().all(Option::is_none));
    assert!(link::encode(&s.shared).contains("rank=trust&rday=730"));
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
    s.apply(Action::Class(ClassAction::Open));
    s.apply(Action::Class(ClassAction::SetTeams("Red: ?b=4000".into())));
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
    s.apply(Action::Story(StoryAction::File {
        name: "ours.json".into(),
        text: text.clone(),
    }));
    s.apply(Action::Story(StoryAction::Step(3)));
    let query = link::encode(&s.shared);
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
    s.apply(Action::Story(StoryAction::File {
        name: "long.json".into(),
        text: story_file(100),
    }));
    assert!(s.story.is_some(), "the story still runs");
    let code = s.shared.story.clone().unwrap();
    assert!(!story_code::fits(&code), "{} characters", code.len());
    let query = link::encode(&s.shared);
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
    s.apply(Action::Explore(ExploreAction::Open));
    let job = s.results.outcomes_requested.clone().unwrap();
    assert_eq!(job.scenarios.len(), 1 + 2 * tornado::STEPS.len());
    assert_eq!(job.scenarios[0], s.shared.scenario);
    assert_eq!(
        (job.seed, job.outcome, job.day),
        (9, Metric::Leads.into(), 365)
    );
    assert!(s.results.requested.iter().all(Option::is_none));
    s.apply(Action::Explore(ExploreAction::SetOutcome(
        Metric::Customers.into(),
        730,
    )));
    let again = s.results.outcomes_requested.clone().unwrap();
    assert!(again.id > job.id);
    assert_eq!((again.outcome, again.day), (Metric::Customers.into(), 730));
    let link = link::encode(&s.shared);
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
    s.apply(Action::Explore(ExploreAction::Exit));
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
        s.apply(Action::Report(
            Report::Outcomes(Box::new(answer(&job))),
            1.0,
        ));
    }
    passes
}

#[test]
fn a_stopped_map_keeps_its_passes_and_goes_on_from_them_when_run_again() {
    let mut s = AppState::new("explore=map&mn=1000", None, 0.0);
    // Two passes done (50 futures a cell), the third under way: Cancel.
    for _ in 0..2 {
        let job = s.results.outcomes_requested.clone().unwrap();
        s.apply(Action::Report(
            Report::Outcomes(Box::new(answer(&job))),
            1.0,
        ));
    }
    let third = s.results.outcomes_requested.clone().unwrap();
    assert_eq!((third.first, third.runs), (50, 50));
    s.apply(Action::Explore(ExploreAction::Cancel));
    assert!(!s.results.pending(), "nothing is worked on");
    let kept = s.results.outcomes_so_far().expect("the map so far stays");
    assert_eq!(kept.values[7], (7..57).map(f64::from).collect::<Vec<_>>());
    // A late answer, or a change that asks nothing new, starts nothing.
    s.apply(Action::Report(
        Report::Outcomes(Box::new(answer(&third))),
        2.0,
    ));
    s.apply(Action::SetLang("sv".into()));
    assert!(s.results.outcomes_requested.is_none());
    assert_eq!(s.results.outcomes_so_far().unwrap().values[0].len(), 50);
    // Run it again: on from the 50 futures, not from the start.
    s.apply(Action::Explore(ExploreAction::Run));
    let next = s.results.outcomes_requested.clone().unwrap();
    assert_eq!((next.first, next.runs), (50, 50));
    assert_eq!(
        run_passes(&mut s),
        [(50, 50), (100, 100), (200, 200), (400, 400), (800, 200)]
    );
    let done = s.results.outcomes_done().unwrap();
    assert_eq!(done.values[7], (7..1007).map(f64::from).collect::<Vec<_>>());
    // Stopped, then another outcome: a new map from the start.
    s.apply(Action::Explore(ExploreAction::SetMapRuns(200)));
    s.apply(Action::Explore(ExploreAction::SetOutcome(
        Outcome::Goal,
        365,
    )));
    s.apply(Action::Explore(ExploreAction::Cancel));
    s.apply(Action::Explore(ExploreAction::SetOutcome(
        Metric::Trust.into(),
        365,
    )));
    let job = s.results.outcomes_requested.clone().unwrap();
    assert_eq!((job.first, job.outcome), (0, Metric::Trust.into()));
}

#[test]
fn the_explorer_opens_again_as_it_was_left_after_a_cell_is_loaded() {
    let mut s = AppState::new(
        "explore=map&eo=customers&mx=posts&my=responsiveness",
        None,
        0.0,
    );
    let before = s.shared.explore.clone();
    s.apply(Action::Explore(ExploreAction::LoadMapCell(3, 4)));
    assert!(s.shared.explore.is_none());
    assert_eq!(
        s.focus_next.as_deref(),
        Some("lever-posts_per_week"),
        "its first lever"
    );
    s.apply(Action::Tick(1.0, 0.0));
    assert_eq!(s.focus_next, None, "for the render that follows only");
    s.apply(Action::Explore(ExploreAction::Open));
    assert_eq!(
        s.shared.explore, before,
        "the same map, its outcome and levers"
    );
    s.apply(Action::Explore(ExploreAction::Exit));
    assert_eq!(s.focus_next.as_deref(), Some("open-explorer"));
    s.apply(Action::Explore(ExploreAction::Open));
    assert_eq!(s.shared.explore, before);
}

#[test]
fn the_map_runs_in_passes_on_the_same_futures_can_be_cancelled_and_loads_a_cell() {
    let mut s = AppState::new("s=9&explore=map&my=posts&eo=goal", None, 0.0);
    let job = s.results.outcomes_requested.clone().unwrap();
    assert_eq!(job.scenarios.len(), 144);
    assert_eq!((job.first, job.runs, job.outcome), (0, 25, Outcome::Goal));
    assert_eq!(
        job.scenarios[13].levers.posts_per_week, 2.0,
        "row 1: 2 posts"
    );
    assert_eq!(job.scenarios[13].levers.budget, 1000.0, "column 1: €1,000");
    // Each pass doubles the futures so far and goes on from where the last one stopped.
    let mut passes = vec![(job.first, job.runs)];
    let mut job = job;
    loop {
        s.apply(Action::Report(
            Report::Outcomes(Box::new(answer(&job))),
            1.0,
        ));
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
    s.apply(Action::Explore(ExploreAction::SetMapRuns(500)));
    assert_eq!(run_passes(&mut s), [(200, 200), (400, 100)]);
    assert_eq!(s.results.outcomes_done().unwrap().values[3].len(), 500);
    assert!(link::encode(&s.shared).contains("&mn=500"));
    s.apply(Action::Explore(ExploreAction::SetMapRuns(100)));
    assert_eq!(run_passes(&mut s), [(0, 25), (25, 25), (50, 50)]);
    assert_eq!(
        s.results.outcomes_progress(100),
        (144 * 100, 144 * 100),
        "progress counts to the choice"
    );
    s.apply(Action::Explore(ExploreAction::SetMapRuns(300)));
    assert_eq!(
        s.shared.explore.as_ref().unwrap().map_runs,
        100,
        "not a choice"
    );
    s.apply(Action::Explore(ExploreAction::SetMapRuns(200)));
    let job = s.results.outcomes_requested.clone().unwrap();
    assert_eq!(
        (job.first, job.runs),
        (100, 100),
        "done with 100: on to 200"
    );

    // Cancel: the request is cleared, a late answer of it is dropped and starts nothing.
    s.apply(Action::Explore(ExploreAction::SetMapAxes(Axes {
        x: Axis::Responsiveness,
        y: Axis::Posts,
    })));
    let job = s.results.outcomes_requested.clone().unwrap();
    assert_eq!((job.first, job.runs), (0, 25));
    s.apply(Action::Explore(ExploreAction::Cancel));
    assert!(s.results.outcomes_requested.is_none() && !s.results.pending());
    s.apply(Action::Report(
        Report::Outcomes(Box::new(answer(&job))),
        2.0,
    ));
    assert!(
        s.results.outcomes_requested.is_none(),
        "a cancelled map stays stopped"
    );
    s.apply(Action::Explore(ExploreAction::Run));
    assert_eq!(s.results.outcomes_requested.as_ref().unwrap().first, 0);
    let link = link::encode(&s.shared);
    assert!(
        link.contains("explore=map&eo=goal&mx=responsiveness&my=posts"),
        "{link}"
    );

    // A cell's levers, and back to the simulator with them.
    s.apply(Action::Explore(ExploreAction::LoadMapCell(11, 2)));
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
    assert!(link::encode(&s.shared).contains("p=4&r=100"));
}
