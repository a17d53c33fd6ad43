//! Sharing jobs out among a pool of workers and merging their answers. Each worker simulates
//! a contiguous share of the runs; the shares' tallies merge exactly (see the engine's
//! `Tally`), so the summary is the same bits whatever the number of workers.

use super::jobs::{
    FromWorker, Job, JobRefused, Outcomes, OutcomesJob, PartTally, Progress, Report, RunRange,
    PICTURE_DAY_STEP,
};
use super::jobs::{Slot, SLOTS};

/// Most workers a page starts. Each holds its own memory (20–30 MB at 730 days: the histogram
/// grid, a batch of runs, the copy sent with a report) and the page merges every worker's
/// tally for each picture, so beyond 8 the merging costs more than the extra workers save.
pub const MAX_WORKERS: usize = 8;

/// Most workers where the browser does not say how much memory the device has (Firefox and
/// Safari do not): a phone reporting 8 cores should not give 200 MB to the pool.
pub const MAX_WORKERS_UNKNOWN_MEMORY: usize = 4;

/// Workers per GB of device memory (`navigator.deviceMemory`, 0.25–8, rounded by the browser):
/// two workers' 60 MB at most per GB, so 8 workers need a device reporting 4 GB or more.
const WORKERS_PER_GB: f64 = 2.0;

/// Fewest runs worth a worker of their own.
const MIN_SHARE: u32 = 16;

/// How many workers for a machine reporting `cores` logical processors and `memory_gb` GB of
/// memory (either NaN or 0 if unknown).
pub fn workers_for(cores: f64, memory_gb: f64) -> usize {
    let cap = if memory_gb.is_finite() && memory_gb > 0.0 {
        ((memory_gb * WORKERS_PER_GB) as usize).clamp(1, MAX_WORKERS)
    } else {
        MAX_WORKERS_UNKNOWN_MEMORY
    };
    if cores.is_finite() && cores >= 1.0 {
        (cores as usize).min(cap)
    } else {
        1
    }
}

/// Runs `first..end` in at most `workers` contiguous, near-equal shares of at least
/// `MIN_SHARE` runs (one share when there are fewer).
pub fn run_ranges(first: u32, end: u32, workers: usize) -> Vec<RunRange> {
    let runs = end.saturating_sub(first);
    let count = (runs / MIN_SHARE).clamp(1, workers.max(1) as u32);
    (0..count)
        .map(|k| RunRange {
            index: k,
            first: first + (runs as u64 * k as u64 / count as u64) as u32,
            end: first + (runs as u64 * (k + 1) as u64 / count as u64) as u32,
        })
        .collect()
}

/// A futures job under way: the latest tally of each share.
struct Gather {
    job: Job,
    parts: Vec<Option<Box<PartTally>>>,
    /// Shares that reported since the last picture.
    fresh: Vec<bool>,
    refused: bool,
}

impl Gather {
    /// Keeps a share's latest tally; true when a picture is due (see `ready`).
    fn store(&mut self, part: Box<PartTally>) -> bool {
        let i = part.range.index as usize;
        let Some(slot) = self.parts.get_mut(i) else {
            return false;
        };
        *slot = Some(part);
        self.fresh[i] = true;
        self.ready()
    }

    /// A new picture once every share has reported since the last one (so pictures come no
    /// faster than the workers report), and the final one as soon as every share is done.
    fn ready(&self) -> bool {
        let parts: Vec<&PartTally> = self.parts.iter().flatten().map(|p| &**p).collect();
        // A share already done will not report again: it counts as fresh.
        let fresh = (self.fresh.iter().zip(&parts)).all(|(&f, p)| f || p.done);
        parts.len() == self.parts.len() && fresh
    }

