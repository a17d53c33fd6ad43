//! The engine's Poisson and binomial samplers against `rand_distr`'s (the reference, driven by
//! an engine stream through `rand_core::RngCore`), by a two-sample chi-square test of
//! homogeneity: a million draws from each, counted by value, adjacent values pooled into bins
//! holding at least `MIN_BIN` draws of the two together, rejected at the 99.9 % point. Fixed
//! seeds make every outcome the same on every run (nothing can flake), and the same test must
//! reject each sampler with its parameter 3 % off, so it is strict enough to see that error.
//!
//! The exact samplers (Poisson means up to 6, binomial n up to 24) pass. The rounded normal
//! used above those sizes does not (docs/MODEL.md section 7): its error in total variation is
//! held to the bound measured here, so that it cannot grow unnoticed.

use longgame_engine::rng::{BinomialTable, Mechanism, Stream};
use rand_core::{RngCore, SeedableRng};
use rand_distr::{Binomial, Distribution, Poisson};
use std::collections::{BTreeMap, BTreeSet};

/// Draws per sample: enough that a 3 % error in the parameter is rejected at every size tested.
const DRAWS: usize = 1_000_000;
/// Fewest draws (both samples together) in a bin, so each bin's term is near chi-square.
const MIN_BIN: u64 = 40;

/// Two samples' counts by value.
struct Samples {
    engine: BTreeMap<u64, u64>,
    reference: BTreeMap<u64, u64>,
}

fn counts(mut draw: impl FnMut() -> u64) -> BTreeMap<u64, u64> {
    let mut c = BTreeMap::new();
    for _ in 0..DRAWS {
        *c.entry(draw()).or_insert(0) += 1;
    }
    c
}

impl Samples {
    fn new(engine: impl FnMut() -> u64, reference: impl FnMut() -> u64) -> Self {
        Samples {
            engine: counts(engine),
            reference: counts(reference),
        }
    }

    fn values(&self) -> BTreeSet<u64> {
        self.engine
            .keys()
            .chain(self.reference.keys())
            .copied()
            .collect()
    }

    fn pair(&self, v: u64) -> (u64, u64) {
        let get = |m: &BTreeMap<u64, u64>| m.get(&v).copied().unwrap_or(0);
        (get(&self.engine), get(&self.reference))
    }

    /// Σ (a − b)² / (a + b) over the pooled bins (equal sample sizes), and the 99.9 % point of
    /// chi-square with bins − 1 degrees of freedom.
    fn chi_square(&self) -> (f64, f64) {
        let mut bins: Vec<(u64, u64)> = Vec::new();
        let mut open = (0, 0);
        for v in self.values() {
            let (a, b) = self.pair(v);
            open = (open.0 + a, open.1 + b);
            if open.0 + open.1 >= MIN_BIN {
                bins.push(open);
                open = (0, 0);
            }
        }
        if let Some(last) = bins.last_mut() {
            *last = (last.0 + open.0, last.1 + open.1); // the thin tail joins the last bin
        }
        let stat = bins
            .iter()
            .map(|&(a, b)| (a as f64 - b as f64).powi(2) / (a + b) as f64)
            .sum();
        (stat, critical_999(bins.len().saturating_sub(1).max(1)))
    }

    /// Half the summed absolute difference of the two histograms, as a share of the draws.
    fn total_variation(&self) -> f64 {
        let diff: u64 = self
            .values()
            .into_iter()
            .map(|v| {
                let (a, b) = self.pair(v);
                a.abs_diff(b)
            })
            .sum();
        diff as f64 / 2.0 / DRAWS as f64
    }
}

/// Chi-square's 99.9 % point by the Wilson–Hilferty approximation (within 1 % for df ≥ 2).
fn critical_999(df: usize) -> f64 {
    const Z_999: f64 = 3.090_232;
    let k = df as f64;
    let h = 2.0 / (9.0 * k);
    k * (1.0 - h + Z_999 * h.sqrt()).powi(3)
}

/// The engine's Poisson draws with mean `mean · scale` against `rand_distr`'s Poisson(mean).
fn poisson(mean: f64, scale: f64) -> Samples {
    let mut engine = Stream::new(1, 0, Mechanism::Audience);
    let mut rng = Stream::seed_from_u64(2);
    let reference = Poisson::new(mean).unwrap();
    Samples::new(
        || engine.poisson(mean * scale) as u64,
        || reference.sample(&mut rng) as u64,
    )
}

