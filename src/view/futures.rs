//! What one median line cannot say, in sentences: where futures split into cancelled and
//! continued (the two groups' medians), and which early number predicts the outcome.

use crate::i18n::{tr, trf, Lang};
use crate::model::monte_carlo::Summary;
use crate::model::per_run::{PredictorSet, Split};
use crate::model::Metric;
use crate::view::format::{chance, percentile, Unit};

/// The split on `day`, when the futures split materially there.
fn material_split(s: &Summary, day: usize) -> Option<&Split> {
    s.splits
        .iter()
        .find(|sp| sp.day as usize == day)
        .filter(|sp| sp.material)
}

/// "Management cancelled in 48 % of futures by day 730; among the others the median is 716
/// leads (among the cancelled: 24)." for leads at the horizon, when the split is material.
pub fn headline(l: Lang, s: &Summary) -> Option<String> {
    let sp = material_split(s, s.days as usize)?;
    let leads = |g: Option<[f64; 8]>| g.map_or(0.0, |v| v[Metric::Leads.index()]);
    Some(trf(
        l,
        "split.headline",
        &[
            &chance(l, sp.cancelled),
            &sp.day,
            &percentile(l, leads(sp.continued_p50), Unit::Count),
            &percentile(l, leads(sp.cancelled_p50), Unit::Count),
        ],
    ))
}

/// Added to a chart's readout on `day`: the share cancelled and each group's median.
pub fn readout(l: Lang, s: &Summary, metric: Metric, day: usize, unit: Unit) -> Option<String> {
    let sp = material_split(s, day)?;
    let median = |g: Option<[f64; 8]>| {
        g.map_or_else(
            || tr(l, "value.na").to_string(),
            |v| percentile(l, v[metric.index()], unit),
        )
    };
    Some(trf(
        l,
        "split.readout",
        &[
            &chance(l, sp.cancelled),
            &median(sp.continued_p50),
            &median(sp.cancelled_p50),
        ],
    ))
}

/// The translation key naming an early metric.
fn predictor_key(metric: &str) -> &'static str {
    match metric {
        "reach" => "predict.reach",
        "followers" => "predict.followers",
        "engagement" => "predict.engagement",
        "answered_share" => "predict.answered_share",
        "trust" => "predict.trust",
        _ => "predict.leads_so_far",
    }
}

/// Pairs of futures out of 10 that a share orders correctly, as people say it.
fn of_ten(share: f64) -> String {
    format!("{}", (10.0 * share).round())
}

/// One table row per early metric: its name, then per early day "8 of 10 (ρ 0.74)".
pub fn predictor_rows(l: Lang, sets: &[PredictorSet]) -> Vec<(String, Vec<String>)> {
    let Some(first) = sets.first() else {
        return Vec::new();
    };
    (0..first.metrics.len())
        .map(|k| {
            let cells = sets
                .iter()
                .map(|set| {
                    let p = &set.metrics[k];
                    match (p.pairs_ordered, p.spearman) {
                        (Some(o), Some(r)) => {
                            trf(l, "predict.cell", &[&of_ten(o), &decimal_2(l, r)])
                        }
                        _ => tr(l, "value.na").to_string(),
                    }
                })
                .collect();
            (
                tr(l, predictor_key(&first.metrics[k].metric)).to_string(),
                cells,
            )
        })
        .collect()
}

/// A correlation to two decimals, in the language's style (Swedish: decimal comma).
fn decimal_2(l: Lang, r: f64) -> String {
    // Rounded first, and + 0.0 turns a rounded −0 into 0: never "−0.00".
    let s = format!("{:.2}", (r * 100.0).round() / 100.0 + 0.0);
    match l {
        Lang::En => s,
        Lang::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
    }
}

/// "On day 90, leads so far orders 8 of 10 pairs of futures correctly; followers 6 of 10."
/// The best and the worst predictor on each early day.
pub fn predictor_sentences(l: Lang, sets: &[PredictorSet]) -> Vec<String> {
    sets.iter()
        .filter_map(|set| {
            let known: Vec<_> = set
                .metrics
                .iter()
                .filter_map(|p| p.pairs_ordered.map(|o| (p, o)))
                .collect();
            let best = known.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
            let worst = known.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
            Some(trf(
                l,
                "predict.sentence",
                &[
                    &set.day,
                    &tr(l, predictor_key(&best.0.metric)),
                    &of_ten(best.1),
                    &set.outcome_day,
                    &tr(l, predictor_key(&worst.0.metric)),
                    &of_ten(worst.1),
                ],
            ))
        })
        .collect()
}

