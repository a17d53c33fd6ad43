//! Plans: levers that change on given days. Two plans that agree up to a day share every
//! number up to that day (common random numbers); a bad plan gets one message naming the
//! change and the rule.

use longgame::files::parse_scenario;
use longgame::model::{preset, run_once, Metric, MonteCarlo, Scenario};
use std::process::Command;

/// The committed preset with `changes` (JSON) as its plan.
fn with_plan(changes: &str) -> Result<Scenario, String> {
    let mut base: serde_json::Value =
        serde_json::to_value(preset("committed").unwrap().scenario).unwrap();
    base["changes"] = serde_json::from_str(changes).unwrap();
    parse_scenario(&base.to_string()).map_err(|e| e.to_string())
}

#[test]
fn plans_that_agree_up_to_a_day_give_the_same_futures_up_to_that_day() {
    let more = with_plan(r#"[{"day": 180, "set": {"budget": 8000}}]"#).unwrap();
    let less = with_plan(r#"[{"day": 180, "set": {"budget": 500, "buy_in": 20}}]"#).unwrap();
    let none = preset("committed").unwrap().scenario;
    for run in 0..20 {
        let (a, b, c) = (
            run_once(&more, 9, run),
            run_once(&less, 9, run),
            run_once(&none, 9, run),
        );
        let upto = 180 * longgame::model::N_METRICS;
        assert_eq!(a.values[..upto], b.values[..upto], "run {run}");
        assert_eq!(a.values[..upto], c.values[..upto], "run {run}");
        assert_ne!(
            a.values[upto..],
            b.values[upto..],
            "run {run}: the plans differ from day 180"
        );
    }
}

#[test]
fn a_change_of_budget_shows_in_the_spending_from_its_day() {
    let s = with_plan(r#"[{"day": 180, "set": {"budget": 8000}}]"#).unwrap(); // from €4,000
    let t = run_once(&s, 3, 0);
    let spent = |from: usize, to: usize| t.value(to, Metric::Cost) - t.value(from, Metric::Cost);
    let before = spent(100, 130);
    let after = spent(200, 230);
    assert!(
        after > 1.9 * before,
        "30 days' spending: {before} before, {after} after"
    );
}

#[test]
fn a_company_that_opens_its_page_later_starts_its_programme_then() {
    let mut never = preset("never-started").unwrap().scenario;
    never.changes = with_plan(r#"[{"day": 90, "set": {"budget": 3000, "posts_per_week": 5}}]"#)
        .unwrap()
        .changes;
    let summary = MonteCarlo::new(never, 4, 50, 0).unwrap().run_all();
    let cost = &summary.band(Metric::Cost).p50;
    assert_eq!(cost[89], 0.0, "nothing spent before the page opens");
    assert!(cost[200] > 0.0, "spending from day 90");
}

#[test]
fn a_bad_plan_is_refused_naming_the_change_and_the_rule() {
    let refused = |json: &str| with_plan(json).unwrap_err();
    let outside = refused(r#"[{"day": 900, "set": {"budget": 1}}]"#);
    assert!(
        outside.contains("changes[0].day is 900") && outside.contains("730"),
        "{outside}"
    );
    let unsorted =
        refused(r#"[{"day": 200, "set": {"budget": 1}}, {"day": 100, "set": {"budget": 2}}]"#);
    assert!(
        unsorted.contains("changes[1].day is 100, but must be between 201"),
        "{unsorted}"
    );
    let twice =
        refused(r#"[{"day": 200, "set": {"budget": 1}}, {"day": 200, "set": {"buy_in": 2}}]"#);
    assert!(twice.contains("changes[1].day is 200"), "{twice}");
    let range = refused(r#"[{"day": 10, "set": {"buy_in": 140}}]"#);
    assert!(
        range.contains("changes[0].buy_in is 140, but must be between 0 and 100"),
        "{range}"
    );
    let unknown = refused(r#"[{"day": 10, "set": {"colour": 1}}]"#);
    assert!(
        unknown.contains("changes[0].set") && unknown.contains("colour"),
        "{unknown}"
    );
    assert!(
        unknown.contains("budget"),
        "the known levers are listed: {unknown}"
    );
    let many: Vec<String> = (1..=13)
        .map(|d| format!(r#"{{"day": {d}, "set": {{"budget": 1}}}}"#))
        .collect();
    let too_many = refused(&format!("[{}]", many.join(",")));
    assert!(
        too_many.contains("13 changes, but a plan holds at most 12"),
        "{too_many}"
    );
}

#[test]
fn the_command_line_runs_a_scenario_file_with_a_plan() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("plan.json");
    std::fs::write(
        &file,
        r#"{"levers": {"budget": 1000}, "changes": [{"day": 180, "set": {"budget": 4000}}]}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_longgame"))
        .args([
            "run",
            "--scenario",
            file.to_str().unwrap(),
            "--runs",
            "30",
            "--seed",
            "2",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["scenario"]["changes"][0]["day"], 180);
    let cost = &summary["metrics"][Metric::Cost.index()]["p50"];
    let month = |d: usize| cost[d + 30].as_f64().unwrap() - cost[d].as_f64().unwrap();
    assert!(month(300) > 3.0 * month(60), "€1,000 then €4,000 a month");
}

#[test]
fn a_scenario_with_a_plan_survives_the_web_worker_s_message_codec() {
    let s = with_plan(
        r#"[{"day": 180, "set": {"budget": 8000}}, {"day": 365, "set": {"buy_in": 90}}]"#,
    )
    .unwrap();
    let bytes = bincode::serialize(&s).unwrap();
    let back: Scenario = bincode::deserialize(&bytes).unwrap();
    assert_eq!(back, s);
    // In a file, only the levers a change sets are written.
    let json = serde_json::to_string(&s.changes).unwrap();
    assert_eq!(
        json,
        r#"[{"day":180,"set":{"budget":8000.0}},{"day":365,"set":{"buy_in":90.0}}]"#
    );
}

/// The never-started company opening its page on `day` with the committed levers at `buy_in`.
fn opens_on(day: u32, buy_in: f64) -> Scenario {
    let mut s = preset("never-started").unwrap().scenario;
    let set = longgame::model::LeverSet([Some(3000.0), Some(5.0), Some(80.0), Some(buy_in)]);
    s.changes = longgame::model::Plan::new(&[longgame::model::Change { day, set }]).unwrap();
    s
}

#[test]
fn a_page_opened_late_is_running_from_then_and_reviewed_on_its_own_calendar() {
    let summary = MonteCarlo::new(opens_on(90, 0.0), 6, 200, 0)
        .unwrap()
        .run_all();
    assert_eq!(
        summary.active[89], 0.0,
        "nothing runs before the page opens"
    );
    assert_eq!(summary.active[95], 1.0, "every future runs once it opens");
    // Buy-in 0: the first review comes 42 days after the start and cancels most programmes.
    assert!(
        summary.active[140] < 0.7,
        "reviewed and cancelled: {}",
        summary.active[140]
    );
    let never = MonteCarlo::new(preset("never-started").unwrap().scenario, 6, 50, 0)
        .unwrap()
        .run_all();
    assert!(
        never.active.iter().all(|a| *a == 0.0),
        "a company that never started never runs"
    );
}

#[test]
fn a_stop_day_before_the_page_opens_means_it_never_starts() {
    let mut s = opens_on(200, 80.0);
    s.assumptions.stop_day = 150;
    let summary = MonteCarlo::new(s, 6, 50, 0).unwrap().run_all();
    assert_eq!(summary.band(Metric::Cost).p90[730], 0.0);
}

#[test]
fn dropping_every_lever_in_a_plan_abandons_the_page_like_stopping_it() {
    let committed = preset("committed").unwrap().scenario;
    let dropped = with_plan(
        r#"[{"day": 200, "set": {"budget": 0, "posts_per_week": 0, "responsiveness": 0}}]"#,
    )
    .unwrap();
    let mut stopped = committed;
    stopped.assumptions.stop_day = 200;
    let followers = |s: Scenario| {
        MonteCarlo::new(s, 8, 200, 0)
            .unwrap()
            .run_all()
            .band(Metric::Followers)
            .p50[730]
    };
    let (a, b) = (followers(dropped), followers(stopped));
    assert!(
        (a - b).abs() < 0.2 * b,
        "dropped {a} vs stopped {b}: the page stays up either way"
    );
}
