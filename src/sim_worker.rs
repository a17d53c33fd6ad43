//! A Web Worker of the pool that runs the Monte Carlo off the UI thread. It simulates its share
//! of a job's runs and streams what they add up to (a tally, merged by the page with the other
//! workers'); a new job for a slot supersedes the one there, so the latest setting always
//! wins, and jobs superseded before they start cost nothing (a slider drag sends many).

use crate::model::engine::{simulate_until, Derived};
use crate::model::fit::Fitter;
use crate::model::{MonteCarlo, RunTrace};
use crate::state::jobs::{
    FromWorker, Job, JobRefused, Outcomes, OutcomesJob, PartTally, RunRange, ToWorker,
    HEARTBEAT_MS, PICTURE_DAY_STEP,
};
use crate::state::jobs::{Slot, SLOTS};
use crate::state::play::{seen, Game};
use crate::state::your_page::{self, FitSetup};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use longgame_engine::fit::Stepwise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

struct Running {
    job: Job,
    range: RunRange,
    /// The page is ready for another tally (it asks after each picture it merges).
    wanted: bool,
    /// A game's futures still possible are fitted to what the player has seen first (every
    /// worker fits the same, bit for bit, and continues its share of the kept futures).
    fitting: Option<Stepwise>,
    sim: MonteCarlo,
    started: f64,
    last_report: f64,
    compute_ms: f64,
    samples_sent: bool,
    who: HandlerId,
}

/// An outcomes job under way: plan by plan, future by future.
struct Comparing {
    job: OutcomesJob,
    index: u32,
    derived: Vec<Derived>,
    out: Outcomes,
    trace: RunTrace,
    last_report: f64,
    who: HandlerId,
}

impl Comparing {
    /// Simulates the next future of the next plan; true when all are done.
    fn step(&mut self) -> bool {
        let runs = self.job.runs;
        let (plan, run) = (self.out.done / runs, self.out.done % runs);
        let Some(d) = self.derived.get(plan as usize) else {
            return true;
        };
        let s = &self.job.scenarios[plan as usize];
        let start = s.assumptions.starting_followers;
        // Only the days up to the one read: they are the full run's (see `simulate_until`).
        let day = self.job.day.min(d.days() as u32);
        let run = (self.job.seed, u64::from(self.job.first + run));
        simulate_until(d, start, run, day, &mut self.trace);
        let value = self.job.outcome.value(&self.trace, day as usize);
        self.out.values[plan as usize].push(value);
        self.out.done += 1;
        self.out.complete()
    }
}

pub struct SimWorker {
    /// Jobs received but not started: a newer one for the slot replaces it unstarted.
    queued: [Option<(Job, RunRange, HandlerId)>; SLOTS],
    running: [Option<Running>; SLOTS],
    comparing: Option<Comparing>,
    step_scheduled: bool,
    /// Posting to this port queues a task without setTimeout's 4 ms clamp.
    wake: web_sys::MessagePort,
    /// Who sent the last job (the page), and when this worker last said it was alive.
    page: Option<HandlerId>,
    last_alive: f64,
    /// The fitter of the last history fitted here.
    fitter: Option<(FitSetup, Fitter)>,
}

pub enum Msg {
    Step,
}

/// Work done between chances to receive a newer job.
const SLICE_MS: f64 = 20.0;
/// Runs per batch: small enough to keep slices short.
const BATCH: u32 = 8;
/// A first picture as soon as this many runs are in (over all the pool's workers), then a
/// refresh at most this often.
const FIRST_REPORT_RUNS: u32 = 48;
const REPORT_EVERY_MS: f64 = 150.0;

/// The worker's own clock (monotonic, in milliseconds), which its User Timing measures use too.
fn now() -> f64 {
    crate::timing::now()
}

impl SimWorker {
    /// Yield to the event loop (a macrotask, so newer jobs are received) and continue.
    fn schedule(&mut self, scope: &WorkerScope<Self>) {
        if !self.step_scheduled {
            self.step_scheduled = true;
            let _ = scope;
            let _ = self.wake.post_message(&wasm_bindgen::JsValue::NULL);
        }
    }
}

impl Worker for SimWorker {
    type Message = Msg;
    type Input = ToWorker;
    type Output = FromWorker;

