//! Messages between the app and the simulation worker, and the rule that keeps the screen
//! honest: a result is shown only if it answers the latest request for its slot.

use super::explore::outcome::Outcome;
use crate::model::{Scenario, Summary, Tally};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What is simulated in each slot: the scenario being edited, the pinned comparison "A",
/// and the same scenario stopped at the "quit at day X" day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Slot {
    Current = 0,
    Pinned = 1,
    Quit = 2,
}

pub const SLOTS: usize = 3;

impl Slot {
    pub const ALL: [Slot; SLOTS] = [Slot::Current, Slot::Pinned, Slot::Quit];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub slot: Slot,
    /// Increases with every request; results carry it so stale ones are recognised.
    pub id: u32,
    pub scenario: Scenario,
    pub seed: u64,
    pub runs: u32,
    pub samples: u32,
    /// Play mode: the futures still possible from this day of the game (`None`: all futures).
    pub from: Option<u32>,
}

/// One outcome (`metric` on `day`) of futures `first..first + runs` of several plans, future
/// by future: what a class of teams, a game's debrief or the explorer compares. Runs are
/// simulated only up to `day`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomesJob {
    pub id: u32,
    pub scenarios: Vec<Scenario>,
    pub seed: u64,
    /// The futures compared: runs `first..first + runs` (a worker gets a share of them; a
    /// later pass of the same work goes on from where the earlier ones stopped).
    pub first: u32,
    pub runs: u32,
    pub outcome: Outcome,
    pub day: u32,
}

impl OutcomesJob {
    /// The same question (plans, seed, outcome, day), whichever futures each job covers.
    pub fn same_work(&self, other: &OutcomesJob) -> bool {
        (self.seed, self.outcome, self.day) == (other.seed, other.outcome, other.day)
            && self.scenarios == other.scenarios
    }
}

/// The outcomes so far: `values[plan][future]` (futures in run order from the job's first),
/// complete when `done` equals plans × runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcomes {
    pub id: u32,
    pub values: Vec<Vec<f64>>,
    pub done: u32,
    pub total: u32,
}

impl Outcomes {
    pub fn complete(&self) -> bool {
        self.done >= self.total
    }
}

/// What the app asks for (the pool of workers shares each request out, see `state::pool`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Futures(Box<Job>),
    Outcomes(OutcomesJob),
}

impl Request {
    pub fn id(&self) -> u32 {
        match self {
            Request::Futures(j) => j.id,
            Request::Outcomes(j) => j.id,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub slot: Slot,
    pub id: u32,
    pub summary: Summary,
    pub done: bool,
    /// Milliseconds since the worker received this job.
    pub elapsed_ms: f64,
    /// Of which spent simulating (the rest is summaries, messages and waiting).
    pub compute_ms: f64,
}

/// A job a worker refused: it found a scenario invalid (the engine's reason, in English).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum JobRefused {
    /// The scenario of the futures job `id` in `slot`.
    Futures { slot: Slot, id: u32, reason: String },
    /// Plan `plan` of the outcomes job `id`.
    Outcomes {
        id: u32,
        plan: usize,
        reason: String,
    },
}

/// What the app is answered (merged from the workers' shares): a (partial or final) result,
/// or why a job was refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Report {
    Progress(Box<Progress>),
    Outcomes(Box<Outcomes>),
    Refused(JobRefused),
}

/// One worker's range of a job's runs: `first..end`, the `index`-th range in run order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRange {
    pub index: u32,
    pub first: u32,
    pub end: u32,
}

/// What the page asks one worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    Futures(Box<Job>, RunRange),
    /// The job's `first` and `runs` are already this worker's share.
    Outcomes(OutcomesJob, u32),
    /// Stop the slot's job (e.g. the comparison was unpinned).
    CancelSlot(Slot),
    /// Stop the outcomes job (e.g. the explorer was left or cancelled).
    CancelOutcomes,
    /// The page has drawn the last picture of job `id`: send the next tally when it is due.
    /// (Without this backpressure, tallies of a long job pile up faster than a slow page
    /// merges them, and the final picture waits behind them.)
    More {
        slot: Slot,
        id: u32,
    },
    /// A part of a page history's fit, or its forecast ("Your page"): done at once.
    Fit(Box<crate::state::your_page::FitTask>),
}

