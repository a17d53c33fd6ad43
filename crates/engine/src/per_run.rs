//! The few values kept per run, for what a summary of bands cannot say: where futures split
//! into cancelled and continued, the medians of each group; and how well each early metric
//! (day 90, 180) predicts the outcome at the horizon, across the futures.
//!
//! Only the first `RECORDS_KEPT` runs are kept (in run order, so the result is the same however
//! many workers shared the runs); the share cancelled comes from every run's count.

use super::engine::{Metric, RunTrace, EARLY_DAYS, N_METRICS};
use serde::{Deserialize, Serialize};

/// Runs kept: enough for medians and rank correlations to within a few hundredths, few enough
/// that ordering every pair (half a million) stays quick in a summary.
pub const RECORDS_KEPT: usize = 1000;

/// The early metrics, in this order in [`RunRecord::early`] and [`PredictorSet::metrics`].
pub const PREDICTORS: [&str; 6] = [
    "reach",
    "followers",
    "engagement",
    "answered_share",
    "trust",
    "leads_so_far",
];

/// Days over which daily reach and engagement are averaged for an early reading (a month).
const FLOW_WINDOW: usize = 30;

/// A split is worth saying when each group holds at least this share of the futures: with a
/// fifth cancelled, the median of all is already the continued futures' 37.5th percentile.
pub const MATERIAL_SHARE: f64 = 0.2;

/// One run's kept values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    cancelled_day: Option<u32>,
    /// Every metric on each of [`split_days`].
    at: Vec<[f64; N_METRICS]>,
    /// The early metrics on each of `EARLY_DAYS` within the horizon.
    early: Vec<[f64; PREDICTORS.len()]>,
}

/// The days a split is reported on: 90, 180, 365 within the horizon, and the horizon.
pub fn split_days(horizon: u32) -> Vec<u32> {
    let mut days: Vec<u32> = [90, 180, 365]
        .into_iter()
        .filter(|&d| d < horizon)
        .collect();
    days.push(horizon);
    days
}

impl RunRecord {
    pub fn new(t: &RunTrace) -> Self {
        let horizon = t.days() as u32 - 1;
        let row = |day: u32| -> [f64; N_METRICS] {
            let start = day as usize * N_METRICS;
            t.values[start..start + N_METRICS].try_into().unwrap()
        };
        let mean_of = |m: Metric, day: usize| {
            let from = (day + 1).saturating_sub(FLOW_WINDOW);
            (from..=day).map(|d| t.value(d, m)).sum::<f64>() / (day + 1 - from) as f64
        };
        let early = EARLY_DAYS
            .iter()
            .zip(t.early_answers)
            .filter(|(&day, _)| day <= horizon)
            .map(|(&day, [messages, answered])| {
                let d = day as usize;
                [
                    mean_of(Metric::Reach, d),
                    t.value(d, Metric::Followers),
                    mean_of(Metric::Engagement, d),
                    if messages > 0.0 {
                        answered / messages
                    } else {
                        0.0
                    },
                    t.value(d, Metric::Trust),
                    t.value(d, Metric::Leads),
                ]
            })
            .collect();
        RunRecord {
            cancelled_day: t.cancelled_day,
            at: split_days(horizon).into_iter().map(row).collect(),
            early,
        }
    }
}

/// Futures cancelled by a day and those that continued, and each group's median of every
/// metric on that day (from the kept runs; None for an empty group).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Split {
    pub day: u32,
    /// Share of all runs cancelled by management by the end of `day`.
    pub cancelled: f64,
    /// Both groups hold at least `MATERIAL_SHARE` of the futures: one median line would mislead.
    pub material: bool,
    pub continued_p50: Option<[f64; N_METRICS]>,
    pub cancelled_p50: Option<[f64; N_METRICS]>,
}

/// How well one early metric predicts the outcome across the futures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Predictor {
    pub metric: String,
    /// Spearman's rank correlation with the outcome (None when either does not vary).
    pub spearman: Option<f64>,
    /// Of the pairs of futures whose outcomes differ, the share the metric orders the same way
    /// (a tie counts half): 0.5 is a coin toss, 1 orders every pair.
    pub pairs_ordered: Option<f64>,
}

/// The early metrics on one day against leads at the horizon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PredictorSet {
    pub day: u32,
    pub outcome_day: u32,
    /// The runs compared.
    pub runs: u32,
    pub metrics: Vec<Predictor>,
}

/// The split on each of [`split_days`]; `cancelled_by(day)` is the share cancelled over all runs.
pub fn splits(
    records: &[RunRecord],
    horizon: u32,
    cancelled_by: impl Fn(u32) -> f64,
) -> Vec<Split> {
    split_days(horizon)
        .into_iter()
        .enumerate()
        .map(|(i, day)| {
            let cancelled = |r: &&RunRecord| r.cancelled_day.is_some_and(|c| c <= day);
            let group = |want: bool| {
                let rows: Vec<&[f64; N_METRICS]> = records
                    .iter()
                    .filter(|r| cancelled(r) == want)
                    .map(|r| &r.at[i])
                    .collect();
                (!rows.is_empty())
                    .then(|| std::array::from_fn(|m| median(rows.iter().map(|r| r[m]).collect())))
            };
            let share = cancelled_by(day);
            Split {
                day,
                cancelled: share,
                material: (MATERIAL_SHARE..=1.0 - MATERIAL_SHARE).contains(&share),
                continued_p50: group(false),
                cancelled_p50: group(true),
            }
        })
        .collect()
}

