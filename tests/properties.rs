//! Property tests over random valid parameters: whatever the levers, the numbers stay sane.

use longgame::model::Metric;
use longgame::model::{run_once, Assumptions, Levers, Scenario, N_METRICS};
use proptest::prelude::*;

fn any_scenario() -> impl Strategy<Value = Scenario> {
    let levers = (0.0..100_000.0, 0.0..70.0, 0.0..=100.0, 0.0..=100.0).prop_map(
        |(budget, posts_per_week, responsiveness, buy_in)| Levers {
            budget,
            posts_per_week,
            responsiveness,
            buy_in,
        },
    );
    let assumptions = (
        (1_000.0..10_000_000.0f64, 0.0..=1.0f64),
        (0.0..1_000_000.0, 0.0..=100.0, 0.0..=100.0),
        (30u32..400, 1.0..10_000.0, 1u32..400),
        (0u32..400, 0u32..400),
    )
        .prop_map(
            |(
                (market_size, start_share),
                (customer_value, close_rate, channel_fit),
                (h, g, gd),
                (c, st),
            )| {
                Assumptions {
                    market_size,
                    starting_followers: (market_size * start_share).min(1_000_000.0).floor(),
                    customer_value,
                    close_rate,
                    channel_fit,
                    horizon_days: h,
                    goal_leads: g,
                    goal_day: gd,
                    crisis_day: c,
                    stop_day: st,
                }
            },
        );
    (levers, assumptions).prop_map(|(levers, assumptions)| Scenario {
        levers,
        assumptions,
    })
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
