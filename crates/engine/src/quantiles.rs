//! Streaming percentiles in bounded memory: one small adaptive histogram per series
//! (metric × day). Memory depends on the number of series, never on the number of runs.

/// Bins per series. A percentile is the mean of the values in its bin: exact where many
/// runs share a value (zero leads, say), and otherwise within one bin width — the range is
/// at most a few times the observed spread, so within a few percent of that spread.
pub const BINS: usize = 128;

/// One histogram bin: the count and the sum of its values side by side, so that an insert
/// touches one cache line.
#[derive(Clone, Copy, Debug, Default)]
struct Bin {
    sum: f64,
    count: u64,
}

/// Where a series' bins lie: bin `i` holds values in `[lo + i·width, lo + (i+1)·width)`.
#[derive(Clone, Copy, Debug, Default)]
struct Range {
    lo: f64,
    /// Bin width; 0 while every value seen equals `lo`.
    width: f64,
    /// 1 / width (0 while width is 0): a bin's index is found by multiplying.
    inv_width: f64,
}

/// Adaptive histograms for many series at once (struct of arrays, for cache-friendly inserts).
#[derive(Clone, Debug)]
pub struct QuantileGrid {
    /// `BINS` bins per series; a bin reports the mean of its values rather than a guess.
    bins: Vec<Bin>,
    range: Vec<Range>,
    min: Vec<f64>,
    max: Vec<f64>,
    sum: Vec<f64>,
    n: u64,
}

impl QuantileGrid {
    pub fn new(series: usize) -> Self {
        QuantileGrid {
            bins: vec![Bin::default(); series * BINS],
            range: vec![Range::default(); series],
            min: vec![f64::INFINITY; series],
            max: vec![f64::NEG_INFINITY; series],
            sum: vec![0.0; series],
            n: 0,
        }
    }

    /// Adds a batch of runs laid out run-major: `values[r * series + s]`. Series by series,
    /// so each histogram stays in cache while it takes the whole batch.
    pub fn add_batch(&mut self, values: &[f64]) {
        let series = self.range.len();
        let runs = values.len() / series;
        if runs == 0 {
            return;
        }
        if self.n == 0 {
            for (range, &x) in self.range.iter_mut().zip(values) {
                range.lo = x;
            }
        }
        for s in 0..series {
            let bins = &mut self.bins[s * BINS..(s + 1) * BINS];
            let mut range = self.range[s];
            let (mut sum, mut min, mut max) = (self.sum[s], self.min[s], self.max[s]);
            for r in 0..runs {
                let x = values[r * series + s];
                let x = if x.is_finite() { x } else { 0.0 };
                sum += x;
                min = min.min(x);
                max = max.max(x);
                let pos = (x - range.lo) * range.inv_width;
                // (While the width is 0, pos is 0 and only `lo` itself belongs in bin 0.)
                if (0.0..BINS as f64).contains(&pos) && (range.width > 0.0 || x == range.lo) {
                    let bin = &mut bins[pos as usize];
                    bin.count += 1;
                    bin.sum += x;
                } else {
                    insert_outside(bins, &mut range, x);
                }
            }
            self.range[s] = range;
            (self.sum[s], self.min[s], self.max[s]) = (sum, min, max);
        }
        self.n += runs as u64;
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
        let mut seen = 0u64;
        for bin in &self.bins[s * BINS..(s + 1) * BINS] {
            seen += bin.count;
            if bin.count > 0 && seen as f64 >= target {
                return (bin.sum / bin.count as f64).clamp(self.min[s], self.max[s]);
            }
        }
        self.max[s]
    }
}

/// Inserts a value the bins do not cover yet: the first values of a series, or one below or
/// above its range (the range then doubles, merging bins in pairs, until it fits).
#[cold]
fn insert_outside(bins: &mut [Bin], range: &mut Range, x: f64) {
    if range.width == 0.0 {
        if x == range.lo {
            bins[0].count += 1;
            bins[0].sum += x;
            return;
        }
        // Second distinct value: size the range so both fit with room to spare.
        let old_lo = range.lo;
        let width = (x - old_lo).abs() / (BINS / 2) as f64;
        let new_lo = if x < old_lo {
            x - width * (BINS / 4) as f64
        } else {
            old_lo
        };
        let idx = (((old_lo - new_lo) / width) as usize).min(BINS - 1);
        bins.swap(0, idx);
        *range = Range {
            lo: new_lo,
            width,
            inv_width: 1.0 / width,
        };
    }
    loop {
        let pos = (x - range.lo) * range.inv_width;
        if pos < 0.0 {
            // Extend downwards: the old range becomes the upper half at double width.
            for j in (0..BINS / 2).rev() {
                bins[BINS / 2 + j] = merged(bins[2 * j], bins[2 * j + 1]);
            }
            bins[..BINS / 2].fill(Bin::default());
            range.lo -= BINS as f64 * range.width;
        } else if pos >= BINS as f64 {
            // Extend upwards: merge bins in pairs into the lower half.
            for j in 0..BINS / 2 {
                bins[j] = merged(bins[2 * j], bins[2 * j + 1]);
            }
            bins[BINS / 2..].fill(Bin::default());
        } else {
            let bin = &mut bins[pos as usize];
            bin.count += 1;
            bin.sum += x;
            return;
        }
        range.width *= 2.0;
        range.inv_width *= 0.5;
    }
}

fn merged(a: Bin, b: Bin) -> Bin {
    Bin {
        sum: a.sum + b.sum,
        count: a.count + b.count,
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
