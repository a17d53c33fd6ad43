//! `longgame fit`: a page's history fitted and its futures continued (docs/MODEL.md §13).

use super::{lever_value, open_regular, text, value, whole, whole_arg, USAGE};
use crate::files::parse_scenario;
use crate::model::fit::{self, FitOptions, History};
use crate::model::params::MAX_DAYS;
use crate::model::plan::{LeverSet, LEVERS};
use crate::model::Scenario;
use crate::state::export::{fit_json, summary_csv};
use std::ffi::OsString;
use std::io::Write;

struct FitArgs {
    history: History,
    scenario: Scenario,
    stated: LeverSet,
    opts: FitOptions,
    csv: bool,
}

/// Runs `longgame fit`.
pub fn run(args: &[OsString], out: &mut impl Write) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let a = parse(args)?;
    let fitted = fit::fit(&a.history, &a.scenario, &a.opts).map_err(|e| e.to_string())?;
    let summary = fitted
        .forecast(&a.scenario, a.stated, 0)
        .map_err(|e| e.to_string())?
        .run_all();
    if a.csv {
        return out.write_all(summary_csv(&summary).as_bytes()).map_err(io);
    }
    writeln!(out, "{}", fit_json(&fitted, &a.history, &summary)).map_err(io)
}

fn parse(args: &[OsString]) -> Result<FitArgs, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args.iter().cloned());
    let (mut scenario, mut stated) = (Scenario::default(), LeverSet::default());
    let (mut history, mut sets, mut days, mut csv) = (None, Vec::new(), None, false);
    let mut opts = FitOptions::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("history") => history = Some(read_history(&value(&mut parser)?)?),
            Long("scenario") => {
                let path = value(&mut parser)?;
                let file = open_regular(&path)?;
                scenario = crate::files::read_limited(file)
                    .and_then(|text| parse_scenario(&text))
                    .map_err(|e| format!("{}: {e}", path.to_string_lossy()))?;
                // A scenario file states every lever from the history's last day on.
                let l = scenario.levers;
                stated =
                    LeverSet([l.budget, l.posts_per_week, l.responsiveness, l.buy_in].map(Some));
            }
            Long("set") => sets.push(lever_value(text(&value(&mut parser)?, "--set")?)?),
            Long("runs") => opts.runs = whole_arg(&mut parser, "--runs", 50.0, 100_000.0)? as u32,
            Long("days") => days = Some(whole_arg(&mut parser, "--days", 30.0, MAX_DAYS as f64)?),
            Long("seed") => {
                let most = crate::state::link::MAX_SEED as f64;
                opts.seed = whole_arg(&mut parser, "--seed", 0.0, most)? as u64
            }
            Long("format") => {
                csv = match text(&value(&mut parser)?, "--format")? {
                    "json" => false,
                    "csv" => true,
                    other => return Err(format!("--format must be json or csv, not '{other}'")),
                }
            }
            Long("help") | Short('h') => return Err(USAGE.to_string()),
            _ => return Err(format!("{}\n{USAGE}", arg.unexpected())),
        }
    }
    let history = history.ok_or_else(|| format!("fit needs --history FILE.csv\n{USAGE}"))?;
    for (name, v) in sets {
        scenario.set(&name, v)?;
        let canonical = crate::model::params::field(&name).map_or("", |f| f.name);
        if let Some(i) = LEVERS.iter().position(|l| *l == canonical) {
            stated.0[i] = Some(v);
        }
        if canonical == "starting_followers" {
            opts.starting_followers = Some(v);
        }
    }
    let last = history.last_day();
    scenario.assumptions.horizon_days = match days {
        Some(d) if d as u32 <= last => {
            return Err(format!(
                "--days must be after the history's last day ({last}), not {d}"
            ))
        }
        Some(d) => d as u32,
        None if scenario.assumptions.horizon_days > last => scenario.assumptions.horizon_days,
        None => (last + 365).min(MAX_DAYS),
    };
    whole(
        scenario.assumptions.horizon_days as f64,
        "--days",
        30.0,
        MAX_DAYS as f64,
    )?;
    scenario.validate().map_err(|e| e.to_string())?;
    opts.futures = opts.runs;
    Ok(FitArgs {
        history,
        scenario,
        stated,
        opts,
        csv,
    })
}

/// Reads a history table; a problem names the file, line and column.
fn read_history(path: &std::ffi::OsStr) -> Result<History, String> {
    let shown = path.to_string_lossy();
    let file = open_regular(path)?;
    let text = crate::files::read_limited(file).map_err(|e| format!("{shown}: {e}"))?;
    fit::read_table(&text).map_err(|e| format!("{shown}: {e}"))
}
