//! Portable, reproducible randomness.
//!
//! Every run has one SplitMix64 stream per mechanism, started from the master seed, the run
//! index and the mechanism. Each draw consumes exactly one 64-bit output, so two scenarios run
//! with the same seed see the same draws wherever their mechanisms coincide (common random
//! numbers), whatever their parameters. The generator is 64-bit arithmetic only (a 128-bit one
//! such as PCG-64 is emulated on wasm32 at about twice the cost), and transcendental maths uses
//! `libm` or the engine's own IEEE-only code, so results are bit-identical on native and wasm32.

use std::sync::LazyLock;

/// The model's independent sources of chance; each gets its own stream.
#[derive(Clone, Copy, Debug)]
pub enum Mechanism {
    Content = 1,
    Audience = 2,
    Messages = 3,
    Crisis = 4,
    Sales = 5,
    Review = 6,
    /// The company's uncertain constants, drawn once per run (see `company.rs`).
    Company = 7,
    /// What people say about the company elsewhere (word of mouth), drawn every day.
    Reputation = 8,
}

/// SplitMix64's increment (the golden ratio in 64 bits, odd).
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a bijective mix of the 64-bit state.
#[inline(always)]
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// SplitMix64 of one value: decorrelates nearby seeds and run indices.
fn splitmix64(x: u64) -> u64 {
    mix(x.wrapping_add(GAMMA))
}

/// One SplitMix64 sequence (Steele, Lea and Flood 2014): the state steps by `GAMMA` and each
/// output is its mix. Streams start at hashed, effectively random points of the 2^64 cycle, so
/// two of them overlap within a run's few thousand draws with negligible probability.
pub struct Stream {
    state: u64,
    /// The samplers' tables, looked up once per stream rather than checked at every draw.
    tables: &'static Tables,
}

impl Stream {
    pub fn new(seed: u64, run: u64, mechanism: Mechanism) -> Self {
        let m = mechanism as u64;
        let hi = splitmix64(seed ^ splitmix64(run));
        Stream {
            state: splitmix64(hi ^ m.wrapping_mul(0xA24B_AED4_963E_E407)),
            tables: &TABLES,
        }
    }

    /// The next 64 random bits.
    #[inline(always)]
    pub fn bits(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GAMMA);
        mix(self.state)
    }

    /// Uniform in the open interval (0, 1): safe for inverse distribution functions.
    pub fn uniform(&mut self) -> f64 {
        unit(self.bits())
    }

    /// Standard normal by inversion (one uniform), with Acklam's formula throughout (the
    /// company draws: six a run, so speed does not matter).
    pub fn normal(&mut self) -> f64 {
        inverse_normal_cdf(self.uniform())
    }

    /// Poisson count with the given mean (one 64-bit draw): exact for small means (see
    /// [`poisson_bits`]), a rounded normal approximation above `POISSON_EXACT_MAX`.
    #[inline(always)]
    pub fn poisson(&mut self, mean: f64) -> f64 {
        let bits = self.bits();
        // A negligible (or negative, or NaN) mean gives 0 without the call: on an inactive
        // page most of the day's draws are of nothing (same count, same stream, same bits).
        if mean < POISSON_NEGLIGIBLE || mean.is_nan() {
            return 0.0;
        }
        poisson_from(self.tables, bits, mean)
    }

    /// Binomial count of `n` trials with success probability `p` (one uniform).
    #[inline(always)]
    pub fn binomial(&mut self, n: f64, p: f64) -> f64 {
        let u = self.uniform();
        // Under one whole trial (or NaN) gives 0 without the call, as `binomial_inv` would.
        if n < 1.0 || n.is_nan() {
            return 0.0;
        }
        binomial_inv(u, n, p)
    }

    /// Binomial count of `n` trials with the table's fixed success probability (one draw).
    pub fn binomial_table(&mut self, table: &BinomialTable, n: f64) -> f64 {
        table.draw(self.bits(), n)
    }
}

