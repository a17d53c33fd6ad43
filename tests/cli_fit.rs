//! `longgame fit`: a page's history fitted and continued, run as a real process.

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

/// The sample history's first `months` months, written to a file of its own.
fn sample(name: &str, months: usize) -> String {
    let text = include_str!("../examples/page-history.csv");
    let lines: Vec<&str> = text.lines().take(months + 1).collect();
    write(name, &lines.join("\n"))
}

fn write(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("longgame-fit-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn fit(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["fit", "--runs", "100", "--seed", "2"];
    all.extend_from_slice(args);
    let o = longgame(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[test]
fn fit_prints_the_forecast_from_day_0_with_the_posterior_and_the_history() {
    let file = sample("four.csv", 4);
    let v = fit(&["--history", &file, "--days", "200"]);
    // January to April 2025: 31 + 28 + 31 + 30 days.
    assert_eq!(v["history_days"], 120);
    assert_eq!(
        (v["days"].as_u64(), v["runs"].as_u64()),
        (Some(200), Some(100))
    );
    let ess = v["ess"].as_f64().unwrap();
    assert!((10.0..=100.0).contains(&ess), "ess {ess}");
    for band in v["metrics"].as_array().unwrap() {
        assert_eq!(band["p50"].as_array().unwrap().len(), 201);
    }
    let names: Vec<&str> = v["posterior"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    for name in [
        "reach",
        "conversion",
        "follow",
        "starting_followers",
        "buy_in",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    let reach = &v["posterior"][0];
    assert_eq!(reach["prior"].as_array().unwrap().len(), 3);
    assert_eq!(v["history"][3]["day"], 120);
    assert_eq!(v["history"][3]["followers"], 1550.0);
    assert_eq!(
        fit(&["--history", &file, "--days", "200"]),
        v,
        "the same seed"
    );
}

#[test]
fn plans_stated_with_set_continue_the_same_futures() {
    let file = sample("plans.csv", 3);
    let keep = fit(&["--history", &file, "--days", "150"]);
    let quit = fit(&[
        "--history",
        &file,
        "--days",
        "150",
        "--set",
        "budget=0",
        "--set",
        "posts=0",
    ]);
    let leads = |v: &serde_json::Value, stat: &str| v["metrics"][4][stat].clone();
    let h = keep["history_days"].as_u64().unwrap() as usize;
    let p50 = |v: &serde_json::Value| leads(v, "p50").as_array().unwrap().clone();
    assert_eq!(p50(&keep)[..=h], p50(&quit)[..=h], "the same history");
    assert!(
        p50(&quit)[150].as_f64() < p50(&keep)[150].as_f64(),
        "quitting wins fewer leads"
    );
    assert_eq!(quit["scenario"]["levers"]["budget"], 0.0);
}

#[test]
fn a_bad_history_file_gets_one_line_naming_row_and_column_and_exit_2() {
    let file = write(
        "bad.csv",
        "month;följare;leads\n2025-01;100;2\n2025-02;1O0;3\n",
    );
    let o = longgame(&["fit", "--history", &file]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.ends_with(": line 3, column 2 ('följare'): '1O0' is not a number\n"),
        "{e}"
    );
}

#[test]
fn a_history_nothing_reproduces_is_refused_and_so_are_days_inside_it() {
    let file = write(
        "far.csv",
        "month,followers\n2025-01,200\n2025-02,900\n2025-03,40000\n",
    );
    let o = longgame(&["fit", "--history", &file, "--runs", "100"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("no future in 100 reproduces 40000 followers in 2025-03"),
        "{e}"
    );
    assert!(e.contains("check the numbers or the market size"), "{e}");
    let o = longgame(&["fit", "--history", &file, "--days", "60"]);
    assert!(stderr(&o).contains("--days must be after the history's last day (90)"));
    let o = longgame(&["fit", "--runs", "100"]);
    assert!(stderr(&o).contains("fit needs --history FILE.csv"));
}

#[test]
fn the_sample_history_fits_and_prints_csv() {
    let o = longgame(&[
        "fit",
        "--history",
        "examples/page-history.csv",
        "--runs",
        "100",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("day,reach_p10"));
    // Twelve months of 2025 and a year after them.
    assert_eq!(lines.count(), 365 + 365 + 1);
}