/// A worker's progress on its share of a futures job: what its runs add up to so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartTally {
    pub slot: Slot,
    pub id: u32,
    pub range: RunRange,
    pub tally: Tally,
    pub done: bool,
    pub elapsed_ms: f64,
    pub compute_ms: f64,
}

/// What one worker answers: its part of a job (merged into a [`Report`]), or a refusal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    Tally(Box<PartTally>),
    /// Progress (values at the end) of the `u32`-th share of an outcomes job.
    Outcomes(u32, Box<Outcomes>),
    Refused(JobRefused),
    /// A busy worker's sign of life, at least every [`HEARTBEAT_MS`]: its work may be
    /// superseded before it has anything to report (a slider moved 20 times a second).
    Alive,
    /// The answer to a [`ToWorker::Fit`].
    Fit(Box<crate::state::your_page::FitAnswer>),
}

/// How often a busy worker says it is alive (well within the page's `STALL_MS`).
pub const HEARTBEAT_MS: f64 = 1000.0;

/// A picture before the last keeps the percentiles of every this many days (and the last),
/// the days between drawn straight (`Tally::thin_days`): a seventh of the data to send,
/// decode and merge, so the first picture after a slider move comes sooner. The final
/// picture has every day.
pub const PICTURE_DAY_STEP: usize = 7;

/// Stores the job `make` builds as the latest request in `latest`, with the next id, unless
/// the same work (all but the id) is already requested there.
fn supersede<T: Clone + PartialEq>(
    latest: &mut Option<T>,
    next_id: &mut u32,
    id_of: fn(&T) -> u32,
    make: impl Fn(u32) -> T,
) -> Option<T> {
    if latest.as_ref().is_some_and(|old| make(id_of(old)) == *old) {
        return None;
    }
    *next_id += 1;
    let job = make(*next_id);
    *latest = Some(job.clone());
    Some(job)
}

/// The latest request and the newest matching result, per slot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub requested: [Option<Job>; SLOTS],
    pub shown: [Option<Rc<Progress>>; SLOTS],
    pub outcomes_requested: Option<OutcomesJob>,
    pub outcomes: Option<Rc<Outcomes>>,
    /// The complete values of the latest request's earlier passes (futures `0..first`); the
    /// request's own values are appended to them when it completes.
    pub outcomes_before: Option<Rc<Outcomes>>,
    /// What a stopped outcomes request had completed (futures `0..runs` of its work), kept on
    /// screen and to go on from when the same work is asked for again.
    pub outcomes_stopped: Option<(OutcomesJob, Rc<Outcomes>)>,
    next_id: u32,
}

impl Results {
    /// Records a new request (superseding the slot's previous one) and returns the job to send.
    /// Returns `None` when the same work is already requested.
    pub fn request(
        &mut self,
        slot: Slot,
        scenario: Scenario,
        seed: u64,
        runs: u32,
        samples: u32,
    ) -> Option<Job> {
        self.request_from(slot, scenario, seed, runs, samples, None)
    }

    /// As [`Results::request`], for the futures still possible from day `from` of a game.
    pub fn request_from(
        &mut self,
        slot: Slot,
        scenario: Scenario,
        seed: u64,
        runs: u32,
        samples: u32,
        from: Option<u32>,
    ) -> Option<Job> {
        let make = |id| Job {
            slot,
            id,
            scenario,
            seed,
            runs,
            samples,
            from,
        };
        supersede(
            &mut self.requested[slot as usize],
            &mut self.next_id,
            |j| j.id,
            make,
        )
    }

