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
use super::prior::{BUDGET_GRID, PERCENT_GRID, POSTS_GRID, START_LOG_SD};
use crate::constants::*;
use crate::rng::{Mechanism, Stream};
use crate::{Company, Scenario};

/// Most tempering stages before the fit gives up (a history far from every future).
pub const MAX_STAGES: u32 = 40;

/// Metropolis–Hastings rounds per stage (each moves constants, then luck).
pub const MOVES: u32 = 4;

/// The population's effective share each stage keeps when it raises β.
const KEEP_ESS: f64 = 0.5;

/// Log-normal spreads of the company's constants, in the order of [`z`].
const SPREADS: [f64; 6] = [
    SPREAD_REACH,
    SPREAD_ENGAGEMENT,
    SPREAD_CONVERSION,
    SPREAD_PAID,
    SPREAD_FOLLOW,
    SPREAD_CRISIS,
];

/// A future's constants as standard normals (its prior is independent N(0, 1) in each).
fn z(f: &Future, first_followers: f64) -> [f64; 7] {
    let c = &f.company;
    let m = [
        c.reach,
        c.engagement,
        c.conversion,
        c.paid,
        c.follow,
        c.crisis,
    ];
    let mut out = [0.0; 7];
    for i in 0..6 {
        out[i] = libm::log(m[i]) / SPREADS[i];
    }
    out[6] = libm::log((1.0 + f.unknowns.start) / (1.0 + first_followers)) / START_LOG_SD;
    out
}

fn company(z: &[f64; 7]) -> Company {
    let f = |i: usize| libm::exp(SPREADS[i] * z[i]);
    Company {
        reach: f(0),
        engagement: f(1),
        conversion: f(2),
        paid: f(3),
        follow: f(4),
        crisis: f(5),
    }
}

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
    /// The last stream id given to a future (the prior's are 0..runs).
    fresh: u64,
    /// What plain importance sampling from the prior would have had.
    prior_ess: f64,
}

impl Smc {
    /// Draws the first population from the prior and weighs it.
    pub fn new(history: &History, scenario: &Scenario, opts: &FitOptions) -> Smc {
        let mut fitter = Fitter::new(history, scenario, opts);
        let prior: Vec<Future> = (0..opts.runs as u64).map(|r| fitter.draw(r)).collect();
        let (ll, ok) = prior.iter().map(|f| fitter.weigh(f)).unzip();
        let mut smc = Smc {
            rng: Stream::new(opts.seed ^ 0x05A3_C000_0F17, 0, Mechanism::Review),
            fitter,
            runs: opts.runs,
            futures: opts.futures,
            beta: 0.0,
            stage: 0,
            pop: prior.clone(),
            prior,
            ll,
            ok,
            proposed: 0,
            accepted: 0,
            fresh: opts.runs as u64,
            prior_ess: 0.0,
        };
        smc.prior_ess = ess(&smc.weights(1.0));
        smc
    }

    /// How far the population is: β from 0 (the prior) to 1 (the posterior).
    pub fn progress(&self) -> f64 {
        self.beta
    }

    /// One stage; `Some` when the fit is done (or refused).
    pub fn step(&mut self) -> Option<Result<Fit, FitError>> {
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
        for _ in 0..MOVES {
            self.moves();
        }
        self.stage += 1;
        None
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

    /// Metropolis–Hastings moves of every future at the current β: its constants and levers
    /// (random walk scaled to the population's spread), then its luck (a fresh stream).
    fn moves(&mut self) {
        let first = self.fitter.prior.first_followers;
        let zs: Vec<[f64; 7]> = self.pop.iter().map(|f| z(f, first)).collect();
        let scale = spread(&zs).map(|s| 2.38 / 7f64.sqrt() * s.max(0.02));
        for (i, zi) in zs.into_iter().enumerate() {
            if let Some((f, log_prior_ratio)) = self.walk(self.pop[i], zi, &scale) {
                let u = self.rng.uniform();
                self.propose(i, f, log_prior_ratio, u);
            }
            // Its luck: a stream no other future has used.
            let mut g = self.pop[i];
            self.fresh += 1;
            g.stream = self.fresh;
            let u = self.rng.uniform();
            self.propose(i, g, 0.0, u);
        }
    }

    /// A random-walk proposal from `f` (constants at `z`) and the log ratio of its prior to
    /// `f`'s; `None` when a lever would step off its grid (rejected: the prior is 0 there).
    fn walk(&mut self, mut f: Future, mut z: [f64; 7], scale: &[f64; 7]) -> Option<(Future, f64)> {
        let prior = &self.fitter.prior;
        let (first, known_start) = (prior.first_followers, prior.known_start.is_some());
        let known = [prior.budget_known, prior.posts_known, false, false];
        let mut log_prior_ratio = 0.0;
        for (k, s) in scale.iter().enumerate() {
            if k == 6 && known_start {
                continue;
            }
            let step = s * self.rng.normal();
            log_prior_ratio -= 0.5 * ((z[k] + step).powi(2) - z[k].powi(2));
            z[k] += step;
        }
        f.company = company(&z);
        if !known_start {
            f.unknowns.start = ((1.0 + first) * libm::exp(START_LOG_SD * z[6]) - 1.0).max(0.0);
        }
        let grids = [
            BUDGET_GRID.len(),
            POSTS_GRID.len(),
            PERCENT_GRID.len(),
            PERCENT_GRID.len(),
        ];
        let mut inside = true;
        for k in 0..4 {
            let u = self.rng.uniform();
            if known[k] || u > 1.0 / 3.0 {
                continue;
            }
            let to = f.unknowns.key[k] as i32 + if u < 1.0 / 6.0 { -1 } else { 1 };
            inside &= (0..grids[k] as i32).contains(&to);
            f.unknowns.key[k] = to.clamp(0, grids[k] as i32 - 1) as u8;
        }
        inside.then_some((f, log_prior_ratio))
    }

    fn propose(&mut self, i: usize, f: Future, log_prior_ratio: f64, u: f64) {
        self.proposed += 1;
        let (ll, ok) = self.fitter.weigh(&f);
        let log_ratio = self.beta * (ll - self.ll[i]) + log_prior_ratio;
        if ll > f64::NEG_INFINITY && libm::log(u.max(1e-300)) < log_ratio {
            self.accepted += 1;
            self.pop[i] = f;
            self.ll[i] = ll;
            self.ok[i] = ok;
        }
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
fn spread(zs: &[[f64; 7]]) -> [f64; 7] {
    let n = zs.len() as f64;
    let mut out = [0.0; 7];
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
