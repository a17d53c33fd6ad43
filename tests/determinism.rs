//! Reproducibility: a seed and run index fully determine a run, bit for bit.

use longgame::model::{
    fingerprint, preset, run_once, simulate, Derived, MonteCarlo, RunTrace, Scenario,
};

#[test]
fn a_fixed_run_matches_its_golden_hash() {
    // If this fails, the model's numbers changed: make sure that was deliberate, then update
    // the hash (tests/wasm_determinism.rs checks that the wasm32 build gives the same bits).
    // Issue 13 changed it once on purpose: SplitMix64 streams instead of PCG-64 (new luck, the
    // same distributions) and table-driven exact Poisson and close-rate binomial draws.
    // Issue 25 changed it on purpose: the golden run now also holds `half-hearted` (a dead
    // page's mark) and `never-started` (word of mouth without a page); `committed` is as before.
    // Issue 25's calibration changed it again: click-through per impression, click -> lead,
    // reply times, close rate, customer value and goal at published magnitudes; then ad
    // click-through and capability's growth time drawn per run (two more company draws).
    // Then conversations' yield and questions raised, paid conversion lowered (organic share).
    let golden = fingerprint::golden_run();
    assert_eq!(golden, GOLDEN, "golden hash changed: {golden:#x}");
}

const GOLDEN: u64 = 0x18c8_e1a8_3073_560a;

#[test]
fn the_same_seed_repeats_and_another_seed_differs() {
    let s = Scenario::default();
    let a = MonteCarlo::new(s, 9, 50, 2).unwrap().run_all();
    let b = MonteCarlo::new(s, 9, 50, 2).unwrap().run_all();
    let c = MonteCarlo::new(s, 10, 50, 2).unwrap().run_all();
    assert_eq!(a, b);
    assert_ne!(a.metrics, c.metrics);
}

#[test]
fn invalid_scenarios_are_refused_with_the_field_named() {
    let mut s = Scenario::default();
    s.levers.buy_in = 150.0;
    let err = MonteCarlo::new(s, 1, 10, 0).err().expect("refused");
    assert!(err.to_string().contains("levers.buy_in"));
    s.levers.buy_in = f64::NAN;
    assert!(MonteCarlo::new(s, 1, 10, 0).is_err());
}

#[test]
fn two_scenarios_face_the_same_company_in_the_same_run() {
    // Common random numbers: what we do not know about the company is drawn per (seed, run),
    // never per scenario, so a comparison shows the strategy, not a luckier company.
    let a = run_once(&preset("committed").unwrap().scenario, 5, 3);
    let b = run_once(&preset("half-hearted").unwrap().scenario, 5, 3);
    let c = run_once(&preset("committed").unwrap().scenario, 5, 4);
    assert!(a.company.is_some());
    assert_eq!(a.company, b.company);
    assert_ne!(a.company, c.company);
}

#[test]
fn a_reused_trace_holds_the_same_run_as_a_fresh_one() {
    // Traces are reused from run to run without being cleared (every day's row is rewritten):
    // nothing of the run before may show through, whatever its crises or cancellation.
    let scenario = preset("crisis-mishandled").unwrap().scenario;
    let derived = Derived::new(&scenario);
    let start = scenario.assumptions.starting_followers;
    let mut reused = RunTrace::default();
    for run in 0..6 {
        simulate(&derived, start, 11, run, &mut reused);
        let fresh = run_once(&scenario, 11, run);
        assert_eq!(reused.values, fresh.values, "run {run}");
        assert_eq!(reused.crises, fresh.crises, "run {run}");
        assert_eq!(reused.cancelled_day, fresh.cancelled_day, "run {run}");
    }
}

/// The summary of runs split into `parts` parts (as a pool of workers splits them), merged in
/// run order.
fn merged(make: impl Fn() -> MonteCarlo, runs: u32, parts: u32) -> longgame::model::Summary {
    let mut whole = make();
    let bounds: Vec<u32> = (0..=parts).map(|k| runs * k / parts).collect();
    let mut tallies = bounds.windows(2).map(|w| {
        let mut part = make().part(w[0], w[1]);
        // Uneven batches, as a worker's time slices give them.
        while !part.step(7) {}
        part.tally().clone()
    });
    let mut total = tallies.next().unwrap();
    tallies.for_each(|t| total.merge(&t));
    let whole = whole.summary();
    let head = (whole.scenario, whole.seed, runs);
    total.summary(head, true, true)
}

#[test]
fn any_number_of_workers_gives_the_same_summary_bit_for_bit() {
    // Every preset, so crises, cancellations and never-started pages are all in it.
    for p in longgame::model::presets() {
        let runs = 203;
        let make = || MonteCarlo::new(p.scenario, 11, runs, 5).unwrap();
        let one = make().run_all();
        let one_json = serde_json::to_value(&one).unwrap();
        for parts in [2, 3, 4, 8] {
            let summary = merged(make, runs, parts);
            assert_eq!(summary, one, "{}: {parts} parts", p.id);
            assert_eq!(serde_json::to_value(&summary).unwrap(), one_json);
        }
    }
}

#[test]
fn a_games_futures_split_between_workers_merge_to_the_same_summary() {
    let s = preset("committed").unwrap().scenario;
    let make = || MonteCarlo::from_day(s, (5, 0, 120), 90, 3).unwrap();
    let one = make().run_all();
    assert_eq!(merged(make, 90, 4), one);
}

#[test]
fn a_tally_survives_the_workers_message_codec() {
    let mut mc = MonteCarlo::new(Scenario::default(), 3, 40, 2)
        .unwrap()
        .part(10, 40);
    mc.step(u32::MAX);
    let bytes = bincode::serialize(mc.tally()).unwrap();
    let back: longgame::model::Tally = bincode::deserialize(&bytes).unwrap();
    assert_eq!(&back, mc.tally());
}

/// The summary's bits (percentiles, means, counts) of a fixed Monte Carlo: a change to the
/// histograms or the sums that moves any figure shows here, not only in the run's hash.
#[test]
fn a_fixed_monte_carlo_summary_matches_its_golden_hash() {
    let golden = fingerprint::golden_summary();
    assert_eq!(
        golden, GOLDEN_SUMMARY,
        "golden summary changed: {golden:#x}"
    );
}

const GOLDEN_SUMMARY: u64 = 0x27b9_a7e0_f604_cefb;
