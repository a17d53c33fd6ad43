//! Streaming percentiles in bounded memory: one small histogram per series (metric × day).
//! Memory depends on the number of series, never on the number of runs.
//!
//! The histograms can be merged exactly: what a grid holds depends only on the *set* of values
//! it was given, never on their order or on how they were split. So runs simulated by any
//! number of workers, merged, give the same bits as the runs simulated by one. Bin edges lie
//! on a fixed lattice (multiples of a power of two), the width is the smallest power of two
//! that fits the values seen in `BINS` bins, and each bin keeps its count, smallest and largest
//! value: counts add, smallest and largest are minima and maxima, all order-free.

use super::exact_sum::ExactSum;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Bins per series. A percentile falls in a bin and is read off linearly between the bin's
/// smallest and largest value: exact where many runs share a value (zero leads, say), and
/// otherwise within one bin width, at most 1/32 of the values' spread.
pub const BINS: usize = 64;

/// The finest bin width, 2⁻²⁴, while every value is the same (or nearly).
const FINEST_EXP: i32 = -24;
/// Values are clamped to ±2³⁸ (about 2.7·10¹¹, far beyond any quantity of the model) so
/// that a value's lattice index fits an i64 even at the finest width (and the exact sum
/// needs no check of its own).
const CLAMP: f64 = 274_877_906_944.0;

/// One histogram bin: how many values, and the smallest and largest of them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct Bin {
    count: u32,
    lo: f64,
    hi: f64,
}

const EMPTY: Bin = Bin {
    count: 0,
    lo: f64::INFINITY,
    hi: f64::NEG_INFINITY,
};

impl Bin {
    /// Without branches: whether a value is a bin's new extreme is unpredictable, and a
    /// mispredicted branch per value cost more than both stores. (Comparisons, not
    /// `f64::min`: that is a function call in wasm32, and values here are never NaN.)
    #[inline]
    fn take(&mut self, x: f64) {
        self.count += 1;
        let (lo, hi) = (self.lo, self.hi);
        self.lo = if x < lo { x } else { lo };
        self.hi = if x > hi { x } else { hi };
    }

    fn absorb(&mut self, b: &Bin) {
        self.count += b.count;
        self.lo = self.lo.min(b.lo);
        self.hi = self.hi.max(b.hi);
    }
}

/// One series: where its bins lie, which of them hold values, and the sum of its values.
/// Bin `i` holds the values `x` with `⌊x · 2^-exp⌋ = origin + i`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct Head {
    exp: i32,
    origin: i64,
    sum: ExactSum,
    /// Bit `i` set when bin `i` holds a value: merging, reading and sending a grid visit only
    /// those (a worker's first report has a few per series, of 64). Rebuilt from the bins
    /// when a grid is received.
    #[serde(skip)]
    filled: u64,
}

impl Default for Head {
    fn default() -> Self {
        Head {
            exp: FINEST_EXP,
            // No value yet: every lattice index is outside, so the first value sets it up.
            origin: i64::MIN,
            sum: ExactSum::default(),
            filled: 0,
        }
    }
}

/// The smallest and largest value in a series' bins (∞ and −∞ while empty).
fn extent(bins: &[Bin], filled: u64) -> (f64, f64) {
    if filled == 0 {
        return (f64::INFINITY, f64::NEG_INFINITY);
    }
    let first = filled.trailing_zeros() as usize;
    let last = BINS - 1 - filled.leading_zeros() as usize;
    (bins[first].lo, bins[last].hi)
}

/// The indices of the set bits, lowest first.
fn set_bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let i = mask.trailing_zeros() as usize;
        mask &= mask.wrapping_sub(1);
        (i < BINS).then_some(i)
    })
}

/// The value as the grid keeps it: within ±`CLAMP`, NaN as 0.
#[inline]
fn clamped(x: f64) -> f64 {
    // One comparison on the common path; NaN fails it.
    if x.abs() <= CLAMP {
        x
    } else if x.is_nan() {
        0.0
    } else {
        CLAMP.copysign(x)
    }
}