    /// Records a new outcomes request (superseding the previous one), unless the same work is
    /// already requested.
    pub fn request_outcomes(
        &mut self,
        scenarios: Vec<Scenario>,
        seed: u64,
        runs: u32,
        (outcome, day): (impl Into<Outcome>, u32),
    ) -> Option<OutcomesJob> {
        let outcome = outcome.into();
        let make = |id| OutcomesJob {
            id,
            scenarios: scenarios.clone(),
            seed,
            first: 0,
            runs,
            outcome,
            day,
        };
        let job = supersede(
            &mut self.outcomes_requested,
            &mut self.next_id,
            |j| j.id,
            make,
        );
        if job.is_some() {
            self.outcomes_before = None;
            self.outcomes_stopped = None;
        }
        job
    }

    /// Once the latest outcomes request is complete and covers fewer than `upto` futures,
    /// requests as many futures again (at most up to `upto`) of the same work, keeping the
    /// values so far: a map first drawn from a few futures gets sharper pass by pass.
    pub fn refine_outcomes(&mut self, upto: u32) -> Option<OutcomesJob> {
        let done = Rc::new(self.outcomes_done()?.clone());
        let old = self.outcomes_requested.as_ref()?;
        let covered = old.first + old.runs;
        if covered >= upto {
            return None;
        }
        self.next_id += 1;
        let job = OutcomesJob {
            id: self.next_id,
            first: covered,
            runs: covered.max(1).min(upto - covered),
            ..old.clone()
        };
        self.outcomes_requested = Some(job.clone());
        self.outcomes_before = Some(done);
        self.outcomes = None;
        Some(job)
    }

    pub fn clear_outcomes(&mut self) {
        self.outcomes_requested = None;
        self.outcomes = None;
        self.outcomes_before = None;
        self.outcomes_stopped = None;
    }

    /// Stops the outcomes request, keeping what its completed passes have (a map refined so
    /// far stays on screen): nothing is worked on until it is asked for again.
    pub fn stop_outcomes(&mut self) {
        let kept = self
            .outcomes_requested
            .clone()
            .zip(self.outcomes_so_far().cloned());
        self.clear_outcomes();
        self.outcomes_stopped = kept.map(|(job, o)| {
            let covered = o.values.first().map_or(0, |v| v.len() as u32);
            let job = OutcomesJob {
                first: 0,
                runs: covered,
                ..job
            };
            (job, Rc::new(o))
        });
    }

    /// Takes up stopped work again: its completed futures become the latest request's, so
    /// that asking for the same work goes on from them (see [`Results::refine_outcomes`]).
    pub fn resume_outcomes(&mut self) {
        let Some((job, o)) = self.outcomes_stopped.take().filter(|(j, _)| j.runs > 0) else {
            return;
        };
        self.next_id += 1;
        let id = self.next_id;
        self.outcomes_requested = Some(OutcomesJob { id, ..job });
        self.outcomes = Some(Rc::new(Outcomes { id, ..(*o).clone() }));
    }

    /// Accepts outcomes only if they answer the latest outcomes request; a later pass's
    /// complete values are appended to those of the passes before it.
    pub fn receive_outcomes(&mut self, mut o: Outcomes) -> bool {
        let latest = self.outcomes_requested.as_ref().map(|j| j.id);
        let fresh = latest == Some(o.id);
        if fresh {
            if let Some(before) = self.outcomes_before.as_ref().filter(|_| o.complete()) {
                let mut values = before.values.clone();
                for (all, new) in values.iter_mut().zip(std::mem::take(&mut o.values)) {
                    all.extend(new);
                }
                o.values = values;
                o.done += before.total;
                o.total += before.total;
            }
            self.outcomes = Some(Rc::new(o));
        }
        fresh
    }

    /// The futures of the latest outcomes request done so far, counting earlier passes, and
    /// the plans × futures it will have when complete: for a progress bar.
    pub fn outcomes_progress(&self, upto: u32) -> (u32, u32) {
        let Some(job) = self.outcomes_requested.as_ref() else {
            return (0, 0);
        };
        let plans = job.scenarios.len() as u32;
        let before = self.outcomes_before.as_ref().map_or(0, |b| b.total);
        let now = self.outcomes.as_ref().filter(|o| o.id == job.id);
        let done = match now {
            Some(o) if o.complete() => o.done,
            Some(o) => before + o.done,
            None => before,
        };
        (done, plans * upto.max(job.first + job.runs))
    }

