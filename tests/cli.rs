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
