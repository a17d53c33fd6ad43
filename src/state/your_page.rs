//! "Your page" (issue 26, docs/MODEL.md §13): a page's own history read from what the user
//! pasted (with the columns they chose when the header is the page's own), fitted on the
//! worker pool a stage at a time, and its kept futures continued under any levers.
//!
//! The fit is shared out as [`FitTask`]s and gathered by a [`FitDriver`], which runs the
//! sampler's cheap steps (reweighing, resampling) on the page between the workers' parts: the
//! result is the same bits as `fit::fit` on one thread (tested).

use crate::model::fit::moves::move_part;
use crate::model::fit::moves::{StageMoves, Walker};
use crate::model::fit::smc::weigh_prior;
use crate::model::fit::table::{separator, split};
use crate::model::fit::{read_table, Column, Fit, FitError, FitOptions, Fitter};
use crate::model::fit::{History, Smc, TableError};
use crate::model::params::MAX_DAYS;
use crate::model::plan::LeverSet;
use crate::model::{Scenario, Summary};
use serde::{Deserialize, Serialize};

/// The sample history shipped with the app (a trainer's demonstration).
pub const SAMPLE: &str = include_str!("../../examples/page-history.csv");

/// Futures weighed and kept, and the seed (the command line's defaults).
pub const FIT_RUNS: u32 = 500;
pub const FIT_SEED: u64 = 1;

/// Parts each worker gets of every step: finer progress, and Cancel waits for one part at most.
const PARTS_PER_WORKER: usize = 2;

/// The header of a pasted table: its names, and the column each is read as (if any).
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub names: Vec<String>,
    pub known: Vec<Option<Column>>,
}

/// The header row's cells after the date (none when the text has no line).
pub fn header(text: &str) -> Option<Header> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let line = text.lines().find(|l| !l.trim().is_empty())?;
    let line = line.trim_end_matches('\r');
    let names: Vec<String> = split(line, separator(line))
        .into_iter()
        .skip(1)
        .map(|n| n.trim().to_string())
        .collect();
    let known = names.iter().map(|n| Column::from_header(n)).collect();
    Some(Header { names, known })
}

/// The table read with `chosen` columns in place of the header's names (a choice per column
/// after the date; `None` keeps the header's own). Only the header row is rewritten, so every
/// line keeps its number; the text typed is not changed.
pub fn read_with(text: &str, chosen: &[Option<Column>]) -> Result<History, TableError> {
    if chosen.iter().all(Option::is_none) {
        return read_table(text);
    }
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines: Vec<&str> = body.split('\n').collect();
    let Some(i) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return read_table(text);
    };
    let line = lines[i].trim_end_matches('\r');
    let sep = separator(line);
    let mut cells = split(line, sep);
    for (k, c) in chosen.iter().enumerate() {
        if let (Some(c), Some(cell)) = (c, cells.get_mut(k + 1)) {
            *cell = c.name().to_string();
        }
    }
    let quoted: Vec<String> = cells.iter().map(|c| quote(c, sep)).collect();
    let rewritten = quoted.join(&sep.to_string());
    lines[i] = &rewritten;
    read_table(&lines.join("\n"))
}

/// A header cell written back so that it reads as itself.
fn quote(cell: &str, sep: char) -> String {
    if cell.contains(sep) || cell.contains('"') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// The scenario a history is fitted and forecast under: the defaults, with a year beyond the
/// history (as `longgame fit` without `--days`).
pub fn fit_scenario(history: &History) -> Scenario {
    let mut s = Scenario::default();
    s.assumptions.horizon_days = (history.last_day() + 365).min(MAX_DAYS);
    s
}

/// What every part of one fit shares (a worker builds its fitter from it once).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FitSetup {
    pub history: History,
    pub scenario: Scenario,
    pub seed: u64,
    pub runs: u32,
}

impl FitSetup {
    pub fn new(history: History) -> FitSetup {
        FitSetup {
            scenario: fit_scenario(&history),
            history,
            seed: FIT_SEED,
            runs: FIT_RUNS,
        }
    }

    pub fn options(&self) -> FitOptions {
        FitOptions {
            runs: self.runs,
            seed: self.seed,
            starting_followers: None,
            futures: self.runs,
        }
    }