    fn create(scope: &WorkerScope<Self>) -> Self {
        let channel =
            web_sys::MessageChannel::new().expect("MessageChannel is available in workers");
        let scope = scope.clone();
        let on_wake = Closure::<dyn Fn()>::new(move || scope.send_message(Msg::Step));
        channel
            .port1()
            .set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
        on_wake.forget(); // lives as long as the worker
        SimWorker {
            queued: [None, None, None],
            running: [None, None, None],
            comparing: None,
            step_scheduled: false,
            wake: channel.port2(),
            page: None,
            last_alive: 0.0,
            fitter: None,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, Msg::Step: Msg) {
        self.step_scheduled = false;
        for slot in 0..SLOTS {
            if let Some((job, share, who)) = self.queued[slot].take() {
                self.start_futures(scope, job, share, who);
            }
        }
        let Some(r) = self.running.iter_mut().flatten().next() else {
            self.compare(scope);
            self.say_busy(scope);
            return;
        };
        let slice_start = now();
        if r.fitting.is_some() {
            r.fit_slice(slice_start);
            r.compute_ms += now() - slice_start;
            self.schedule(scope);
            self.say_busy(scope);
            return;
        }
        let mut done = r.sim.is_done();
        // The first picture is sent as soon as its runs are in, not at the slice's end.
        let first_at = (r.last_report == 0.0 && r.wanted).then(|| first_report_runs(r));
        let first_ready = |r: &Running| first_at.is_some_and(|n| r.sim.runs_done() >= n);
        while !done && now() < slice_start + SLICE_MS && !first_ready(r) {
            done = r.sim.step(BATCH);
        }
        crate::timing::measure("lg:simulate", slice_start);
        let t = now();
        let first = r.last_report == 0.0 && r.sim.runs_done() >= first_report_runs(r);
        let due = first || (r.last_report > 0.0 && t - r.last_report >= REPORT_EVERY_MS);
        let report = done || (r.wanted && due);
        if report {
            // The runs are folded when their tally is asked for: that is simulation work too.
            let start = now();
            let _ = r.sim.tally();
            crate::timing::measure("lg:fold", start);
        }
        r.compute_ms += now() - slice_start;
        if report {
            r.last_report = t;
            r.wanted = false;
            let start = now();
            let tally = r.part_tally(done, t);
            crate::timing::measure("lg:copy", start);
            scope.respond(r.who, FromWorker::Tally(Box::new(tally)));
        }
        if done {
            let slot = r.job.slot as usize;
            self.running[slot] = None;
        }
        if self.running.iter().any(Option::is_some) || self.comparing.is_some() {
            self.schedule(scope);
        }
        self.say_busy(scope);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, request: ToWorker, who: HandlerId) {
        self.page = Some(who);
        match request {
            ToWorker::Futures(job, share) => {
                // Started at the next step: a newer job arriving before then replaces it.
                let slot = job.slot as usize;
                self.running[slot] = None;
                self.queued[slot] = Some((*job, share, who));
                self.schedule(scope);
            }
            ToWorker::Outcomes(job, index) => self.start_outcomes(scope, job, index, who),
            ToWorker::CancelSlot(slot) => self.cancel(slot),
            ToWorker::CancelOutcomes => self.comparing = None,
            ToWorker::Fit(task) => {
                let answer = your_page::do_task(&mut self.fitter, *task);
                scope.respond(who, FromWorker::Fit(Box::new(answer)));
            }
            ToWorker::More { slot, id } => {
                let r = self.running[slot as usize].as_mut();
                if let Some(r) = r.filter(|r| r.job.id == id) {
                    r.wanted = true;
                }
            }
        }
        self.say_busy(scope);
    }
}

/// The first picture waits for `FIRST_REPORT_RUNS` runs over the pool: this share's part.
fn first_report_runs(r: &Running) -> u32 {
    let share = r.range.end - r.range.first;
    let part = (FIRST_REPORT_RUNS as u64 * share as u64).div_ceil(r.job.runs.max(1) as u64);
    (part as u32).min(share)
}

/// Futures weighed or moved between looks at the clock while fitting.
const FIT_PIECE: usize = 2;

impl Running {
    /// A slice of the fit; once done, its futures continued replace the placeholder `sim`.
    /// Should the player's history not be fitted (never seen with the model's own
    /// histories), the futures are the simulator's: nothing the player cannot know.
    fn fit_slice(&mut self, slice_start: f64) {
        let Some(fitting) = self.fitting.as_mut() else {
            return;
        };
        while now() < slice_start + SLICE_MS {
            let Some(done) = fitting.work(FIT_PIECE) else {
                continue;
            };
            let (s, seed, runs) = (self.job.scenario, self.job.seed, self.job.runs);
            let fitted = seen::futures(s, seed, runs, done.as_ref().ok());
            if let Ok(sim) = fitted {
                self.sim = sim.part(self.range.first, self.range.end);
            }
            self.fitting = None;
            return;
        }
    }