/// Each early metric on each early day within the horizon against leads at the horizon.
pub fn predictors(records: &[RunRecord], horizon: u32) -> Vec<PredictorSet> {
    let last = split_days(horizon).len() - 1;
    let outcome: Vec<f64> = records
        .iter()
        .map(|r| r.at[last][Metric::Leads.index()])
        .collect();
    let outcome_ranks = ranks(&outcome);
    EARLY_DAYS
        .iter()
        .enumerate()
        .filter(|(_, &day)| day < horizon && records.len() > 1)
        .map(|(i, &day)| PredictorSet {
            day,
            outcome_day: horizon,
            runs: records.len() as u32,
            metrics: PREDICTORS
                .iter()
                .enumerate()
                .map(|(k, name)| {
                    let early: Vec<f64> = records.iter().map(|r| r.early[i][k]).collect();
                    Predictor {
                        metric: name.to_string(),
                        spearman: pearson(&ranks(&early), &outcome_ranks),
                        pairs_ordered: pairs_ordered(&early, &outcome),
                    }
                })
                .collect(),
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Spearman's rank correlation of two series (None when either is constant).
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&ranks(x), &ranks(y))
}

/// Ranks from 1, ties sharing their mean rank.
fn ranks(v: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
            j += 1;
        }
        let mean_rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            r[k] = mean_rank;
        }
        i = j + 1;
    }
    r
}

/// Pearson's correlation (None when either series is constant).
fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// The share of pairs with different outcomes that `early` orders the same way (ties half).
/// In O(n log n), so that a summary stays quick: the runs are taken in order of outcome, a
/// group of equal outcomes at a time, and a Fenwick tree counts the earlier runs (smaller
/// outcome) whose early value is smaller or equal.
fn pairs_ordered(early: &[f64], outcome: &[f64]) -> Option<f64> {
    let mut values = early.to_vec();
    values.sort_by(f64::total_cmp);
    values.dedup_by(|a, b| a.total_cmp(b).is_eq());
    // 1-based dense rank of an early value.
    let rank = |x: f64| values.partition_point(|v| v.total_cmp(&x).is_lt()) + 1;
    let mut order: Vec<usize> = (0..early.len()).collect();
    order.sort_by(|&a, &b| outcome[a].total_cmp(&outcome[b]));
    let mut tree = vec![0u64; values.len() + 1];
    let count_to = |tree: &[u64], mut i: usize| {
        let mut sum = 0;
        while i > 0 {
            sum += tree[i];
            i &= i - 1;
        }
        sum
    };
    let (mut agree2, mut pairs, mut earlier) = (0u64, 0u64, 0u64);
    for group in order.chunk_by(|&a, &b| outcome[a].total_cmp(&outcome[b]).is_eq()) {
        for &i in group {
            let r = rank(early[i]);
            let (below, up_to) = (count_to(&tree, r - 1), count_to(&tree, r));
            agree2 += 2 * below + (up_to - below); // twice: a tie counts half
            pairs += earlier;
        }
        for &i in group {
            let mut r = rank(early[i]);
            while r < tree.len() {
                tree[r] += 1;
                r += r & r.wrapping_neg();
            }
        }
        earlier += group.len() as u64;
    }
    (pairs > 0).then(|| agree2 as f64 / 2.0 / pairs as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_ties_and_correlations_see_order() {
        assert_eq!(ranks(&[3.0, 1.0, 3.0, 2.0]), [3.5, 1.0, 3.5, 2.0]);
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let cubed: Vec<f64> = x.iter().map(|v| v * v * v).collect();
        assert_eq!(pearson(&ranks(&x), &ranks(&cubed)), Some(1.0));
        let reversed = [5.0, 4.0, 3.0, 2.0, 1.0];
        assert_eq!(pearson(&ranks(&x), &ranks(&reversed)), Some(-1.0));
        assert_eq!(pearson(&x, &[2.0; 5]), None);
        assert_eq!(pairs_ordered(&x, &cubed), Some(1.0));
        assert_eq!(pairs_ordered(&[1.0; 5], &x), Some(0.5));
        // 1 of 3 pairs reversed.
        assert_eq!(
            pairs_ordered(&[1.0, 3.0, 2.0], &[1.0, 2.0, 3.0]),
            Some(2.0 / 3.0)
        );
    }

    /// Every pair, one by one: the reference for the fast count.
    fn pairs_ordered_slowly(early: &[f64], outcome: &[f64]) -> Option<f64> {
        let (mut agree, mut pairs) = (0.0, 0u64);
        for i in 0..early.len() {
            for j in i + 1..early.len() {
                let o = outcome[i].total_cmp(&outcome[j]);
                if o.is_ne() {
                    pairs += 1;
                    let e = early[i].total_cmp(&early[j]);
                    agree += if e.is_eq() {
                        0.5
                    } else {
                        (e == o) as u8 as f64
                    };
                }
            }
        }
        (pairs > 0).then(|| agree / pairs as f64)
    }

    #[test]
    fn the_fast_pair_count_is_the_pair_by_pair_count() {
        let mut s = crate::rng::Stream::new(9, 0, crate::rng::Mechanism::Content);
        for n in [2, 3, 10, 200] {
            // Few distinct values, so that ties in both are common.
            let mut draw = || (s.uniform() * 7.0).floor();
            let outcome: Vec<f64> = (0..n).map(|_| draw()).collect();
            let early: Vec<f64> = outcome.iter().map(|o| o + draw()).collect();
            assert_eq!(
                pairs_ordered(&early, &outcome),
                pairs_ordered_slowly(&early, &outcome)
            );
        }
        assert_eq!(pairs_ordered(&[1.0, 2.0], &[3.0, 3.0]), None);
    }

    #[test]
    fn medians_of_odd_and_even_groups() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
