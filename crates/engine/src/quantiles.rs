//! Streaming percentiles in bounded memory: one small adaptive histogram per series
//! (metric × day). Memory depends on the number of series, never on the number of runs.

/// Bins per series. A percentile is the mean of the values in its bin: exact where many
/// runs share a value (zero leads, say), and otherwise within one bin width — the range is
/// at most a few times the observed spread, so within a few percent of that spread.
pub const BINS: usize = 128;

/// Adaptive histograms for many series at once (struct of arrays, for cache-friendly inserts).
#[derive(Clone, Debug)]
pub struct QuantileGrid {
    counts: Vec<u32>,
    /// Sum of the values in each bin, so a bin reports its mean rather than a guess.
    sums: Vec<f64>,
    lo: Vec<f64>,
    /// Bin width; 0 while every value seen equals `lo`.
    width: Vec<f64>,
    min: Vec<f64>,
    max: Vec<f64>,
    sum: Vec<f64>,
    n: u64,
}

impl QuantileGrid {
    pub fn new(series: usize) -> Self {
        QuantileGrid {
            counts: vec![0; series * BINS],
            sums: vec![0.0; series * BINS],
            lo: vec![0.0; series],
            width: vec![0.0; series],
            min: vec![f64::INFINITY; series],
            max: vec![f64::NEG_INFINITY; series],
            sum: vec![0.0; series],
            n: 0,
        }
    }

    /// Adds a batch of runs laid out run-major: `values[r * series + s]`. Series by series,
    /// so each histogram stays in cache while it takes the whole batch.
    pub fn add_batch(&mut self, values: &[f64]) {
        let series = self.lo.len();
        let runs = values.len() / series;
        if runs == 0 {
            return;
        }
        if self.n == 0 {
            self.lo.copy_from_slice(&values[..series]);
        }
        for s in 0..series {
            for r in 0..runs {
                let x = values[r * series + s];
                let x = if x.is_finite() { x } else { 0.0 };
                self.sum[s] += x;
                self.min[s] = self.min[s].min(x);
                self.max[s] = self.max[s].max(x);
                self.insert(s, x);
            }
        }
        self.n += runs as u64;
    }

    fn insert(&mut self, s: usize, x: f64) {
        let counts = &mut self.counts[s * BINS..(s + 1) * BINS];
        let sums = &mut self.sums[s * BINS..(s + 1) * BINS];
        if self.width[s] == 0.0 {
            if x == self.lo[s] {
                counts[0] += 1;
                sums[0] += x;
                return;
            }
            // Second distinct value: size the range so both fit with room to spare.
            let old_lo = self.lo[s];
            let width = (x - old_lo).abs() / (BINS / 2) as f64;
            let new_lo = if x < old_lo {
                x - width * (BINS / 4) as f64
            } else {
                old_lo
            };
            let idx = (((old_lo - new_lo) / width) as usize).min(BINS - 1);
            counts.swap(0, idx);
            sums.swap(0, idx);
            self.lo[s] = new_lo;
            self.width[s] = width;
        }
        loop {
            let pos = (x - self.lo[s]) / self.width[s];
            if pos < 0.0 {
                // Extend downwards: the old range becomes the upper half at double width.
                for j in (0..BINS / 2).rev() {
                    counts[BINS / 2 + j] = counts[2 * j] + counts[2 * j + 1];
                    sums[BINS / 2 + j] = sums[2 * j] + sums[2 * j + 1];
                }
                counts[..BINS / 2].fill(0);
                sums[..BINS / 2].fill(0.0);
                self.lo[s] -= BINS as f64 * self.width[s];
                self.width[s] *= 2.0;
            } else if pos >= BINS as f64 {
                // Extend upwards: merge bins in pairs into the lower half.
                for j in 0..BINS / 2 {
                    counts[j] = counts[2 * j] + counts[2 * j + 1];
                    sums[j] = sums[2 * j] + sums[2 * j + 1];
                }
                counts[BINS / 2..].fill(0);
                sums[BINS / 2..].fill(0.0);
                self.width[s] *= 2.0;
            } else {
                counts[pos as usize] += 1;
                sums[pos as usize] += x;
                return;
            }
        }
    }

    pub fn runs(&self) -> u64 {
        self.n
    }

    pub fn mean(&self, s: usize) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.sum[s] / self.n as f64
        }
    }

    /// The `q`-quantile (0..=1) of series `s`: the mean of the bin holding that rank.
    pub fn quantile(&self, s: usize, q: f64) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let target = (q.clamp(0.0, 1.0) * self.n as f64).max(1.0);
        let range = s * BINS..(s + 1) * BINS;
        let mut seen = 0u64;
        for (&c, &sum) in self.counts[range.clone()].iter().zip(&self.sums[range]) {
            seen += c as u64;
            if c > 0 && seen as f64 >= target {
                return (sum / c as f64).clamp(self.min[s], self.max[s]);
            }
        }
        self.max[s]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(sorted: &[f64], q: f64) -> f64 {
        sorted[((q * sorted.len() as f64) as usize).min(sorted.len() - 1)]
    }

    #[test]
    fn percentiles_track_the_exact_ones_within_the_resolution() {
        // A skewed, wide-ranging sample in an awkward order (growing, then shrinking).
        let values: Vec<f64> = (0..2000)
            .map(|i| ((i * 7919) % 2000) as f64)
            .map(|v| v * v / 100.0 - 300.0)
            .collect();
        let mut grid = QuantileGrid::new(1);
        // In uneven batches, as the Monte Carlo streams them.
        for chunk in values.chunks(37) {
            grid.add_batch(chunk);
        }
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let spread = sorted[sorted.len() - 1] - sorted[0];
        for q in [0.1, 0.25, 0.5, 0.75, 0.9] {
            let err = (grid.quantile(0, q) - exact(&sorted, q)).abs();
            assert!(
                err < 0.02 * spread,
                "q {q}: {} vs {}",
                grid.quantile(0, q),
                exact(&sorted, q)
            );
        }
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        assert!((grid.mean(0) - mean).abs() < 1e-6 * spread);
    }

    #[test]
    fn constant_and_two_valued_series_are_exact() {
        let mut grid = QuantileGrid::new(2);
        let values: Vec<f64> = (0..100)
            .flat_map(|i| [5.0, if i < 70 { 0.0 } else { 1000.0 }])
            .collect();
        grid.add_batch(&values);
        assert_eq!(grid.quantile(0, 0.5), 5.0);
        assert_eq!(grid.quantile(1, 0.5), 0.0);
        assert_eq!(grid.quantile(1, 0.9), 1000.0);
    }
}
