//! Sums that do not depend on the order of their terms, so that runs simulated by several
//! workers add up to the same bits as runs simulated by one.

use serde::{Deserialize, Serialize};

/// Terms are kept in fixed point, to 2⁻²⁰ of a unit (about 10⁻⁶), in a 128-bit integer:
/// integer addition is exact, hence associative. Terms beyond ±2⁴² are clamped (no
/// quantity of the model comes near) and non-finite terms count as 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExactSum(i128);

const UNIT: f64 = 1_048_576.0; // 2^20
const LIMIT: f64 = 4_398_046_511_104.0; // 2^42, so a term times 2^20 fits an i64

impl ExactSum {
    #[inline]
    pub fn add(&mut self, x: f64) {
        // One comparison on the common path; NaN fails it and counts as 0.
        let x = if x.abs() <= LIMIT {
            x
        } else if x.is_nan() {
            0.0
        } else {
            LIMIT.copysign(x)
        };
        self.add_in_range(x);
    }

    /// `add` for a term already known to be within ±2⁴² (and not NaN): no check.
    #[inline]
    pub fn add_in_range(&mut self, x: f64) {
        self.0 += (x * UNIT) as i64 as i128;
    }

    pub fn merge(&mut self, other: &ExactSum) {
        self.0 += other.0;
    }

    pub fn value(&self) -> f64 {
        self.0 as f64 / UNIT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_of_the_terms_does_not_change_the_bits() {
        let terms: Vec<f64> = (0..1000)
            .map(|i| ((i * 7919) % 1000) as f64 * 1.37e3 / 7.0 - 3.1e4)
            .collect();
        let sum = |t: &[f64]| {
            let mut s = ExactSum::default();
            t.iter().for_each(|&x| s.add(x));
            s
        };
        let forward = sum(&terms);
        let mut reversed = terms.clone();
        reversed.reverse();
        assert_eq!(forward.value().to_bits(), sum(&reversed).value().to_bits());
        let mut halves = sum(&terms[..333]);
        halves.merge(&sum(&terms[333..]));
        assert_eq!(forward.value().to_bits(), halves.value().to_bits());
        let naive: f64 = terms.iter().sum();
        assert!((forward.value() - naive).abs() < 1e-6 * naive.abs());
    }
}
