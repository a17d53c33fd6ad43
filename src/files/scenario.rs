//! Reading a scenario from JSON with errors that name the bad field and its valid range.

use super::error::FileError;
use crate::model::Scenario;

/// Parses and validates a scenario; the error names the field and what it must be.
pub fn parse_scenario(json: &str) -> Result<Scenario, FileError> {
    let value = super::read_value(json)?;
    let template = serde_json::to_value(Scenario::default()).expect("a scenario is JSON");
    super::strict::objects_where_expected(&value, &template, "")?;
    super::strict::plan_shape(value.get("changes"), "changes")?;
    let scenario: Scenario = super::from_value(value)?;
    scenario.validate().map_err(|invalid| FileError::Range {
        at: String::new(),
        invalid,
    })?;
    Ok(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_partial_file_fills_in_defaults() {
        let s = parse_scenario(r#"{"levers": {"budget": 1234}}"#).unwrap();
        assert_eq!(s.levers.budget, 1234.0);
        assert_eq!(s.levers.buy_in, Scenario::default().levers.buy_in);
    }

    #[test]
    fn errors_name_the_field_and_the_range() {
        let err = |json| parse_scenario(json).unwrap_err().to_string();
        assert!(err(r#"{"levers": {"budget": "lots"}}"#).starts_with("levers.budget:"));
        assert!(err(r#"{"levers": {"buy_in": 140}}"#)
            .contains("levers.buy_in is 140, but must be between 0 and 100"));
        assert!(err(r#"{"levers": {"budgett": 1}}"#).contains("unknown field `budgett`"));
        assert!(
            err(r#"{"assumptions": {"horizon_days": 5000}}"#).contains("assumptions.horizon_days")
        );
        assert!(err("[1, 2").starts_with("not valid JSON (line 1"));
        assert!(err("[1, 2]").starts_with("not a valid file"));
        assert!(err(r#"{"levers": {"budget": "lots"}}"#)
            .ends_with("wrong type, expected a number from 0 to 100000 (per month)"));
    }

    #[test]
    fn plans_in_the_wrong_shape_are_refused_naming_the_field() {
        let err = |json| parse_scenario(json).unwrap_err().to_string();
        assert_eq!(
            err(r#"{"changes": [[10, {"budget": 1}]]}"#),
            "changes[0]: wrong type, expected an object"
        );
        assert_eq!(
            err(r#"{"changes": [{"day": 10, "set": [4000, null, null, 50]}]}"#),
            "changes[0].set: wrong type, expected an object"
        );
        assert_eq!(
            err(
                r#"{"changes": [{"day": 10, "set": {"budget": 1}}, {"day": 20, "set": {"budget": null, "buy_in": 50}}]}"#
            ),
            "changes[1].set.budget: wrong type, expected a number"
        );
        let good = parse_scenario(r#"{"changes": [{"day": 10, "set": {"buy_in": 50}}]}"#);
        assert_eq!(good.unwrap().changes.changes()[0].set.0[3], Some(50.0));
    }

    #[test]
    fn valid_json_this_reader_cannot_hold_is_named_not_called_invalid() {
        let err = |json: &str| parse_scenario(json).unwrap_err().to_string();
        let too_large = "the number is too large (at most about ±1.8e308)";
        assert_eq!(
            err(r#"{"levers": {"budget": 1e309}}"#),
            format!("levers.budget: {too_large}")
        );
        assert_eq!(
            err(r#"{"assumptions": {"market_size": -1e400}}"#),
            format!("assumptions.market_size: {too_large}")
        );
        let digits = format!(r#"{{"levers": {{"buy_in": {}}}}}"#, "9".repeat(400));
        assert_eq!(err(&digits), format!("levers.buy_in: {too_large}"));
        let deep = format!(r#"{{"x": {}{}}}"#, "[".repeat(200), "]".repeat(200));
        assert!(
            err(&deep).starts_with("lists and objects are nested more than 128 deep (line 1"),
            "{}",
            err(&deep)
        );
        assert!(err(r#"{"levers": {}} x"#).starts_with("not valid JSON (line 1"));
        // Nearer to 0 than a float holds: read as 0 it would be a changed value.
        let tiny = "the number is too close to 0 to be held (write 0, or at least about ±5e-324)";
        assert_eq!(
            err(r#"{"name": "1e-400", "levers": {"posts_per_week": 2, "responsiveness": 1e-400}}"#),
            format!("levers.responsiveness: {tiny}")
        );
        assert_eq!(
            err(
                r#"{"assumptions": {"starting_followers": -0.000e-9999, "market_size": -12.5E-340}}"#
            ),
            format!("assumptions.market_size: {tiny}")
        );
        for zero in ["0", "0.0", "-0", "0e-400", "0.000E+5"] {
            let json = format!(r#"{{"levers": {{"responsiveness": {zero}}}}}"#);
            assert!(parse_scenario(&json).is_ok(), "{zero} is 0 as written");
        }
        let subnormal = parse_scenario(r#"{"levers": {"responsiveness": 5e-324}}"#).unwrap();
        assert_eq!(subnormal.levers.responsiveness, 5e-324);
    }

    #[test]
    fn shapes_are_strict_and_a_bom_is_fine() {
        let err = |json| parse_scenario(json).unwrap_err().to_string();
        assert_eq!(
            err(r#"{"levers": [1, 2, 3, 4]}"#),
            "levers: wrong type, expected an object"
        );
        assert_eq!(
            err(r#"{"levers": {"budget": 1, "budget": 2}}"#),
            "levers: `budget` is given twice"
        );
        assert_eq!(
            err(r#"{"levers": {}, "levers": {}}"#),
            "`levers` is given twice"
        );
        let bom = "\u{feff}{\"levers\": {\"budget\": 1234}}";
        assert_eq!(parse_scenario(bom).unwrap().levers.budget, 1234.0);
        let huge = format!(
            "{{\"x\": \"{}\"}}",
            "a".repeat(super::super::MAX_FILE_BYTES)
        );
        assert!(err(&huge).contains("too large"));
        let limited = super::super::read_limited(std::io::repeat(0).take(u64::MAX));
        assert!(matches!(limited, Err(FileError::TooLarge { .. })));
    }
}
