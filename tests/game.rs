//! Play mode's engine: a game is one future (run `run` of a seed) played to a decision
//! point; the futures still possible from there share its past and diverge after it.

use longgame::model::engine::{play_until, Derived};
use longgame::model::{preset, run_once, Change, LeverSet, Metric, MonteCarlo, Plan, N_METRICS};

const SEED: u64 = 2026;
const RUN: u64 = 5;

#[test]
fn the_game_is_one_of_the_futures_and_its_past_is_every_fork_s_past() {
    let s = preset("committed").unwrap().scenario;
    let (so_far, paused) = play_until(
        &Derived::new(&s),
        s.assumptions.starting_followers,
        SEED,
        RUN,
        90,
    );
    assert_eq!(paused.day(), 90);
    let whole = run_once(&s, SEED, RUN);
    let upto = 91 * N_METRICS;
    assert_eq!(
        so_far.values[..upto],
        whole.values[..upto],
        "the game is run {RUN} itself"
    );

    let futures = MonteCarlo::from_day(s, (SEED, RUN, 90), 200, 0)
        .unwrap()
        .run_all();
    let leads = futures.band(Metric::Leads);
    for day in 0..=90 {
        assert_eq!(
            leads.p10[day], leads.p90[day],
            "day {day}: the past is known"
        );
        assert_eq!(leads.p50[day], whole.value(day, Metric::Leads));
    }
    assert!(
        leads.p90[730] > leads.p10[730],
        "the futures diverge after the decision point"
    );
}

#[test]
fn a_decision_at_a_stop_shows_in_the_futures_from_there_on() {
    let s = preset("committed").unwrap().scenario;
    let mut raised = s;
    let set = LeverSet::one("budget", 10_000.0).unwrap();
    raised.changes = Plan::new(&[Change { day: 91, set }]).unwrap();
    let keep = MonteCarlo::from_day(s, (SEED, RUN, 90), 100, 0)
        .unwrap()
        .run_all();
    let more = MonteCarlo::from_day(raised, (SEED, RUN, 90), 100, 0)
        .unwrap()
        .run_all();
    let (k, m) = (keep.band(Metric::Cost), more.band(Metric::Cost));
    assert_eq!(k.p50[..=90], m.p50[..=90], "same past");
    assert!(
        m.p50[365] > 1.5 * k.p50[365],
        "the raised budget is spent from day 91"
    );
    // Same forks, same luck: the futures differ by the decision only (common random numbers).
    let again = MonteCarlo::from_day(raised, (SEED, RUN, 90), 100, 0)
        .unwrap()
        .run_all();
    assert_eq!(again.metrics, more.metrics);
}
