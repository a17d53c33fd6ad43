//! What the property tests share: random valid scenarios, drawn from the field registry so
//! that a new field is covered without touching the tests.

use longgame::model::params::{field, FIELDS};
use longgame::model::{Change, LeverSet, Plan, Scenario, LEVERS};
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
    // Up to four changes: (days after the previous one, lever, share of the lever's range).
    let changes = proptest::collection::vec((1u32..200, 0usize..4, 0.0..=1.0f64), 0..4);
    (values, 0.0..=1.0f64, changes).prop_map(|(values, start_share, changes)| {
        let mut s = Scenario::default();
        for (f, v) in FIELDS.iter().zip(values) {
            f.set(&mut s, f.stored(v))
                .expect("a stored value fits its field");
        }
        // Starting followers are a share of the market (at most the field's own maximum).
        let a = &mut s.assumptions;
        a.starting_followers = (a.market_size * start_share).min(1_000_000.0).floor();
        s.changes = plan(&changes, s.assumptions.horizon_days);
        s
    })
}

/// A valid plan from raw draws: days within the horizon, each lever value within its range.
fn plan(draws: &[(u32, usize, f64)], horizon: u32) -> Plan {
    let mut day = 0;
    let changes: Vec<Change> = draws
        .iter()
        .filter_map(|&(gap, lever, share)| {
            day += gap;
            let f = field(LEVERS[lever]).expect("a lever");
            let value = (f.min + share * (f.max - f.min)).round();
            let mut set = LeverSet::default();
            set.put(lever, value);
            (day <= horizon).then_some(Change { day, set })
        })
        .collect();
    Plan::new(&changes).expect("at most four changes")
}
