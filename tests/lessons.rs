//! The lessons the simulator must teach, checked on paired runs under common random numbers
//! (same master seed, same run index) with a few hundred runs each.

use longgame::model::Metric;
use longgame::model::{preset, run_once, CrisisOutcome, MonteCarlo, RunTrace, Scenario};

const RUNS: u64 = 300;
const SEED: u64 = 2026;

fn scenario(id: &str) -> Scenario {
    preset(id).unwrap_or_else(|| panic!("preset {id}")).scenario
}

fn runs(s: &Scenario) -> Vec<RunTrace> {
    (0..RUNS).map(|r| run_once(s, SEED, r)).collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn median_at(traces: &[RunTrace], day: usize, metric: Metric) -> f64 {
    median(traces.iter().map(|t| t.value(day, metric)).collect())
}

#[test]
fn patience_committed_beats_half_hearted_but_only_with_time() {
    let committed = runs(&scenario("committed"));
    let half = runs(&scenario("half-hearted"));
    let wins = committed
        .iter()
        .zip(&half)
        .filter(|(c, h)| c.value(365, Metric::Leads) > h.value(365, Metric::Leads))
        .count();
    assert!(
        wins as f64 >= 0.9 * RUNS as f64,
        "committed won only {wins} of {RUNS} pairs at day 365"
    );
    let gap_30 = median_at(&committed, 30, Metric::Leads) - median_at(&half, 30, Metric::Leads);
    let gap_365 = median_at(&committed, 365, Metric::Leads) - median_at(&half, 365, Metric::Leads);
    assert!(
        gap_30 * 10.0 < gap_365,
        "day-30 gap {gap_30} is not small next to the day-365 gap {gap_365}"
    );
}

#[test]
fn patience_results_are_flat_first_then_accelerate() {
    let committed = runs(&scenario("committed"));
    let month = |m: usize| {
        median(
            committed
                .iter()
                .map(|t| t.value(30 * m, Metric::Leads) - t.value(30 * (m - 1), Metric::Leads))
                .collect(),
        )
    };
    assert!(
        month(12) >= 4.0 * month(3),
        "leads in month 12 ({}) vs month 3 ({})",
        month(12),
        month(3)
    );
}

#[test]
fn committed_roi_is_negative_early_and_positive_by_the_end_of_year_two() {
    let committed = runs(&scenario("committed"));
    assert!(median_at(&committed, 180, Metric::Roi) < 0.0);
    assert!(median_at(&committed, 365, Metric::Roi) < 0.0);
    assert!(
        median_at(&committed, 730, Metric::Roi) > 0.0,
        "median ROI at day 730: {}",
        median_at(&committed, 730, Metric::Roi)
    );
}

#[test]
fn low_buy_in_gets_cancelled_high_buy_in_does_not() {
    let cancelled_by_180 = |s: &Scenario| {
        runs(s)
            .iter()
            .filter(|t| t.cancelled_day.is_some_and(|d| d <= 180))
            .count() as f64
            / RUNS as f64
    };
    let low = cancelled_by_180(&scenario("half-hearted"));
    let high = cancelled_by_180(&scenario("committed"));
    assert!(
        low > 0.75,
        "only {low} of low-buy-in runs cancelled by day 180"
    );
    assert!(
        high < 0.1,
        "{high} of high-buy-in runs cancelled by day 180"
    );
}

#[test]
fn an_abandoned_entry_leaves_you_worse_off_than_never_starting() {
    let half = runs(&scenario("half-hearted"));
    // Trust starts at 50 (no presence): an abandoned page with unanswered people ends below it.
    assert!(
        median_at(&half, 730, Metric::Trust) < 40.0,
        "trust at day 730: {}",
        median_at(&half, 730, Metric::Trust)
    );
    assert!(median_at(&half, 730, Metric::Followers) < half[0].value(0, Metric::Followers));
    assert!(median_at(&half, 730, Metric::Roi) <= -99.0);

    // The trainer story's case: the committed plan without backing, cancelled at a review.
    // Never starting keeps trust at its neutral 50, the audience where it was, and costs nothing.
    let mut unbacked = scenario("committed");
    unbacked.levers.buy_in = 10.0;
    let traces = runs(&unbacked);
    let abandoned: Vec<&RunTrace> = traces
        .iter()
        .filter(|t| t.cancelled_day.is_some_and(|d| d <= 365))
        .collect();
    assert!(
        abandoned.len() * 2 > traces.len(),
        "most are cancelled in year one"
    );
    let scarred = abandoned
        .iter()
        .filter(|t| {
            t.value(730, Metric::Trust) < t.value(0, Metric::Trust) - 10.0
                && t.value(730, Metric::Cost) > 0.0
        })
        .count();
    assert!(
        scarred * 10 >= abandoned.len() * 9,
        "only {scarred} of {} abandoned pages end with trust scarred and money gone",
        abandoned.len()
    );
    let followers: Vec<f64> = abandoned
        .iter()
        .map(|t| t.value(730, Metric::Followers))
        .collect();
    assert!(
        median(followers) < traces[0].value(0, Metric::Followers),
        "the typical abandoned page ends with fewer followers than it started with"
    );
}

/// Followers and trust lost to the day-30 crisis: the same scenario with and without it, paired.
fn crisis_cost(id: &str) -> (f64, f64, f64) {
    let with = scenario(id);
    let mut without = with;
    without.assumptions.crisis_day = 0;
    let (a, b) = (runs(&with), runs(&without));
    let lost = |m| {
        median(
            a.iter()
                .zip(&b)
                .map(|(w, wo)| wo.value(60, m) - w.value(60, m))
                .collect(),
        )
    };
    let firestorms = a
        .iter()
        .filter(|t| {
            t.crises
                .iter()
                .any(|c| c.day == 30 && c.outcome == CrisisOutcome::Firestorm)
        })
        .count() as f64
        / RUNS as f64;
    (lost(Metric::Followers), lost(Metric::Trust), firestorms)
}

#[test]
fn a_crisis_handled_fades_and_mishandled_it_costs_far_more() {
    let (handled_followers, handled_trust, handled_storms) = crisis_cost("crisis-handled");
    let (bad_followers, bad_trust, bad_storms) = crisis_cost("crisis-mishandled");
    assert!(
        handled_storms < 0.1,
        "{handled_storms} of handled crises became firestorms"
    );
    assert!(
        bad_storms > 0.8,
        "only {bad_storms} of mishandled crises became firestorms"
    );
    assert!(
        bad_followers > 5.0 * handled_followers.max(1.0),
        "followers lost: {bad_followers} vs {handled_followers}"
    );
    assert!(
        bad_trust > 3.0 * handled_trust.max(1.0),
        "trust lost: {bad_trust} vs {handled_trust}"
    );
}

#[test]
fn a_crisis_still_burning_at_the_horizon_is_counted() {
    // The complaint goes public two days before the simulation ends.
    let mut s = scenario("crisis-mishandled");
    s.assumptions.horizon_days = 120;
    s.assumptions.crisis_day = 118;
    let traces = runs(&s);
    for t in &traces {
        let last = t.crises.last().expect("the scheduled crisis is recorded");
        assert_eq!(last.day, 118);
        assert_eq!(last.days_lasted, 3);
        assert_ne!(
            last.outcome,
            CrisisOutcome::Faded,
            "it has not had time to fade"
        );
    }
    let summary = MonteCarlo::new(s, 1, 50, 0).unwrap().run_all();
    assert!(summary.crises.total >= 50, "{:?}", summary.crises);
    assert_eq!(summary.crises.runs_with_crisis, 50);
}

#[test]
fn every_crisis_of_every_run_is_listed_with_its_day_and_outcome() {
    let summary = MonteCarlo::new(scenario("crisis-mishandled"), 3, 60, 0)
        .unwrap()
        .run_all();
    let events = &summary.crisis_events;
    assert_eq!(events.len() as u32, summary.crises.total);
    for run in 0..60 {
        assert!(
            events.iter().any(|e| e.run == run && e.crisis.day == 30),
            "run {run} lacks its day-30 crisis"
        );
    }
    let storms = events
        .iter()
        .filter(|e| e.crisis.outcome == CrisisOutcome::Firestorm)
        .count() as u32;
    assert_eq!(storms, summary.crises.firestorms);
}

#[test]
fn vanity_and_outcome_diverge_when_nobody_listens() {
    let big = runs(&scenario("big-budget"));
    let committed = runs(&scenario("committed"));
    let start = big[0].value(0, Metric::Followers);
    assert!(
        median_at(&big, 365, Metric::Followers) > 10.0 * start,
        "followers barely grew"
    );
    assert!(
        median_at(&big, 365, Metric::Followers)
            > 0.8 * median_at(&committed, 365, Metric::Followers)
    );
    assert!(median_at(&big, 365, Metric::Leads) < 0.5 * median_at(&committed, 365, Metric::Leads));
    assert!(
        median_at(&big, 730, Metric::Customers)
            < 0.5 * median_at(&committed, 730, Metric::Customers)
    );
    assert!(median_at(&big, 730, Metric::Roi) < -50.0);
}

#[test]
fn posting_frequency_has_an_optimum_at_a_fixed_budget() {
    let leads_at = |posts: f64| {
        let mut s = Scenario::default();
        s.levers.posts_per_week = posts;
        median_at(&runs(&s), 365, Metric::Leads)
    };
    let (rare, steady, blasting) = (leads_at(1.0), leads_at(5.0), leads_at(50.0));
    assert!(steady > 1.5 * rare, "5/week {steady} vs 1/week {rare}");
    assert!(
        steady > 1.5 * blasting,
        "5/week {steady} vs 50/week {blasting}"
    );
}

#[test]
fn content_fitted_to_the_channel_beats_the_same_message_everywhere() {
    let leads_at = |fit: f64| {
        let mut s = Scenario::default();
        s.assumptions.channel_fit = fit;
        median_at(&runs(&s), 365, Metric::Leads)
    };
    assert!(leads_at(100.0) > 1.3 * leads_at(0.0));
}

#[test]
fn quitting_changes_nothing_before_the_quit_day_and_stops_spending_after() {
    let go_on = Scenario::default();
    let mut quit = go_on;
    quit.assumptions.stop_day = 120;
    for run in 0..20 {
        let (a, b) = (run_once(&go_on, SEED, run), run_once(&quit, SEED, run));
        assert_eq!(
            a.values[..120 * 8],
            b.values[..120 * 8],
            "run {run} differs before the quit day"
        );
        assert_eq!(
            b.value(120, Metric::Cost),
            b.value(400, Metric::Cost),
            "cost kept growing after quitting"
        );
        assert_eq!(b.cancelled_day, Some(120));
    }
}

#[test]
fn streaming_in_batches_gives_the_same_summary_as_one_go() {
    let s = scenario("committed");
    let whole = MonteCarlo::new(s, SEED, 90, 3).unwrap().run_all();
    let mut mc = MonteCarlo::new(s, SEED, 90, 3).unwrap();
    let mut partial_runs = Vec::new();
    while !mc.step(7) {
        partial_runs.push(mc.summary().runs_done);
    }
    assert_eq!(partial_runs[..3], [7, 14, 21]);
    assert_eq!(mc.summary(), whole);
}