/// The smallest and largest of every `series`-th value (clamped).
fn column_extent(values: &[f64], series: usize) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for &x in values.iter().step_by(series) {
        let x = clamped(x);
        // (Comparisons, not `f64::min`, as in `Bin::take`.)
        lo = if x < lo { x } else { lo };
        hi = if x > hi { x } else { hi };
    }
    (lo, hi)
}

/// Asks the processor to bring a series' bins into cache while the series before takes its
/// batch. Each fold walks the whole grid (9 MB at 730 days), so without the hint the bins
/// arrive one cache miss at a time: the full Monte Carlo runs 12 % faster natively. A hint
/// only, it changes no value; wasm32 has no such instruction (touching the bins instead was
/// measured there: no gain).
#[inline(always)]
fn warm(bins: &[Bin]) {
    #[cfg(target_arch = "x86_64")]
    for line in (0..core::mem::size_of_val(bins)).step_by(64) {
        let p = bins.as_ptr().cast::<i8>().wrapping_add(line);
        // SAFETY: a prefetch is a hint: it reads nothing and cannot fault.
        unsafe { core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(p) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = bins;
}

/// 2^-e, exactly (e is within ±100 here).
fn inverse_width(e: i32) -> f64 {
    f64::from_bits(((1023 - e) as u64) << 52)
}

/// ⌊x · 2^-e⌋ for the clamped values: the product is exact and within an i64.
#[inline]
fn lattice(x: f64, inv: f64) -> i64 {
    let t = x * inv;
    let i = t as i64;
    i - ((i as f64) > t) as i64
}

/// The smallest width exponent (at least the finest) at which `lo..=hi` fits in `BINS` bins.
fn fitting_exp(lo: f64, hi: f64) -> i32 {
    // Every width below spread/128 fails (the lattice indices differ by 127 or more), so the
    // search starts at ⌊log₂ spread⌋ − 6: a step or two instead of thirty.
    let binary_exponent = ((hi - lo).to_bits() >> 52 & 0x7ff) as i32 - 1023;
    let mut e = FINEST_EXP.max(binary_exponent - 6);
    while lattice(hi, inverse_width(e)) - lattice(lo, inverse_width(e)) >= BINS as i64 {
        e += 1;
    }
    e
}

/// Histograms for many series at once (struct of arrays, for cache-friendly inserts).
#[derive(Clone, Debug, PartialEq)]
pub struct QuantileGrid {
    bins: Vec<Bin>,
    heads: Vec<Head>,
    n: u64,
}

impl QuantileGrid {
    pub fn new(series: usize) -> Self {
        QuantileGrid {
            bins: vec![EMPTY; series * BINS],
            heads: vec![Head::default(); series],
            n: 0,
        }
    }

    /// Adds a batch of runs laid out run-major: `values[r * series + s]`. Series by series,
    /// so each histogram stays in cache while it takes the whole batch.
    pub fn add_batch(&mut self, values: &[f64]) {
        let series = self.heads.len();
        let runs = values.len() / series;
        for (s, head) in self.heads.iter_mut().enumerate() {
            if let Some(next) = self.bins.get((s + 1) * BINS..(s + 2) * BINS) {
                warm(next);
            }
            let bins = &mut self.bins[s * BINS..(s + 1) * BINS];
            // The sum and the lattice in locals, apart from the head that `regrid` borrows,
            // so that they stay in registers.
            let (mut sum, mut filled) = (head.sum, head.filled);
            let (mut origin, mut inv) = (head.origin, inverse_width(head.exp));
            let column = values[..runs * series].get(s..).unwrap_or_default();
            for (r, &x) in column.iter().step_by(series).enumerate() {
                let x = clamped(x);
                sum.add_in_range(x);
                let k = lattice(x, inv).wrapping_sub(origin);
                if (k as u64) < BINS as u64 {
                    bins[k as usize].take(x);
                    filled |= 1 << k;
                } else {
                    // Make room once for the rest of the batch, not at each new extreme.
                    let (lo, hi) = extent(bins, filled);
                    let (rest_lo, rest_hi) = column_extent(&column[r * series..], series);
                    head.filled = filled;
                    regrid(bins, head, (lo.min(rest_lo), hi.max(rest_hi)));
                    (origin, inv) = (head.origin, inverse_width(head.exp));
                    let k = lattice(x, inv) - origin;
                    bins[k as usize].take(x);
                    filled = head.filled | 1 << k;
                }
            }
            (head.sum, head.filled) = (sum, filled);
        }
        self.n += runs as u64;
    }

    /// Adds another grid's values (same series): the result is the grid of all the values.
    pub fn merge(&mut self, other: &QuantileGrid) {
        for (s, (head, theirs)) in self.heads.iter_mut().zip(&other.heads).enumerate() {
            let range = s * BINS..(s + 1) * BINS;
            let theirs_bins = &other.bins[range.clone()];
            let (their_lo, their_hi) = extent(theirs_bins, theirs.filled);
            if their_lo > their_hi {
                continue;
            }
            let bins = &mut self.bins[range];
            let (lo, hi) = extent(bins, head.filled);
            head.sum.merge(&theirs.sum);
            regrid(bins, head, (lo.min(their_lo), hi.max(their_hi)));
            // Their bins move to this lattice as `regrid` moves bins: they only merge or shift.
            let shift = head.exp - theirs.exp;
            for i in set_bits(theirs.filled) {
                let j = ((theirs.origin + i as i64) >> shift) - head.origin;
                bins[j as usize].absorb(&theirs_bins[i]);
                head.filled |= 1 << j;
            }
        }
        self.n += other.n;
    }

    pub fn runs(&self) -> u64 {
        self.n
    }

    /// Empties the series `keep` refuses, all but their sums (so means stay exact): a thinner
    /// grid for a picture that is refined later, cheaper to send, merge and read. Their
    /// percentiles are then read off their neighbours (see `Tally::summary`).
    pub fn keep_series(&mut self, keep: impl Fn(usize) -> bool) {
        for (s, head) in self.heads.iter_mut().enumerate().filter(|(s, _)| !keep(*s)) {
            for i in set_bits(head.filled) {
                self.bins[s * BINS + i] = EMPTY;
            }
            *head = Head {
                sum: head.sum,
                ..Head::default()
            };
        }
    }

    /// Whether series `s` holds values (not while empty, nor once emptied by `keep_series`).
    pub fn has_values(&self, s: usize) -> bool {
        self.heads[s].filled != 0
    }

    pub fn mean(&self, s: usize) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.heads[s].sum.value() / self.n as f64
        }
    }

    /// The `q`-quantile (0..=1) of series `s`: the value of that rank, read off linearly
    /// between the smallest and largest value of the bin holding it.
    pub fn quantile(&self, s: usize, q: f64) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let rank = (q.clamp(0.0, 1.0) * self.n as f64).max(1.0);
        let mut seen = 0u64;
        let bins = &self.bins[s * BINS..(s + 1) * BINS];
        for bin in set_bits(self.heads[s].filled).map(|i| &bins[i]) {
            if (seen + bin.count as u64) as f64 >= rank {
                if bin.count == 1 {
                    return bin.lo;
                }
                let j = (rank - seen as f64).ceil().max(1.0) - 1.0;
                return bin.lo + (bin.hi - bin.lo) * j / (bin.count - 1) as f64;
            }
            seen += bin.count as u64;
        }
        extent(bins, self.heads[s].filled).1
    }
}