    /// The picture of the shares' latest tallies, if one is due.
    fn picture(&mut self) -> Option<Progress> {
        if !self.ready() {
            return None;
        }
        let parts: Vec<&PartTally> = self.parts.iter().flatten().map(|p| &**p).collect();
        let done = parts.iter().all(|p| p.done);
        self.fresh.fill(false);
        let mut tally = parts[0].tally.clone();
        parts[1..].iter().for_each(|p| tally.merge(&p.tally));
        if !done {
            // A share already done sent every day: the picture keeps only the thinned ones.
            tally.thin_days(PICTURE_DAY_STEP);
        }
        let whole = (self.job.scenario, self.job.seed, self.job.runs);
        Some(Progress {
            slot: self.job.slot,
            id: self.job.id,
            summary: tally.summary(whole, done, true),
            done,
            elapsed_ms: parts.iter().map(|p| p.elapsed_ms).fold(0.0, f64::max),
            compute_ms: parts.iter().map(|p| p.compute_ms).sum(),
        })
    }
}

/// An outcomes job under way: each share's latest progress.
struct OutcomesGather {
    id: u32,
    total: u32,
    parts: Vec<Option<Outcomes>>,
}

impl OutcomesGather {
    fn receive(&mut self, index: u32, o: Outcomes) -> Option<Outcomes> {
        *self.parts.get_mut(index as usize)? = Some(o);
        let done = self.parts.iter().flatten().map(|p| p.done).sum();
        let complete = self
            .parts
            .iter()
            .all(|p| p.as_ref().is_some_and(Outcomes::complete));
        let mut values = Vec::new();
        if complete {
            let parts = self.parts.iter().flatten();
            for p in parts {
                values.resize(p.values.len().max(values.len()), Vec::new());
                for (all, share) in values.iter_mut().zip(&p.values) {
                    all.extend_from_slice(share);
                }
            }
        }
        Some(Outcomes {
            id: self.id,
            values,
            done,
            total: self.total,
        })
    }
}

/// What a worker's answer means for the app.
pub enum Received {
    /// Nothing yet (or an answer to a job no longer under way).
    Nothing,
    /// Tell the app.
    Report(Report),
    /// A picture of this slot's job is due: [`Gathering::picture`] merges it. The app does
    /// that in a task of its own, so decoding a message, merging the shares and drawing the
    /// result do not block the page as one long task.
    Picture(Slot),
}

/// The jobs the pool is working on, and what to tell the app as the shares report.
#[derive(Default)]
pub struct Gathering {
    futures: [Option<Gather>; SLOTS],
    outcomes: Option<OutcomesGather>,
}

impl Gathering {
    /// Shares a futures job among `workers`: share `k` goes to worker `k`.
    pub fn start_futures(&mut self, job: Job, workers: usize) -> Vec<RunRange> {
        let shares = run_ranges(0, job.runs, workers);
        let slot = job.slot as usize;
        self.futures[slot] = Some(Gather {
            parts: vec![None; shares.len()],
            fresh: vec![false; shares.len()],
            refused: false,
            job,
        });
        shares
    }

    /// Shares an outcomes job among `workers`: each worker's job covers its share of the runs.
    pub fn start_outcomes(&mut self, job: &OutcomesJob, workers: usize) -> Vec<OutcomesJob> {
        let parts: Vec<OutcomesJob> = run_ranges(job.first, job.first + job.runs, workers)
            .into_iter()
            .map(|s| OutcomesJob {
                first: s.first,
                runs: s.end - s.first,
                ..job.clone()
            })
            .collect();
        self.outcomes = Some(OutcomesGather {
            id: job.id,
            total: job.runs * job.scenarios.len() as u32,
            parts: vec![None; parts.len()],
        });
        parts
    }

    pub fn cancel_slot(&mut self, slot: Slot) {
        self.futures[slot as usize] = None;
    }

    pub fn cancel_outcomes(&mut self) {
        self.outcomes = None;
    }

    /// What a worker's answer means for the app, if anything yet, with a picture merged at
    /// once. Answers to jobs no longer under way are dropped here; the app drops stale ones
    /// too (by id).
    pub fn receive(&mut self, answer: FromWorker) -> Option<Report> {
        match self.store(answer) {
            Received::Nothing => None,
            Received::Report(report) => Some(report),
            Received::Picture(slot) => self.picture(slot),
        }
    }

    /// The picture of the futures job in `slot`, if one is due (none when a newer job took
    /// the slot meanwhile, or the picture was already merged).
    pub fn picture(&mut self, slot: Slot) -> Option<Report> {
        let progress = self.futures[slot as usize].as_mut()?.picture()?;
        if progress.done {
            // The shares' tallies (a histogram grid each) are not kept once merged.
            self.futures[slot as usize] = None;
        }
        Some(Report::Progress(Box::new(progress)))
    }