    /// The most futures with complete values for the latest outcomes request: all of it once
    /// done, else its earlier passes.
    pub fn outcomes_so_far(&self) -> Option<&Outcomes> {
        self.outcomes_done()
            .or_else(|| match self.outcomes_requested {
                Some(_) => self.outcomes_before.as_deref(),
                None => self.outcomes_stopped.as_ref().map(|(_, o)| &**o),
            })
    }

    /// The outcomes of the latest request, once complete.
    pub fn outcomes_done(&self) -> Option<&Outcomes> {
        let latest = self.outcomes_requested.as_ref()?.id;
        self.outcomes
            .as_deref()
            .filter(|o| o.id == latest && o.complete())
    }

    /// Which slots, and whether an outcomes job, are requested: work no longer wanted is
    /// cancelled in the workers.
    pub fn wanted(&self) -> ([bool; SLOTS], bool) {
        (
            self.requested.each_ref().map(Option::is_some),
            self.outcomes_requested.is_some(),
        )
    }

    /// Drops a slot's request and result (e.g. when the comparison is unpinned).
    pub fn clear(&mut self, slot: Slot) {
        self.requested[slot as usize] = None;
        self.shown[slot as usize] = None;
    }

    /// Accepts a result only if it answers the latest request for its slot; sample paths a
    /// streamed report left out are kept from the previous report of the same job.
    pub fn receive(&mut self, mut p: Progress) -> bool {
        let slot = p.slot as usize;
        let latest = self.requested[slot].as_ref().map(|j| j.id);
        if latest != Some(p.id) {
            return false;
        }
        if let Some(prev) = self.shown[slot].as_ref().filter(|prev| prev.id == p.id) {
            if p.summary.samples.is_empty() {
                p.summary.samples = prev.summary.samples.clone();
            }
        }
        self.shown[slot] = Some(Rc::new(p));
        true
    }

    /// Whether some slot still waits for the final result of its latest request.
    pub fn pending(&self) -> bool {
        let futures = self.requested.iter().zip(&self.shown).any(|(job, shown)| {
            job.as_ref()
                .is_some_and(|j| !shown.as_ref().is_some_and(|p| p.id == j.id && p.done))
        });
        futures || (self.outcomes_requested.is_some() && self.outcomes_done().is_none())
    }

    /// The id of the newest request (futures or outcomes), if any.
    pub fn newest_id(&self) -> Option<u32> {
        let futures = self.requested.iter().flatten().map(|j| j.id);
        futures
            .chain(self.outcomes_requested.iter().map(|j| j.id))
            .max()
    }

    /// The result on screen for a slot, only if it answers the latest request (a comparison
    /// or overlay from older settings would mislead).
    pub fn latest(&self, slot: Slot) -> Option<Rc<Progress>> {
        self.get(slot).filter(|(_, latest)| *latest)?;
        self.shown[slot as usize].clone()
    }

    /// The current result (possibly from older settings while new ones run), and whether it
    /// answers the latest request.
    pub fn current(&self) -> Option<(Rc<Progress>, bool)> {
        let (_, latest) = self.get(Slot::Current)?;
        Some((self.shown[Slot::Current as usize].clone()?, latest))
    }

