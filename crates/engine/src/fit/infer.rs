//! Weighing futures against a history (docs/MODEL.md §13): a future is a company, its unknown
//! levers and starting followers, and its luck (a stream id); simulated over the history's
//! days, it is weighed by the likelihood of what the page reported. `smc.rs` moves a
//! population of futures from the prior to the posterior; this file holds what it weighs with
//! and what it returns.

use super::history::{Column, History};
use super::observe::{log_likelihood, misfit, REPRODUCED_WITHIN};
use super::prior::{history_levers, LeverKey, Prior, Unknowns};
use crate::engine::{simulate_marked, Derived, Metric, RunTrace};
use crate::{Company, Scenario};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// Fewest effective futures a forecast is made from: below it the weights rest on a handful
/// of lucky draws and the bands would claim a certainty the fit does not have.
pub const MIN_ESS: f64 = 10.0;

/// How to fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitOptions {
    /// Futures drawn from the prior and weighed.
    pub runs: u32,
    pub seed: u64,
    /// Starting followers when the user states them (else inferred, or the scenario's when
    /// nothing reports followers).
    pub starting_followers: Option<f64>,
    /// Futures kept (resampled) to continue.
    pub futures: u32,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            runs: 500,
            seed: 1,
            starting_followers: None,
            futures: 500,
        }
    }
}

/// One future: its company and unknowns (what the fit infers) and its luck.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Future {
    pub company: Company,
    pub unknowns: Unknowns,
    /// The run whose streams give this future its luck.
    pub stream: u64,
}

/// One report compared with one future.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub row: usize,
    pub column: Column,
    pub observed: f64,
    pub simulated: f64,
}

/// The history, the scenario's assumptions and the prior, ready to weigh futures. Several
/// fitters (one per worker) can weigh disjoint futures of one population.
pub struct Fitter {
    pub(super) history: History,
    /// The assumptions (market size, shares, ...), the horizon at least the history's end
    /// (a forced crisis's schedule reads the horizon, so the fit keeps the forecast's).
    pub(super) scenario: Scenario,
    pub(super) prior: Prior,
    pub(super) seed: u64,
    derived: Vec<Derived>,
    keys: HashMap<LeverKey, usize>,
    marks: Vec<u32>,
    trace: RunTrace,
}

impl Fitter {
    pub fn new(history: &History, scenario: &Scenario, opts: &FitOptions) -> Fitter {
        let mut s = *scenario;
        s.changes = Default::default();
        Fitter::with(history, &s, opts)
    }

    /// A fitter for a history made under `scenario`'s own levers and plan, from its own
    /// starting followers (unless stated): only the company and its luck are unknown. Play
    /// mode fits the player's history so: the player chose every lever.
    pub fn for_plan(history: &History, scenario: &Scenario, opts: &FitOptions) -> Fitter {
        let stated = opts.starting_followers;
        let opts = FitOptions {
            starting_followers: Some(stated.unwrap_or(scenario.assumptions.starting_followers)),
            ..*opts
        };
        let mut f = Fitter::with(history, scenario, &opts);
        f.prior.plan_known = true;
        f
    }

    fn with(history: &History, scenario: &Scenario, opts: &FitOptions) -> Fitter {
        let mut s = *scenario;
        s.assumptions.horizon_days = s.assumptions.horizon_days.max(history.last_day());
        let mut marks: Vec<u32> = history.rows.iter().flat_map(|r| [r.start, r.end]).collect();
        marks.retain(|&d| d > 0);
        marks.sort_unstable();
        marks.dedup();
        Fitter {
            prior: Prior::new(
                history,
                opts.starting_followers,
                scenario.assumptions.starting_followers,
            ),
            history: history.clone(),
            scenario: s,
            seed: opts.seed,
            derived: Vec::new(),
            keys: HashMap::new(),
            marks,
            trace: RunTrace::default(),
        }
    }

    /// The log-likelihood of the history under future `f`, and whether `f` reproduces every
    /// report within the observation model's `REPRODUCED_WITHIN` deviations.
    pub fn weigh(&mut self, f: &Future) -> (f64, bool) {
        let compared = self.compare(f);
        let reproduces = compared
            .iter()
            .all(|c| misfit(c.column, c.observed, c.simulated).abs() <= REPRODUCED_WITHIN);
        let ll = compared
            .iter()
            .map(|c| log_likelihood(c.column, c.observed, c.simulated))
            .sum();
        (ll, reproduces)
    }

    /// Run `run`'s future drawn from the prior: its company as every run draws it.
    pub fn draw(&self, run: u64) -> Future {
        Future {
            company: Company::draw(self.seed, run),
            unknowns: self.prior.draw(self.seed, run),
            stream: run,
        }
    }

