//! The reference workload of `benches/throughput.rs` (preset `committed`, 730 days) as a bare
//! wasm32 module, to time the engine in wasm32 without the app: `scripts/wasm-throughput.mjs`
//! builds nothing, it loads the module this example builds and times its exports under Node.

use longgame_engine::{preset, simulate, Derived, MonteCarlo, RunTrace};

const DAYS: u32 = 730;

fn committed() -> longgame_engine::Scenario {
    let mut scenario = preset("committed").expect("preset exists").scenario;
    scenario.assumptions.horizon_days = DAYS;
    scenario
}

/// Simulates `runs` runs (no summaries); returns the last value of the last run.
#[no_mangle]
pub extern "C" fn simulate_runs(runs: u32) -> f64 {
    let scenario = committed();
    let derived = Derived::new(&scenario);
    let mut trace = RunTrace::default();
    for run in 0..runs as u64 {
        simulate(
            &derived,
            scenario.assumptions.starting_followers,
            1,
            run,
            &mut trace,
        );
    }
    trace.values.last().copied().unwrap_or(0.0)
}

/// The full Monte Carlo of `runs` runs with streamed percentiles; returns the final median leads.
#[no_mangle]
pub extern "C" fn monte_carlo(runs: u32) -> f64 {
    let summary = MonteCarlo::new(committed(), 1, runs, 5)
        .expect("valid")
        .run_all();
    summary.metrics[4].p50.last().copied().unwrap_or(0.0)
}

/// The history fit of `benches/fit.rs` (the sample page's twelve months, `futures` futures)
/// and its forecast to day 730; returns the effective sample size.
#[no_mangle]
pub extern "C" fn fit_sample(futures: u32) -> f64 {
    use longgame_engine::fit::{fit, read_table, FitOptions};
    let history = read_table(include_str!("../../../examples/page-history.csv")).expect("sample");
    let scenario = longgame_engine::Scenario::default();
    let opts = FitOptions {
        runs: futures,
        futures,
        ..FitOptions::default()
    };
    let f = fit(&history, &scenario, &opts).expect("the sample fits");
    let plan = longgame_engine::plan::LeverSet::default();
    let summary = f.forecast(&scenario, plan, 0).expect("valid").run_all();
    f.ess + 0.0 * summary.metrics[4].p50.last().copied().unwrap_or(0.0)
}
