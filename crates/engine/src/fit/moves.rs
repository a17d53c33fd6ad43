//! The Metropolis–Hastings moves of one SMC stage (`smc.rs`). Every future moves with its own
//! random stream, keyed on the seed, the stage and its place in the population, so the
//! population can be shared among workers in any parts and give the same bits as one piece.

use super::infer::{Fitter, Future};
use super::prior::{BUDGET_GRID, PERCENT_GRID, POSTS_GRID, START_LOG_SD};
use crate::constants::*;
use crate::rng::{Mechanism, Stream};
use crate::Company;
use serde::{Deserialize, Serialize};

/// Metropolis–Hastings rounds per stage (each moves constants, then luck).
pub const MOVES: u32 = 4;

/// Keeps the moves' streams apart from the model's and the prior's.
const MOVE_SALT: u64 = 0x4D0E_5EED_0000_0026;

/// The company's constants the moves walk: all of them.
const CONSTANTS: usize = 8;
/// The walk's coordinates: the constants, then the starting followers.
pub const Z: usize = CONSTANTS + 1;

/// Log-normal spreads of the company's constants, in the order of [`z`].
const SPREADS: [f64; CONSTANTS] = [
    SPREAD_REACH,
    SPREAD_ENGAGEMENT,
    SPREAD_CONVERSION,
    SPREAD_PAID,
    SPREAD_FOLLOW,
    SPREAD_CRISIS,
    SPREAD_CLICK_THROUGH,
    SPREAD_CAPABILITY_TIME,
];

/// What every future's moves in one stage share.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageMoves {
    pub seed: u64,
    pub stage: u32,
    /// The likelihood's power the moves keep invariant.
    pub beta: f64,
    /// The random walk's step for each standardised constant (and the starting followers).
    pub scale: [f64; Z],
    /// The population's size (fresh luck is numbered past it).
    pub runs: u32,
}

/// A future with its log-likelihood and whether it reproduces the history.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Walker {
    pub future: Future,
    pub ll: f64,
    pub ok: bool,
}

/// A future's constants as standard normals (its prior is independent N(0, 1) in each), the
/// starting followers last (relative to the first reported level).
pub fn z(f: &Future, first_followers: f64) -> [f64; Z] {
    let c = &f.company;
    let m = [
        c.reach,
        c.engagement,
        c.conversion,
        c.paid,
        c.follow,
        c.crisis,
        c.click_through,
        c.capability_time,
    ];
    let mut out = [0.0; Z];
    for i in 0..CONSTANTS {
        out[i] = libm::log(m[i]) / SPREADS[i];
    }
    out[CONSTANTS] = libm::log((1.0 + f.unknowns.start) / (1.0 + first_followers)) / START_LOG_SD;
    out
}

fn company(z: &[f64; Z]) -> Company {
    let f = |i: usize| libm::exp(SPREADS[i] * z[i]);
    Company {
        reach: f(0),
        engagement: f(1),
        conversion: f(2),
        paid: f(3),
        follow: f(4),
        crisis: f(5),
        click_through: f(6),
        capability_time: f(7),
    }
}

/// Moves futures `first..first + walkers.len()` of the population `MOVES` rounds each: its
/// constants and levers (luck held), then its luck (constants held). Returns (proposed,
/// accepted).
pub fn move_part(
    fitter: &mut Fitter,
    stage: &StageMoves,
    first: usize,
    walkers: &mut [Walker],
) -> (u64, u64) {
    let (mut proposed, mut accepted) = (0, 0);
    for (k, w) in walkers.iter_mut().enumerate() {
        let i = (first + k) as u64;
        let key = ((stage.stage as u64) << 32) | i;
        let mut rng = Stream::new(stage.seed ^ MOVE_SALT, key, Mechanism::Review);
        for round in 0..MOVES as u64 {
            let first_followers = fitter.prior.first_followers;
            if let Some((f, log_prior_ratio)) = walk(
                fitter,
                w.future,
                z(&w.future, first_followers),
                stage,
                &mut rng,
            ) {
                proposed += 1;
                accepted +=
                    propose(fitter, w, f, log_prior_ratio, stage.beta, rng.uniform()) as u64;
            }
            // Its luck: a stream no other future, stage or round has used.
            let mut g = w.future;
            let n = stage.runs as u64;
            g.stream = n + ((stage.stage as u64 * MOVES as u64 + round) * n + i);
            proposed += 1;
            accepted += propose(fitter, w, g, 0.0, stage.beta, rng.uniform()) as u64;
        }
    }
    (proposed, accepted)
}

/// A random-walk proposal from `f` (constants at `z`) and the log ratio of its prior to
/// `f`'s; `None` when a lever would step off its grid (rejected: the prior is 0 there).
fn walk(
    fitter: &Fitter,
    mut f: Future,
    mut z: [f64; Z],
    stage: &StageMoves,
    rng: &mut Stream,
) -> Option<(Future, f64)> {
    let prior = &fitter.prior;
    let (first, known_start) = (prior.first_followers, prior.known_start.is_some());
    let known = match prior.plan_known {
        true => [true; 4],
        false => [prior.budget_known, prior.posts_known, false, false],
    };
    let mut log_prior_ratio = 0.0;
    for (k, s) in stage.scale.iter().enumerate() {
        if k == CONSTANTS && known_start {
            continue;
        }
        let step = s * rng.normal();
        log_prior_ratio -= 0.5 * ((z[k] + step).powi(2) - z[k].powi(2));
        z[k] += step;
    }
    f.company = company(&z);
    if !known_start {
        f.unknowns.start = ((1.0 + first) * libm::exp(START_LOG_SD * z[CONSTANTS]) - 1.0).max(0.0);
    }
    let grids = [
        BUDGET_GRID.len(),
        POSTS_GRID.len(),
        PERCENT_GRID.len(),
        PERCENT_GRID.len(),
    ];
    let mut inside = true;
    for k in 0..4 {
        let u = rng.uniform();
        if known[k] || u > 1.0 / 3.0 {
            continue;
        }
        let to = f.unknowns.key[k] as i32 + if u < 1.0 / 6.0 { -1 } else { 1 };
        inside &= (0..grids[k] as i32).contains(&to);
        f.unknowns.key[k] = to.clamp(0, grids[k] as i32 - 1) as u8;
    }
    inside.then_some((f, log_prior_ratio))
}

/// Accepts `f` in place of the walker's future with Metropolis–Hastings' probability at `beta`.
fn propose(
    fitter: &mut Fitter,
    w: &mut Walker,
    f: Future,
    log_prior_ratio: f64,
    beta: f64,
    u: f64,
) -> bool {
    let (ll, ok) = fitter.weigh(&f);
    let log_ratio = beta * (ll - w.ll) + log_prior_ratio;
    let accept = ll > f64::NEG_INFINITY && libm::log(u.max(1e-300)) < log_ratio;
    if accept {
        *w = Walker { future: f, ll, ok };
    }
    accept
}
