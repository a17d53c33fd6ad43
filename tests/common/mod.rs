//! What the property tests share: random valid scenarios, drawn from the field registry so
//! that a new field is covered without touching the tests.

use longgame::model::params::FIELDS;
use longgame::model::Scenario;
use proptest::prelude::*;

/// Any valid scenario whose day counts stay within `max_days` (simulating long horizons in a
/// property test is slow; the link codec takes the full range).
pub fn any_scenario(max_days: u32) -> impl Strategy<Value = Scenario> {
    let values: Vec<BoxedStrategy<f64>> = FIELDS
        .iter()
        .map(|f| {
            let max = if f.whole_days {
                f.max.min(max_days as f64)
            } else {
                f.max
            };
            (f.min..=max).boxed()
        })
        .collect();
    (values, 0.0..=1.0f64).prop_map(|(values, start_share)| {
        let mut s = Scenario::default();
        for (f, v) in FIELDS.iter().zip(values) {
            f.set(&mut s, f.stored(v))
                .expect("a stored value fits its field");
        }
        // Starting followers are a share of the market (at most the field's own maximum).
        let a = &mut s.assumptions;
        a.starting_followers = (a.market_size * start_share).min(1_000_000.0).floor();
        s
    })
}