/// The standard generator trait, so that any `rand` distribution can draw from an engine stream
/// (tests/samplers_fit.rs checks the engine's samplers against `rand_distr`'s this way). The
/// bits are the engine's own: `next_u64` is [`Stream::bits`].
impl rand_core::RngCore for Stream {
    fn next_u32(&mut self) -> u32 {
        (self.bits() >> 32) as u32 // the high half: SplitMix64's best-mixed bits
    }

    fn next_u64(&mut self) -> u64 {
        self.bits()
    }

    fn fill_bytes(&mut self, dst: &mut [u8]) {
        rand_core::impls::fill_bytes_via_next(self, dst)
    }
}

/// A stream started from a given SplitMix64 state (little-endian bytes). The engine's own
/// streams start from hashed states (see [`Stream::new`]); `seed_from_u64` takes the state
/// as it is, since SplitMix64 mixes every output and any state, 0 included, is a good start.
impl rand_core::SeedableRng for Stream {
    type Seed = [u8; 8];

    fn from_seed(seed: Self::Seed) -> Self {
        Stream {
            state: u64::from_le_bytes(seed),
            tables: &TABLES,
        }
    }

    fn seed_from_u64(state: u64) -> Self {
        Self::from_seed(state.to_le_bytes())
    }
}

/// The top 53 bits as a uniform in (0, 1).
#[inline(always)]
fn unit(bits: u64) -> f64 {
    // Through i64: one instruction on x86-64, where u64 to f64 takes several (the same value).
    ((bits >> 11) as i64 as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
}

/// Above these sizes a rounded normal approximation replaces exact inversion (the Poisson table
/// and the binomial's counted terms cover exactly these sizes).
const POISSON_EXACT_MAX: f64 = 6.0;
const BINOMIAL_EXACT_MAX: f64 = 24.0;

/// Below this mean a Poisson draw is 0 (the chance of anything else is under one in a
/// billion; fading quantities on a dead page never reach exactly 0).
const POISSON_NEGLIGIBLE: f64 = 1e-9;

/// A Poisson count from 64 random bits. Exact for means up to `POISSON_EXACT_MAX`, by the sum
/// of two independent Poisson counts: one for the mean rounded down to the grid of
/// [`poisson_rows`] (a table inversion of the top 32 bits), one for the small rest (an inversion
/// of the low 32 bits). Above, a rounded normal approximation of the top 53 bits' uniform.
pub fn poisson_bits(bits: u64, mean: f64) -> f64 {
    poisson_from(&TABLES, bits, mean)
}

/// [`poisson_bits`] with the tables at hand.
fn poisson_from(tables: &Tables, bits: u64, mean: f64) -> f64 {
    // One test for "negligible, above the exact limit or not a number" (NaN fails `>=`).
    if !(POISSON_NEGLIGIBLE..=POISSON_EXACT_MAX).contains(&mean) {
        if mean > POISSON_EXACT_MAX && mean.is_finite() {
            let x = mean + mean.sqrt() * normal_from(tables, unit(bits));
            let k = round(x);
            return if k > 0.0 { k } else { 0.0 }; // not `max`: a call on wasm32
        }
        return 0.0;
    }
    let g = (mean * POISSON_GRID) as i32 as usize; // 0..=96 (i32: a cheaper conversion)
    let rest = mean - g as f64 / POISSON_GRID;
    let row = &tables.poisson[g];
    (inverse_row(row, (bits >> 32) as u32) + poisson_small(bits as u32, rest)) as f64
}

/// Steps of the mean grid per unit (1/16): the rest's mean stays below 1/16.
const POISSON_GRID: f64 = 16.0;
/// Entries per row (Poisson(6) passes 2^32 − 1 in its 28th CDF step; the rest are padding).
const POISSON_ROW: usize = 32;

/// The samplers' tables, built on first use with IEEE arithmetic only (so the same bits on every
/// platform). Built at run time, not at compile time: as data they would add 20 KB (12 KB
/// gzip) to the app's download; building them takes well under a millisecond.
struct Tables {
    /// Row `g`: the CDF of Poisson(g/16) as 32-bit thresholds (see [`poisson_rows`]).
    poisson: [[u32; POISSON_ROW]; 97],
    /// Acklam's central function at `NORMAL_POINTS + 1` points (see [`normal_quantile`]).
    normal: [f64; NORMAL_POINTS + 1],
}

/// Boxed, so that the static itself is small (a static's initial bytes ship in the wasm module).
static TABLES: LazyLock<Box<Tables>> = LazyLock::new(|| {
    // An opaque 1, or the optimiser computes the tables at compile time and ships them as data.
    let one = std::hint::black_box(1.0);
    Box::new(Tables {
        poisson: poisson_rows(one),
        normal: normal_table(one),
    })
});

/// Row `g`: the CDF of Poisson(g/16) as 32-bit thresholds, `ceil(P(X ≤ k) · 2^32) − 1`, so that
/// `X = #{k : hi > T[k]}` for a uniform 32-bit `hi` (exact up to 2^-32 per step).
fn poisson_rows(one: f64) -> [[u32; POISSON_ROW]; 97] {
    let mut rows = [[0u32; POISSON_ROW]; 97];
    let mut g = 0;
    while g < 97 {
        let m = g as f64 * one / POISSON_GRID;
        // e^m by its series (all terms positive, so no cancellation), then P(X = 0) = 1/e^m.
        let (mut e, mut term, mut j) = (1.0, 1.0, 1);
        while j < 80 {
            term = term * m / j as f64;
            e += term;
            j += 1;
        }
        let (mut pmf, mut cdf, mut k) = (1.0 / e, 0.0, 0);
        while k < POISSON_ROW {
            cdf += pmf;
            pmf = pmf * m / (k + 1) as f64;
            rows[g][k] = threshold(cdf);
            k += 1;
        }
        g += 1;
    }
    rows
}

/// `ceil(cdf · 2^32) − 1` within 0..=u32::MAX: a uniform 32-bit `hi` exceeds it with
/// probability 1 − cdf (to within 2^-32).
const fn threshold(cdf: f64) -> u32 {
    let scaled = cdf * 4_294_967_296.0;
    let mut t = scaled as u64; // floor
    if (t as f64) < scaled {
        t += 1; // ceil
    }
    if t >= 1 << 32 {
        u32::MAX
    } else if t == 0 {
        0
    } else {
        (t - 1) as u32
    }
}

/// Binomial draws with a success probability fixed for a whole scenario (the close rate): for
/// each n up to `BINOMIAL_EXACT_MAX` the CDF of Binomial(n, p) as 32-bit thresholds, inverted
/// like a Poisson row (exact up to 2^-32 per step); larger n as [`binomial_inv`] does.
#[derive(Clone, Debug)]
pub struct BinomialTable {
    p: f64,
    rows: [[u32; POISSON_ROW]; BINOMIAL_ROWS],
}

const BINOMIAL_ROWS: usize = BINOMIAL_EXACT_MAX as usize + 1;

impl BinomialTable {
    pub fn new(p: f64) -> Self {
        let mut rows = [[u32::MAX; POISSON_ROW]; BINOMIAL_ROWS];
        if p > 0.0 && p < 1.0 {
            for (n, row) in rows.iter_mut().enumerate() {
                let (mut pmf, mut cdf) = ((0..n).fold(1.0, |x, _| x * (1.0 - p)), 0.0);
                for (k, t) in row.iter_mut().enumerate().take(n) {
                    cdf += pmf;
                    pmf *= (n - k) as f64 / (k + 1) as f64 * (p / (1.0 - p));
                    *t = threshold(cdf);
                }
            }
        }
        BinomialTable { p, rows }
    }

    pub fn draw(&self, bits: u64, n: f64) -> f64 {
        let whole = (n as i64).max(0) as u64; // negative and NaN give 0
        if whole as usize >= BINOMIAL_ROWS || !(self.p > 0.0 && self.p < 1.0) {
            return binomial_inv(unit(bits), n, self.p);
        }
        inverse_row(&self.rows[whole as usize], (bits >> 32) as u32) as f64
    }
}

/// `#{k : hi > row[k]}` for a non-decreasing row whose last entry is `u32::MAX`: a search in
/// three fixed steps (no data-dependent branch). The first two steps each settle two levels of
/// a binary search with three independent loads, so a draw waits for three loads, not five
/// (the count is the same: the row is non-decreasing).
#[inline(always)]
fn inverse_row(row: &[u32; POISSON_ROW], hi: u32) -> u32 {
    let above = |k: usize| (hi > row[k]) as usize;
    let mut i = 8 * (above(7) + above(15) + above(23)); // the count lies in i..i + 8
    i += 2 * (above(i + 1) + above(i + 3) + above(i + 5)); // ... in i..i + 2
    i += above(i);
    i as u32
}

/// Poisson count for a mean below 1/16 from 32 random bits, by inversion: 0 when `lo` falls
/// below e^-m (at least 94 % of draws), else counted against the next four CDF steps (a sixth
/// is passed with probability below 2^-32 and is left out).
#[inline(always)]
fn poisson_small(lo: u32, m: f64) -> u32 {
    let u = (lo as f64 + 0.5) * (1.0 / 4_294_967_296.0);
    // 1 − m ≤ e^-m (and the series adds only positive terms to 1 − m): most draws are settled
    // before the series is summed, with the same result.
    if u <= 1.0 - m {
        return 0;
    }
    let e = exp_small(m);
    if u <= e {
        return 0;
    }
    small_cdf(m, e).iter().map(|&c| (u > c) as u32).sum::<u32>() + 1
}

/// e^-m for 0 ≤ m < 1/16 by its series to m^6 (error below 10^-12).
#[inline(always)]
fn exp_small(m: f64) -> f64 {
    let m2 = m * m;
    1.0 - m
        + m2 * (0.5 - m * (1.0 / 6.0))
        + m2 * m2 * (1.0 / 24.0 - m * (1.0 / 120.0) + m2 * (1.0 / 720.0))
}

/// P(X ≤ k) for k in 1..=4, X ~ Poisson(m), given e = e^-m.
#[inline(always)]
fn small_cdf(m: f64, e: f64) -> [f64; 4] {
    let m2 = m * m;
    let c1 = e * (1.0 + m);
    let c2 = c1 + e * m2 * 0.5;
    let c3 = c2 + e * m2 * m * (1.0 / 6.0);
    [c1, c2, c3, c3 + e * m2 * m2 * (1.0 / 24.0)]
}

/// How many of the partial sums `t[0]`, `t[0] + t[1]`, … lie below `v`, and the whole sum.
/// Terms are added in pairs so that the chain of dependent additions is half as long.
#[inline(always)]
fn count_sums_below<const N: usize>(v: f64, t: &[f64; N]) -> (usize, f64) {
    let mut sum = t[0];
    let mut below = (v > sum) as usize;
    let mut j = 1;
    while j + 1 < N {
        below += (v > sum + t[j]) as usize;
        sum += t[j] + t[j + 1];
        below += (v > sum) as usize;
        j += 2;
    }
    if j < N {
        sum += t[j];
        below += (v > sum) as usize;
    }
    (below, sum)
}

/// Rounds to the nearest integer (ties to even) with two IEEE additions, for |x| < 2^51.
#[inline(always)]
fn round(x: f64) -> f64 {
    const SHIFT: f64 = 6_755_399_441_055_744.0; // 1.5 · 2^52
    if x.abs() < 2_251_799_813_685_248.0 {
        (x + SHIFT) - SHIFT
    } else {
        x
    }
}

/// The binomial coefficients C(n, k) for n, k ≤ 24 (exact in f64), by Pascal's triangle.
const CHOOSE: [[f64; 25]; 25] = {
    let mut c = [[0.0; 25]; 25];
    let mut n = 0;
    while n < 25 {
        c[n][0] = 1.0;
        let mut k = 1;
        while k <= n {
            c[n][k] = c[n - 1][k - 1] + c[n - 1][k];
            k += 1;
        }
        n += 1;
    }
    c
};

/// 1/k for k ≤ `BINOMIAL_EXACT_MAX`: the binomial inversion's walk multiplies instead of dividing.
const RECIPROCALS: [f64; BINOMIAL_ROWS] = {
    let mut r = [0.0; BINOMIAL_ROWS];
    let mut k = 1;
    while k < BINOMIAL_ROWS {
        r[k] = 1.0 / k as f64;
        k += 1;
    }
    r
};

pub fn binomial_inv(u: f64, n: f64, p: f64) -> f64 {
    let n = (n as i64).max(0) as f64; // whole trials; negative and NaN give 0
    if n == 0.0 || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return n;
    }
    if n > BINOMIAL_EXACT_MAX {
        let mean = n * p;
        let sd = (mean * (1.0 - p)).sqrt();
        return round(mean + sd * normal_quantile(u)).clamp(0.0, n);
    }
    // Count the rarer outcome (so fewer terms cover the likely counts), with enough terms that
    // walking past them is rare: P(X > 6) < 0.01 % at a mean of 1, P(X > 12) < 0.05 % at 4.
    let flip = p > 0.5;
    let (u, q) = (select(flip, 1.0 - u, u), select(flip, 1.0 - p, p));
    let k = if n * q <= 1.0 {
        binomial_exact::<7>(u, n, q)
    } else if n * q <= 4.0 {
        binomial_exact::<13>(u, n, q)
    } else {
        binomial_exact::<25>(u, n, q)
    };
    select(flip, n - k, k)
}

