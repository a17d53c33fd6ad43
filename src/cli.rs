//! The native command-line front end: the same engine as the web app, for trainers
//! preparing material and for benchmarks.

use crate::files::parse_scenario;
use crate::model::{self, MonteCarlo, Scenario};
use crate::state::export::{summary_csv, summary_json};
use std::ffi::{OsStr, OsString};
use std::io::Write;

mod fit;

const USAGE: &str = "\
usage:
  longgame run [--preset NAME | --scenario FILE.json] [--set LEVER=VALUE]...
               [--runs N] [--days D] [--seed S] [--samples K] [--format json|csv]
  longgame fit --history FILE.csv [--scenario FILE.json] [--set LEVER=VALUE]...
               [--runs N] [--seed S] [--days D] [--format json|csv]
  longgame presets

Prints the Monte Carlo summary: per-day percentiles (p10 p25 p50 p75 p90 mean) of
reach, followers, engagement, trust, leads, customers, cost and roi (null while nothing
has been spent, in the bands and the sample paths); the share of runs still active; goal
probabilities and on-track shares by day 90/180/365 (null for a day beyond --days);
crisis statistics; under `why` where money, followers and leads came from and went; under
`splits`, on days 90/180/365 and the last day, the share of futures management cancelled and
the median of every metric among the continued and among the cancelled (a bimodal outcome:
`material` when each group holds 20 % or more); and under `predictors` how well each early
number on day 90 and 180 orders the futures by their leads on the last day (Spearman's rank
correlation and the share of pairs of futures ordered correctly).

`fit` weighs futures by how well they reproduce a page's own history (a table: a first column
of dates as YYYY-MM or YYYY-MM-DD, then any of followers, reach, engagements, messages, leads,
customers, spend, posts, in English or Swedish; comma, semicolon or tab separated) and
continues those that fit from its last day: under the levers the history had, or those that
--scenario and --set state. It prints `run`'s summary (days from the history's first day, the
history included), plus `history_days` (its last day), `ess` (effective sample size),
`posterior` (each inferred constant's prior and posterior p10/p50/p90) and `history`.";

struct RunArgs {
    scenario: Scenario,
    runs: u32,
    seed: u64,
    samples: u32,
    csv: bool,
}

/// Runs the command line on the arguments as the system gives them (`args_os`: an argument
/// that is not UTF-8 gets a message, not a panic); returns the process exit code.
pub fn main(args: Vec<OsString>) -> i32 {
    let mut out = std::io::stdout().lock();
    match dispatch(args, &mut out) {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("longgame: {msg}");
            2
        }
    }
}

fn dispatch(args: Vec<OsString>, out: &mut impl Write) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let command = match args.first() {
        Some(a) => Some(text(a, "the command")?),
        None => None,
    };
    match command {
        Some("presets") => {
            for p in model::presets() {
                let l = p.scenario.levers;
                writeln!(
                    out,
                    "{:<18} {:<30} budget {:>6}/month, {:>2} posts/week, responsiveness {:>3}, buy-in {:>3}\n{:<18} {}",
                    p.id, p.name, l.budget, l.posts_per_week, l.responsiveness, l.buy_in, "", p.lesson
                )
                .map_err(io)?;
            }
            Ok(())
        }
        Some("run") => {
            let args = parse_run(&args[1..])?;
            let summary = MonteCarlo::new(args.scenario, args.seed, args.runs, args.samples)
                .map_err(|e| e.to_string())?
                .run_all();
            if args.csv {
                out.write_all(summary_csv(&summary).as_bytes()).map_err(io)
            } else {
                writeln!(out, "{}", summary_json(&summary)).map_err(io)
            }
        }
        Some("fit") => fit::run(&args[1..], out),
        Some("help" | "--help" | "-h") | None => {
            writeln!(out, "{}\n\n{USAGE}", crate::model::TAGLINE).map_err(io)
        }
        Some(other) => Err(format!("unknown command '{other}'\n{USAGE}")),
    }
}

/// An argument as text, or a message naming it and what is wrong.
fn text<'a>(arg: &'a OsStr, what: &str) -> Result<&'a str, String> {
    arg.to_str().ok_or_else(|| {
        format!(
            "{what} is not valid UTF-8 text: '{}' (the unreadable bytes are shown as \u{FFFD})",
            arg.to_string_lossy()
        )
    })
}

