//! Portable, reproducible randomness.
//!
//! Every run has one PCG stream per mechanism, derived from the master seed, the run
//! index and the mechanism. Each draw consumes exactly one uniform number, so two
//! scenarios run with the same seed see the same draws wherever their mechanisms
//! coincide (common random numbers), whatever their parameters. Transcendental maths
//! uses `libm`, so results are bit-identical on native and wasm32.

use rand::Rng;
use rand_pcg::Pcg64;

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
}

/// SplitMix64: decorrelates nearby seeds and run indices.
fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

pub struct Stream(Pcg64);

impl Stream {
    pub fn new(seed: u64, run: u64, mechanism: Mechanism) -> Self {
        let m = mechanism as u64;
        let hi = splitmix64(seed ^ splitmix64(run));
        let lo = splitmix64(hi ^ m.wrapping_mul(0xA24B_AED4_963E_E407));
        let state = ((hi as u128) << 64) | lo as u128;
        Stream(Pcg64::new(state, (m as u128) << 1 | 1))
    }

    /// Uniform in the open interval (0, 1): safe for inverse distribution functions.
    pub fn uniform(&mut self) -> f64 {
        ((self.0.random::<u64>() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
    }

    /// Standard normal by inversion (one uniform).
    pub fn normal(&mut self) -> f64 {
        inverse_normal_cdf(self.uniform())
    }

    /// Poisson count with the given mean (one uniform): exact inversion for small
    /// means, a rounded normal approximation above `POISSON_EXACT_MAX`.
    pub fn poisson(&mut self, mean: f64) -> f64 {
        poisson_inv(self.uniform(), mean)
    }

    /// Binomial count of `n` trials with success probability `p` (one uniform).
    pub fn binomial(&mut self, n: f64, p: f64) -> f64 {
        binomial_inv(self.uniform(), n, p)
    }
}

/// Above these sizes a rounded normal approximation replaces exact inversion (speed: the
/// exact inversion walks the distribution one count at a time).
const POISSON_EXACT_MAX: f64 = 6.0;
const BINOMIAL_EXACT_MAX: f64 = 24.0;

/// Below this mean a Poisson draw is 0 (the chance of anything else is under one in a
/// billion): saves an `exp` a day for every fading quantity on a dead page.
const POISSON_NEGLIGIBLE: f64 = 1e-9;

pub fn poisson_inv(u: f64, mean: f64) -> f64 {
    if mean < POISSON_NEGLIGIBLE || !mean.is_finite() {
        return 0.0;
    }
    if mean > POISSON_EXACT_MAX {
        let x = mean + libm::sqrt(mean) * inverse_normal_cdf(u);
        return libm::round(x).max(0.0);
    }
    let mut p = libm::exp(-mean);
    let mut cdf = p;
    let mut k = 0.0;
    while u > cdf && k < 200.0 {
        k += 1.0;
        p *= mean / k;
        cdf += p;
    }
    k
}

pub fn binomial_inv(u: f64, n: f64, p: f64) -> f64 {
    let n = libm::floor(n.max(0.0));
    if n == 0.0 || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return n;
    }
    if n > BINOMIAL_EXACT_MAX {
        let mean = n * p;
        let sd = libm::sqrt(mean * (1.0 - p));
        return libm::round(mean + sd * inverse_normal_cdf(u)).clamp(0.0, n);
    }
    let ratio = p / (1.0 - p);
    let mut pmf = powi(1.0 - p, n as u32);
    let mut cdf = pmf;
    let mut k = 0.0;
    while u > cdf && k < n {
        pmf *= (n - k) / (k + 1.0) * ratio;
        k += 1.0;
        cdf += pmf;
    }
    k
}

/// `x^n` by square-and-multiply: exact IEEE steps, so identical on every platform.
fn powi(mut x: f64, mut n: u32) -> f64 {
    let mut acc = 1.0;
    while n > 0 {
        if n & 1 == 1 {
            acc *= x;
        }
        x *= x;
        n >>= 1;
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
        let i = (pos as usize).min(Self::POINTS - 1);
        let f = pos - i as f64;
        self.0[i] + (self.0[i + 1] - self.0[i]) * f
    }
}

/// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
pub fn inverse_normal_cdf(p: f64) -> f64 {
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
    const LOW: f64 = 0.024_25;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < LOW {
        tail(libm::sqrt(-2.0 * libm::log(p)))
    } else if p > 1.0 - LOW {
        -tail(libm::sqrt(-2.0 * libm::log(1.0 - p)))
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
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
    fn inverse_normal_matches_known_quantiles() {
        assert!(inverse_normal_cdf(0.5).abs() < 1e-12);
        assert!((inverse_normal_cdf(0.975) - 1.959_963_985).abs() < 1e-6);
        assert!((inverse_normal_cdf(0.001) + 3.090_232_306).abs() < 1e-6);
    }
}