/// `if c { a } else { b }` by bit masks: the compiler keeps no branch that a random `c` would
/// mispredict half the time.
#[inline(always)]
fn select(c: bool, a: f64, b: f64) -> f64 {
    let mask = (c as u64).wrapping_neg();
    f64::from_bits((a.to_bits() & mask) | (b.to_bits() & !mask))
}

/// Exact inversion for `n ≤ BINOMIAL_EXACT_MAX` and `p ≤ 0.5`, by counting partial sums:
/// P(X ≤ k) = (1 − p)^n · Σ_{j≤k} C(n, j) r^j with r = p / (1 − p), so `u` is scaled by
/// (1 − p)^-n and the first `TERMS` partial sums are counted without branching.
#[inline(always)]
fn binomial_exact<const TERMS: usize>(u: f64, n: f64, p: f64) -> f64 {
    let ni = n as usize;
    let inv_q = 1.0 / (1.0 - p);
    let v = u * powi(inv_q, ni as u32);
    let ratio = p * inv_q;
    let mut pow = [1.0; TERMS];
    pow[1] = ratio;
    for j in 2..TERMS {
        pow[j] = pow[j / 2] * pow[j - j / 2];
    }
    let mut terms = [0.0; TERMS];
    for j in 0..TERMS {
        terms[j] = CHOOSE[ni][j] * pow[j]; // 0 past n
    }
    let (mut k, mut sum) = count_sums_below(v, &terms);
    if k == TERMS {
        let mut term = terms[TERMS - 1];
        while k < ni {
            term *= (n - (k - 1) as f64) * RECIPROCALS[k] * ratio;
            sum += term;
            if v <= sum {
                break;
            }
            k += 1;
        }
    }
    k.min(ni) as f64
}

