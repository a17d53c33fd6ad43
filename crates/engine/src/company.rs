//! What we do not know about the company: each run draws its own constants (reach, engagement,
//! conversion, paid performance, follow rate, crisis rate, ad click-through, the time it takes to
//! build capability) around the calibrated medians.
//!
//! The draws come from a stream keyed on `(seed, run)` only, never on the scenario, so two
//! scenarios compared under the same seed face the same company in the same run (common random
//! numbers), and the bands show what we do not know as well as day-to-day luck.

use super::constants::*;
use super::rng::{Mechanism, Stream};
use serde::{Deserialize, Serialize};

/// Multipliers on the calibrated medians (1 = the median company).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Company {
    pub reach: f64,
    pub engagement: f64,
    pub conversion: f64,
    pub paid: f64,
    pub follow: f64,
    pub crisis: f64,
    /// Ad click-through per impression (industries differ: WordStream 0.47–1.61 %).
    pub click_through: f64,
    /// Days it takes to build capability (the articles' "takes time": 90–365 days).
    pub capability_time: f64,
}

impl Company {
    /// Run `run`'s company under master seed `seed`: log-normal draws with median 1.
    pub fn draw(seed: u64, run: u64) -> Company {
        let mut s = Stream::new(seed, run, Mechanism::Company);
        let mut factor = |sigma: f64| libm::exp(sigma * s.normal());
        Company {
            reach: factor(SPREAD_REACH),
            engagement: factor(SPREAD_ENGAGEMENT),
            conversion: factor(SPREAD_CONVERSION),
            paid: factor(SPREAD_PAID),
            follow: factor(SPREAD_FOLLOW),
            crisis: factor(SPREAD_CRISIS),
            // Drawn after the six above, so those keep their draws.
            click_through: factor(SPREAD_CLICK_THROUGH),
            capability_time: factor(SPREAD_CAPABILITY_TIME),
        }
    }

    /// Where a constant `value` (a multiplier drawn with log-normal `spread`) lies among the
    /// companies every run draws: the share of them with a smaller value, 0 to 1.
    pub fn percentile(value: f64, spread: f64) -> f64 {
        0.5 * (1.0 + libm::erf(libm::log(value) / spread / core::f64::consts::SQRT_2))
    }

    /// This company's reach per follower and readiness to become a lead, each as the share of
    /// the companies every run draws that it beats (play's debrief: how the player's company,
    /// which the game knew, differed from the typical one).
    pub fn standing(&self) -> [f64; 2] {
        [
            Company::percentile(self.reach, SPREAD_REACH),
            Company::percentile(self.conversion, SPREAD_CONVERSION),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_depend_on_seed_and_run_and_centre_on_the_median() {
        assert_eq!(Company::draw(3, 4), Company::draw(3, 4));
        assert_ne!(Company::draw(3, 4), Company::draw(3, 5));
        let mut reach: Vec<f64> = (0..2001).map(|r| Company::draw(9, r).reach).collect();
        let below = reach
            .iter()
            .filter(|&&x| Company::percentile(x, SPREAD_REACH) < 0.25)
            .count();
        let share = below as f64 / reach.len() as f64;
        assert!(
            (share - 0.25).abs() < 0.03,
            "a quarter below the 25th percentile: {share}"
        );
        reach.sort_by(f64::total_cmp);
        assert!((reach[1000] - 1.0).abs() < 0.05, "median {}", reach[1000]);
    }

    #[test]
    fn click_through_and_capability_time_differ_between_companies() {
        // Both swing the default's median ROI by tens of points across their ranges (MODEL.md
        // §6.1), so each run draws them: P10–P90 spans about ×0.64–1.57 and ×0.73–1.38.
        let spread = |f: fn(&Company) -> f64| {
            let mut v: Vec<f64> = (0..1001).map(|r| f(&Company::draw(5, r))).collect();
            v.sort_by(f64::total_cmp);
            (v[100], v[900])
        };
        let (lo, hi) = spread(|c| c.click_through);
        assert!(lo < 0.7 && hi > 1.45, "click-through P10–P90 {lo}–{hi}");
        let (lo, hi) = spread(|c| c.capability_time);
        assert!(lo < 0.8 && hi > 1.3, "capability time P10–P90 {lo}–{hi}");
    }
}