    /// Simulates future `f` over the history: every report beside what the future did.
    pub fn compare(&mut self, f: &Future) -> Vec<Compared> {
        let d = self.derived_for(f.unknowns.key);
        let mut messages = Vec::with_capacity(self.marks.len() + 1);
        messages.push((0, 0.0));
        simulate_marked(
            &self.derived[d],
            &f.company,
            f.unknowns.start,
            (self.seed, f.stream),
            &self.marks,
            &mut self.trace,
            &mut |day, t| messages.push((day, t.why.messages)),
        );
        let t = &self.trace;
        let at = |list: &[(u32, f64)], day: u32| {
            list.iter().find(|(d, _)| *d == day).map_or(0.0, |x| x.1)
        };
        let sum = |m: Metric, a: u32, b: u32| {
            (a + 1..=b).map(|day| t.value(day as usize, m)).sum::<f64>()
        };
        let mut out = Vec::new();
        for (i, row) in self.history.rows.iter().enumerate() {
            let (a, b) = (row.start, row.end);
            for c in Column::ALL.into_iter().filter(|c| c.is_observed()) {
                let Some(observed) = row.get(c) else { continue };
                let simulated = match c {
                    Column::Followers => t.value(b as usize, Metric::Followers),
                    Column::Reach => sum(Metric::Reach, a, b),
                    Column::Engagements => sum(Metric::Engagement, a, b),
                    Column::Messages => at(&messages, b) - at(&messages, a),
                    Column::Leads => {
                        t.value(b as usize, Metric::Leads) - t.value(a as usize, Metric::Leads)
                    }
                    Column::Customers => {
                        t.value(b as usize, Metric::Customers)
                            - t.value(a as usize, Metric::Customers)
                    }
                    Column::Spend | Column::Posts => unreachable!("not observed"),
                };
                out.push(Compared {
                    row: i,
                    column: c,
                    observed,
                    simulated,
                });
            }
        }
        out
    }

    /// The derived scenario of a key's history levers (built once per key).
    fn derived_for(&mut self, key: LeverKey) -> usize {
        if let Some(&i) = self.keys.get(&key) {
            return i;
        }
        if self.prior.plan_known {
            self.derived.push(Derived::new(&self.scenario));
            self.keys.insert(key, self.derived.len() - 1);
            return self.derived.len() - 1;
        }
        let levers = history_levers(&self.history, key);
        let root = Scenario {
            levers: levers[0].1,
            ..self.scenario
        };
        self.derived
            .push(Derived::with_changes(&root, &levers[1..]));
        self.keys.insert(key, self.derived.len() - 1);
        self.derived.len() - 1
    }
}

/// A constant's range before and after the fit: p10, p50, p90.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConstantRange {
    pub name: String,
    pub prior: [f64; 3],
    pub posterior: [f64; 3],
}

/// A fitted history: the futures kept (resampled by weight) and what the fit learned. It
/// travels to a worker whole (the app continues the futures there).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    pub history: History,
    pub history_day: u32,
    /// Futures weighed.
    pub runs: u32,
    /// Effective sample size of the final weights: (Σw)² / Σw² (at least half the futures
    /// by construction: each stage raises β only as far as keeps half).
    pub ess: f64,
    /// The effective sample size plain importance sampling of the same prior draws would have
    /// had: how much the history says (and why the sampler moves in stages).
    pub prior_ess: f64,
    /// Tempering stages from the prior to the posterior.
    pub stages: u32,
    /// Share of proposed moves accepted over all stages.
    pub acceptance: f64,
    /// Futures of the final population that reproduce every report within the observation
    /// model's 4 deviations.
    pub reproduced: u32,
    pub posterior: Vec<ConstantRange>,
    /// The final population and its weights (for any other posterior summary).
    pub population: Vec<Future>,
    pub weights: Vec<f64>,
    /// Kept futures in slot order (a resample by weight): what a forecast continues.
    pub kept: Vec<Future>,
    pub(super) scenario: Scenario,
    pub(super) seed: u64,
    /// The history was made under the scenario's own levers and plan (see
    /// [`Fitter::for_plan`]).
    pub(super) plan_known: bool,
}