    pub fn fitter(&self) -> Fitter {
        Fitter::new(&self.history, &self.scenario, &self.options())
    }
}

/// A worker's part of a fit, or a forecast. `id` names the fit (a newer one supersedes it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FitTask {
    /// Draw and weigh runs `first..end` of the prior.
    Prior {
        id: u32,
        setup: Box<FitSetup>,
        first: u64,
        end: u64,
    },
    /// Move futures `first..` of the population one stage.
    Move {
        id: u32,
        setup: Box<FitSetup>,
        stage: Box<StageMoves>,
        first: usize,
        walkers: Vec<Walker>,
    },
    /// Continue the fit's kept futures under the levers `stated` (`None`: as in the history's
    /// last period) up to `scenario`'s horizon.
    Forecast {
        id: u32,
        fit: Box<Fit>,
        scenario: Box<Scenario>,
        stated: [Option<f64>; 4],
    },
}

/// A worker's answer to a [`FitTask`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FitAnswer {
    Prior {
        id: u32,
        first: u64,
        walkers: Vec<Walker>,
    },
    Moved {
        id: u32,
        first: usize,
        walkers: Vec<Walker>,
        counts: (u64, u64),
    },
    Forecast {
        id: u32,
        stated: [Option<f64>; 4],
        summary: Box<Summary>,
    },
    /// The forecast's scenario was refused (the engine's reason).
    Refused { id: u32, reason: String },
}

/// Does a task (in a worker). `fitter` is the worker's, rebuilt when the setup changes.
pub fn do_task(cache: &mut Option<(FitSetup, Fitter)>, task: FitTask) -> FitAnswer {
    match task {
        FitTask::Prior {
            id,
            setup,
            first,
            end,
        } => FitAnswer::Prior {
            id,
            first,
            walkers: weigh_prior(fitter_for(cache, &setup), first..end),
        },
        FitTask::Move {
            id,
            setup,
            stage,
            first,
            mut walkers,
        } => {
            let counts = move_part(fitter_for(cache, &setup), &stage, first, &mut walkers);
            FitAnswer::Moved {
                id,
                first,
                walkers,
                counts,
            }
        }
        FitTask::Forecast {
            id,
            fit,
            scenario,
            stated,
        } => match fit.forecast(&scenario, LeverSet(stated), 0) {
            Ok(mc) => FitAnswer::Forecast {
                id,
                stated,
                summary: Box::new(mc.run_all()),
            },
            Err(e) => FitAnswer::Refused {
                id,
                reason: e.to_string(),
            },
        },
    }
}

/// The worker's fitter for `setup` (built again only when the setup changes).
fn fitter_for<'a>(cache: &'a mut Option<(FitSetup, Fitter)>, setup: &FitSetup) -> &'a mut Fitter {
    if cache.as_ref().is_none_or(|(s, _)| s != setup) {
        *cache = Some((setup.clone(), setup.fitter()));
    }
    &mut cache.as_mut().expect("just set").1
}

/// Where a fit is.
enum Phase {
    Prior(Vec<Option<Vec<Walker>>>),
    Moving {
        smc: Box<Smc>,
        parts: Vec<Option<Vec<Walker>>>,
        counts: (u64, u64),
    },
    Done,
}

/// What the page does next: send tasks (each to the worker numbered beside it), or show the
/// fit (or its refusal).
pub enum Next {
    Send(Vec<(usize, FitTask)>),
    Done(Box<Result<Fit, FitError>>),
}

/// One fit being shared among `workers`, gathered part by part.
pub struct FitDriver {
    pub id: u32,
    setup: FitSetup,
    workers: usize,
    phase: Phase,
    /// Parts answered of the step under way, of how many.
    answered: (usize, usize),
    pub stages: u32,
    beta: f64,
}

/// `0..n` cut into `parts` nearly equal ranges, in order.
pub fn ranges(n: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.clamp(1, n.max(1));
    (0..parts)
        .map(|k| k * n / parts..(k + 1) * n / parts)
        .collect()
}

