//! A run stopped after day D is the full run up to D: what the explorer's map relies on when
//! it simulates only up to the day it reads.

use longgame::model::{
    preset, presets, simulate, simulate_until, Derived, Metric, RunTrace, N_METRICS,
};

#[test]
fn a_run_stopped_after_day_d_equals_the_full_run_up_to_d() {
    let (mut full, mut cut) = (RunTrace::default(), RunTrace::default());
    for p in presets() {
        let s = p.scenario;
        let d = Derived::new(&s);
        let start = s.assumptions.starting_followers;
        let horizon = s.assumptions.horizon_days;
        for day in [1, 42, 91, 200, 365, horizon] {
            for run in 0..12 {
                simulate(&d, start, 7, run, &mut full);
                simulate_until(&d, start, (7, run), day, &mut cut);
                let n = (day.min(horizon) as usize + 1) * N_METRICS;
                assert_eq!(
                    &cut.values[..n],
                    &full.values[..n],
                    "{} run {run} day {day}",
                    p.id
                );
                let by = |x: Option<u32>| x.filter(|&g| g <= day);
                assert_eq!(cut.goal_day, by(full.goal_day), "{} run {run}", p.id);
                assert_eq!(
                    cut.cancelled_day,
                    by(full.cancelled_day),
                    "{} run {run}",
                    p.id
                );
                assert_eq!(cut.company, full.company);
            }
        }
    }
    // Reusing a trace after a longer run leaves nothing of it behind.
    let s = preset("committed").unwrap().scenario;
    let d = Derived::new(&s);
    simulate(&d, 100.0, 1, 0, &mut cut);
    simulate_until(&d, 100.0, (1, 0), 30, &mut cut);
    assert_eq!(cut.value(31, Metric::Leads), 0.0);
    assert!(cut.crises.iter().all(|c| c.day <= 30));
}
