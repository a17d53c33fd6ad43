//! Statistics over a set of futures, shared by the class ranking and the explorer.

/// The median (NaN for no values).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    super::order::sort_by(&mut v, f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The fraction of futures (0 to 1) in which `a` is strictly higher than `b`, future by future.
pub fn fraction_above(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    (0..n).filter(|&i| a[i] > b[i]).count() as f64 / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_and_the_fraction_above_read_futures_side_by_side() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&[]).is_nan());
        assert_eq!(
            fraction_above(&[2.0, 1.0, 5.0, 0.0], &[1.0, 1.0, 4.0, 3.0]),
            0.5
        );
        assert_eq!(fraction_above(&[], &[1.0]), 0.0);
    }
}