fn parse_run(args: &[OsString]) -> Result<RunArgs, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args.iter().cloned());
    let mut run = RunArgs {
        scenario: Scenario::default(),
        runs: 500,
        seed: 1,
        samples: 0,
        csv: false,
    };
    let mut sets = Vec::new();
    let mut days = None;
    let number = |v: OsString, what: &str| -> Result<f64, String> {
        let s = text(&v, what)?;
        s.parse::<f64>()
            .map_err(|_| format!("{what} must be a number, not '{s}'"))
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("preset") => {
                let name = value(&mut parser)?;
                let name = text(&name, "--preset")?;
                run.scenario = model::preset(name)
                    .ok_or_else(|| {
                        let ids: Vec<_> = model::presets().iter().map(|p| p.id).collect();
                        format!("no preset '{name}'; presets: {}", ids.join(", "))
                    })?
                    .scenario;
            }
            Long("scenario") => {
                let path = value(&mut parser)?;
                let file = open_regular(&path)?;
                run.scenario = crate::files::read_limited(file)
                    .and_then(|text| parse_scenario(&text))
                    .map_err(|e| format!("{}: {e}", path.to_string_lossy()))?;
            }
            Long("set") => {
                let kv = value(&mut parser)?;
                sets.push(lever_value(text(&kv, "--set")?)?);
            }
            Long("runs") => run.runs = whole_arg(&mut parser, "--runs", 1.0, 1_000_000.0)? as u32,
            Long("days") => days = Some(number(value(&mut parser)?, "--days")?),
            Long("seed") => {
                let most = crate::state::link::MAX_SEED as f64; // the same range as links
                run.seed = whole_arg(&mut parser, "--seed", 0.0, most)? as u64
            }
            Long("samples") => {
                run.samples = whole_arg(&mut parser, "--samples", 0.0, 100.0)? as u32
            }
            Long("format") => {
                run.csv = match text(&value(&mut parser)?, "--format")? {
                    "json" => false,
                    "csv" => true,
                    other => return Err(format!("--format must be json or csv, not '{other}'")),
                }
            }
            Long("help") | Short('h') => return Err(USAGE.to_string()),
            _ => return Err(format!("{}\n{USAGE}", arg.unexpected())),
        }
    }
    for (k, v) in sets {
        run.scenario.set(&k, v)?;
    }
    if let Some(d) = days {
        run.scenario.set(
            "horizon_days",
            whole(d, "--days", 30.0, model::params::MAX_DAYS as f64)?,
        )?;
    }
    run.scenario.validate().map_err(|e| e.to_string())?;
    Ok(run)
}

/// `--set NAME=VALUE`: the name must be a lever or assumption (else the names are listed), the
/// value a number, and a day count a whole number within its range.
fn lever_value(kv: &str) -> Result<(String, f64), String> {
    let (k, v) = kv
        .split_once('=')
        .ok_or_else(|| format!("--set takes LEVER=VALUE, not '{kv}'"))?;
    let (k, v) = (k.trim(), v.trim());
    let field = model::params::field(k).ok_or_else(|| {
        format!(
            "--set: there is no lever or assumption '{k}'; the names are: {}",
            model::params::field_names().join(", ")
        )
    })?;
    let n = v
        .parse::<f64>()
        .map_err(|_| format!("{k} must be a number, not '{v}'"))?;
    let range = field.range();
    if field.whole_days {
        whole(n, k, range.min, range.max)?;
    }
    Ok((k.to_string(), n))
}

/// Opens a file to read, refusing what is not a regular file: reading a named pipe or a
/// terminal would wait forever for someone to write to it.
fn open_regular(path: &OsStr) -> Result<std::fs::File, String> {
    let shown = path.to_string_lossy();
    let cannot = |e: std::io::Error| format!("cannot read {shown}: {e}");
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        let kind = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file (a named pipe or a device, which may never end)"
        };
        return Err(format!("cannot read {shown}: it is {kind}"));
    }
    std::fs::File::open(path).map_err(cannot)
}

fn value(parser: &mut lexopt::Parser) -> Result<std::ffi::OsString, String> {
    parser.value().map_err(|e| e.to_string())
}

/// The next option value as a whole number in [min, max].
fn whole_arg(parser: &mut lexopt::Parser, what: &str, min: f64, max: f64) -> Result<f64, String> {
    let arg = value(parser)?;
    let text = text(&arg, what)?;
    let v = text
        .parse::<f64>()
        .map_err(|_| format!("{what} must be a number, not '{text}'"))?;
    whole(v, what, min, max)
}

fn whole(v: f64, what: &str, min: f64, max: f64) -> Result<f64, String> {
    if v.fract() == 0.0 && v >= min && v <= max {
        Ok(v)
    } else {
        Err(format!(
            "{what} must be a whole number between {min} and {max}, not {v}"
        ))
    }
}
