//! Our own fuzz campaign, run with the suite: generated hostile input for the scenario, story
//! and saved-storage readers, the team codes and the CSV writer. Each reader must not panic,
//! must report every bad value (naming where it is), and must keep every good value bit for
//! bit. The link decoder is driven the same way (see `links` below). Campaign sizes (cases
//! per property) are in each block's config; together they take well under a minute.

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
        // Nearer to 0 than a float holds: not silently 0.
        Just("1e-400".to_string()),
        Just("-2.5E-999".to_string()),
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
    // 10,000 files with one bad value each (16 fields by 12 kinds of bad value).
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

// ---- The link decoder ----
//
// "The same link" means the canonical form `encode` writes: its keys in a fixed order, values
// that equal the defaults left out, numbers in their shortest exact form, and parameters that
// are not ours (a host's tracking tags) dropped. Any good link, in any order and with others'
// parameters mixed in, decodes without a notice to exactly the state it was written from, and
// re-encodes to that state's canonical link.

mod links {
    use super::common;
    use longgame::i18n::Lang;
    use longgame::model::params::{Field, FIELDS, MAX_DAYS};
    use longgame::model::Metric;
    use longgame::state::explore::lever_map::{Axes, Axis, RUNS_CHOICES};
    use longgame::state::explore::outcome::Outcome;
    use longgame::state::link::{
        decode, encode, Class, Explore, ExploreView, Shared, MAX_RUNS, MAX_SEED, MIN_RUNS,
    };
    use longgame::view::format::echo;
    use longgame::view::messages::problem_text;
    use proptest::prelude::*;

    fn any_class() -> impl Strategy<Value = Class> {
        let teams = "([A-Za-z0-9:?=&/.]([A-Za-z0-9:?=&/. \n]{0,30}[A-Za-z0-9:?=&/.])?)?";
        let metric = proptest::sample::select(Metric::ALL.to_vec());
        (teams, metric, 1u32..=MAX_DAYS).prop_map(|(teams, metric, day)| Class {
            teams,
            metric,
            day,
        })
    }

    fn any_explore() -> impl Strategy<Value = Explore> {
        let axes = (0usize..4, 1usize..4).prop_map(|(x, d)| Axes {
            x: Axis::ALL[x],
            y: Axis::ALL[(x + d) % 4],
        });
        (
            proptest::sample::select(vec![ExploreView::Tornado, ExploreView::Map]),
            proptest::sample::select(Outcome::EXPLORED.to_vec()),
            1u32..=MAX_DAYS,
            axes,
            proptest::sample::select(RUNS_CHOICES.to_vec()),
        )
            .prop_map(|(view, outcome, day, axes, map_runs)| Explore {
                view,
                outcome,
                day,
                axes,
                map_runs,
            })
    }

    /// Any state a page can be in when it writes its link (days within the horizon).
    fn any_shared() -> impl Strategy<Value = Shared> {
        let modes = (
            proptest::option::of(any_class()),
            proptest::option::of(any_explore()),
            proptest::option::of(0u32..9),
            proptest::option::of(proptest::sample::select(Metric::ALL.to_vec())),
        );
        (
            common::any_scenario(MAX_DAYS),
            (0..=MAX_SEED, MIN_RUNS..=MAX_RUNS),
            proptest::option::of(common::any_scenario(MAX_DAYS)),
            any::<bool>(),
            proptest::option::of(proptest::sample::select(vec!["en", "sv", "sv-se", "en-gb"])),
            0u32..=MAX_DAYS,
            modes,
        )
            .prop_map(
                |(scenario, (seed, runs), pinned, embed, lang, quit, modes)| {
                    let (class, explore, step, view) = modes;
                    let horizon = scenario.assumptions.horizon_days;
                    Shared {
                        page: None,
                        scenario,
                        seed,
                        runs,
                        pinned,
                        embed,
                        lang: lang.map(str::to_string),
                        story: step.map(|_| "default".to_string()),
                        step: step.unwrap_or(0),
                        quit: quit.min(horizon),
                        view,
                        play: None,
                        class: class.map(|c| Class {
                            day: c.day.min(horizon),
                            ..c
                        }),
                        explore: explore.map(|e| Explore {
                            day: e.day.min(horizon),
                            ..e
                        }),
                    }
                },
            )
    }

    /// Values no key may hold (as they stand in the link, and as the notice echoes them).
    /// Keys whose fallback could break another value (the horizon, the market and starting
    /// followers, the map's axes) are left out, so each bad value makes exactly one notice.
    fn bad_values(key: &str, s: &Shared) -> Vec<(String, String)> {
        let plain = |v: &[&str]| v.iter().map(|v| (v.to_string(), v.to_string())).collect();
        let horizon = s.scenario.assumptions.horizon_days;
        let field = |f: &Field| -> Vec<(String, String)> {
            let mut v: Vec<(String, String)> = plain(&["abc", "", "NaN", "1e400", "-inf", "0x10"]);
            for n in [f.max + 1.0, f.min - 1.0] {
                v.push((format!("{n}"), format!("{n}")));
            }
            v.push(("%F0%9F%92%A5".into(), "💥".into()));
            v
        };
        match key {
            "v" => plain(&["2", "0", "1.0"]),
            "s" => plain(&["-1", "abc", "9007199254740992", "1.5"]),
            "n" => plain(&["0", "19", "5001", "abc"]),
            "embed" => plain(&["yes", "2", "on"]),
            "lang" => plain(&["de", "zz-ZZ", "x1", "en_GB"]),
            "x" => {
                let past = (horizon + 1).to_string();
                let mut v = plain(&["abc", "-3", "12.5"]);
                if horizon < MAX_DAYS {
                    v.push((past.clone(), past));
                }
                v
            }
            "view" => plain(&["nope", "Leads", "reach-leads"]),
            "rank" => plain(&["x", "LEADS"]),
            "rday" => plain(&["0", "abc", "1096"]),
            "explore" => plain(&["maps", ""]),
            "eo" => plain(&["reach", "cost"]),
            "ed" => plain(&["0", "abc", "-5"]),
            "mn" => plain(&["7", "300", "abc"]),
            "step" => plain(&["abc", "1000", "-1"]),
            "c" => plain(&["nonsense", "1b"]),
            "d" | "m" | "f" | "mx" | "my" | "A" | "class" | "story" => Vec::new(),
            k => FIELDS.iter().find(|f| f.key == k).map_or(Vec::new(), field),
        }
    }