/// Moves a series' bins to the lattice that the smallest and largest value `lo..=hi` (those
/// held and those to come) need: the smallest width that fits them, starting at the smallest
/// value's bin. Bins only ever merge (the width doubles) or shift, so no value changes bin
/// other than by that.
#[cold]
fn regrid(bins: &mut [Bin], h: &mut Head, (lo, hi): (f64, f64)) {
    let exp = h.exp.max(fitting_exp(lo, hi));
    let origin = lattice(lo, inverse_width(exp));
    if (exp, origin) == (h.exp, h.origin) {
        return;
    }
    if h.filled == 0 {
        // Nothing to move (a series' first value): every worker's first fold meets this.
        (h.exp, h.origin) = (exp, origin);
        return;
    }
    let old: [Bin; BINS] = bins.try_into().unwrap_or([EMPTY; BINS]);
    let shift = exp - h.exp;
    let mut filled = 0;
    for i in set_bits(h.filled) {
        bins[i] = EMPTY;
    }
    for i in set_bits(h.filled) {
        let j = ((h.origin + i as i64) >> shift) - origin;
        bins[j as usize].absorb(&old[i]);
        filled |= 1 << j;
    }
    (h.exp, h.origin, h.filled) = (exp, origin, filled);
}

/// Sent between workers without the empty bins (most of them early on).
#[derive(Serialize, Deserialize)]
struct Sparse {
    n: u64,
    heads: Vec<Head>,
    /// Non-empty bins: (index in the grid's bins, bin).
    bins: Vec<(u32, Bin)>,
}

