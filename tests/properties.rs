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

/// Fewest futures a group (cancelled or continued) needs for its mean to be compared.
const GROUP_MIN: usize = 30;

/// On `DAY` over `SWEEP_RUNS` paired runs, with management's reviews on: mean leads and mean
/// followers of all futures, then mean leads of the futures management cancelled and of those
/// it did not (`None` for a group too small to say).
fn means(s: &Scenario) -> [Option<f64>; 4] {
    use longgame::model::{simulate, Derived, RunTrace};
    let d = Derived::new(s);
    let mut trace = RunTrace::default();
    let (mut all, mut followers) = (0.0, 0.0);
    let mut groups = [(0.0, 0usize); 2];
    for run in 0..SWEEP_RUNS {
        simulate(&d, s.assumptions.starting_followers, 5, run, &mut trace);
        let leads = trace.value(SWEEP_DAY, Metric::Leads);
        all += leads;
        followers += trace.value(SWEEP_DAY, Metric::Followers);
        let g = &mut groups[trace.cancelled_day.is_some() as usize];
        g.0 += leads;
        g.1 += 1;
    }
    let n = SWEEP_RUNS as f64;
    let group = |(sum, k): (f64, usize)| (k >= GROUP_MIN).then(|| sum / k as f64);
    [
        Some(all / n),
        Some(followers / n),
        group(groups[0]),
        group(groups[1]),
    ]
}

const SWEEP_RUNS: u64 = 150;
const SWEEP_DAY: usize = 365;

/// Sweeps one field notch by notch from a preset and returns the worst cliff: a step that moves
/// a mean by more than 10 % of its value, by more than 3 % of the whole range the field spans,
/// and by far more (2.5×) than the steps on either side of it. A steep but steady rise is a
/// strong lever; a step that stands out from its neighbours is a cliff. Reviews stay on: the
/// means over all futures and over each group (cancelled, continued) must all be smooth.
/// Returns (how far past the limits, field value, before, after).
fn largest_jump(id: &str, field: &str, (min, max, notch): (f64, f64, f64)) -> (f64, f64, f64, f64) {
    let mut s = longgame::model::preset(id).expect("preset").scenario;
    s.assumptions.horizon_days = SWEEP_DAY as u32;
    let mut points = Vec::new();
    let mut value = min;
    while value <= max {
        s.set(field, value).unwrap();
        points.push((value, means(&s)));
        value += notch;
    }
    let mut worst = (0.0, 0.0, 0.0, 0.0);
    for (m, floor) in [(0, 5.0), (1, 50.0), (2, 5.0), (3, 5.0)] {
        // A group's series runs over the points where it is large enough.
        let series: Vec<(f64, f64)> = points
            .iter()
            .filter_map(|(v, p)| p[m].map(|x| (*v, x)))
            .collect();
        let (lo, hi) = series
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &(_, v)| {
                (lo.min(v), hi.max(v))
            });
        let steps: Vec<f64> = series.windows(2).map(|w| (w[1].1 - w[0].1).abs()).collect();
        for (i, &gap) in steps.iter().enumerate() {
            let (a, b) = (series[i].1, series[i + 1].1);
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
                worst = (cliff, series[i + 1].0, a, b);
            }
        }
    }
    worst
}

#[test]
fn every_lever_and_main_assumption_moves_outcomes_smoothly_with_reviews_on() {
    // One notch (€100, 1 post a week, 5 points, ...) never moves a mean (all futures, or the
    // cancelled or continued ones) by a step that stands out from its neighbours: the old budget
    // waterfall and the old review calendar (each buy-in point on other luck) made such cliffs.
    let fields = [
        ("budget", (0.0, 10_000.0, 100.0)),
        ("posts_per_week", (0.0, 70.0, 1.0)),
        ("responsiveness", (0.0, 100.0, 5.0)),
        ("buy_in", (0.0, 100.0, 5.0)),
        ("goal_leads", (50.0, 400.0, 10.0)), // from 50: a notch of 10 at 10 doubles it
        ("channel_fit", (0.0, 100.0, 5.0)),
        ("close_rate", (0.0, 100.0, 5.0)),
    ];
    std::thread::scope(|scope| {
        let handles: Vec<_> = ["default", "committed", "big-budget", "half-hearted"]
            .into_iter()
            .map(|id| {
                scope.spawn(move || {
                    fields.map(|(field, range)| (id, field, largest_jump(id, field, range)))
                })
            })
            .collect();
        for h in handles {
            for (id, field, (jump, at, before, now)) in h.join().unwrap() {
                assert!(
                    jump < 1.0,
                    "{id}: one notch of {field} to {at} moves a mean from {before} to {now}"
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
