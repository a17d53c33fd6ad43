//! Summary and scenario exports shared by the command line and the app's download buttons.

use crate::model::{Metric, Scenario, Summary};
use std::fmt::Write;

/// One row per day: every metric's p10 p25 p50 p75 p90 mean, then the share still active.
pub fn summary_csv(s: &Summary) -> String {
    let mut out = String::from("day");
    for name in Metric::ALL.map(Metric::name) {
        for stat in ["p10", "p25", "p50", "p75", "p90", "mean"] {
            let _ = write!(out, ",{name}_{stat}");
        }
    }
    out.push_str(",active\n");
    for day in 0..=s.days as usize {
        let _ = write!(out, "{day}");
        for b in &s.metrics {
            for series in [&b.p10, &b.p25, &b.p50, &b.p75, &b.p90, &b.mean] {
                let _ = write!(out, ",{}", series[day]);
            }
        }
        let _ = writeln!(out, ",{}", s.active[day]);
    }
    out
}

pub fn summary_json(s: &Summary) -> String {
    serde_json::to_string(s).expect("summaries always serialise")
}

/// The scenario file format read by `longgame run --scenario` and the app's import.
pub fn scenario_json(s: &Scenario) -> String {
    serde_json::to_string_pretty(s).expect("scenarios always serialise")
}