    /// The result on screen for a slot, and whether it is for the latest request.
    pub fn get(&self, slot: Slot) -> Option<(&Progress, bool)> {
        let p = self.shown[slot as usize].as_deref()?;
        let latest = self.requested[slot as usize].as_ref().map(|j| j.id);
        Some((p, latest == Some(p.id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MonteCarlo;

    fn progress(job: &Job) -> Progress {
        let summary = MonteCarlo::new(job.scenario, job.seed, 4, 0)
            .unwrap()
            .run_all();
        Progress {
            slot: job.slot,
            id: job.id,
            summary,
            done: true,
            elapsed_ms: 1.0,
            compute_ms: 1.0,
        }
    }

    #[test]
    fn a_stale_result_is_never_shown_as_current() {
        let mut r = Results::default();
        let mut s = Scenario::default();
        let old = r.request(Slot::Current, s, 1, 4, 0).unwrap();
        assert!(
            r.request(Slot::Current, s, 1, 4, 0).is_none(),
            "same work is not resent"
        );
        s.levers.budget = 100.0;
        let new = r.request(Slot::Current, s, 1, 4, 0).unwrap();
        assert!(
            !r.receive(progress(&old)),
            "the superseded job's result is dropped"
        );
        assert!(r.get(Slot::Current).is_none());
        assert!(r.receive(progress(&new)));
        assert_eq!(
            r.get(Slot::Current)
                .unwrap()
                .0
                .summary
                .scenario
                .levers
                .budget,
            100.0
        );
        s.levers.budget = 200.0;
        r.request(Slot::Current, s, 1, 4, 0).unwrap();
        let (shown, latest) = r.get(Slot::Current).unwrap();
        assert!(
            !latest,
            "the old picture is marked as outdated while the new one runs"
        );
        assert_eq!(shown.summary.scenario.levers.budget, 100.0);
    }

    #[test]
    fn slots_are_independent_and_can_be_cleared() {
        let mut r = Results::default();
        let a = r
            .request(Slot::Pinned, Scenario::default(), 1, 4, 0)
            .unwrap();
        let b = r
            .request(Slot::Current, Scenario::default(), 1, 4, 0)
            .unwrap();
        assert!(r.receive(progress(&a)));
        assert!(r.receive(progress(&b)));
        r.clear(Slot::Pinned);
        assert!(r.get(Slot::Pinned).is_none());
        assert!(!r.receive(progress(&a)));
        assert!(r.get(Slot::Current).is_some());
    }

    #[test]
    fn a_streamed_report_keeps_the_sample_paths_it_left_out() {
        let mut r = Results::default();
        let job = r
            .request(Slot::Current, Scenario::default(), 1, 4, 2)
            .unwrap();
        let mut sim = MonteCarlo::new(job.scenario, 1, 4, 2).unwrap();
        sim.step(2);
        let mut first = progress(&job);
        first.summary = sim.partial_summary(false, true);
        first.done = false;
        let samples = first.summary.samples.clone();
        assert_eq!(samples.len(), 2);
        assert!(
            first.summary.crisis_events.is_empty(),
            "the crisis list waits for the end"
        );
        assert!(r.receive(first.clone()));
        let mut later = first;
        sim.step(2);
        later.summary = sim.partial_summary(false, false);
        assert!(later.summary.samples.is_empty(), "not sent again");
        assert!(r.receive(later));
        assert_eq!(r.get(Slot::Current).unwrap().0.summary.samples, samples);
    }

    #[test]
    fn work_no_longer_wanted_is_known_so_the_workers_can_drop_it() {
        let mut r = Results::default();
        assert_eq!(r.wanted(), ([false; SLOTS], false));
        r.request(Slot::Pinned, Scenario::default(), 1, 4, 0);
        let plans = vec![Scenario::default()];
        r.request_outcomes(plans, 1, 10, (crate::model::Metric::Leads, 90));
        assert_eq!(r.wanted(), ([false, true, false], true));
        r.clear(Slot::Pinned);
        r.clear_outcomes();
        assert_eq!(
            r.wanted(),
            ([false; SLOTS], false),
            "unpinned, explorer left"
        );
    }

    #[test]
    fn work_is_pending_until_every_slot_has_its_final_result() {
        let mut r = Results::default();
        assert!(!r.pending(), "nothing asked, nothing to wait for");
        let job = r
            .request(Slot::Current, Scenario::default(), 1, 4, 0)
            .unwrap();
        assert!(r.pending());
        let mut partial = progress(&job);
        partial.done = false;
        assert!(r.receive(partial));
        assert!(
            r.pending(),
            "a partial picture is still waiting for the rest"
        );
        assert!(r.receive(progress(&job)));
        assert!(!r.pending());
        let pinned = r
            .request(Slot::Pinned, Scenario::default(), 2, 4, 0)
            .unwrap();
        assert!(r.pending(), "the comparison is still running");
        r.receive(progress(&pinned));
        assert!(!r.pending());
    }
}