/// `x^n` for `n < 32` by square-and-multiply in five fixed steps (no data-dependent branch):
/// exact IEEE steps, so identical on every platform.
#[inline(always)]
fn powi(mut x: f64, n: u32) -> f64 {
    debug_assert!(n < 32);
    let mut acc = 1.0;
    for bit in 0..5 {
        acc *= select(n >> bit & 1 == 1, x, 1.0);
        x *= x;
    }
    acc
}

/// A quantile table for a fixed distribution: sampling costs one uniform and one lookup
/// with linear interpolation instead of transcendental functions in the daily loop.
#[derive(Clone, Debug)]
pub struct QuantileTable(Vec<f64>);

impl QuantileTable {
    const POINTS: usize = 1024;

    /// Tabulates `quantile(u)` on a grid of `u` in (0, 1).
    pub fn new(quantile: impl Fn(f64) -> f64) -> Self {
        let n = Self::POINTS;
        QuantileTable(
            (0..=n)
                .map(|i| quantile(((i as f64) + 0.5) / (n as f64 + 1.0)))
                .collect(),
        )
    }

    pub fn sample(&self, stream: &mut Stream) -> f64 {
        let pos = stream.uniform() * Self::POINTS as f64;
        let i = (pos as i32 as usize).min(Self::POINTS - 1);
        let f = pos - i as f64;
        self.0[i] + (self.0[i + 1] - self.0[i]) * f
    }
}