impl Serialize for QuantileGrid {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct NonEmpty<'a>(&'a QuantileGrid);
        impl Serialize for NonEmpty<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeSeq;
                let heads = &self.0.heads;
                let filled = heads.iter().map(|h| h.filled.count_ones() as usize).sum();
                let mut seq = serializer.serialize_seq(Some(filled))?;
                for (s, h) in heads.iter().enumerate() {
                    for i in set_bits(h.filled).map(|i| s * BINS + i) {
                        seq.serialize_element(&(i as u32, &self.0.bins[i]))?;
                    }
                }
                seq.end()
            }
        }
        let mut st = serializer.serialize_struct("Sparse", 3)?;
        st.serialize_field("n", &self.n)?;
        st.serialize_field("heads", &self.heads)?;
        st.serialize_field("bins", &NonEmpty(self))?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for QuantileGrid {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let sparse = Sparse::deserialize(deserializer)?;
        let mut grid = QuantileGrid::new(sparse.heads.len());
        (grid.heads, grid.n) = (sparse.heads, sparse.n);
        for (i, bin) in sparse.bins {
            let (i, s) = (i as usize, i as usize / BINS);
            let slot = grid.bins.get_mut(i).filter(|_| bin.count > 0);
            *slot.ok_or_else(|| serde::de::Error::custom("bin outside the grid or empty"))? = bin;
            grid.heads[s].filled |= 1 << (i % BINS);
        }
        Ok(grid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(sorted: &[f64], q: f64) -> f64 {
        sorted[((q * sorted.len() as f64) as usize).min(sorted.len() - 1)]
    }

    /// A skewed, wide-ranging sample in an awkward order (growing, then shrinking).
    fn skewed(n: usize) -> Vec<f64> {
        (0..n)
            .map(|i| ((i * 7919) % n) as f64)
            .map(|v| v * v / 100.0 - 300.0)
            .collect()
    }

    #[test]
    fn percentiles_track_the_exact_ones_within_the_resolution() {
        let values = skewed(2000);
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
                err < 0.01 * spread,
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

    #[test]
    fn any_split_and_order_merges_to_the_same_grid() {
        // Two series, so the batches are run-major as in the Monte Carlo.
        let a = skewed(1200);
        let values: Vec<f64> = a.iter().flat_map(|&x| [x, (x * 0.37).sin()]).collect();
        let mut whole = QuantileGrid::new(2);
        whole.add_batch(&values);
        for parts in [2, 3, 4, 7] {
            let runs = a.len().div_ceil(parts);
            let grids: Vec<QuantileGrid> = values
                .chunks(runs * 2)
                .map(|chunk| {
                    let mut g = QuantileGrid::new(2);
                    chunk.chunks(2 * 13).for_each(|c| g.add_batch(c));
                    g
                })
                .collect();
            // Merged in reverse, to show the order does not matter either.
            let mut merged = QuantileGrid::new(2);
            grids.iter().rev().for_each(|g| merged.merge(g));
            assert_eq!(merged, whole, "{parts} parts");
        }
    }

    #[test]
    fn a_grid_survives_its_sparse_wire_form() {
        let mut grid = QuantileGrid::new(3);
        grid.add_batch(&skewed(300));
        let bytes = bincode::serialize(&grid).unwrap();
        let back: QuantileGrid = bincode::deserialize(&bytes).unwrap();
        assert_eq!(back, grid);
    }
}
