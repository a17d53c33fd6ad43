//! The observation model: how what a page reports relates to what a simulated future did.
//! Followers (a level) with log-normal error; the totals (reach, engagements, messages, leads,
//! customers) as negative-binomial counts around the simulated total, over-dispersed because
//! platforms' counts and the model are both rough. Both are assumptions (docs/MODEL.md §13).

use super::history::Column;
use crate::rng::Stream;

/// Standard deviation of log(1 + followers) reported around the simulated level.
pub const FOLLOWERS_LOG_SD: f64 = 0.1;

/// Negative-binomial size k: variance = mean + mean²/k (a coefficient of variation of at
/// least 1/√k = 32 % on large totals).
pub const DISPERSION: f64 = 10.0;

/// Smallest mean a count is weighed against: a future that simulated none can still have
/// seen one (and the refusal can name the closest future).
const LEAST_MEAN: f64 = 0.05;

/// Log-likelihood of reporting `observed` when the future simulated `simulated`.
pub fn log_likelihood(c: Column, observed: f64, simulated: f64) -> f64 {
    if c == Column::Followers {
        let z = (libm::log1p(observed) - libm::log1p(simulated)) / FOLLOWERS_LOG_SD;
        return -0.5 * z * z
            - libm::log(FOLLOWERS_LOG_SD * (1.0 + observed))
            - 0.5 * libm::log(2.0 * core::f64::consts::PI);
    }
    let (y, m, k) = (observed, simulated.max(LEAST_MEAN), DISPERSION);
    libm::lgamma(y + k) - libm::lgamma(k) - libm::lgamma(y + 1.0)
        + k * libm::log(k / (k + m))
        + y * libm::log(m / (k + m))
}

/// How far `observed` lies from what the future simulated, in standard deviations of the
/// observation model (log scale for followers; mean and variance for the counts).
pub fn misfit(c: Column, observed: f64, simulated: f64) -> f64 {
    if c == Column::Followers {
        return (libm::log1p(observed) - libm::log1p(simulated)) / FOLLOWERS_LOG_SD;
    }
    let m = simulated.max(LEAST_MEAN);
    (observed - m) / (m + m * m / DISPERSION).sqrt()
}

/// A future "reproduces" an observation within this many standard deviations.
pub const REPRODUCED_WITHIN: f64 = 4.0;

/// A report drawn from the observation model (histories generated from the model itself).
pub fn draw(c: Column, simulated: f64, s: &mut Stream) -> f64 {
    if c == Column::Followers {
        let v = (1.0 + simulated) * libm::exp(FOLLOWERS_LOG_SD * s.normal()) - 1.0;
        return libm::round(v.max(0.0));
    }
    let mean = gamma(DISPERSION, s) * simulated / DISPERSION;
    s.poisson(mean)
}

/// Gamma(shape, 1) by Marsaglia and Tsang (shape ≥ 1).
fn gamma(shape: f64, s: &mut Stream) -> f64 {
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = s.normal();
        let v = 1.0 + c * x;
        if v <= 0.0 {
            continue;
        }
        let v = v * v * v;
        let u = s.uniform();
        if libm::log(u.max(1e-300)) < 0.5 * x * x + d - d * v + d * libm::log(v) {
            return d * v;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Mechanism;

    #[test]
    fn the_likelihood_peaks_near_what_was_simulated() {
        for c in [Column::Followers, Column::Leads, Column::Reach] {
            let at = log_likelihood(c, 1000.0, 1000.0);
            assert!(at > log_likelihood(c, 1000.0, 500.0), "{c:?}");
            assert!(at > log_likelihood(c, 1000.0, 2000.0), "{c:?}");
        }
        assert!(log_likelihood(Column::Leads, 3.0, 0.0).is_finite());
    }

    #[test]
    fn drawn_counts_have_the_stated_mean_and_over_dispersion() {
        let mut s = Stream::new(5, 0, Mechanism::Sales);
        let xs: Vec<f64> = (0..20_000)
            .map(|_| draw(Column::Leads, 40.0, &mut s))
            .collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / xs.len() as f64;
        assert!((mean - 40.0).abs() < 0.5, "mean {mean}");
        let expected = 40.0 + 1600.0 / DISPERSION;
        assert!(
            (var / expected - 1.0).abs() < 0.08,
            "variance {var} vs {expected}"
        );
    }
}