/// "When will it pay off?" in one sentence: the share of futures paid back by the horizon and
/// the median day among those; a share that rounds to 0 % is said as under 1 %, not as "0 %,
/// half of those by day …".
pub fn payoff(l: Lang, s: &Summary) -> String {
    let paid = s.break_even_by_week.last().copied().unwrap_or(0.0);
    match s.break_even_p50 {
        Some(_) if paid < 0.005 => trf(l, "verdict.rare", &[&s.days]),
        Some(p50) if paid > 0.0 => trf(l, "verdict.pays", &[&chance(l, paid), &s.days, &p50]),
        _ => trf(l, "patience.never", &[&s.runs_done, &s.days]),
    }
}

/// Play's debrief: how the player's company (run `run` of `seed`, which the game knew and the
/// player did not) differed from the typical one, as the share of the model's companies its
/// reach per follower and its readiness to become leads beat.
pub fn company_standing(l: Lang, seed: u64, run: u64) -> String {
    let company = crate::model::Company::draw(seed, run);
    let [reach, leads] = company
        .standing()
        .map(|p| (p * 100.0).round().clamp(1.0, 99.0) as u32);
    trf(l, "debrief.company", &[&reach, &leads])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{preset, MonteCarlo};

    fn committed_at(buy_in: f64) -> Summary {
        let mut scenario = preset("committed").unwrap().scenario;
        scenario.set("buy_in", buy_in).unwrap();
        MonteCarlo::new(scenario, 1, 200, 0).unwrap().run_all()
    }

    #[test]
    fn a_material_split_is_said_in_both_languages_and_a_small_one_is_not() {
        let split = committed_at(25.0);
        let en = headline(Lang::En, &split).expect("half the futures are cancelled");
        assert!(
            en.starts_with("Management cancelled the programme in ")
                && en.contains("% of futures by day 730; among the others the median is "),
            "{en}"
        );
        let sv = headline(Lang::Sv, &split).unwrap();
        assert!(sv.starts_with("Ledningen lade ner satsningen i "), "{sv}");
        let read = readout(Lang::En, &split, Metric::Leads, 730, Unit::Count).unwrap();
        assert!(read.starts_with("; management cancelled in "), "{read}");
        // Day 200 is not a split day: the readout there says nothing extra.
        assert_eq!(
            readout(Lang::En, &split, Metric::Leads, 200, Unit::Count),
            None
        );
        let backed = committed_at(90.0);
        assert_eq!(headline(Lang::En, &backed), None);
    }

    #[test]
    fn a_pay_off_in_under_1_percent_of_futures_is_not_said_as_0_percent() {
        let mut s = committed_at(60.0);
        let n = s.break_even_by_week.len();
        s.break_even_by_week[n - 1] = 0.004;
        s.break_even_p50 = Some(129);
        for l in [Lang::En, Lang::Sv] {
            let said = payoff(l, &s);
            assert!(!said.contains("0 %") && !said.contains("0%"), "{said}");
            assert!(
                !said.contains("129"),
                "no median day of almost no futures: {said}"
            );
            assert!(said.contains("1"), "{said}");
        }
        s.break_even_by_week[n - 1] = 0.69;
        s.break_even_p50 = Some(303);
        assert!(payoff(Lang::En, &s).contains("half of those by day 303"));
    }

    #[test]
    fn correlations_have_two_decimals_and_no_negative_zero() {
        assert_eq!(decimal_2(Lang::En, -0.001), "0.00");
        assert_eq!(decimal_2(Lang::En, 0.756), "0.76");
        assert_eq!(decimal_2(Lang::Sv, -0.25), "\u{2212}0,25");
    }

    #[test]
    fn predictors_are_worded_per_day_with_the_best_and_the_worst() {
        let s = committed_at(60.0);
        let said = predictor_sentences(Lang::En, &s.predictors);
        assert_eq!(said.len(), 2);
        assert!(said[0].starts_with("On day 90, "), "{}", said[0]);
        assert!(said[1].contains("pairs of futures correctly by their leads on day 730"));
        let rows = predictor_rows(Lang::Sv, &s.predictors);
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[5].0, "leads hittills");
        assert!(
            rows[5].1.iter().all(|c| c.contains(" av 10 (ρ ")),
            "{:?}",
            rows[5]
        );
    }

    #[test]
    fn the_debrief_says_where_the_player_s_company_stood_in_both_languages() {
        let c = crate::model::Company::draw(1, 0);
        let reach = (crate::model::Company::percentile(c.reach, 0.3) * 100.0).round();
        for l in [Lang::En, Lang::Sv] {
            let text = company_standing(l, 1, 0);
            assert!(text.contains(&format!(" {reach} ")), "{text}");
            assert!(!text.contains('{'), "{text}");
        }
        // Every company's standing is said as 1 to 99 of 100, never 0 or 100.
        for run in 0..200 {
            let text = company_standing(Lang::En, 3, run);
            assert!(
                !text.contains(" 0 of") && !text.contains(" 100 of"),
                "{text}"
            );
        }
    }
}
