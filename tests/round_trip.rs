//! A number a user gave comes back bit for bit: through the scenario file (the app's export
//! and import, the command line's --scenario) and the summary the command line prints.

mod common;
use longgame::files::parse_scenario;
use longgame::model::Scenario;
use longgame::state::export::scenario_json;
use proptest::prelude::*;

/// Every field's value, as bits, in the registry's order, then the plan's.
fn bits(s: &Scenario) -> Vec<u64> {
    let mut out: Vec<u64> = s.fields().map(|(_, v)| v.to_bits()).collect();
    for c in s.changes.changes() {
        out.push(c.day as u64);
        out.extend(c.set.values().map(|(_, v)| v.to_bits()));
    }
    out
}

#[test]
fn the_reported_values_come_back_exactly() {
    // Found by the bad-input campaign: each came back changed in its last digits.
    for (json, get) in [
        (
            r#"{"levers": {"responsiveness": 25.280719660084806}}"#,
            (|s: &Scenario| s.levers.responsiveness) as fn(&Scenario) -> f64,
        ),
        (r#"{"levers": {"budget": 97086.11321450499}}"#, |s| {
            s.levers.budget
        }),
    ] {
        let given: f64 = json
            .split(": ")
            .nth(2)
            .unwrap()
            .trim_end_matches('}')
            .parse()
            .unwrap();
        let s = parse_scenario(json).unwrap();
        assert_eq!(get(&s).to_bits(), given.to_bits(), "{json}");
        let again = parse_scenario(&scenario_json(&s)).unwrap();
        assert_eq!(get(&again).to_bits(), given.to_bits(), "{json}");
    }
}

proptest! {
    // 5,000 random valid scenarios (16 fields and up to 3 changes each, about 90,000 values).
    #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_scenario_file_round_trips_bit_for_bit(s in common::any_scenario(1095)) {
        let back = parse_scenario(&scenario_json(&s)).expect("an exported scenario is read");
        prop_assert_eq!(bits(&back), bits(&s));
    }
}
