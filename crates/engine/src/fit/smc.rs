//! A sequential Monte Carlo sampler with likelihood tempering (Del Moral, Doucet and Jasra
//! 2006): the population starts as draws from the prior and moves to the posterior in stages.
//! Each stage raises the likelihood's power β as far as keeps half the population effective,
//! reweighs, resamples, and moves every future by Metropolis–Hastings: once in its constants
//! and unknown levers (its luck held: common random numbers make the comparison fair), once in
//! its luck (a fresh stream, its constants held). Both moves leave the tempered posterior
//! over (constants, luck) unchanged. See docs/MODEL.md §13 for why not plain importance
//! sampling.

use super::history::History;
use super::infer::{
    nothing_reproduces, ranges, resample, Fit, FitError, FitOptions, Fitter, Future, MIN_ESS,
};
use super::moves::{move_part, z, StageMoves, Walker, Z};
use crate::rng::{Mechanism, Stream};
use crate::Scenario;

/// Most tempering stages before the fit gives up (a history far from every future).
pub const MAX_STAGES: u32 = 40;

/// The population's effective share each stage keeps when it raises β.
const KEEP_ESS: f64 = 0.5;

/// A population being moved to the posterior, a stage at a time (the app shows progress and
/// can stop between stages).
pub struct Smc {
    fitter: Fitter,
    runs: u32,
    futures: u32,
    beta: f64,
    stage: u32,
    prior: Vec<Future>,
    pop: Vec<Future>,
    ll: Vec<f64>,
    ok: Vec<bool>,
    rng: Stream,
    proposed: u64,
    accepted: u64,
    /// What plain importance sampling from the prior would have had.
    prior_ess: f64,
}

impl Smc {
    /// Draws the first population from the prior and weighs it.
    pub fn new(history: &History, scenario: &Scenario, opts: &FitOptions) -> Smc {
        let mut fitter = Fitter::new(history, scenario, opts);
        let prior = weigh_prior(&mut fitter, 0..opts.runs as u64);
        Smc::from_prior(fitter, opts, prior)
    }

    /// The first population as weighed elsewhere (by workers, each with its own fitter, on
    /// runs in order: see [`weigh_prior`]).
    pub fn from_prior(fitter: Fitter, opts: &FitOptions, prior: Vec<Walker>) -> Smc {
        let mut smc = Smc {
            rng: Stream::new(opts.seed ^ 0x05A3_C000_0F17, 0, Mechanism::Review),
            fitter,
            runs: opts.runs,
            futures: opts.futures,
            beta: 0.0,
            stage: 0,
            pop: prior.iter().map(|w| w.future).collect(),
            prior: prior.iter().map(|w| w.future).collect(),
            ll: prior.iter().map(|w| w.ll).collect(),
            ok: prior.iter().map(|w| w.ok).collect(),
            proposed: 0,
            accepted: 0,
            prior_ess: 0.0,
        };
        smc.prior_ess = ess(&smc.weights(1.0));
        smc
    }

    /// The fitter the moves weigh with (a piecewise fit moves part of a stage at a time).
    pub(super) fn fitter_mut(&mut self) -> &mut Fitter {
        &mut self.fitter
    }

    /// How far the population is: β from 0 (the prior) to 1 (the posterior).
    pub fn progress(&self) -> f64 {
        self.beta
    }

    /// One stage; `Some` when the fit is done (or refused).
    pub fn step(&mut self) -> Option<Result<Fit, FitError>> {
        if let Some(done) = self.reweigh() {
            return Some(done);
        }
        let stage = self.stage_moves();
        let mut walkers = self.walkers();
        let counts = move_part(&mut self.fitter, &stage, 0, &mut walkers);
        self.moved(walkers, counts);
        None
    }

    /// A stage's first half: raises β, and either finishes (`Some`: the fit or its refusal)
    /// or resamples the population for its moves ([`stage_moves`](Self::stage_moves),
    /// [`walkers`](Self::walkers); workers may share them out with [`move_part`]).
    pub fn reweigh(&mut self) -> Option<Result<Fit, FitError>> {
        if self.ll.iter().all(|&l| l == f64::NEG_INFINITY) || self.stage >= MAX_STAGES {
            return Some(Err(self.refusal()));
        }
        let next = self.next_beta();
        let w = self.weights(next - self.beta);
        self.beta = next;
        if next >= 1.0 {
            return Some(self.finish(&w));
        }
        let sum: f64 = w.iter().sum();
        let picked = resample(&w, sum, self.runs, self.rng.uniform());
        self.pop = picked.iter().map(|&i| self.pop[i]).collect();
        self.ll = picked.iter().map(|&i| self.ll[i]).collect();
        self.ok = picked.iter().map(|&i| self.ok[i]).collect();
        None
    }

    /// A stage's second half: the moved population (in order) and the moves' (proposed,
    /// accepted) counts.
    pub fn moved(&mut self, walkers: Vec<Walker>, (proposed, accepted): (u64, u64)) {
        self.proposed += proposed;
        self.accepted += accepted;
        for (i, w) in walkers.into_iter().enumerate() {
            (self.pop[i], self.ll[i], self.ok[i]) = (w.future, w.ll, w.ok);
        }
        self.stage += 1;
    }

