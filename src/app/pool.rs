//! The pool of simulation workers: one per logical processor (capped by the device's memory),
//! each given a share of every job's runs; their answers are merged (`state::pool::Gathering`)
//! and handed to the reducer as if one worker had answered.

use super::AppContext;
use crate::sim_worker::SimWorker;
use crate::state::app_state::{Action, AppState};
use crate::state::jobs::{Report, Request, Slot, ToWorker, SLOTS};
use crate::state::pool::{workers_for, Gathering, Received};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

type Workers = Rc<RefCell<Vec<WorkerBridge<SimWorker>>>>;

thread_local! {
    /// When any worker last answered (milliseconds; 0 = never), for the watchdog.
    static LAST_ANSWER: Cell<f64> = const { Cell::new(0.0) };
}

/// When any worker of the pool last answered anything (0 if none has yet).
pub fn last_answer() -> f64 {
    LAST_ANSWER.get()
}

struct Pool {
    workers: Workers,
    gathering: Rc<RefCell<Gathering>>,
}

impl Pool {
    fn start(dispatch: UseReducerDispatcher<AppState>) -> Pool {
        let navigator = gloo::utils::window().navigator();
        let cores = navigator.hardware_concurrency();
        // Not in every browser (nor in web-sys): NaN where it is missing.
        let memory = js_sys::Reflect::get(&navigator, &"deviceMemory".into())
            .ok()
            .and_then(|m| m.as_f64())
            .unwrap_or(f64::NAN);
        let count = workers_for(cores, memory);
        // Said on the page, for the benchmark and anyone curious.
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-workers", &count.to_string());
        }
        let gathering = Rc::new(RefCell::new(Gathering::default()));
        let workers: Workers = Rc::default();
        let bridges = (0..count)
            .map(|_| {
                let (gathering, dispatch) = (gathering.clone(), dispatch.clone());
                let workers = workers.clone();
                SimWorker::spawner()
                    .callback(move |answer| {
                        // Any answer, even to superseded work, shows the worker is alive.
                        LAST_ANSWER.set(js_sys::Date::now());
                        // The borrow ends before the reducer runs.
                        let received = gathering.borrow_mut().store(answer);
                        match received {
                            Received::Nothing => {}
                            Received::Report(report) => deliver(&dispatch, report),
                            Received::Picture(slot) => {
                                let (gathering, workers) = (gathering.clone(), workers.clone());
                                let dispatch = dispatch.clone();
                                later(move || picture(&gathering, &workers, dispatch, slot));
                            }
                        }
                    })
                    .spawn_with_loader(&super::worker_script::url())
            })
            .collect();
        *workers.borrow_mut() = bridges;
        Pool { workers, gathering }
    }

    /// Shares the job out; workers without a share drop whatever they ran in its place.
    fn send(&self, request: Request) {
        let mut gathering = self.gathering.borrow_mut();
        match request {
            Request::Futures(job) => {
                let shares = gathering.start_futures((*job).clone(), self.workers.borrow().len());
                for (k, worker) in self.workers.borrow().iter().enumerate() {
                    worker.send(match shares.get(k) {
                        Some(&share) => ToWorker::Futures(job.clone(), share),
                        None => ToWorker::CancelSlot(job.slot),
                    });
                }
            }
            Request::Outcomes(job) => {
                let parts = gathering.start_outcomes(&job, self.workers.borrow().len());
                for (k, worker) in self.workers.borrow().iter().enumerate() {
                    worker.send(match parts.get(k) {
                        Some(part) => ToWorker::Outcomes(part.clone(), k as u32),
                        None => ToWorker::CancelOutcomes,
                    });
                }
            }
        }
    }

    fn cancel_slot(&self, slot: Slot) {
        self.gathering.borrow_mut().cancel_slot(slot);
        self.workers
            .borrow()
            .iter()
            .for_each(|w| w.send(ToWorker::CancelSlot(slot)));
    }

    fn cancel_outcomes(&self) {
        self.gathering.borrow_mut().cancel_outcomes();
        self.workers
            .borrow()
            .iter()
            .for_each(|w| w.send(ToWorker::CancelOutcomes));
    }
}

/// Runs `f` in a task of its own: the page stays responsive between the message that
/// completes a picture, merging it and drawing it (each a task; together they were one
/// long task of the page's first visit, docs/PERFORMANCE.md).
fn later(f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, f).forget();
}

/// Merges the shares' tallies into the slot's picture (`lg:merge`); it is drawn in the next task.
fn picture(
    gathering: &RefCell<Gathering>,
    workers: &Workers,
    dispatch: UseReducerDispatcher<AppState>,
    slot: Slot,
) {
    let start = crate::timing::now();
    let report = gathering.borrow_mut().picture(slot);
    crate::timing::measure("lg:merge", start);
    if let Some(report) = report {
        ask_for_more(workers, &report);
        later(move || deliver(&dispatch, report));
    }
}

/// Hands a report to the reducer; Yew draws it at the end of the same task.
fn deliver(dispatch: &UseReducerDispatcher<AppState>, report: Report) {
    dispatch.dispatch(Action::Report(report, js_sys::Date::now()));
}

/// After a picture that is not the last, the workers may send their next tallies: so the page
/// is never sent tallies faster than it merges them.
fn ask_for_more(workers: &Workers, report: &Report) {
    if let Report::Progress(p) = report {
        if !p.done {
            let (slot, id) = (p.slot, p.id);
            workers
                .borrow()
                .iter()
                .for_each(|w| w.send(ToWorker::More { slot, id }));
        }
    }
}

/// Starts the pool once, feeds the merged reports to the reducer, sends every job the state
/// requests (each once; a superseded job is never sent) and stops the workers on jobs the
/// state no longer wants (an unpinned comparison, a left explorer).
#[hook]
pub fn use_sim_pool(state: &AppContext) {
    let dispatch = state.dispatcher();
    let pool = use_memo((), move |_| Pool::start(dispatch));
    let sent = use_mut_ref(|| 0u32);
    let newest = state.results.newest_id();
    {
        let (state, pool) = (state.clone(), pool.clone());
        use_effect_with(newest, move |_| {
            let after = *sent.borrow();
            for job in state.unsent(after) {
                *sent.borrow_mut() = job.id();
                pool.send(job);
            }
        });
    }
    let wanted = state.results.wanted();
    let before = use_mut_ref(|| wanted);
    use_effect_with(wanted, move |&(slots, outcomes)| {
        let (was_slots, was_outcomes) = *before.borrow();
        for k in 0..SLOTS {
            if was_slots[k] && !slots[k] {
                pool.cancel_slot(Slot::ALL[k]);
            }
        }
        if was_outcomes && !outcomes {
            pool.cancel_outcomes();
        }
        *before.borrow_mut() = (slots, outcomes);
    });
}
