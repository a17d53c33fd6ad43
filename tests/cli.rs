//! The `longgame` command line, run as a real process.

use std::process::{Command, Output};

fn longgame(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_longgame"))
        .args(args)
        .output()
        .expect("run longgame")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn run_prints_a_json_summary_with_every_metric_by_day() {
    let o = longgame(&[
        "run",
        "--preset",
        "committed",
        "--runs",
        "40",
        "--days",
        "400",
        "--seed",
        "3",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["runs"], 40);
    assert_eq!(v["days"], 400);
    assert_eq!(v["seed"], 3);
    assert_eq!(v["scenario"]["levers"]["buy_in"], 90.0);
    let names: Vec<_> = v["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "reach",
            "followers",
            "engagement",
            "trust",
            "leads",
            "customers",
            "cost",
            "roi"
        ]
    );
    for band in v["metrics"].as_array().unwrap() {
        for stat in ["p10", "p25", "p50", "p75", "p90", "mean"] {
            assert_eq!(
                band[stat].as_array().unwrap().len(),
                401,
                "{} {stat}",
                band["name"]
            );
        }
    }
    assert_eq!(v["active"].as_array().unwrap().len(), 401);
    let leads = &v["metrics"][4];
    assert!(leads["p50"][365].as_f64().unwrap() > leads["p50"][30].as_f64().unwrap());
    for key in ["goal_p90", "goal_p180", "goal_p365"] {
        let p = v[key].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&p), "{key} = {p}");
    }
    assert!(v["crises"]["total"].is_number());
}

