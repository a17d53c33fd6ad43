//! Throughput of the engine on the reference workload (1,000 runs × 730 days).
//! `cargo bench --bench throughput` prints run-days per second for the bare simulation
//! and for the full Monte Carlo with streaming summaries.

use longgame::model::{preset, simulate, Derived, MonteCarlo, RunTrace};
use std::hint::black_box;
use std::time::Instant;

const RUNS: u32 = 1000;
const DAYS: u32 = 730;

fn best_of<F: FnMut()>(tries: usize, mut f: F) -> f64 {
    (0..tries)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let run_days = (RUNS * DAYS) as f64;
    for id in ["default", "committed", "half-hearted"] {
        let mut scenario = preset(id).expect("preset exists").scenario;
        scenario.assumptions.horizon_days = DAYS;
        let derived = Derived::new(&scenario);
        let mut trace = RunTrace::default();
        let bare = best_of(5, || {
            for run in 0..RUNS as u64 {
                simulate(
                    &derived,
                    scenario.assumptions.starting_followers,
                    1,
                    run,
                    &mut trace,
                );
                black_box(&trace);
            }
        });
        let full = best_of(5, || {
            black_box(
                MonteCarlo::new(scenario, 1, RUNS, 5)
                    .expect("valid")
                    .run_all(),
            );
        });
        println!(
            "{id:<13} simulate: {:>6.1} M run-days/s ({:>4.0} ms)   with summaries: {:>6.1} M run-days/s ({:>4.0} ms)",
            run_days / bare / 1e6,
            bare * 1e3,
            run_days / full / 1e6,
            full * 1e3
        );
    }
}