    /// The pairs of a link (`key=value`, values as written).
    fn pairs(link: &str) -> Vec<(String, String)> {
        link.split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), v.to_string())
            })
            .collect()
    }

    fn join(pairs: &[(String, String)]) -> String {
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        text.join("&")
    }

    /// Someone else's parameters, which the app leaves alone.
    const FOREIGN: [(&str, &str); 3] = [("utm_source", "mail"), ("fbclid", "x%26y"), ("ref", "")];

    proptest! {
        // 3,000 good links, shuffled and mixed with others' parameters.
        #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn a_good_link_in_any_order_decodes_exactly_and_re_encodes_to_the_same_link(
            s in any_shared(),
            order in any::<u64>(),
            foreign in proptest::sample::subsequence(FOREIGN.to_vec(), 0..=3),
        ) {
            let canonical = encode(&s);
            let mut p = pairs(&canonical);
            p.extend(foreign.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            // A deterministic shuffle from the drawn number.
            let mut state = order | 1;
            for i in (1..p.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                p.swap(i, (state % (i as u64 + 1)) as usize);
            }
            let link = join(&p);
            let (back, problems) = decode(&link);
            prop_assert!(problems.is_empty(), "{}: {:?}", link, problems);
            // Every value bit for bit (f64 equality here is bit equality: no value is NaN,
            // and the codec's numbers are the shortest text that reads back to the same bits).
            for ((f, a), (_, b)) in s.scenario.fields().zip(back.scenario.fields()) {
                prop_assert_eq!(a.to_bits(), b.to_bits(), "{}", f.key);
            }
            prop_assert_eq!(&back, &s);
            prop_assert_eq!(encode(&back), canonical);
        }
    }

    proptest! {
        // 5,000 hostile links: a good link with up to four of its values made bad, one key
        // repeated with a bad value, and others' parameters mixed in.
        #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn every_bad_value_in_a_link_is_reported_and_every_good_one_kept(
            s in any_shared(),
            picks in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..5),
            repeat in proptest::option::of(any::<prop::sample::Index>()),
        ) {
            let canonical = pairs(&encode(&s));
            let mut p = canonical.clone();
            let mut bad: Vec<String> = Vec::new();
            let mut spoiled: Vec<String> = Vec::new();
            for (which, value) in &picks {
                let i = which.index(p.len());
                let key = p[i].0.clone();
                let values = bad_values(&key, &s);
                if values.is_empty() || spoiled.contains(&key) {
                    continue;
                }
                let (raw, shown) = value.get(&values).clone();
                p[i].1 = raw;
                bad.push(shown);
                spoiled.push(key);
            }
            if let Some(which) = repeat {
                let (key, _) = which.get(&p).clone();
                p.push((key, "zzz".into()));
                bad.push("zzz".into());
            }
            p.extend(FOREIGN.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            let link = join(&p);
            let (back, problems) = decode(&link);
            prop_assert_eq!(problems.len(), bad.len(), "{}: {:?}", link, problems);
            for value in &bad {
                for l in [Lang::En, Lang::Sv] {
                    let named = problems.iter().any(|pr| problem_text(l, pr).contains(&echo(value)));
                    prop_assert!(named, "{}: '{}' not named in {:?}: {:?}", link, value, l, problems);
                }
            }
            // Every value left alone is kept exactly: its pair is in the re-encoded link.
            let again = pairs(&encode(&back));
            for pair in canonical.iter().filter(|(k, _)| !spoiled.contains(k)) {
                prop_assert!(again.contains(pair), "{}: {:?} lost in {:?}", link, pair, again);
            }
            prop_assert!(back.scenario.validate().is_ok());
        }
    }

    proptest! {
        // 5,000 links of our keys with any values: never a panic, always a valid state, and
        // the link the page then writes is canonical (it reads back unchanged, with no notice).
        #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_link_decodes_to_a_state_whose_link_is_canonical(
            p in proptest::collection::vec((
                proptest::sample::select(vec![
                    "v", "s", "n", "A", "c", "embed", "story", "step", "x", "play", "class", "rank",
                    "rday", "explore", "mx", "my", "eo", "ed", "mn", "view", "lang", "b", "p", "r",
                    "i", "d", "m", "f", "gd", "zz",
                ]),
                "[-+.:,%0-9a-zA-Z_ ]{0,12}",
            ), 0..12),
        ) {
            let link: Vec<String> = p.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let (s, _) = decode(&link.join("&"));
            prop_assert!(s.scenario.validate().is_ok());
            prop_assert!(s.pinned.is_none_or(|a| a.validate().is_ok()));
            let canonical = encode(&s);
            let (back, problems) = decode(&canonical);
            prop_assert!(problems.is_empty(), "{}: {:?}", canonical, problems);
            prop_assert_eq!(encode(&back), canonical);
        }
    }
}
