//! The workers of a fit: a pool of its own, started when a fit starts and ended by Cancel (or
//! by leaving the page), so a cancelled fit's parts stop with their workers. The driver
//! (`state::your_page`) shares each stage out and gathers it; the forecasts run one a worker.

use crate::model::fit::{Fit, FitError};
use crate::model::{Scenario, Summary};
use crate::sim_worker::SimWorker;
use crate::state::jobs::{FromWorker, ToWorker};
use crate::state::pool::workers_for;
use crate::state::your_page::{FitAnswer, FitDriver, FitSetup, FitTask, Next};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use yew::Callback;

/// What the runner tells the page.
pub enum Event {
    /// How far the fit is (0 to 1).
    Progress(f64),
    Done(Box<Result<Fit, FitError>>),
    /// A forecast of forecast request `id`.
    Forecast {
        id: u32,
        summary: Box<Summary>,
    },
    /// A forecast's scenario refused (the engine's reason).
    Refused(String),
}

pub struct Runner {
    workers: RefCell<Vec<WorkerBridge<SimWorker>>>,
    driver: RefCell<Option<FitDriver>>,
    ids: Cell<u32>,
    on_event: Callback<Event>,
}

impl Runner {
    pub fn new(on_event: Callback<Event>) -> Rc<Runner> {
        Rc::new(Runner {
            workers: RefCell::default(),
            driver: RefCell::default(),
            ids: Cell::new(0),
            on_event,
        })
    }

    /// Starts fitting `setup` (a fit under way is dropped).
    pub fn fit(self: &Rc<Self>, setup: FitSetup) {
        self.spawn();
        let id = self.next_id();
        let n = self.workers.borrow().len();
        let (driver, next) = FitDriver::start(id, setup, n);
        *self.driver.borrow_mut() = Some(driver);
        self.on_event.emit(Event::Progress(0.0));
        self.follow(next);
    }

    /// Stops the fit: its workers end (after the part each is doing).
    pub fn cancel(&self) {
        self.driver.borrow_mut().take();
        self.workers.borrow_mut().clear();
    }

    /// Continues `fit`'s kept futures under `stated` on worker `worker`; returns the request's id.
    pub fn forecast(
        self: &Rc<Self>,
        fit: &Fit,
        scenario: Scenario,
        stated: [Option<f64>; 4],
        worker: usize,
    ) -> u32 {
        self.spawn();
        let id = self.next_id();
        let task = FitTask::Forecast {
            id,
            fit: Box::new(fit.clone()),
            scenario: Box::new(scenario),
            stated,
        };
        self.send(worker, task);
        id
    }

    fn next_id(&self) -> u32 {
        self.ids.set(self.ids.get() + 1);
        self.ids.get()
    }

    fn send(&self, worker: usize, task: FitTask) {
        let workers = self.workers.borrow();
        if let Some(w) = workers.get(worker % workers.len().max(1)) {
            w.send(ToWorker::Fit(Box::new(task)));
        }
    }

    fn follow(&self, next: Next) {
        match next {
            Next::Send(tasks) => tasks.into_iter().for_each(|(k, t)| self.send(k, t)),
            Next::Done(done) => {
                self.driver.borrow_mut().take();
                self.on_event.emit(Event::Done(done));
            }
        }
    }

    /// Starts the workers (if not running): on opening the page, so that a fit does not wait
    /// for the module to start in them.
    pub fn spawn(self: &Rc<Self>) {
        if !self.workers.borrow().is_empty() {
            return;
        }
        let navigator = gloo::utils::window().navigator();
        let memory = js_sys::Reflect::get(&navigator, &"deviceMemory".into())
            .ok()
            .and_then(|m| m.as_f64())
            .unwrap_or(f64::NAN);
        let count = workers_for(navigator.hardware_concurrency(), memory);
        let bridges = (0..count)
            .map(|_| {
                let me: Weak<Runner> = Rc::downgrade(self);
                SimWorker::spawner()
                    .callback(move |answer| {
                        if let (Some(me), FromWorker::Fit(a)) = (me.upgrade(), answer) {
                            me.answered(*a);
                        }
                    })
                    .spawn_with_loader(&crate::app::worker_script::url())
            })
            .collect();
        *self.workers.borrow_mut() = bridges;
    }

    fn answered(&self, answer: FitAnswer) {
        match answer {
            FitAnswer::Forecast { id, summary, .. } => {
                self.on_event.emit(Event::Forecast { id, summary })
            }
            FitAnswer::Refused { reason, .. } => self.on_event.emit(Event::Refused(reason)),
            part => {
                // The borrow ends before the next tasks are sent.
                let next = {
                    let mut driver = self.driver.borrow_mut();
                    let Some(d) = driver.as_mut() else { return };
                    let next = d.receive(part);
                    self.on_event.emit(Event::Progress(d.progress()));
                    next
                };
                if let Some(next) = next {
                    self.follow(next);
                }
            }
        }
    }
}