impl FitDriver {
    /// A fit of `setup` among `workers` workers, and the first tasks to send.
    pub fn start(id: u32, setup: FitSetup, workers: usize) -> (FitDriver, Next) {
        let workers = workers.max(1);
        let parts = ranges(setup.runs as usize, workers * PARTS_PER_WORKER);
        let tasks = parts
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let task = FitTask::Prior {
                    id,
                    setup: Box::new(setup.clone()),
                    first: r.start as u64,
                    end: r.end as u64,
                };
                (k % workers, task)
            })
            .collect();
        let driver = FitDriver {
            id,
            phase: Phase::Prior(vec![None; parts.len()]),
            answered: (0, parts.len()),
            setup,
            workers,
            stages: 0,
            beta: 0.0,
        };
        (driver, Next::Send(tasks))
    }

    /// How far the fit is, from 0 to 1: the prior's weighing a tenth, then the likelihood's
    /// power β (each stage's parts moving it on by their share of the way to the next).
    pub fn progress(&self) -> f64 {
        let part = self.answered.0 as f64 / self.answered.1.max(1) as f64;
        match self.phase {
            Phase::Prior(_) => 0.1 * part,
            Phase::Moving { .. } => 0.1 + 0.9 * (self.beta + (1.0 - self.beta) * 0.3 * part),
            Phase::Done => 1.0,
        }
    }

    /// Takes a worker's answer; what to do next once a step's parts are all in.
    pub fn receive(&mut self, answer: FitAnswer) -> Option<Next> {
        match (answer, &mut self.phase) {
            (FitAnswer::Prior { id, first, walkers }, Phase::Prior(parts)) if id == self.id => {
                let k = part_of(
                    parts,
                    first as usize,
                    self.setup.runs as usize,
                    self.workers,
                );
                parts[k] = Some(walkers);
                self.answered.0 += 1;
                if parts.iter().any(Option::is_none) {
                    return None;
                }
                let prior = parts.drain(..).flatten().flatten().collect();
                let smc = Smc::from_prior(self.setup.fitter(), &self.setup.options(), prior);
                Some(self.advance(Box::new(smc)))
            }
            (
                FitAnswer::Moved {
                    id,
                    first,
                    walkers,
                    counts: (p, a),
                },
                Phase::Moving { parts, counts, .. },
            ) if id == self.id => {
                let k = part_of(parts, first, self.setup.runs as usize, self.workers);
                parts[k] = Some(walkers);
                (counts.0, counts.1) = (counts.0 + p, counts.1 + a);
                self.answered.0 += 1;
                if parts.iter().any(Option::is_none) {
                    return None;
                }
                let Phase::Moving {
                    mut smc,
                    parts,
                    counts,
                } = std::mem::replace(&mut self.phase, Phase::Done)
                else {
                    unreachable!("matched above")
                };
                smc.moved(parts.into_iter().flatten().flatten().collect(), counts);
                self.stages += 1;
                Some(self.advance(smc))
            }
            _ => None,
        }
    }

    /// The next stage's moves shared out, or the fit's end.
    fn advance(&mut self, mut smc: Box<Smc>) -> Next {
        if let Some(done) = smc.reweigh() {
            self.phase = Phase::Done;
            return Next::Done(Box::new(done));
        }
        self.beta = smc.progress();
        let stage = smc.stage_moves();
        let walkers = smc.walkers();
        let parts = ranges(walkers.len(), self.workers * PARTS_PER_WORKER);
        let tasks = parts
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let task = FitTask::Move {
                    id: self.id,
                    setup: Box::new(self.setup.clone()),
                    stage: Box::new(stage),
                    first: r.start,
                    walkers: walkers[r.clone()].to_vec(),
                };
                (k % self.workers, task)
            })
            .collect();
        self.answered = (0, parts.len());
        self.phase = Phase::Moving {
            smc,
            parts: vec![None; parts.len()],
            counts: (0, 0),
        };
        Next::Send(tasks)
    }
}

