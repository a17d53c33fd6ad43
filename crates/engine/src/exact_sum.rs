//! Sums that do not depend on the order of their terms, so that runs simulated by several
//! workers add up to the same bits as runs simulated by one.

use serde::{Deserialize, Serialize};

/// Terms are kept as whole and fractional parts in integers (the fraction to 2⁻³² of a
/// unit): integer addition is exact, hence associative. Terms beyond ±2⁵² are clamped
/// (no quantity of the model comes near) and non-finite terms count as 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExactSum {
    whole: i128,
    frac: i64,
}

const FRACTION: f64 = 4_294_967_296.0; // 2^32
const LIMIT: f64 = 4_503_599_627_370_496.0; // 2^52: every f64 beyond is a whole number

impl ExactSum {
    #[inline]
    pub fn add(&mut self, x: f64) {
        let x = if x.is_finite() {
            x.clamp(-LIMIT, LIMIT)
        } else {
            0.0
        };
        let whole = x as i64; // towards zero; the rest is exact below 2^52
        self.whole += whole as i128;
        self.frac += ((x - whole as f64) * FRACTION) as i64;
    }

    pub fn merge(&mut self, other: &ExactSum) {
        self.whole += other.whole;
        self.frac += other.frac;
    }

    pub fn value(&self) -> f64 {
        self.whole as f64 + self.frac as f64 / FRACTION
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
