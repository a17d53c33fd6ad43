//! Summary and scenario exports shared by the command line and the app's download buttons.

use crate::model::fit::{Fit, History};
use crate::model::monte_carlo::MILESTONES;
use crate::model::{Metric, Scenario, Summary};
use std::fmt::Write;

/// The first day ROI is defined (something was spent), or never.
fn roi_from(s: &Summary) -> usize {
    s.roi_defined_from_day.map_or(usize::MAX, |d| d as usize)
}

/// One row per day: every metric's p10 p25 p50 p75 p90 mean, then the share still active.
/// ROI is an empty cell on days it is undefined.
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
        for (b, m) in s.metrics.iter().zip(Metric::ALL) {
            for series in [&b.p10, &b.p25, &b.p50, &b.p75, &b.p90, &b.mean] {
                match m == Metric::Roi && day < roi_from(s) {
                    true => out.push(','),
                    false => drop(write!(out, ",{}", series[day])),
                }
            }
        }
        let _ = writeln!(out, ",{}", s.active[day]);
    }
    out
}

/// A CSV cell holding text (numbers are written as they are). Text that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return is a formula (or a number) to a spreadsheet, so it
/// gets a leading `'` as OWASP advises ("CSV Injection"): a team named `=HYPERLINK(…)` or
/// `+0` stays a name. A cell with a comma, quote or line break is quoted.
pub fn csv_cell(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if formula || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The summary as JSON, with null for what is undefined: ROI on the days nothing has been spent
/// (in the bands and in every sample path), and the goal and on-track shares for milestone days
/// beyond the horizon (never simulated).
pub fn summary_json(summary: &Summary) -> String {
    use serde_json::Value;
    // Straight to a value: a text round trip would not give back every float bit for bit.
    let mut v = serde_json::to_value(summary).expect("summaries always serialise");
    let defined_from = roi_from(summary);
    let clear = |values: Option<&mut Vec<Value>>| {
        for value in values.into_iter().flatten().take(defined_from) {
            *value = Value::Null;
        }
    };
    if let Some(band) = v["metrics"].get_mut(Metric::Roi.index()) {
        for stat in ["p10", "p25", "p50", "p75", "p90", "mean"] {
            clear(band[stat].as_array_mut());
        }
    }
    for path in v["samples"].as_array_mut().into_iter().flatten() {
        clear(path["metrics"][Metric::Roi.index()].as_array_mut());
    }
    for (i, &day) in MILESTONES.iter().enumerate() {
        if day > summary.days as usize {
            v[["goal_p90", "goal_p180", "goal_p365"][i]] = Value::Null;
            v["on_track"][i] = Value::Null;
        }
    }
    v.to_string()
}

/// A fit as `longgame fit` prints it and "Your page" exports it: the forecast's summary (from
/// day 0, the history included), then what the fit learned (effective sample size, stages,
/// each constant's prior and posterior p10/p50/p90) and the history's rows as points.
pub fn fit_json(fitted: &Fit, history: &History, summary: &Summary) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&summary_json(summary)).expect("the summary is JSON");
    v["history_days"] = fitted.history_day.into();
    v["ess"] = fitted.ess.into();
    v["prior_ess"] = fitted.prior_ess.into();
    v["stages"] = fitted.stages.into();
    v["posterior"] = serde_json::to_value(&fitted.posterior).expect("plain numbers");
    v["history"] = history_json(history);
    v.to_string()
}

/// The history's rows as points to draw beside the bands: each row's last day and values.
fn history_json(h: &History) -> serde_json::Value {
    let rows = h.rows.iter().map(|r| {
        let mut row = serde_json::json!({ "date": r.label, "day": r.end });
        for &c in &h.columns {
            row[c.name()] = r.get(c).into();
        }
        row
    });
    serde_json::Value::Array(rows.collect())
}

/// The scenario file format read by `longgame run --scenario` and the app's import.
pub fn scenario_json(s: &Scenario) -> String {
    serde_json::to_string_pretty(s).expect("scenarios always serialise")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised() {
        use super::csv_cell;
        for (text, cell) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\""),
            ("@SUM(1+1)", "\"'@SUM(1+1)\""),
            ("-2+3", "\"'-2+3\""),
            ("\tx", "\"'\tx\""),
            ("\rx", "\"'\rx\""),
            ("-inf", "\"'-inf\""),
            ("-12.5", "\"'-12.5\""),
            ("+0", "\"'+0\""),
            ("Red, \"B\"", "\"Red, \"\"B\"\"\""),
            ("Why not?", "Why not?"),
        ] {
            assert_eq!(csv_cell(text), cell, "{text}");
        }
    }

    use super::*;
    use crate::model::{preset, MonteCarlo};

    #[test]
    fn roi_is_left_empty_where_nothing_was_spent() {
        let run = |id: &str| {
            MonteCarlo::new(preset(id).unwrap().scenario, 3, 20, 0)
                .unwrap()
                .run_all()
        };
        let never = run("never-started");
        let csv = summary_csv(&never);
        let last = csv.lines().last().unwrap();
        let roi_cols = 7 * 6 + 1..7 * 6 + 7;
        let cells: Vec<&str> = last.split(',').collect();
        assert!(
            cells[roi_cols.clone()].iter().all(|c| c.is_empty()),
            "{last}"
        );
        let json: serde_json::Value = serde_json::from_str(&summary_json(&never)).unwrap();
        assert!(json["metrics"][7]["p50"][30].is_null());
        let spent = summary_csv(&run("committed"));
        let day_30 = spent
            .lines()
            .nth(31)
            .unwrap()
            .split(',')
            .collect::<Vec<_>>()[roi_cols.start]
            .to_string();
        assert!(
            day_30.parse::<f64>().is_ok(),
            "ROI is a number once money is spent: {day_30}"
        );
    }
}