/// Why a history was not fitted.
#[derive(Clone, Debug, PartialEq)]
pub enum FitError {
    /// No future reproduces the history; the closest future's worst report.
    NothingReproduces {
        runs: u32,
        label: String,
        line: u32,
        worst: Compared,
    },
    /// Too few effective futures to forecast from.
    TooFew { runs: u32, ess: f64 },
    /// The population did not reach the posterior within the most tempering stages.
    TooFar { runs: u32 },
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FitError::NothingReproduces { runs, label, line, worst } => write!(
                f,
                "no future in {runs} reproduces {} {} in {label} (line {line}): the closest had {}; check the numbers or the market size",
                round(worst.observed),
                worst.column.name(),
                round(worst.simulated)
            ),
            FitError::TooFew { runs, ess } => write!(
                f,
                "only about {ess:.1} of {runs} futures reproduce this history (at least {MIN_ESS} are needed to forecast from); check the numbers or the market size, or try more runs"
            ),
            FitError::TooFar { runs } => write!(
                f,
                "no future in {runs} comes close to this history within {} steps; check the numbers or the market size",
                super::smc::MAX_STAGES
            ),
        }
    }
}

fn round(x: f64) -> String {
    format!("{:.0}", x)
}

/// The refusal, naming the report the closest future `best` misses most.
pub(super) fn nothing_reproduces(fitter: &mut Fitter, best: &Future, runs: u32) -> FitError {
    let compared = fitter.compare(best);
    let worst = compared.into_iter().max_by(|a, b| {
        let m = |c: &Compared| misfit(c.column, c.observed, c.simulated).abs();
        m(a).total_cmp(&m(b))
    });
    // A history with only stopped periods has no report to name: name its first row.
    let worst = worst.unwrap_or(Compared {
        row: 0,
        column: Column::Followers,
        observed: 0.0,
        simulated: 0.0,
    });
    let row = &fitter.history.rows[worst.row];
    FitError::NothingReproduces {
        runs,
        label: row.label.clone(),
        line: row.line,
        worst,
    }
}

/// Systematic resampling: `n` indices drawn in proportion to the weights, in index order.
pub(super) fn resample(w: &[f64], sum: f64, n: u32, u: f64) -> Vec<usize> {
    let step = sum / n as f64;
    let mut out = Vec::with_capacity(n as usize);
    let (mut i, mut cum) = (0, w[0]);
    for k in 0..n {
        let target = (u + k as f64) * step;
        while cum < target && i + 1 < w.len() {
            i += 1;
            cum += w[i];
        }
        out.push(i);
    }
    out
}

/// Each constant's prior (the first population, equal weights) and posterior (the last, the
/// fit's weights) p10, p50, p90.
pub(super) fn ranges(
    fitter: &Fitter,
    prior: &[Future],
    post: &[Future],
    w: &[f64],
) -> Vec<ConstantRange> {
    let values = |draws: &[Future]| named(fitter, draws);
    let equal = vec![1.0; prior.len()];
    values(prior)
        .into_iter()
        .zip(values(post))
        .map(|((name, a), (_, b))| ConstantRange {
            prior: quantiles(&a, &equal),
            posterior: quantiles(&b, w),
            name,
        })
        .collect()
}

/// Each inferred constant's values over `draws`, by name.
fn named(fitter: &Fitter, draws: &[Future]) -> Vec<(String, Vec<f64>)> {
    let mut named: Vec<(String, Vec<f64>)> = [
        ("reach", (|c: &Company| c.reach) as fn(&Company) -> f64),
        ("engagement", |c| c.engagement),
        ("conversion", |c| c.conversion),
        ("paid", |c| c.paid),
        ("follow", |c| c.follow),
        ("crisis", |c| c.crisis),
        ("click_through", |c| c.click_through),
        ("capability_time", |c| c.capability_time),
    ]
    .into_iter()
    .map(|(n, f)| (n.to_string(), draws.iter().map(|d| f(&d.company)).collect()))
    .collect();
    if fitter.prior.known_start.is_none() {
        let start = draws.iter().map(|d| d.unknowns.start).collect();
        named.push(("starting_followers".into(), start));
    }
    if fitter.prior.plan_known {
        return named;
    }
    let levers = fitter.prior.unknown_levers(draws[0].unknowns.key);
    for (k, (name, _)) in levers.iter().enumerate() {
        let values = draws
            .iter()
            .map(|d| fitter.prior.unknown_levers(d.unknowns.key)[k].1)
            .collect();
        named.push((name.to_string(), values));
    }
    named
}

/// Weighted p10, p50, p90.
pub fn quantiles(values: &[f64], w: &[f64]) -> [f64; 3] {
    [0.1, 0.5, 0.9].map(|q| quantile(values, w, q))
}

/// The weighted `q` quantile: the smallest value whose cumulative weight reaches `q`.
pub fn quantile(values: &[f64], w: &[f64], q: f64) -> f64 {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let total: f64 = w.iter().sum();
    let mut cum = 0.0;
    for &i in &order {
        cum += w[i];
        if cum >= q * total {
            return values[i];
        }
    }
    values[order[order.len() - 1]]
}