/// The part that starts at `first`.
fn part_of<T>(parts: &[T], first: usize, n: usize, workers: usize) -> usize {
    let cut = ranges(n, workers * PARTS_PER_WORKER);
    cut.iter()
        .position(|r| r.start == first)
        .unwrap_or(0)
        .min(parts.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a driver with the tasks done here, in a scrambled order (as workers answer).
    fn drive(setup: FitSetup, workers: usize) -> (Result<Fit, FitError>, u32) {
        let mut caches: Vec<Option<(FitSetup, Fitter)>> = (0..workers).map(|_| None).collect();
        let (mut driver, mut next) = FitDriver::start(7, setup, workers);
        loop {
            match next {
                Next::Done(done) => return (*done, driver.stages),
                Next::Send(tasks) => {
                    let mut answers: Vec<FitAnswer> = tasks
                        .into_iter()
                        .map(|(w, t)| do_task(&mut caches[w], t))
                        .collect();
                    answers.reverse();
                    let mut out = None;
                    for a in answers {
                        assert!(out.is_none(), "a step ends with its last part only");
                        out = driver.receive(a);
                        assert!((0.0..=1.0).contains(&driver.progress()));
                    }
                    next = out.expect("all parts in");
                }
            }
        }
    }

    fn small(text: &str) -> FitSetup {
        FitSetup {
            runs: 120,
            ..FitSetup::new(read_table(text).unwrap())
        }
    }

    #[test]
    fn a_fit_shared_among_workers_is_the_same_bits_as_on_one_thread() {
        let setup = small(SAMPLE);
        let whole = crate::model::fit::fit(&setup.history, &setup.scenario, &setup.options())
            .expect("the sample fits");
        for workers in [1, 3] {
            let (shared, stages) = drive(setup.clone(), workers);
            let shared = shared.expect("the sample fits");
            assert_eq!(
                shared.ess.to_bits(),
                whole.ess.to_bits(),
                "{workers} workers"
            );
            assert_eq!(shared.kept, whole.kept);
            assert_eq!(shared.posterior, whole.posterior);
            assert_eq!(stages + 1, whole.stages);
        }
    }

    #[test]
    fn an_impossible_history_is_refused_not_forecast() {
        let text = "month,followers\n2025-01,200\n2025-02,250\n2025-03,40000\n";
        let (done, _) = drive(small(text), 2);
        assert!(matches!(done, Err(FitError::NothingReproduces { .. })));
    }

    #[test]
    fn the_page_s_own_header_names_read_as_the_columns_chosen_keeping_line_numbers() {
        let text = "\nmånad;Fans;Intäkt\n2025-01;100;3\n2025-02;1O0;4\n";
        let h = header(text).unwrap();
        assert_eq!(h.names, ["Fans", "Intäkt"]);
        assert_eq!(h.known, [None, None]);
        let chosen = [Some(Column::Followers), Some(Column::Leads)];
        let e = read_with(text, &chosen).unwrap_err();
        assert_eq!((e.line, e.column.map(|c| c.0)), (4, Some(2)));
        let fixed = text.replace("1O0", "100,5");
        let h = read_with(&fixed, &chosen).unwrap();
        assert_eq!(h.columns, [Column::Followers, Column::Leads]);
        assert_eq!(h.rows[1].get(Column::Followers), Some(100.5));
        // Known names need no choice; a choice of None keeps the header's name.
        assert_eq!(header(SAMPLE).unwrap().known[0], Some(Column::Followers));
        assert_eq!(read_with(SAMPLE, &[None; 8]), read_table(SAMPLE));
    }

    #[test]
    fn a_forecast_continues_the_same_futures_for_every_plan() {
        let setup = small(SAMPLE);
        let (fit, _) = drive(setup.clone(), 2);
        let fit = fit.unwrap();
        let forecast = |stated: [Option<f64>; 4]| {
            let mut cache = None;
            let task = FitTask::Forecast {
                id: 1,
                fit: Box::new(fit.clone()),
                scenario: Box::new(setup.scenario),
                stated,
            };
            match do_task(&mut cache, task) {
                FitAnswer::Forecast { summary, .. } => summary,
                _ => panic!("a forecast"),
            }
        };
        let keep = forecast([None; 4]);
        let more = forecast([Some(0.0), None, None, None]);
        let leads = |s: &Summary, day: usize| s.band(crate::model::Metric::Leads).p50[day];
        let last = fit.history_day as usize;
        // The same history, bit for bit; the plans part only after it.
        assert_eq!(leads(&keep, last).to_bits(), leads(&more, last).to_bits());
        let end = keep.band(crate::model::Metric::Leads).p50.len() - 1;
        assert!(leads(&more, end) != leads(&keep, end));
    }
}
