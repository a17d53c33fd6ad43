//! What a lever's value means, in plain words in the interface language, from the model's own
//! rules (reply delay, share answered, the day of the first review) and, for posting, from
//! what the model does at that value: a few futures of the first year, simulated.

use crate::i18n::{percent, tr, trf, Lang};
use crate::model::constants::FATIGUE_POSTS_PER_WEEK;
use crate::model::engine::{
    first_review_day, posts_delivered, reply_delay_hours, staff_answer_share,
};
use crate::model::params::field;
use crate::model::{simulate, Derived, Levers, Metric, Plan, RunTrace, Scenario};
use crate::view::format::{full, money};
use std::cell::RefCell;

/// The meaning shown under a lever, by the lever's short name ("" for assumptions).
pub fn lever_meaning(l: Lang, name: &str, v: &Levers) -> String {
    match name {
        "budget" => budget_meaning(l, v.budget),
        "posts_per_week" => posts_meaning(l, v),
        "responsiveness" => responsiveness_meaning(l, v.responsiveness),
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

/// The meaning under a lever without simulating: for posting, the judgement of these levers
/// if made, else the last one made (a slider moved one step seldom changes it) until
/// [`fewer_posts_bring_more_leads`] has run for them, in a task of its own.
pub fn lever_meaning_quick(l: Lang, name: &str, v: &Levers) -> String {
    match name {
        "posts_per_week" => posts_sentence(l, posts_key_with(v, |_| last_judgement().1)),
        _ => lever_meaning(l, name, v),
    }
}

/// What posting this often does, in words.
pub fn posts_meaning(l: Lang, v: &Levers) -> String {
    posts_sentence(l, posts_key(v))
}

fn posts_sentence(l: Lang, key: &'static str) -> String {
    match key {
        "posts.blasting" => trf(l, "posts.blasting", &[&FATIGUE_POSTS_PER_WEEK]),
        key => tr(l, key).to_string(),
    }
}

/// What posting this often does, as the key of its sentence. Past the fatigue point followers
/// tire; below it, more posts on the same content money make each one thinner, and where
/// that costs more leads than the extra posts bring, the sentence says so.
pub fn posts_key(v: &Levers) -> &'static str {
    posts_key_with(v, fewer_posts_bring_more_leads)
}

fn posts_key_with(v: &Levers, fewer_posts: impl FnOnce(&Levers) -> bool) -> &'static str {
    let made = v.posts_per_week * posts_delivered(v.buy_in / 100.0);
    match v.posts_per_week {
        p if p <= 0.0 && v.budget > 0.0 => "posts.silent_paid",
        p if p <= 0.0 => "posts.silent",
        _ if made > FATIGUE_POSTS_PER_WEEK => "posts.blasting",
        _ if fewer_posts(v) => "posts.too_many",
        p if p < 2.0 => "posts.rare",
        _ if made > 10.0 => "posts.busy",
        _ => "posts.steady",
    }
}

/// Futures simulated per judgement: enough to see a fall of 5 % (the same futures,
/// so luck cancels out), few enough to answer within a few milliseconds while a lever moves.
const JUDGE_RUNS: u64 = 16;
const JUDGE_DAY: usize = 365;

/// The default levers' judgement, known without simulating (a test checks it), so a first
/// visit does not simulate on the page's first task.
const DEFAULT_FEWER_POSTS: bool = false;

thread_local! {
    /// The last judgement: a lever moving one step at a time asks for the same one again.
    static LAST: RefCell<(Levers, bool)> = RefCell::new((Levers::default(), DEFAULT_FEWER_POSTS));
}

fn last_judgement() -> (Levers, bool) {
    LAST.with_borrow(|l| *l)
}

/// Whether [`fewer_posts_bring_more_leads`] answers these levers without simulating.
pub fn posting_judged(v: &Levers) -> bool {
    last_judgement().0 == *v
}

/// Whether a quarter, a half or three quarters fewer posts (at least one fewer) would bring
/// at least 5 % (and half a lead) more leads in the first year, on the same futures of the
/// default company (management reviews off: posting's own effect).
pub fn fewer_posts_bring_more_leads(v: &Levers) -> bool {
    match last_judgement() {
        (at, fewer) if at == *v => fewer,
        _ => {
            let answer = judge_posting(v);
            LAST.with_borrow_mut(|l| *l = (*v, answer));
            answer
        }
    }
}

fn judge_posting(v: &Levers) -> bool {
    let now = v.posts_per_week;
    now >= 1.0 && {
        let here = first_year_leads(v);
        [now - (now / 4.0).max(1.0), now / 2.0, now / 4.0]
            .iter()
            .any(|&fewer| {
                let fewer = Levers {
                    posts_per_week: fewer.max(0.0),
                    ..*v
                };
                first_year_leads(&fewer) > 1.05 * here + 0.5
            })
    }
}

/// Mean leads on day 365 of [`JUDGE_RUNS`] futures of the default company.
pub fn first_year_leads(v: &Levers) -> f64 {
    let mut s = Scenario {
        levers: *v,
        ..Scenario::default()
    };
    s.assumptions.horizon_days = JUDGE_DAY as u32;
    s.assumptions.goal_leads = 1.0;
    let d = Derived::new(&s);
    let mut trace = RunTrace::default();
    let total: f64 = (0..JUDGE_RUNS)
        .map(|run| {
            simulate(&d, s.assumptions.starting_followers, 1, run, &mut trace);
            trace.value(JUDGE_DAY, Metric::Leads)
        })
        .sum();
    total / JUDGE_RUNS as f64
}

