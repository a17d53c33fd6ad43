//! Throughput of the engine on the reference workload (1,000 runs × 730 days).
//! `cargo bench --bench throughput` prints run-days per second for the bare simulation
//! and for the full Monte Carlo with streaming summaries, and whether the full Monte Carlo on
//! the reference preset (`committed`) meets the target of issue 13. The machine's load moves
//! these figures: compare builds by running their benchmarks alternately (docs/PERFORMANCE.md).

use longgame::model::{preset, simulate, Derived, MonteCarlo, RunTrace};
use std::hint::black_box;
use std::time::Instant;

const RUNS: u32 = 1000;
const DAYS: u32 = 730;
/// Full Monte Carlo with streamed percentiles, one core, `committed`: at least this many
/// run-days per second (issue 13 aims at 10 M).
const TARGET: f64 = 6e6;

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
        if id == "committed" {
            let rate = run_days / full;
            println!(
                "target: full Monte Carlo on committed >= {:.0} M run-days/s: {} ({:.1} M)",
                TARGET / 1e6,
                if rate >= TARGET { "met" } else { "NOT met" },
                rate / 1e6
            );
        }
    }
}