    /// The population with each future's log-likelihood (what workers move).
    pub fn walkers(&self) -> Vec<Walker> {
        (0..self.pop.len())
            .map(|i| Walker {
                future: self.pop[i],
                ll: self.ll[i],
                ok: self.ok[i],
            })
            .collect()
    }

    /// What every future's moves in this stage share (a worker needs only this, the fitter
    /// and its futures): the random walk scaled to the population's spread.
    pub fn stage_moves(&self) -> StageMoves {
        let first = self.fitter.prior.first_followers;
        let zs: Vec<[f64; Z]> = self.pop.iter().map(|f| z(f, first)).collect();
        StageMoves {
            seed: self.fitter.seed,
            stage: self.stage,
            beta: self.beta,
            scale: spread(&zs).map(|s| 2.38 / (Z as f64).sqrt() * s.max(0.02)),
            runs: self.runs,
        }
    }

    /// Runs every stage.
    pub fn run(mut self) -> Result<Fit, FitError> {
        loop {
            if let Some(done) = self.step() {
                return done;
            }
        }
    }

    /// Incremental weights for raising β by `d` (relative to the best, so none overflows).
    fn weights(&self, d: f64) -> Vec<f64> {
        let top = self.ll.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        self.ll.iter().map(|&l| libm::exp(d * (l - top))).collect()
    }

    /// The largest β ≤ 1 that keeps `KEEP_ESS` of the population effective (bisection).
    fn next_beta(&self) -> f64 {
        let n = self.ll.len() as f64;
        let ok = |b: f64| ess(&self.weights(b - self.beta)) >= KEEP_ESS * n;
        if ok(1.0) {
            return 1.0;
        }
        let (mut lo, mut hi) = (self.beta, 1.0);
        for _ in 0..40 {
            let mid = 0.5 * (lo + hi);
            if ok(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        // Always move on, however little: a stage that raises nothing would repeat forever.
        lo.max(self.beta + 1e-6).min(1.0)
    }

    fn finish(&mut self, w: &[f64]) -> Result<Fit, FitError> {
        let (sum, ess) = (w.iter().sum::<f64>(), ess(w));
        let reproduced = self
            .ok
            .iter()
            .zip(w)
            .filter(|(ok, w)| **ok && **w > 0.0)
            .count() as u32;
        if reproduced == 0 {
            return Err(self.refusal());
        }
        if ess < MIN_ESS {
            return Err(FitError::TooFew {
                runs: self.runs,
                ess,
            });
        }
        let f = &self.fitter;
        let kept = resample(w, sum, self.futures, self.rng.uniform())
            .into_iter()
            .map(|i| self.pop[i])
            .collect();
        Ok(Fit {
            history: f.history.clone(),
            history_day: f.history.last_day(),
            runs: self.runs,
            ess,
            prior_ess: self.prior_ess,
            stages: self.stage + 1,
            acceptance: self.accepted as f64 / self.proposed.max(1) as f64,
            reproduced,
            posterior: ranges(f, &self.prior, &self.pop, w),
            population: self.pop.clone(),
            weights: w.iter().map(|x| x / sum).collect(),
            kept,
            scenario: f.scenario,
            seed: f.seed,
            plan_known: f.prior.plan_known,
        })
    }

    fn refusal(&mut self) -> FitError {
        let best = (0..self.pop.len())
            .max_by(|&a, &b| self.ll[a].total_cmp(&self.ll[b]))
            .map(|i| self.pop[i])
            .expect("a population");
        if self.stage >= MAX_STAGES && self.ll.iter().any(|l| l.is_finite()) {
            return FitError::TooFar { runs: self.runs };
        }
        nothing_reproduces(&mut self.fitter, &best, self.runs)
    }
}

/// Runs `runs` drawn from the prior and weighed (a worker's share of the first population).
pub fn weigh_prior(fitter: &mut Fitter, runs: std::ops::Range<u64>) -> Vec<Walker> {
    runs.map(|r| {
        let future = fitter.draw(r);
        let (ll, ok) = fitter.weigh(&future);
        Walker { future, ll, ok }
    })
    .collect()
}

/// Effective sample size: (Σw)² / Σw².
pub fn ess(w: &[f64]) -> f64 {
    let (s, q) = w.iter().fold((0.0, 0.0), |(s, q), x| (s + x, q + x * x));
    if q > 0.0 {
        s * s / q
    } else {
        0.0
    }
}

/// Each coordinate's standard deviation over the population.
fn spread(zs: &[[f64; Z]]) -> [f64; Z] {
    let n = zs.len() as f64;
    let mut out = [0.0; Z];
    for (k, o) in out.iter_mut().enumerate() {
        let mean = zs.iter().map(|z| z[k]).sum::<f64>() / n;
        *o = (zs.iter().map(|z| (z[k] - mean).powi(2)).sum::<f64>() / n).sqrt();
    }
    out
}

/// Fits a history: moves `opts.runs` futures from the prior to the posterior and keeps
/// `opts.futures` of them.
pub fn fit(history: &History, scenario: &Scenario, opts: &FitOptions) -> Result<Fit, FitError> {
    Smc::new(history, scenario, opts).run()
}