/// Both of the engine's binomial samplers (the inversion for a daily p, the table for a fixed
/// one) with success probability `p · scale`, each against `rand_distr`'s Binomial(n, p).
fn binomial(n: u64, p: f64, scale: f64) -> [Samples; 2] {
    let reference = Binomial::new(n, p).unwrap();
    let table = BinomialTable::new(p * scale);
    let mut engine = Stream::new(3, 0, Mechanism::Sales);
    let mut rng = Stream::seed_from_u64(4);
    let inversion = Samples::new(
        || engine.binomial(n as f64, p * scale) as u64,
        || reference.sample(&mut rng),
    );
    let mut engine = Stream::new(5, 0, Mechanism::Sales);
    let mut rng = Stream::seed_from_u64(6);
    let tabled = Samples::new(
        || table.draw(engine.next_u64(), n as f64) as u64,
        || reference.sample(&mut rng),
    );
    [inversion, tabled]
}

/// Sizes the engine draws exactly: the small-mean inversion, the table's grid, its top end.
const EXACT_MEANS: [f64; 4] = [0.05, 0.8, 3.0, 5.9];
const EXACT_BINOMIALS: [(u64, f64); 4] = [(5, 0.3), (20, 0.05), (24, 0.8), (12, 0.5)];

#[test]
fn exact_poisson_draws_match_rand_distr() {
    for mean in EXACT_MEANS {
        let (stat, critical) = poisson(mean, 1.0).chi_square();
        assert!(
            stat < critical,
            "Poisson({mean}): chi-square {stat:.1} ≥ {critical:.1}"
        );
    }
}

#[test]
fn exact_binomial_draws_match_rand_distr() {
    for (n, p) in EXACT_BINOMIALS {
        for (sampler, samples) in ["inversion", "table"].iter().zip(binomial(n, p, 1.0)) {
            let (stat, critical) = samples.chi_square();
            assert!(
                stat < critical,
                "Binomial({n}, {p}) by {sampler}: chi-square {stat:.1} ≥ {critical:.1}"
            );
        }
    }
}

#[test]
fn the_fit_test_rejects_a_sampler_three_percent_off() {
    // Poisson(0.05) is left out: 3 % of a mean that small moves 1,500 draws in a million,
    // too few to tell at this sample size.
    for mean in &EXACT_MEANS[1..] {
        let (stat, critical) = poisson(mean / 1.03, 1.03).chi_square();
        assert!(stat > critical, "Poisson({mean}) 3 % off passed: {stat:.1}");
    }
    for (n, p) in EXACT_BINOMIALS {
        for samples in binomial(n, p, 1.03) {
            let (stat, critical) = samples.chi_square();
            assert!(
                stat > critical,
                "Binomial({n}, {p}) 3 % off passed: {stat:.1}"
            );
        }
    }
}

/// Where the engine replaces exact draws by `round(mean + sd·z)`, the error it makes, in total
/// variation against `rand_distr`'s exact sampler, stays below the bound measured at this
/// commit (sampling noise at a million draws is about 0.2 %). The chi-square test rejects all
/// of these: the approximation misses the skew of small counts (Poisson(6.5) puts 5 % of its
/// draws on the wrong counts; Binomial(300, 0.02) with mean 6, 5 %).
#[test]
fn the_normal_approximation_errs_as_documented() {
    let poissons = [(6.5, 0.06), (15.0, 0.04), (60.0, 0.02), (400.0, 0.01)];
    for (mean, bound) in poissons {
        let tv = poisson(mean, 1.0).total_variation();
        assert!(
            tv < bound,
            "Poisson({mean}): total variation {tv:.4} ≥ {bound}"
        );
    }
    let binomials = [((40, 0.5), 0.005), ((300, 0.02), 0.06), ((1000, 0.3), 0.01)];
    for ((n, p), bound) in binomials {
        for samples in binomial(n, p, 1.0) {
            let tv = samples.total_variation();
            assert!(
                tv < bound,
                "Binomial({n}, {p}): total variation {tv:.4} ≥ {bound}"
            );
        }
    }
}
