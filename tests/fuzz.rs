//! Our own fuzz campaign, run with the suite: generated hostile input for the scenario, story
//! and saved-storage readers, the team codes and the CSV writer. Each reader must not panic,
//! must report every bad value (naming where it is), and must keep every good value bit for
//! bit. Campaign sizes (cases per property) are in each block's config; together they take
//! well under a minute.

mod common;
use longgame::files::parse_scenario;
use longgame::model::params::{Field, FIELDS};
use longgame::model::{Levers, Plan, Scenario};
use longgame::state::class::{class_csv, rank, Team};
use longgame::state::export::scenario_json;
use longgame::state::saved::{parse_store, store_text, SavedScenario};
use longgame::state::team_code::{self, TeamPlan};
use longgame::story::parse_story;
use proptest::prelude::*;

/// A value no field may hold, as JSON text: beyond the range, the wrong type, or beyond f64.
fn bad_value(f: &'static Field) -> impl Strategy<Value = String> {
    let (min, max) = (f.min, f.max);
    prop_oneof![
        (1e-9..1e12f64).prop_map(move |d| format!("{:?}", max + d.max(max.abs() * 1e-15) + 1.0)),
        (1.0..1e12f64).prop_map(move |d| format!("{:?}", min - d)),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("\"12\"".to_string()),
        Just("[1, 2]".to_string()),
        Just("{\"x\": 1}".to_string()),
        Just("1e999".to_string()),
        Just("-1e400".to_string()),
        Just("9".repeat(400)),
    ]
}

/// A scenario file with the field `f` replaced by `raw` (JSON text).
fn with_value(s: &Scenario, f: &Field, raw: &str) -> String {
    let mut v = serde_json::to_value(s).unwrap();
    let (group, name) = f.path.split_once('.').unwrap();
    v[group][name] = serde_json::Value::String("__VALUE__".into());
    v.to_string().replace("\"__VALUE__\"", raw)
}

fn any_field() -> impl Strategy<Value = &'static Field> {
    (0..FIELDS.len()).prop_map(|i| &FIELDS[i])
}

proptest! {
    // 10,000 files with one bad value each (16 fields by 10 kinds of bad value).
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_bad_value_in_a_scenario_file_is_reported_by_its_field(
        s in common::any_scenario(1095),
        (f, raw) in any_field().prop_flat_map(|f| (Just(f), bad_value(f))),
    ) {
        let err = parse_scenario(&with_value(&s, f, &raw));
        let text = err.expect_err(&format!("{} = {raw} was accepted", f.path)).to_string();
        prop_assert!(text.contains(f.path), "{} = {}: {}", f.path, raw, text);
    }
}

proptest! {
    // 10,000 files with random bytes changed, cut or inserted: a message or a valid scenario.
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_scenario_file_never_panics_and_never_yields_an_invalid_scenario(
        s in common::any_scenario(1095),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut bytes = scenario_json(&s).into_bytes();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len().saturating_sub(1));
            match kind {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(read) = parse_scenario(&text) {
            prop_assert!(read.validate().is_ok());
        }
    }
}

/// A one-step story that sets `set` (JSON object text) and optionally plans `changes`.
fn story(set: &str, changes: &str) -> String {
    format!(
        r#"{{"format": "longgame-story/1", "title": "x", "steps": [
            {{"title": "a", "point": "b", "view": "leads"}},
            {{"title": "a", "point": "b", "view": "leads", "set": {set}, "changes": {changes}}}]}}"#
    )
}

proptest! {
    // 5,000 stories with every lever and assumption set to a random valid value, and 5,000
    // with one of them bad: the good ones keep every bit, the bad one is named.
    #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_story_keeps_every_good_value_and_names_a_bad_one(
        s in common::any_scenario(1095),
        (f, raw) in any_field().prop_flat_map(|f| (Just(f), bad_value(f))),
    ) {
        let set: serde_json::Map<String, serde_json::Value> =
            s.fields().map(|(f, v)| (f.name.to_string(), serde_json::json!(v))).collect();
        let changes = serde_json::to_string(&s.changes).unwrap();
        let good = parse_story(&story(&serde_json::Value::Object(set.clone()).to_string(), &changes))
            .expect("a valid story");
        let read = good.steps[1].scenario("steps[1]").unwrap().unwrap();
        for ((field, want), (_, got)) in s.fields().zip(read.fields()) {
            prop_assert_eq!(want.to_bits(), got.to_bits(), "{}", field.name);
        }
        prop_assert_eq!(read.changes, s.changes);
        let mut bad = set;
        bad.insert(f.name.to_string(), serde_json::Value::String("__VALUE__".into()));
        let rebuilt = serde_json::Value::Object(bad).to_string().replace("\"__VALUE__\"", &raw);
        let err = parse_story(&story(&rebuilt, "[]")).expect_err("a bad value was accepted");
        prop_assert!(err.to_string().contains("steps[1]"), "{}: {}", rebuilt, err);
    }
}