    /// What this share's runs add up to. A streamed report repeats neither the sample paths
    /// once sent (they are the first runs and no longer change) nor the crisis list (sent with
    /// the final report).
    fn part_tally(&mut self, done: bool, now: f64) -> PartTally {
        let mut tally = self.sim.tally().clone();
        tally.trim(done, done || !self.samples_sent);
        if !done {
            tally.thin_days(PICTURE_DAY_STEP);
        }
        self.samples_sent = true;
        PartTally {
            slot: self.job.slot,
            id: self.job.id,
            range: self.range,
            tally,
            done,
            elapsed_ms: now - self.started,
            compute_ms: self.compute_ms,
        }
    }
}

impl SimWorker {
    /// Whether this worker has work, as `longgameBusy` on its global scope: what a person
    /// debugging (or a test) can read to see that cancelled work really stopped.
    /// While busy, it also tells the page now and then that it is alive: a worker restarted
    /// by every newer job may have no tally to send for a long while, yet it is answering.
    fn say_busy(&mut self, scope: &WorkerScope<Self>) {
        let busy = self.comparing.is_some()
            || self.running.iter().any(Option::is_some)
            || self.queued.iter().any(Option::is_some);
        let global = js_sys::global();
        let _ = js_sys::Reflect::set(&global, &"longgameBusy".into(), &busy.into());
        let t = now();
        if let Some(page) = self
            .page
            .filter(|_| busy && t - self.last_alive >= HEARTBEAT_MS)
        {
            self.last_alive = t;
            scope.respond(page, FromWorker::Alive);
        }
    }

    fn cancel(&mut self, slot: Slot) {
        self.queued[slot as usize] = None;
        self.running[slot as usize] = None;
    }

    fn start_futures(
        &mut self,
        scope: &WorkerScope<Self>,
        job: Job,
        share: RunRange,
        who: HandlerId,
    ) {
        let slot = job.slot as usize;
        // A game's stop: the futures that reproduce what the player has seen (none at the
        // start: the simulator's own futures). Until fitted, `sim` is the simulator's.
        let fitting = job
            .from
            .and_then(|day| seen::sampler(&Game::at(&job.scenario, job.seed, day), job.runs));
        match MonteCarlo::new(job.scenario, job.seed, job.runs, job.samples) {
            Ok(sim) => {
                self.running[slot] = Some(Running {
                    job,
                    range: share,
                    wanted: true,
                    fitting,
                    sim: sim.part(share.first, share.end),
                    started: now(),
                    last_report: 0.0,
                    compute_ms: 0.0,
                    samples_sent: false,
                    who,
                });
                self.schedule(scope);
            }
            // The app checks values where they are typed; should one still arrive invalid,
            // say so rather than leave the page waiting.
            Err(e) => {
                self.running[slot] = None;
                let (slot, id, reason) = (job.slot, job.id, e.to_string());
                scope.respond(
                    who,
                    FromWorker::Refused(JobRefused::Futures { slot, id, reason }),
                );
            }
        }
    }

    fn start_outcomes(
        &mut self,
        scope: &WorkerScope<Self>,
        job: OutcomesJob,
        index: u32,
        who: HandlerId,
    ) {
        self.comparing = None;
        for (plan, s) in job.scenarios.iter().enumerate() {
            if let Err(e) = s.validate() {
                let (id, reason) = (job.id, e.to_string());
                let refused = JobRefused::Outcomes { id, plan, reason };
                scope.respond(who, FromWorker::Refused(refused));
                return;
            }
        }
        let plans = job.scenarios.len();
        self.comparing = Some(Comparing {
            derived: job.scenarios.iter().map(Derived::new).collect(),
            out: Outcomes {
                id: job.id,
                values: vec![Vec::with_capacity(job.runs as usize); plans],
                done: 0,
                total: job.runs * plans as u32,
            },
            job,
            index,
            trace: RunTrace::default(),
            last_report: now(),
            who,
        });
        self.schedule(scope);
    }

    /// A slice of the outcomes job; progress is reported now and then, the values at the end.
    fn compare(&mut self, scope: &WorkerScope<Self>) {
        let Some(c) = self.comparing.as_mut() else {
            return;
        };
        let slice_start = now();
        let mut done = c.out.complete();
        while !done && now() < slice_start + SLICE_MS {
            done = (0..BATCH).any(|_| c.step());
        }
        let t = now();
        if done || t - c.last_report >= REPORT_EVERY_MS {
            c.last_report = t;
            let mut report = Outcomes {
                values: Vec::new(),
                ..c.out.clone()
            };
            if done {
                report.values = std::mem::take(&mut c.out.values);
            }
            scope.respond(c.who, FromWorker::Outcomes(c.index, Box::new(report)));
        }
        if done {
            self.comparing = None;
        } else {
            self.schedule(scope);
        }
    }
}