#[test]
fn the_same_seed_prints_the_same_numbers() {
    let a = longgame(&["run", "--runs", "30", "--days", "200", "--seed", "11"]);
    let b = longgame(&["run", "--runs", "30", "--days", "200", "--seed", "11"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn csv_has_a_header_and_a_row_per_day() {
    let o = longgame(&[
        "run",
        "--runs",
        "20",
        "--days",
        "60",
        "--format",
        "csv",
        "--set",
        "budget=500",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 62);
    assert!(lines[0].starts_with("day,reach_p10,reach_p25,reach_p50"));
    assert!(lines[0].ends_with("roi_mean,active"));
    assert_eq!(lines[61].split(',').count(), lines[0].split(',').count());
}

#[test]
fn set_overrides_a_lever() {
    let o = longgame(&["run", "--runs", "5", "--days", "30", "--set", "buy_in=12.5"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["scenario"]["levers"]["buy_in"], 12.5);
}

#[test]
fn presets_are_listed() {
    let o = longgame(&["presets"]);
    let text = String::from_utf8(o.stdout).unwrap();
    for id in [
        "half-hearted",
        "committed",
        "intern",
        "big-budget",
        "crisis-mishandled",
        "crisis-handled",
    ] {
        assert!(text.contains(id), "{id} missing from:\n{text}");
    }
}

fn scenario_file(name: &str, json: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::write(&path, json).unwrap();
    path
}

#[test]
fn a_bad_scenario_file_names_the_field_and_exits_non_zero() {
    let cases = [
        (
            "wrong-field.json",
            r#"{"levers": {"budjet": 10}}"#,
            "unknown field `budjet` (known: budget, posts_per_week, responsiveness, buy_in)",
        ),
        (
            "wrong-type.json",
            r#"{"levers": {"budget": "lots"}}"#,
            "levers.budget: wrong type, expected a number from 0 to 100000 (per month)",
        ),
        (
            "out-of-range.json",
            r#"{"levers": {"responsiveness": 120}}"#,
            "levers.responsiveness is 120, but must be between 0 and 100",
        ),
        ("broken.json", r#"{"levers": "#, "not valid JSON (line 1"),
    ];
    for (name, json, expected) in cases {
        let path = scenario_file(name, json);
        let o = longgame(&["run", "--scenario", path.to_str().unwrap(), "--runs", "5"]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = stderr(&o);
        assert!(err.contains(expected), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn a_good_scenario_file_runs() {
    let path = scenario_file(
        "good.json",
        r#"{"levers": {"budget": 1500}, "assumptions": {"horizon_days": 90}}"#,
    );
    let o = longgame(&["run", "--scenario", path.to_str().unwrap(), "--runs", "5"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["days"], 90);
    assert_eq!(v["scenario"]["levers"]["budget"], 1500.0);
}

#[test]
fn bad_options_get_a_message_not_a_panic() {
    for args in [
        &["run", "--runs", "0"][..],
        &["run", "--runs", "many"],
        &["run", "--preset", "nope"],
        &["run", "--set", "volume=11"],
        &["run", "--days", "5000"],
        &["run", "--format", "xml"],
        &["fly"],
    ] {
        let o = longgame(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("longgame: "), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn roi_is_null_while_nothing_is_spent_and_why_explains_the_run() {
    let o = longgame(&[
        "run",
        "--preset",
        "never-started",
        "--runs",
        "20",
        "--days",
        "60",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["metrics"][7]["name"], "roi");
    assert!(v["metrics"][7]["p50"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x.is_null()));
    assert_eq!(v["why"]["spent_promotion"], 0.0);

    let o = longgame(&[
        "run",
        "--preset",
        "committed",
        "--runs",
        "20",
        "--days",
        "60",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let roi = v["metrics"][7]["p50"].as_array().unwrap();
    assert!(
        roi[0].is_null() && roi[1].is_number(),
        "ROI defined from the first day of spending"
    );
    assert!(v["why"]["followers_paid"].as_f64().unwrap() > 0.0);
    assert!(v["why"]["answered_share"].as_f64().unwrap() > 0.5);
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_gets_a_message_not_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(b"budget=5\xff");
    for args in [
        vec![OsStr::new("run"), OsStr::new("--set"), bad],
        vec![OsStr::from_bytes(b"r\xffun")],
        vec![OsStr::new("run"), OsStr::new("--preset"), bad],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_longgame"))
            .args(&args)
            .output()
            .unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("is not valid UTF-8 text"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // A file name that is not UTF-8 is still a file name: it is read.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(OsStr::from_bytes(b"sc\xe9nario.json"));
    std::fs::write(&path, r#"{"assumptions": {"horizon_days": 60}}"#).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_longgame"))
        .args([OsStr::new("run"), OsStr::new("--runs"), OsStr::new("3")])
        .arg("--scenario")
        .arg(&path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn set_names_an_unknown_lever_and_the_range_of_a_day_count() {
    let o = longgame(&["run", "--set", "colour=abc"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("there is no lever or assumption 'colour'"),
        "{err}"
    );
    assert!(err.contains("budget, posts_per_week"), "{err}");
    let o = longgame(&["run", "--set", "horizon_days=-1"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("horizon_days must be a whole number between 30 and"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_folder_is_refused_at_once() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let fifo = dir.join("scenario.fifo");
    let _ = std::fs::remove_file(&fifo);
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for (path, expected) in [
        (fifo.as_path(), "is not a regular file"),
        (dir, "is a folder"),
    ] {
        // Nobody writes to the pipe: a reader would wait forever; the timeout shows it.
        let mut child = Command::new(env!("CARGO_BIN_EXE_longgame"))
            .args(["run", "--runs", "3", "--scenario"])
            .arg(path)
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > std::time::Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("longgame still reading {path:?} after 20 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert_eq!(status.code(), Some(2), "{err}");
        assert!(err.contains(expected), "{err}");
    }
}

#[test]
fn milestones_beyond_the_horizon_are_null_not_zero() {
    let o = longgame(&["run", "--runs", "20", "--days", "120", "--seed", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(v["goal_p90"].is_number(), "day 90 was simulated");
    assert!(v["on_track"][0].is_number());
    for key in ["goal_p180", "goal_p365"] {
        assert!(
            v[key].is_null(),
            "{key} = {} for a day never simulated",
            v[key]
        );
    }
    assert!(v["on_track"][1].is_null() && v["on_track"][2].is_null());
}

#[test]
fn sample_paths_leave_roi_empty_where_the_band_does() {
    // Never-started spends nothing: its ROI is undefined on every day, in every path too.
    let o = longgame(&[
        "run",
        "--preset",
        "never-started",
        "--runs",
        "10",
        "--days",
        "60",
        "--samples",
        "3",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let paths = v["samples"].as_array().unwrap();
    assert_eq!(paths.len(), 3);
    for path in paths {
        let roi = path["metrics"][7].as_array().unwrap();
        assert!(roi.iter().all(|x| x.is_null()), "{roi:?}");
        assert!(path["metrics"][1][60].is_number(), "followers stay numbers");
    }
    // A spending page: null exactly where the band is null, numbers after.
    let o = longgame(&["run", "--runs", "10", "--days", "60", "--samples", "2"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let band = v["metrics"][7]["p50"].as_array().unwrap();
    for path in v["samples"].as_array().unwrap() {
        for (day, x) in path["metrics"][7].as_array().unwrap().iter().enumerate() {
            assert_eq!(x.is_null(), band[day].is_null(), "day {day}");
        }
        assert!(path["metrics"][7][60].is_number());
    }
}

#[test]
fn a_bimodal_outcome_is_reported_with_each_groups_median() {
    // Committed, but a boss at buy-in 25: management cancels a quarter to a third of the futures.
    let o = longgame(&[
        "run",
        "--preset",
        "committed",
        "--set",
        "buy_in=25",
        "--runs",
        "200",
        "--seed",
        "1",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let days: Vec<u64> = v["splits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["day"].as_u64().unwrap())
        .collect();
    assert_eq!(days, [90, 180, 365, 730]);
    let last = &v["splits"][3];
    let share = last["cancelled"].as_f64().unwrap();
    assert!(last["material"].as_bool().unwrap(), "{share}");
    let weekly = v["cancelled_by_week"].as_array().unwrap();
    assert_eq!(
        share,
        weekly.last().unwrap().as_f64().unwrap(),
        "day 730 is week 104"
    );
    let leads = |group: &str| last[group][4].as_f64().unwrap();
    assert!(
        leads("continued_p50") > 3.0 * leads("cancelled_p50").max(1.0),
        "continued {} vs cancelled {}",
        leads("continued_p50"),
        leads("cancelled_p50")
    );
    // The overall median lies between the groups' medians, far from both when the split is even.
    let median = v["metrics"][4]["p50"][730].as_f64().unwrap();
    assert!(median <= leads("continued_p50") && median >= leads("cancelled_p50"));
    // Full backing: nobody cancels, no split to speak of.
    let o = longgame(&[
        "run",
        "--preset",
        "committed",
        "--runs",
        "100",
        "--seed",
        "1",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(!v["splits"][3]["material"].as_bool().unwrap());
}

#[test]
fn early_metrics_are_rated_as_predictors_of_the_last_days_leads() {
    let o = longgame(&["run", "--runs", "300", "--seed", "4"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let sets = v["predictors"].as_array().unwrap();
    assert_eq!(sets.len(), 2);
    let ordered = |set: &serde_json::Value, name: &str| {
        let m = set["metrics"].as_array().unwrap();
        let p = m.iter().find(|p| p["metric"] == name).unwrap();
        p["pairs_ordered"].as_f64().unwrap()
    };
    for (set, day) in sets.iter().zip([90, 180]) {
        assert_eq!(set["day"], day);
        assert_eq!(set["outcome_day"], 730);
        assert_eq!(set["metrics"].as_array().unwrap().len(), 6);
        for p in set["metrics"].as_array().unwrap() {
            let rho = p["spearman"].as_f64().unwrap();
            assert!((-1.0..=1.0).contains(&rho), "{p}");
        }
        // Leads so far tell more than a coin toss about leads at the end.
        assert!(ordered(set, "leads_so_far") > 0.6, "{set}");
    }
    // Half a year says more than a quarter.
    assert!(ordered(&sets[1], "leads_so_far") > ordered(&sets[0], "leads_so_far"));
    // Too short a horizon for day 90: no predictors to report.
    let o = longgame(&["run", "--runs", "20", "--days", "60"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["predictors"].as_array().unwrap().len(), 0);
}