/// The responsiveness lever in the model's own terms: the share of messages the team sets out
/// to answer and the typical delay. How many it manages also depends on buy-in and the staff
/// budget, which have their own levers, so this sentence depends on responsiveness alone.
pub fn responsiveness_meaning(l: Lang, responsiveness: f64) -> String {
    let r = responsiveness / 100.0;
    if r <= 0.0 {
        return tr(l, "resp.nobody").into();
    }
    let aim = staff_answer_share(r, 1.0);
    let share = percent(l, (100.0 * aim).round());
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
    if aim >= 0.995 {
        trf(l, "resp.every", &[&when])
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
    fn the_default_levers_posting_judgement_is_the_one_simulated() {
        assert_eq!(judge_posting(&Levers::default()), DEFAULT_FEWER_POSTS);
    }

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
        let posts = |p| {
            posts_key(&Levers {
                posts_per_week: p,
                ..v
            })
        };
        assert_ne!(posts(1.0), posts(40.0));
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
        let fast = responsiveness_meaning(Lang::En, 100.0);
        let slow = responsiveness_meaning(Lang::En, 20.0);
        assert_ne!(fast, slow);
        assert_eq!(
            responsiveness_meaning(Lang::En, 0.0),
            tr(Lang::En, "resp.nobody")
        );
    }

    #[test]
    fn each_sentence_depends_only_on_its_lever_and_claims_no_more_than_the_model_answers() {
        for lang in [Lang::En, Lang::Sv] {
            for r in (0..=100).step_by(5) {
                let say = |buy_in| {
                    let v = Levers {
                        responsiveness: r as f64,
                        buy_in,
                        ..Levers::default()
                    };
                    lever_meaning(lang, "responsiveness", &v)
                };
                assert_eq!(say(10.0), say(90.0), "responsiveness {r}");
            }
        }
        // At 100 the team sets out to answer every message; it answers that many only with
        // full buy-in, so the sentence names no share above what the model can answer.
        let top = responsiveness_meaning(Lang::En, 100.0);
        assert_eq!(staff_answer_share(1.0, 1.0), 1.0);
        assert!(!top.contains('%'), "{top}");
        assert!(top.contains("sets out to answer every message"), "{top}");
    }

    /// Mean leads and reach on day 365 over 100 futures, reviews off.
    fn outcome(v: &Levers) -> (f64, f64) {
        let mut s = Scenario {
            levers: *v,
            ..Scenario::default()
        };
        s.assumptions.horizon_days = 365;
        s.assumptions.goal_leads = 1.0;
        let d = Derived::new(&s);
        let mut t = RunTrace::default();
        let (mut leads, mut reach) = (0.0, 0.0);
        for run in 1000..1100 {
            simulate(&d, s.assumptions.starting_followers, 7, run, &mut t);
            leads += t.value(365, Metric::Leads) / 100.0;
            reach += t.value(365, Metric::Reach) / 100.0;
        }
        (leads, reach)
    }

    #[test]
    fn the_posting_sentence_agrees_with_simulated_futures_over_the_lever_ranges() {
        // Other futures than the sentence's own (seed 7): a sentence that only fits its own
        // sixteen futures fails here.
        let mut said_too_many = 0;
        for budget in [0.0, 500.0, 1500.0, 3000.0, 6000.0, 12_000.0] {
            for buy_in in [30.0, 70.0, 100.0] {
                let at = |posts_per_week| Levers {
                    budget,
                    posts_per_week,
                    buy_in,
                    ..Levers::default()
                };
                let posts = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 14.0];
                let results: Vec<(f64, f64)> = posts.iter().map(|&p| outcome(&at(p))).collect();
                for (i, &p) in posts.iter().enumerate() {
                    let key = posts_key(&at(p));
                    let (leads, reach) = results[i];
                    let best_fewer = results[..i].iter().map(|r| r.0).fold(0.0, f64::max);
                    let case = format!("budget {budget}, buy-in {buy_in}, {p} posts: {key}, leads {leads:.1} (best with fewer {best_fewer:.1}), reach {reach:.0}");
                    match key {
                        // Silent with a budget: the money still buys reach.
                        "posts.silent_paid" => assert!(reach > 0.0, "{case}"),
                        "posts.silent" => assert_eq!(reach, 0.0, "{case}"),
                        // Said only where fewer posts really did bring more leads.
                        "posts.too_many" => {
                            said_too_many += 1;
                            assert!(leads < best_fewer, "{case}");
                        }
                        "posts.blasting" => {
                            assert!(p * posts_delivered(buy_in / 100.0) > FATIGUE_POSTS_PER_WEEK)
                        }
                        // Never a calm word where leads have fallen well below fewer posts'
                        // (by 8 %, and by more than 2 leads where there are few: the sentence
                        // judges 16 futures, whose median moves by about that at 20 leads).
                        _ => assert!(leads >= 0.92 * best_fewer - 2.0, "{case}"),
                    }
                }
            }
        }
        assert!(said_too_many > 0, "the sweep reaches posting past the best");
        let ten = Levers {
            posts_per_week: 10.0,
            ..Levers::default()
        };
        assert_eq!(
            posts_key(&ten),
            "posts.too_many",
            "10 a week on the default budget"
        );
        let blasting = posts_meaning(
            Lang::Sv,
            &Levers {
                posts_per_week: 30.0,
                ..Levers::default()
            },
        );
        assert!(
            blasting.contains("14") && !blasting.contains('{'),
            "{blasting}"
        );
    }
}
