//! Fingerprints of fixed runs, to check that a build computes exactly the published numbers:
//! `tests/determinism.rs` pins them natively, and `tests/wasm_determinism.rs` checks that the
//! wasm32 build (the `wasm_fingerprint` example, run under Node) gives the same bits.

use super::monte_carlo::MonteCarlo;
use super::params::Scenario;
use super::presets::preset;
use super::run_once;

/// FNV-1a over the bit patterns of `values`.
pub fn hash(values: &[f64]) -> u64 {
    values
        .iter()
        .flat_map(|v| v.to_bits().to_le_bytes())
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
        })
}

/// Every value of run 7 under seed 42 of the `committed` preset (the golden run), followed by
/// the same run of `half-hearted` (cancelled, then a dead page) and of `never-started` (no
/// page: trust moves with word of mouth), so every branch of the daily step is covered.
pub fn golden_run() -> u64 {
    let mut values = Vec::new();
    for id in ["committed", "half-hearted", "never-started"] {
        let scenario = preset(id).expect("preset exists").scenario;
        values.extend_from_slice(&run_once(&scenario, 42, 7).values);
    }
    hash(&values)
}

/// Every percentile and mean of a 40-run Monte Carlo of the default scenario (streamed
/// histograms included), and the share of runs still active.
pub fn golden_summary() -> u64 {
    let summary = MonteCarlo::new(Scenario::default(), 42, 40, 0)
        .expect("valid")
        .run_all();
    let mut values = summary.active.clone();
    for band in &summary.metrics {
        for line in [
            &band.p10, &band.p25, &band.p50, &band.p75, &band.p90, &band.mean,
        ] {
            values.extend_from_slice(line);
        }
    }
    hash(&values)
}

/// A fitted page history (a generated three-month history, 60 futures): the effective sample
/// size, every future's weight and constants, and the forecast's percentiles; then the same
/// history fitted piecewise with the plan known (play mode's fit). The fit sums
/// log-likelihoods (`lgamma`, `log`) and moves futures by them, so it must agree bit for bit
/// too.
pub fn golden_fit() -> u64 {
    use super::fit::{fit, synthetic::synthetic, Column, FitOptions};
    use super::plan::LeverSet;
    let mut s = Scenario::default();
    s.assumptions.horizon_days = 150;
    let history = synthetic(&s, (30, 3), (42, 3), 200.0, &Column::ALL).history;
    let opts = FitOptions {
        runs: 60,
        seed: 42,
        starting_followers: None,
        futures: 60,
    };
    let f = fit(&history, &s, &opts).expect("a generated history fits");
    let mut values = vec![f.ess];
    values.extend_from_slice(&f.weights);
    for future in &f.population {
        let c = future.company;
        values.extend_from_slice(&[c.reach, c.engagement, c.conversion, c.paid, c.follow]);
        values.extend_from_slice(&[c.crisis, future.unknowns.start]);
    }
    let summary = f
        .forecast(&s, LeverSet::default(), 0)
        .expect("valid")
        .run_all();
    for band in &summary.metrics {
        values.extend_from_slice(&band.p50);
    }
    // Play's fit: the plan known, done a few futures at a time (`Stepwise`).
    let plan = super::fit::Fitter::for_plan(&history, &s, &opts);
    let f = super::fit::Stepwise::new(plan, &opts)
        .run()
        .expect("fits under its own plan");
    values.push(f.ess);
    values.extend_from_slice(&f.weights);
    hash(&values)
}