proptest! {
    // 5,000 stored lists of up to 6 entries with any names and queries, and 5,000 texts of
    // anything: the list comes back exactly; anything else is a problem, never a panic.
    #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_saved_store_keeps_every_entry_exactly_and_never_panics(
        entries in proptest::collection::vec(("\\PC{0,40}", "\\PC{0,80}"), 0..6),
        junk in "\\PC{0,200}",
    ) {
        let list: Vec<SavedScenario> = entries.iter().map(|(n, q)| SavedScenario::new(n, q)).collect();
        prop_assert_eq!(parse_store(Some(&store_text(&list))).unwrap(), list);
        let _ = parse_store(Some(&junk));
    }
}

proptest! {
    // 10,000 texts of anything and 10,000 codes with one random character changed.
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn team_codes_never_panic_and_a_changed_character_is_refused(
        text in "\\PC{0,60}",
        start in (0u32..=1000, 0u32..=70, 0u32..=100, 0u32..=100),
        at in any::<prop::sample::Index>(),
        to in "[0-9A-HJKMNP-TV-Z]",
    ) {
        let _ = team_code::decode(&text);
        let plan = TeamPlan {
            levers: Levers {
                budget: start.0 as f64 * 100.0,
                posts_per_week: start.1 as f64,
                responsiveness: start.2 as f64,
                buy_in: start.3 as f64,
            },
            changes: Plan::default(),
            played: false,
        };
        let code = team_code::encode(&plan).unwrap();
        prop_assert_eq!(team_code::decode(&code), Ok(plan));
        let i = 1 + at.index(code.len() - 1);
        let mut typo: Vec<char> = code.chars().collect();
        typo[i] = to.chars().next().unwrap();
        let typo: String = typo.into_iter().collect();
        if typo != code {
            prop_assert!(team_code::decode(&typo).is_err(), "{} from {}", typo, code);
        }
    }
}

/// The cells of CSV text as a spreadsheet reads them (RFC 4180 quoting).
fn cells(csv: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (_, '"') => quoted = !quoted,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (_, c) => cell.push(c),
        }
    }
    rows
}

/// The issue's own examples (a link, a command, a sum, a sign, a tab, a return, quotes).
#[test]
fn team_names_that_are_formulas_stay_text_in_the_csv() {
    let names = [
        "=HYPERLINK(\"http://example.org\",\"Click\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3",
        "\tTab",
        "\rReturn",
        "Red, \"B\"",
    ];
    let base = Team {
        name: String::new(),
        levers: Levers::default(),
        changes: Plan::default(),
        played: false,
        seed: None,
    };
    let teams: Vec<Team> = names
        .iter()
        .map(|n| Team {
            name: n.to_string(),
            ..base.clone()
        })
        .collect();
    let outcomes: Vec<Vec<f64>> = (0..names.len()).map(|i| vec![i as f64]).collect();
    let standings = rank(&outcomes, &vec![None; names.len()]);
    let rows = cells(&class_csv(&teams, &standings, &outcomes));
    assert_eq!(rows.len(), names.len() + 1);
    for row in &rows {
        assert_eq!(row.len(), 5 + names.len(), "{row:?}");
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "{cell:?} is a formula"
            );
        }
    }
    for (s, row) in standings.iter().zip(&rows[1..]) {
        let name = names[s.team];
        let kept = if name.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{name}")
        } else {
            name.to_string()
        };
        assert_eq!(row[1], kept);
    }
    assert_eq!(rows[0][5], format!("beats {}", names[0]));
}

proptest! {
    // 5,000 classes of up to 6 teams with hostile names (formula starts, quotes, commas,
    // line breaks): every row has every cell, no cell is a formula, every name comes back.
    #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_class_csv_keeps_every_name_and_carries_no_formula(
        names in proptest::collection::vec("[=+@\\t\\r-]?[a-zA-Z0-9 ,\"\\n()!|'=+-]{0,20}", 1..6),
    ) {
        let team = |name: &String| Team {
            name: name.clone(),
            levers: Levers::default(),
            changes: Plan::default(),
            played: false,
            seed: None,
        };
        let teams: Vec<Team> = names.iter().map(team).collect();
        let outcomes: Vec<Vec<f64>> = (0..names.len()).map(|i| vec![i as f64]).collect();
        let standings = rank(&outcomes, &vec![None; names.len()]);
        let rows = cells(&class_csv(&teams, &standings, &outcomes));
        prop_assert_eq!(rows.len(), names.len() + 1);
        for row in &rows {
            prop_assert_eq!(row.len(), 5 + names.len());
            for cell in row {
                prop_assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{:?}", cell);
                let number = cell.parse::<f64>().is_ok();
                prop_assert!(!cell.starts_with('-') || number, "{:?}", cell);
            }
        }
        for (s, row) in standings.iter().zip(&rows[1..]) {
            let name = &names[s.team];
            prop_assert!(row[1] == *name || row[1] == format!("'{name}"), "{:?} for {:?}", row[1], name);
        }
    }
}
