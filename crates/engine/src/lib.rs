//! The Long Game simulation engine. No web dependency, no file formats, no app: this crate
//! depends only on maths, randomness and serde, so the build itself keeps it pure.
//! Everything here runs natively and on wasm32.
//! The mechanisms and every number are documented in docs/MODEL.md.

pub mod company;
pub mod constants;
pub mod engine;
mod exact_sum;
pub mod fingerprint;
pub mod fit;
pub mod monte_carlo;
pub mod params;
pub mod per_run;
pub mod plan;
pub mod presets;
pub mod quantiles;
pub mod rng;
pub mod why;

pub use company::Company;
pub use engine::{
    simulate, simulate_company, simulate_until, CrisisEvent, CrisisOutcome, Derived, Metric,
    RunTrace, N_METRICS,
};
pub use monte_carlo::{
    outcomes_per_run, Band, Continuation, CrisisRecord, KeptFuture, MonteCarlo, SamplePath,
    Summary, Tally,
};
pub use params::{Assumptions, Fixed, InvalidParam, Levers, Mechanisms, Scenario};
pub use plan::{Change, LeverSet, Plan, LEVERS, MAX_CHANGES};
pub use presets::{preset, presets, Preset};
pub use why::{differences, highlights, Cause, Reason, Why};

/// What Long Game is, in one line: the command line's help starts with it (the app shows the
/// same line from its translation tables).
pub const TAGLINE: &str = "A social-media strategy simulator: see why a half-hearted six-week experiment fails and what a committed, patient programme earns.";

/// Simulates one run into a fresh trace (convenience for tests and tools).
pub fn run_once(scenario: &Scenario, seed: u64, run: u64) -> RunTrace {
    let mut trace = RunTrace::default();
    simulate(
        &Derived::new(scenario),
        scenario.assumptions.starting_followers,
        seed,
        run,
        &mut trace,
    );
    trace
}
