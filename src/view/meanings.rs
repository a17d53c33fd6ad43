//! What a lever's value means, in plain words in the interface language, from the model's own
//! rules (reply delay, share answered, the day of the first review).

use crate::i18n::{percent, tr, trf, Lang};
use crate::model::constants::FATIGUE_POSTS_PER_WEEK;
use crate::model::engine::{first_review_day, reply_delay_hours, staff_answer_share};
use crate::model::params::field;
use crate::model::{Levers, Plan};
use crate::view::format::{full, money};

/// The meaning shown under a lever, by the lever's short name ("" for assumptions).
pub fn lever_meaning(l: Lang, name: &str, v: &Levers) -> String {
    match name {
        "budget" => budget_meaning(l, v.budget),
        "posts_per_week" => posts_meaning(l, v.posts_per_week),
        "responsiveness" => responsiveness_meaning(l, v.responsiveness, v.buy_in),
        "buy_in" => buy_in_meaning(l, v.buy_in),
        _ => String::new(),
    }
}

/// What a monthly budget buys, in words.
pub fn budget_meaning(l: Lang, budget: f64) -> String {
    let key = match budget {
        b if b <= 0.0 => "budget.none",
        b if b < 600.0 => "budget.pocket",
        b if b < 2000.0 => "budget.part_time",
        b if b < 6000.0 => "budget.real",
        b if b < 15000.0 => "budget.serious",
        _ => "budget.heavy",
    };
    tr(l, key).to_string()
}

pub fn posts_meaning(l: Lang, posts: f64) -> String {
    match posts {
        p if p <= 0.0 => tr(l, "posts.silent").to_string(),
        p if p < 2.0 => tr(l, "posts.rare").to_string(),
        p if p <= 10.0 => tr(l, "posts.steady").to_string(),
        p if p <= FATIGUE_POSTS_PER_WEEK => tr(l, "posts.busy").to_string(),
        _ => trf(l, "posts.blasting", &[&FATIGUE_POSTS_PER_WEEK]),
    }
}

/// The responsiveness lever in the model's own terms: share answered and typical delay.
pub fn responsiveness_meaning(l: Lang, responsiveness: f64, buy_in: f64) -> String {
    let r = responsiveness / 100.0;
    if r <= 0.0 {
        return tr(l, "resp.nobody").into();
    }
    let share = percent(l, (100.0 * staff_answer_share(r, buy_in / 100.0)).round());
    let hours = reply_delay_hours(r);
    let when = if hours <= 1.5 {
        tr(l, "resp.hour").to_string()
    } else if hours < 24.0 {
        trf(l, "resp.hours", &[&hours.round()])
    } else if hours < 36.0 {
        tr(l, "resp.day").to_string()
    } else {
        trf(l, "resp.days", &[&(hours / 24.0).round()])
    };
    if r >= 0.95 {
        trf(l, "resp.every", &[&share, &when])
    } else {
        trf(l, "resp.some", &[&share, &when])
    }
}

pub fn buy_in_meaning(l: Lang, buy_in: f64) -> String {
    let review = first_review_day(buy_in / 100.0);
    match buy_in {
        b if b < 20.0 => trf(l, "buyin.fail", &[&review]),
        b if b < 45.0 => trf(l, "buyin.tolerated", &[&review]),
        b if b < 70.0 => trf(l, "buyin.supported", &[&review]),
        b if b < 90.0 => trf(l, "buyin.backed", &[&review]),
        _ => trf(l, "buyin.champion", &[&review]),
    }
}

/// A plan's changes in words, one line each: "From day 180: Budget €4,000, Buy-in 90".
pub fn plan_lines(l: Lang, plan: &Plan) -> Vec<String> {
    plan.changes()
        .iter()
        .map(|c| {
            let sets: Vec<String> = c
                .set
                .values()
                .map(|(name, v)| {
                    let label = tr(l, field(name).expect("a lever").label_key);
                    let value = if name == "budget" {
                        money(l, v)
                    } else {
                        full(l, v)
                    };
                    format!("{label} {value}")
                })
                .collect();
            trf(l, "plan.change", &[&c.day, &sets.join(", ")])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lever_has_a_meaning_that_follows_its_value() {
        let v = Levers::default();
        for name in ["budget", "posts_per_week", "responsiveness", "buy_in"] {
            assert!(!lever_meaning(Lang::En, name, &v).is_empty(), "{name}");
        }
        assert_ne!(
            budget_meaning(Lang::En, 0.0),
            budget_meaning(Lang::En, 20_000.0)
        );
        assert_ne!(posts_meaning(Lang::En, 1.0), posts_meaning(Lang::En, 40.0));
        assert_ne!(
            buy_in_meaning(Lang::Sv, 5.0),
            buy_in_meaning(Lang::Sv, 95.0)
        );
        assert_eq!(lever_meaning(Lang::En, "market_size", &v), "");
    }

    #[test]
    fn a_plan_reads_as_one_line_per_change() {
        let set = crate::model::LeverSet::one("budget", 4000.0).unwrap();
        let plan = Plan::new(&[crate::model::Change { day: 180, set }]).unwrap();
        assert_eq!(
            plan_lines(Lang::En, &plan),
            vec!["From day 180: Budget €4,000"]
        );
        assert!(plan_lines(Lang::Sv, &plan)[0].contains("180"));
    }

    #[test]
    fn responsiveness_says_how_fast_and_how_many_in_the_model_s_terms() {
        let fast = responsiveness_meaning(Lang::En, 100.0, 100.0);
        let slow = responsiveness_meaning(Lang::En, 20.0, 100.0);
        assert_ne!(fast, slow);
        assert_eq!(
            responsiveness_meaning(Lang::En, 0.0, 50.0),
            tr(Lang::En, "resp.nobody")
        );
    }
}