    /// Takes a worker's answer: keeps a share's tally (saying when a picture is due) or
    /// turns the answer into a report.
    pub fn store(&mut self, answer: FromWorker) -> Received {
        self.take(answer).unwrap_or(Received::Nothing)
    }

    fn take(&mut self, answer: FromWorker) -> Option<Received> {
        let report = |r| Some(Received::Report(r));
        match answer {
            FromWorker::Tally(part) => {
                let slot = part.slot;
                let g = self.futures[slot as usize].as_mut()?;
                (g.job.id == part.id).then_some(())?;
                g.store(part).then_some(Received::Picture(slot))
            }
            FromWorker::Refused(r @ JobRefused::Futures { slot, id, .. }) => {
                // Every worker refuses the same invalid job: tell the app once.
                let g = self.futures[slot as usize].as_mut()?;
                (g.job.id == id && !g.refused).then_some(())?;
                g.refused = true;
                report(Report::Refused(r))
            }
            FromWorker::Outcomes(index, o) => {
                let g = self.outcomes.as_mut().filter(|g| g.id == o.id)?;
                let merged = g.receive(index, *o)?;
                if merged.complete() {
                    self.outcomes = None;
                }
                report(Report::Outcomes(Box::new(merged)))
            }
            FromWorker::Refused(r @ JobRefused::Outcomes { id, .. }) => {
                self.outcomes.as_ref().filter(|g| g.id == id)?;
                self.outcomes = None;
                report(Report::Refused(r))
            }
            // Only the watchdog cares (the app notes the time of every answer).
            // Fits have pools of their own (app/your_page).
            FromWorker::Alive | FromWorker::Fit(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metric, MonteCarlo, Scenario};

    #[test]
    fn shares_cover_the_runs_once_in_order() {
        for (runs, workers) in [(500, 4), (500, 3), (17, 8), (5, 4), (0, 2), (5000, 8)] {
            let s = run_ranges(10, 10 + runs, workers);
            assert!(s.len() <= workers.max(1) && !s.is_empty());
            assert_eq!(s[0].first, 10);
            assert_eq!(s.last().unwrap().end, 10 + runs);
            for (k, w) in s.windows(2).enumerate() {
                assert_eq!(w[0].end, w[1].first);
                assert_eq!(w[1].index, k as u32 + 1);
            }
        }
        assert_eq!(run_ranges(0, 20, 4).len(), 1, "too few runs to share");
        assert_eq!(workers_for(f64::NAN, 8.0), 1);
        assert_eq!(workers_for(0.0, 8.0), 1);
        assert_eq!(workers_for(64.0, 8.0), MAX_WORKERS);
        assert_eq!(workers_for(64.0, 4.0), 8, "4 GB allow 8 workers");
        assert_eq!(workers_for(64.0, 2.0), 4);
        assert_eq!(workers_for(64.0, 0.25), 1);
        assert_eq!(workers_for(6.0, 8.0), 6, "never more than the cores");
        assert_eq!(
            workers_for(16.0, f64::NAN),
            MAX_WORKERS_UNKNOWN_MEMORY,
            "unknown memory"
        );
        assert_eq!(workers_for(16.0, 0.0), MAX_WORKERS_UNKNOWN_MEMORY);
    }

    /// What `workers` workers answer for `job`, in an arrival order that mixes the shares.
    fn answers(job: &Job, shares: &[RunRange]) -> Vec<FromWorker> {
        let mut streams: Vec<Vec<FromWorker>> = shares
            .iter()
            .map(|&share| {
                let mut sim = MonteCarlo::new(job.scenario, job.seed, job.runs, job.samples)
                    .unwrap()
                    .part(share.first, share.end);
                let mut out = Vec::new();
                loop {
                    let done = sim.step(9);
                    out.push(FromWorker::Tally(Box::new(PartTally {
                        slot: job.slot,
                        id: job.id,
                        range: share,
                        tally: sim.tally().clone(),
                        done,
                        elapsed_ms: 1.0,
                        compute_ms: 1.0,
                    })));
                    if done {
                        break out;
                    }
                }
            })
            .collect();
        let mut mixed = Vec::new();
        while streams.iter().any(|s| !s.is_empty()) {
            for s in streams.iter_mut().rev().filter(|s| !s.is_empty()) {
                mixed.push(s.remove(0));
            }
        }
        mixed
    }

    #[test]
    fn one_to_eight_workers_give_the_same_final_summary() {
        let job = Job {
            slot: Slot::Current,
            id: 3,
            scenario: Scenario::default(),
            seed: 7,
            runs: 150,
            samples: 4,
            from: None,
        };
        let expected = MonteCarlo::new(job.scenario, 7, 150, 4).unwrap().run_all();
        for workers in [1, 2, 4, 8] {
            let mut g = Gathering::default();
            let shares = g.start_futures(job.clone(), workers);
            assert_eq!(shares.len(), workers);
            let reports: Vec<Report> = answers(&job, &shares)
                .into_iter()
                .filter_map(|a| g.receive(a))
                .collect();
            assert!(reports.len() > 1, "pictures stream in before the end");
            // Pictures before the last are thinned, their other days filled in between.
            for r in &reports {
                let Report::Progress(p) = r else { continue };
                let lines = p
                    .summary
                    .metrics
                    .iter()
                    .flat_map(|b| [&b.p10, &b.p50, &b.p90]);
                assert!(lines.flatten().all(|v| v.is_finite()), "{workers} workers");
            }
            let Some(Report::Progress(last)) = reports.last() else {
                panic!("no final picture")
            };
            assert!(last.done);
            assert_eq!(last.summary, expected, "{workers} workers");
            assert!(g.futures[0].is_none(), "nothing kept once the job is done");
        }
    }

    #[test]
    fn answers_to_a_cancelled_or_superseded_job_are_dropped() {
        let job = Job {
            slot: Slot::Pinned,
            id: 1,
            scenario: Scenario::default(),
            seed: 1,
            runs: 40,
            samples: 0,
            from: None,
        };
        let mut g = Gathering::default();
        let shares = g.start_futures(job.clone(), 2);
        let old = answers(&job, &shares);
        g.start_futures(
            Job {
                id: 2,
                ..job.clone()
            },
            2,
        );
        assert!(old.iter().all(|a| g.clone_receive(a).is_none()));
        g.cancel_slot(Slot::Pinned);
        let refused = FromWorker::Refused(JobRefused::Futures {
            slot: Slot::Pinned,
            id: 2,
            reason: "x".into(),
        });
        assert!(g.receive(refused).is_none());
    }

    #[test]
    fn outcomes_shared_out_come_back_in_run_order() {
        let job = OutcomesJob {
            id: 4,
            scenarios: vec![Scenario::default(); 2],
            seed: 3,
            first: 5,
            runs: 40,
            outcome: Metric::Leads.into(),
            day: 100,
        };
        let mut g = Gathering::default();
        let parts = g.start_outcomes(&job, 2);
        assert_eq!((parts[0].first, parts[0].runs, parts[1].first), (5, 20, 25));
        let outcome = |p: &OutcomesJob| Outcomes {
            id: 4,
            values: vec![(p.first..p.first + p.runs).map(f64::from).collect(); 2],
            done: p.runs * 2,
            total: p.runs * 2,
        };
        let first = g.receive(FromWorker::Outcomes(1, Box::new(outcome(&parts[1]))));
        let Some(Report::Outcomes(partial)) = first else {
            panic!("progress")
        };
        assert_eq!((partial.done, partial.total), (40, 80));
        assert!(!partial.complete());
        let last = g.receive(FromWorker::Outcomes(0, Box::new(outcome(&parts[0]))));
        let Some(Report::Outcomes(all)) = last else {
            panic!("final")
        };
        let expected: Vec<f64> = (5..45).map(f64::from).collect();
        assert_eq!(all.values, vec![expected.clone(), expected]);
        assert!(all.complete());
    }

    impl Gathering {
        fn clone_receive(&mut self, a: &FromWorker) -> Option<Report> {
            self.receive(a.clone())
        }
    }
}