/// The standard normal quantile for the daily draws: linear interpolation in a table of
/// Acklam's formula at 1,025 points across its central region (98.5 % of draws; error below
/// 10^-4 standard deviations), the formula itself in the tails.
#[inline(always)]
pub fn normal_quantile(u: f64) -> f64 {
    normal_from(&TABLES, u)
}

/// [`normal_quantile`] with the tables at hand.
#[inline(always)]
fn normal_from(tables: &Tables, u: f64) -> f64 {
    if !(ACKLAM_LOW..=1.0 - ACKLAM_LOW).contains(&u) {
        return inverse_normal_cdf(u);
    }
    let pos = (u - ACKLAM_LOW) * NORMAL_SCALE;
    let i = (pos as i32 as usize).min(NORMAL_POINTS - 1);
    let f = pos - i as f64;
    let t = &tables.normal;
    t[i] + (t[i + 1] - t[i]) * f
}

const NORMAL_POINTS: usize = 1024;
const NORMAL_SCALE: f64 = NORMAL_POINTS as f64 / (1.0 - 2.0 * ACKLAM_LOW);

fn normal_table(one: f64) -> [f64; NORMAL_POINTS + 1] {
    core::array::from_fn(|i| acklam_central(ACKLAM_LOW + i as f64 * one / NORMAL_SCALE))
}

