//! Property tests over random valid parameters: whatever the levers, the numbers stay sane.

mod common;
use longgame::model::Metric;
use longgame::model::{run_once, Scenario, N_METRICS};
use proptest::prelude::*;

fn any_scenario() -> impl Strategy<Value = Scenario> {
    common::any_scenario(400)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn numbers_stay_finite_non_negative_and_within_the_market(
        s in any_scenario(),
        seed in any::<u64>(),
        run in 0u64..10_000,
    ) {
        prop_assert!(s.validate().is_ok(), "generator made an invalid scenario: {:?}", s.validate());
        let t = run_once(&s, seed, run);
        let days = s.assumptions.horizon_days as usize;
        prop_assert_eq!(t.values.len(), (days + 1) * N_METRICS);
        for (i, v) in t.values.iter().enumerate() {
            prop_assert!(v.is_finite(), "metric {} on day {} is {}", i % N_METRICS, i / N_METRICS, v);
        }
        for day in 0..=days {
            for m in Metric::ALL.into_iter().filter(|m| *m != Metric::Roi) {
                prop_assert!(t.value(day, m) >= 0.0, "metric {:?} negative on day {}", m, day);
            }
            prop_assert!(t.value(day, Metric::Followers) <= s.assumptions.market_size);
            prop_assert!(t.value(day, Metric::Trust) <= 100.0);
            prop_assert!(t.value(day, Metric::Customers) <= t.value(day, Metric::Leads));
            prop_assert!(t.value(day, Metric::Roi) >= -100.0);
            if day > 0 {
                for m in Metric::ALL.into_iter().filter(|m| m.is_cumulative()) {
                    prop_assert!(t.value(day, m) >= t.value(day - 1, m), "metric {:?} fell on day {}", m, day);
                }
            }
        }
    }
}

/// Median leads and followers on `DAY` over `SWEEP_RUNS` paired runs.
fn medians(s: &Scenario) -> [f64; 2] {
    use longgame::model::{simulate, Derived, RunTrace};
    let d = Derived::new(s);
    let mut trace = RunTrace::default();
    let mut leads = Vec::with_capacity(SWEEP_RUNS as usize);
    let mut followers = Vec::with_capacity(SWEEP_RUNS as usize);
    for run in 0..SWEEP_RUNS {
        simulate(&d, s.assumptions.starting_followers, 5, run, &mut trace);
        leads.push(trace.value(SWEEP_DAY, Metric::Leads));
        followers.push(trace.value(SWEEP_DAY, Metric::Followers));
    }
    [leads, followers].map(|mut v| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    })
}

const SWEEP_RUNS: u64 = 150;
const SWEEP_DAY: usize = 365;

/// Sweeps one lever notch by notch from a preset and returns the worst cliff: a step that moves
/// a median by more than 10 % of its value, by more than 3 % of the whole range the lever spans,
/// and by far more (2.5×) than the steps on either side of it. A steep but steady rise is a
/// strong lever; a step that stands out from its neighbours is a cliff.
/// Returns (how far past the limits, lever value, before, after).
fn largest_jump(id: &str, lever: &str, max: f64, notch: f64) -> (f64, f64, f64, f64) {
    let mut s = longgame::model::preset(id).expect("preset").scenario;
    s.assumptions.horizon_days = SWEEP_DAY as u32;
    // Management reviews are the model's one deliberate threshold (a run is cancelled or not):
    // a goal every run meets switches them off, so the sweep sees the smooth mechanisms.
    s.assumptions.goal_leads = 1.0;
    let mut points = Vec::new();
    let mut value = 0.0;
    while value <= max {
        s.set(lever, value).unwrap();
        points.push((value, medians(&s)));
        value += notch;
    }
    let mut worst = (0.0, 0.0, 0.0, 0.0);
    for (m, floor) in [(0, 5.0), (1, 50.0)] {
        let series: Vec<f64> = points.iter().map(|p| p.1[m]).collect();
        let (lo, hi) = series
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let steps: Vec<f64> = series.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
        for (i, &gap) in steps.iter().enumerate() {
            let (a, b) = (series[i], series[i + 1]);
            let neighbours = [
                i.checked_sub(1).map(|j| steps[j]),
                steps.get(i + 1).copied(),
            ]
            .into_iter()
            .flatten()
            .fold(0.0f64, f64::max);
            let cliff = [
                gap / (0.1 * a.max(b)),
                gap / (0.03 * (hi - lo)),
                gap / (2.5 * neighbours),
                gap / floor,
            ]
            .into_iter()
            .fold(f64::INFINITY, f64::min);
            if cliff > worst.0 {
                worst = (cliff, points[i + 1].0, a, b);
            }
        }
    }
    worst
}

#[test]
fn every_lever_moves_outcomes_smoothly_one_notch_at_a_time() {
    // One notch (€100, 1 post a week, 5 points) never moves median leads or followers by a
    // step that stands out from its neighbours (the old budget waterfall made such cliffs).
    let levers = [
        ("budget", 10_000.0, 100.0),
        ("posts_per_week", 70.0, 1.0),
        ("responsiveness", 100.0, 5.0),
        ("buy_in", 100.0, 5.0),
    ];
    std::thread::scope(|scope| {
        let handles: Vec<_> = ["default", "committed", "big-budget"]
            .into_iter()
            .map(|id| {
                scope.spawn(move || {
                    levers
                        .map(|(lever, max, notch)| (id, lever, largest_jump(id, lever, max, notch)))
                })
            })
            .collect();
        for h in handles {
            for (id, lever, (jump, at, before, now)) in h.join().unwrap() {
                assert!(
                    jump < 1.0,
                    "{id}: one notch of {lever} to {at} moves a median from {before} to {now}"
                );
            }
        }
    });
}

#[test]
fn cumulative_percentile_lines_never_fall() {
    // A cumulative median (leads, customers, cost so far) cannot go down from one day to the next.
    for id in ["default", "half-hearted", "intern", "crisis-mishandled"] {
        let s = longgame::model::preset(id).unwrap().scenario;
        let summary = longgame::model::MonteCarlo::new(s, 3, 200, 0)
            .unwrap()
            .run_all();
        for m in Metric::ALL.into_iter().filter(|m| m.is_cumulative()) {
            let b = summary.band(m);
            for line in [&b.p10, &b.p25, &b.p50, &b.p75, &b.p90, &b.mean] {
                for (day, w) in line.windows(2).enumerate() {
                    assert!(w[1] >= w[0], "{id}: {m:?} falls on day {}", day + 1);
                }
            }
        }
    }
}