/// Acklam's formula holds its central rational function between these tails.
const ACKLAM_LOW: f64 = 0.024_25;

/// Acklam's central rational function, for p in [ACKLAM_LOW, 1 − ACKLAM_LOW].
const fn acklam_central(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    let q = p - 0.5;
    let r = q * q;
    (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
}

/// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
pub fn inverse_normal_cdf(p: f64) -> f64 {
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < ACKLAM_LOW {
        tail((-2.0 * libm::log(p)).sqrt())
    } else if p > 1.0 - ACKLAM_LOW {
        -tail((-2.0 * libm::log(1.0 - p)).sqrt())
    } else {
        acklam_central(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_draws_have_the_right_mean() {
        for mean in [0.3, 4.0, 15.0, 80.0, 2000.0] {
            let mut s = Stream::new(7, 0, Mechanism::Audience);
            let n = 20_000;
            let avg = (0..n).map(|_| s.poisson(mean)).sum::<f64>() / n as f64;
            assert!(
                (avg - mean).abs() < 0.05 * mean + 0.02,
                "mean {mean}: got {avg}"
            );
        }
    }

    /// P(X = k) for k < 40 as `poisson_bits` draws it (from its thresholds, to within 2^-32).
    fn drawn_pmf(mean: f64) -> Vec<f64> {
        let g = (mean * POISSON_GRID) as usize;
        let tail = |t: u32| (u32::MAX - t) as f64 / 4_294_967_296.0; // P(hi > t)
        let mut base = vec![0.0; 40];
        let mut above = 1.0;
        for (k, &t) in TABLES.poisson[g].iter().enumerate() {
            base[k] = above - tail(t);
            above = tail(t);
        }
        let rest = mean - g as f64 / POISSON_GRID;
        let e = exp_small(rest);
        let steps = [[e].as_slice(), &small_cdf(rest, e)].concat();
        let mut small = [0.0; 6];
        let mut below = 0.0;
        for (k, &c) in steps.iter().enumerate() {
            small[k] = c - below;
            below = c;
        }
        small[5] = 1.0 - below;
        let mut pmf = vec![0.0; 40];
        for (i, b) in base.iter().enumerate() {
            for (j, s) in small.iter().enumerate() {
                if i + j < 40 {
                    pmf[i + j] += b * s;
                }
            }
        }
        pmf
    }

    #[test]
    fn small_poisson_draws_are_exact() {
        for step in 0..=600 {
            let mean = (step as f64 * 0.01).max(1e-6);
            let pmf = drawn_pmf(mean);
            let mut exact = libm::exp(-mean);
            for (k, p) in pmf.iter().enumerate() {
                assert!(
                    (p - exact).abs() < 1e-9,
                    "Poisson({mean}) P(X = {k}): {p} vs {exact}"
                );
                exact *= mean / (k + 1) as f64;
            }
        }
        // The counted entries of each row reach the end of the distribution.
        for (g, row) in TABLES.poisson.iter().enumerate() {
            let counted = if g <= 12 {
                12
            } else if g <= 32 {
                20
            } else {
                POISSON_ROW
            };
            assert_eq!(row[counted - 1], u32::MAX, "row {g}");
        }
    }

    /// The textbook inversion (walk the CDF from 0, dividing), the reference for the fast one;
    /// also returns how close `u` was to the CDF step it stopped at.
    fn walk(u: f64, mut pmf: f64, next: impl Fn(f64, f64) -> f64, max: f64) -> (f64, f64) {
        let (mut k, mut cdf) = (0.0, pmf);
        while u > cdf && k < max {
            pmf = next(pmf, k);
            k += 1.0;
            cdf += pmf;
        }
        (k, (u - cdf).abs().min((u - (cdf - pmf)).abs()))
    }

    #[test]
    fn fast_binomial_inversion_gives_the_textbook_counts() {
        // The same count for the same uniform, except where u lies within rounding of a step.
        let mut s = Stream::new(11, 0, Mechanism::Sales);
        let us: Vec<f64> = (0..20_000)
            .map(|_| s.uniform())
            .chain([1e-300, 0.5, 1.0 - 1e-16])
            .collect();
        for n in 1..=24 {
            for p in [0.01, 0.1, 0.3, 0.5, 0.51, 0.8, 0.97] {
                for &u in &us {
                    let step = |pmf: f64, k: f64| pmf * (n as f64 - k) / (k + 1.0) * p / (1.0 - p);
                    let (k, gap) = walk(u, libm::pow(1.0 - p, n as f64), step, n as f64);
                    let fast = binomial_inv(u, n as f64, p);
                    assert!(fast == k || gap < 1e-12, "B({n}, {p}) u {u}: {fast} vs {k}");
                }
            }
        }
    }

    #[test]
    fn binomial_tables_hold_the_exact_distribution() {
        for p in [0.01, 0.2, 0.5, 0.77, 0.99] {
            let table = BinomialTable::new(p);
            for n in 0..=24 {
                let row = &table.rows[n];
                let mut below = 0.0;
                for (k, &t) in row.iter().enumerate().take(n + 1) {
                    let exact = (0..=k)
                        .map(|j| {
                            CHOOSE[n][j]
                                * libm::pow(p, j as f64)
                                * libm::pow(1.0 - p, (n - j) as f64)
                        })
                        .sum::<f64>();
                    let drawn = 1.0 - (u32::MAX - t) as f64 / 4_294_967_296.0; // P(X ≤ k)
                    assert!(
                        (drawn - exact).abs() < 1e-9,
                        "B({n}, {p}) P(X ≤ {k}): {drawn} vs {exact}"
                    );
                    below = drawn;
                }
                assert!(
                    below > 1.0 - 1e-9 && row[n] == u32::MAX,
                    "B({n}, {p}) ends at n"
                );
            }
        }
    }

    #[test]
    fn binomial_draws_stay_in_range_with_the_right_mean() {
        let mut s = Stream::new(3, 1, Mechanism::Sales);
        for (n, p) in [(5.0, 0.2), (40.0, 0.5), (500.0, 0.1)] {
            let draws: Vec<f64> = (0..10_000).map(|_| s.binomial(n, p)).collect();
            assert!(draws.iter().all(|&k| (0.0..=n).contains(&k)));
            let avg = draws.iter().sum::<f64>() / draws.len() as f64;
            assert!((avg - n * p).abs() < 0.05 * n * p, "n {n} p {p}: got {avg}");
        }
    }

    #[test]
    fn the_rand_core_traits_give_the_engines_bits() {
        use rand_core::{RngCore, SeedableRng};
        let mut engine = Stream::new(42, 3, Mechanism::Sales);
        let mut by_trait = Stream::from_seed(engine.state.to_le_bytes());
        let mut again = Stream::new(42, 3, Mechanism::Sales);
        for _ in 0..1000 {
            let bits = engine.bits();
            assert_eq!(by_trait.next_u64(), bits);
            assert_eq!(again.next_u32(), (bits >> 32) as u32);
        }
        // SplitMix64's published first output from state 0 (Vigna's splitmix64.c).
        assert_eq!(Stream::seed_from_u64(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        let mut bytes = [0u8; 12];
        Stream::seed_from_u64(0).fill_bytes(&mut bytes);
        assert_eq!(bytes[..8], 0xE220_A839_7B1D_CDAFu64.to_le_bytes());
    }

    #[test]
    fn streams_differ_by_run_and_mechanism_but_repeat_exactly() {
        let draw = |run, m| Stream::new(42, run, m).uniform();
        assert_eq!(draw(0, Mechanism::Content), draw(0, Mechanism::Content));
        assert_ne!(draw(0, Mechanism::Content), draw(1, Mechanism::Content));
        assert_ne!(draw(0, Mechanism::Content), draw(0, Mechanism::Crisis));
    }

    #[test]
    fn quantile_tables_sample_their_distribution() {
        let table = QuantileTable::new(inverse_normal_cdf);
        let mut s = Stream::new(5, 0, Mechanism::Content);
        let draws: Vec<f64> = (0..20_000).map(|_| table.sample(&mut s)).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / draws.len() as f64;
        assert!(
            mean.abs() < 0.03 && (var - 1.0).abs() < 0.05,
            "mean {mean} var {var}"
        );
    }

    #[test]
    fn the_normal_table_follows_acklam() {
        for i in 0..=100_000 {
            let u = (i as f64 + 0.5) / 100_001.0;
            let (fast, exact) = (normal_quantile(u), inverse_normal_cdf(u));
            assert!((fast - exact).abs() < 1e-4, "u {u}: {fast} vs {exact}");
        }
    }

    #[test]
    fn row_inversion_counts_the_thresholds_passed() {
        let mut s = Stream::new(1, 2, Mechanism::Audience);
        for row in TABLES.poisson.iter().step_by(7) {
            // Random draws, and every threshold and its neighbours (the search's edges).
            let edges = row
                .iter()
                .flat_map(|&t| [t.saturating_sub(1), t, t.saturating_add(1)]);
            let draws: Vec<u32> = (0..2000).map(|_| (s.bits() >> 32) as u32).collect();
            for hi in draws.into_iter().chain(edges).chain([0, u32::MAX]) {
                let count = row.iter().filter(|&&t| hi > t).count() as u32;
                assert_eq!(inverse_row(row, hi), count, "hi {hi}");
            }
        }
        // Every row of every grid mean, not only every seventh, at its thresholds.
        for row in TABLES.poisson.iter() {
            for &t in row {
                let count = row.iter().filter(|&&r| t > r).count() as u32;
                assert_eq!(inverse_row(row, t), count);
            }
        }
    }

    #[test]
    fn inverse_normal_matches_known_quantiles() {
        assert!(inverse_normal_cdf(0.5).abs() < 1e-12);
        assert!((inverse_normal_cdf(0.975) - 1.959_963_985).abs() < 1e-6);
        assert!((inverse_normal_cdf(0.001) + 3.090_232_306).abs() < 1e-6);
    }
}
