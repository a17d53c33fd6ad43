//! The lessons the simulator must teach, checked on paired runs under common random numbers
//! (same master seed, same run index, so the same company and the same luck) with a few hundred
//! runs each, and for several master seeds: a lesson must not hang on one lucky seed.

use longgame::model::Metric;
use longgame::model::{preset, run_once, CrisisOutcome, MonteCarlo, RunTrace, Scenario};

const RUNS: u64 = 300;
const SEED: u64 = 2026;
/// Every lesson holds for each of these master seeds.
const SEEDS: [u64; 3] = [2026, 7, 42];

fn scenario(id: &str) -> Scenario {
    preset(id).unwrap_or_else(|| panic!("preset {id}")).scenario
}

fn runs_seeded(s: &Scenario, seed: u64) -> Vec<RunTrace> {
    (0..RUNS).map(|r| run_once(s, seed, r)).collect()
}

fn runs(s: &Scenario) -> Vec<RunTrace> {
    runs_seeded(s, SEED)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn median_at(traces: &[RunTrace], day: usize, metric: Metric) -> f64 {
    median(traces.iter().map(|t| t.value(day, metric)).collect())
}

/// Share of paired runs in which `a` is below `b` on `day`.
fn share_below(a: &[RunTrace], b: &[RunTrace], day: usize, metric: Metric) -> f64 {
    let n = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.value(day, metric) < y.value(day, metric));
    n.count() as f64 / a.len() as f64
}

#[test]
fn patience_committed_beats_half_hearted_but_only_with_time() {
    for seed in SEEDS {
        let committed = runs_seeded(&scenario("committed"), seed);
        let half = runs_seeded(&scenario("half-hearted"), seed);
        let wins = 1.0 - share_below(&committed, &half, 365, Metric::Leads);
        assert!(wins >= 0.9, "seed {seed}: committed won {wins} of pairs");
        let gap =
            |day| median_at(&committed, day, Metric::Leads) - median_at(&half, day, Metric::Leads);
        assert!(
            gap(30) * 10.0 < gap(365),
            "seed {seed}: day-30 gap {} is not small next to the day-365 gap {}",
            gap(30),
            gap(365)
        );
    }
}

#[test]
fn patience_results_are_flat_first_then_accelerate() {
    for seed in SEEDS {
        let committed = runs_seeded(&scenario("committed"), seed);
        let month = |m: usize| {
            median(
                committed
                    .iter()
                    .map(|t| t.value(30 * m, Metric::Leads) - t.value(30 * (m - 1), Metric::Leads))
                    .collect(),
            )
        };
        assert!(
            month(12) >= 2.0 * month(3),
            "seed {seed}: leads in month 12 ({}) vs month 3 ({})",
            month(12),
            month(3)
        );
        assert!(
            month(24) > month(12),
            "seed {seed}: still growing in year two"
        );
    }
}

#[test]
fn committed_roi_is_negative_early_and_positive_by_the_end_of_year_two() {
    for seed in SEEDS {
        let committed = runs_seeded(&scenario("committed"), seed);
        let roi = |day| median_at(&committed, day, Metric::Roi);
        assert!(
            roi(180) < 0.0 && roi(365) < 0.0,
            "seed {seed}: {} {}",
            roi(180),
            roi(365)
        );
        assert!(
            roi(730) > 0.0,
            "seed {seed}: median ROI at day 730: {}",
            roi(730)
        );
        // ...in most futures, but not all: we do not know this company that well.
        let paid_back = committed
            .iter()
            .filter(|t| t.break_even_day.is_some())
            .count();
        let share = paid_back as f64 / RUNS as f64;
        assert!(
            (0.55..0.95).contains(&share),
            "seed {seed}: {share} paid back"
        );
    }
}

#[test]
fn the_default_has_mixed_futures() {
    for seed in SEEDS {
        let traces = runs_seeded(&Scenario::default(), seed);
        let paid_back = traces.iter().filter(|t| t.break_even_day.is_some()).count();
        let share = paid_back as f64 / RUNS as f64;
        assert!(
            (0.1..0.5).contains(&share),
            "seed {seed}: {share} paid back"
        );
    }
}

#[test]
fn low_buy_in_gets_cancelled_high_buy_in_does_not() {
    for seed in SEEDS {
        let cancelled_by_180 = |s: &Scenario| {
            runs_seeded(s, seed)
                .iter()
                .filter(|t| t.cancelled_day.is_some_and(|d| d <= 180))
                .count() as f64
                / RUNS as f64
        };
        let low = cancelled_by_180(&scenario("half-hearted"));
        let high = cancelled_by_180(&scenario("committed"));
        assert!(
            low > 0.75,
            "seed {seed}: only {low} of low-buy-in runs cancelled"
        );
        assert!(
            high < 0.1,
            "seed {seed}: {high} of high-buy-in runs cancelled"
        );
    }
}

#[test]
fn an_abandoned_entry_leaves_you_worse_off_than_never_starting() {
    let never = scenario("never-started");
    for seed in SEEDS {
        let baseline = runs_seeded(&never, seed);
        let half = runs_seeded(&scenario("half-hearted"), seed);
        // The same company on the same futures: the abandoned page ends with lower trust and
        // fewer followers than never having started, in nearly every pair...
        let lower_trust = share_below(&half, &baseline, 730, Metric::Trust);
        assert!(
            lower_trust > 0.9,
            "seed {seed}: lower trust in {lower_trust}"
        );
        assert!(
            median_at(&half, 730, Metric::Trust) < median_at(&baseline, 730, Metric::Trust) - 15.0,
            "seed {seed}: trust {} vs never started {}",
            median_at(&half, 730, Metric::Trust),
            median_at(&baseline, 730, Metric::Trust)
        );
        assert!(
            median_at(&half, 730, Metric::Followers) < median_at(&baseline, 730, Metric::Followers)
        );
        // ...for the reason the model names: people kept writing to a page nobody answered.
        let mean =
            |f: fn(&RunTrace) -> f64, t: &[RunTrace]| t.iter().map(f).sum::<f64>() / RUNS as f64;
        assert!(mean(|t| t.why.messages_after_end, &half) > 100.0);
        assert_eq!(mean(|t| t.why.messages_after_end, &baseline), 0.0);
        assert!(median_at(&half, 730, Metric::Roi) <= -90.0);

        // The trainer story's case: the committed plan without backing, cancelled at a review.
        let mut unbacked = scenario("committed");
        unbacked.levers.buy_in = 10.0;
        let traces = runs_seeded(&unbacked, seed);
        let abandoned: Vec<usize> = (0..traces.len())
            .filter(|&i| traces[i].cancelled_day.is_some_and(|d| d <= 365))
            .collect();
        assert!(
            abandoned.len() * 2 > traces.len(),
            "seed {seed}: most are cancelled in year one"
        );
        let scarred = abandoned
            .iter()
            .filter(|&&i| {
                traces[i].value(730, Metric::Trust) < baseline[i].value(730, Metric::Trust)
            })
            .count();
        assert!(
            scarred * 10 >= abandoned.len() * 8,
            "seed {seed}: only {scarred} of {} abandoned pages end below never starting",
            abandoned.len()
        );
    }
}

#[test]
fn never_started_spends_nothing_has_no_page_and_no_roi() {
    let summary = MonteCarlo::new(scenario("never-started"), SEED, 100, 0)
        .unwrap()
        .run_all();
    assert_eq!(summary.band(Metric::Cost).p90[730], 0.0);
    assert_eq!(summary.band(Metric::Leads).p90[730], 0.0);
    assert_eq!(
        summary.roi_defined_from_day, None,
        "ROI is undefined without spending"
    );
    let w = &summary.why;
    assert_eq!(w.spent_content + w.spent_community + w.spent_promotion, 0.0);
    assert_eq!(
        w.messages_after_end, 0.0,
        "no page, so no one writes to a dead one"
    );
    let committed = MonteCarlo::new(scenario("committed"), SEED, 100, 0)
        .unwrap()
        .run_all();
    assert_eq!(committed.roi_defined_from_day, Some(1));
    // The company still exists, so a complaint can still go public, but less often.
    assert!(summary.crises.per_run_mean < 0.6 * committed.crises.per_run_mean);
}

/// Followers and trust lost to the day-30 crisis: the same scenario with and without it, paired.
fn crisis_cost(id: &str, seed: u64) -> (f64, f64, f64) {
    let with = scenario(id);
    let mut without = with;
    without.assumptions.crisis_day = 0;
    let (a, b) = (runs_seeded(&with, seed), runs_seeded(&without, seed));
    let lost = |m| {
        median(
            a.iter()
                .zip(&b)
                .map(|(w, wo)| wo.value(60, m) - w.value(60, m))
                .collect(),
        )
    };
    let firestorms = a
        .iter()
        .filter(|t| {
            t.crises
                .iter()
                .any(|c| c.day == 30 && c.outcome == CrisisOutcome::Firestorm)
        })
        .count() as f64
        / RUNS as f64;
    (lost(Metric::Followers), lost(Metric::Trust), firestorms)
}

#[test]
fn a_crisis_handled_fades_and_mishandled_it_costs_far_more() {
    for seed in SEEDS {
        let (handled_followers, handled_trust, handled_storms) =
            crisis_cost("crisis-handled", seed);
        let (bad_followers, bad_trust, bad_storms) = crisis_cost("crisis-mishandled", seed);
        assert!(
            handled_storms < 0.1,
            "seed {seed}: {handled_storms} handled became firestorms"
        );
        assert!(
            bad_storms > 0.8,
            "seed {seed}: only {bad_storms} mishandled became firestorms"
        );
        assert!(
            bad_followers > 5.0 * handled_followers.max(1.0),
            "seed {seed}: followers lost: {bad_followers} vs {handled_followers}"
        );
        assert!(
            bad_trust > 3.0 * handled_trust.max(1.0),
            "seed {seed}: trust lost: {bad_trust} vs {handled_trust}"
        );
    }
}

#[test]
fn crises_are_in_proportion_to_the_audience() {
    // A page of a few hundred followers cannot raise a storm of hundreds of angry messages; a
    // page with thousands of followers and wide reach can raise a far larger one.
    for seed in SEEDS {
        // (followers when it began, angry messages) of every firestorm.
        let storms = |id: &str| {
            runs_seeded(&scenario(id), seed)
                .iter()
                .flat_map(|t| {
                    t.crises
                        .iter()
                        .filter(|c| c.outcome == CrisisOutcome::Firestorm)
                        .map(|c| {
                            (
                                t.value(c.day as usize - 1, Metric::Followers),
                                c.angry_messages,
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        let small = storms("half-hearted");
        for &(followers, angry) in &small {
            assert!(
                // The ceiling is a quarter of the attention (reach included) when it began.
                followers > 300.0 || angry < 300.0,
                "seed {seed}: a page of {followers} followers had {angry} angry messages"
            );
        }
        let sizes = |v: Vec<(f64, f64)>| v.into_iter().map(|s| s.1).collect::<Vec<_>>();
        let (small, big) = (median(sizes(small)), median(sizes(storms("big-budget"))));
        assert!(
            big > 5.0 * small,
            "seed {seed}: storms of {big} vs {small} messages"
        );
    }
}

#[test]
fn a_crisis_still_burning_at_the_horizon_is_counted() {
    // The complaint goes public two days before the simulation ends.
    let mut s = scenario("crisis-mishandled");
    s.assumptions.horizon_days = 120;
    s.assumptions.crisis_day = 118;
    let traces = runs(&s);
    let mut burning = 0;
    for t in &traces {
        let last = t.crises.last().expect("the scheduled crisis is recorded");
        assert_eq!(last.day, 118);
        // A small complaint can fizzle out at once; most are still running at the horizon.
        burning += (last.outcome != CrisisOutcome::Faded) as usize;
    }
    assert!(
        burning * 10 > traces.len() * 8,
        "only {burning} still burning"
    );
    let summary = MonteCarlo::new(s, 1, 50, 0).unwrap().run_all();
    assert!(summary.crises.total >= 50, "{:?}", summary.crises);
    assert_eq!(summary.crises.runs_with_crisis, 50);
}

#[test]
fn every_crisis_of_every_run_is_listed_with_its_day_and_outcome() {
    let summary = MonteCarlo::new(scenario("crisis-mishandled"), 3, 60, 0)
        .unwrap()
        .run_all();
    let events = &summary.crisis_events;
    assert_eq!(events.len() as u32, summary.crises.total);
    for run in 0..60 {
        assert!(
            events.iter().any(|e| e.run == run && e.crisis.day == 30),
            "run {run} lacks its day-30 crisis"
        );
    }
    let storms = events
        .iter()
        .filter(|e| e.crisis.outcome == CrisisOutcome::Firestorm)
        .count() as u32;
    assert_eq!(storms, summary.crises.firestorms);
}

#[test]
fn vanity_and_outcome_diverge_when_nobody_listens() {
    for seed in SEEDS {
        let big = runs_seeded(&scenario("big-budget"), seed);
        let committed = runs_seeded(&scenario("committed"), seed);
        let start = big[0].value(0, Metric::Followers);
        let at = |t: &[RunTrace], day, m| median_at(t, day, m);
        assert!(
            at(&big, 365, Metric::Followers) > 10.0 * start,
            "seed {seed}: followers barely grew"
        );
        assert!(at(&big, 365, Metric::Followers) > 0.8 * at(&committed, 365, Metric::Followers));
        assert!(
            at(&big, 365, Metric::Leads) < 0.5 * at(&committed, 365, Metric::Leads),
            "seed {seed}: leads {} vs {}",
            at(&big, 365, Metric::Leads),
            at(&committed, 365, Metric::Leads)
        );
        assert!(at(&big, 730, Metric::Customers) < 0.5 * at(&committed, 730, Metric::Customers));
        assert!(at(&big, 730, Metric::Roi) < -50.0);
    }
}

#[test]
fn posting_frequency_has_an_optimum_from_fatigue_and_thinner_content() {
    for seed in SEEDS {
        let at = |posts: f64| {
            let mut s = Scenario::default();
            s.levers.posts_per_week = posts;
            runs_seeded(&s, seed)
        };
        let (rare, steady, blasting) = (at(1.0), at(5.0), at(50.0));
        let leads = |t: &[RunTrace]| median_at(t, 365, Metric::Leads);
        assert!(
            leads(&steady) > 1.1 * leads(&rare),
            "seed {seed}: 5/week {} vs 1/week {}",
            leads(&steady),
            leads(&rare)
        );
        assert!(
            leads(&steady) > 1.5 * leads(&blasting),
            "seed {seed}: 5/week {} vs 50/week {}",
            leads(&steady),
            leads(&blasting)
        );
        // The cause is fatigue and thinner posts, not money: the budget split is the same.
        let mean =
            |f: fn(&RunTrace) -> f64, t: &[RunTrace]| t.iter().map(f).sum::<f64>() / RUNS as f64;
        assert!(
            mean(|t| t.why.lost_fatigue, &blasting)
                > 10.0 * mean(|t| t.why.lost_fatigue, &steady).max(1.0)
        );
        let promotion_share = |t: &[RunTrace]| {
            let spent = |f: fn(&RunTrace) -> f64| mean(f, t);
            spent(|t| t.why.spent_promotion) / spent(|t| t.value(t.days() - 1, Metric::Cost))
        };
        assert!((promotion_share(&blasting) - promotion_share(&steady)).abs() < 1e-6);
    }
}

#[test]
fn with_an_ample_budget_more_posts_still_tire_people() {
    // The old model's optimum was budget starvation; with ample money, blasting still loses.
    for seed in SEEDS {
        let at = |posts: f64| {
            let mut s = scenario("committed");
            s.levers.budget = 16_000.0;
            s.levers.posts_per_week = posts;
            median_at(&runs_seeded(&s, seed), 365, Metric::Leads)
        };
        assert!(
            at(7.0) > at(35.0),
            "seed {seed}: 7/week {} vs 35/week {}",
            at(7.0),
            at(35.0)
        );
    }
}

#[test]
fn content_fitted_to_the_channel_beats_the_same_message_everywhere() {
    for seed in SEEDS {
        let leads_at = |fit: f64| {
            let mut s = Scenario::default();
            s.assumptions.channel_fit = fit;
            median_at(&runs_seeded(&s, seed), 365, Metric::Leads)
        };
        assert!(leads_at(100.0) > 1.15 * leads_at(0.0), "seed {seed}");
    }
}

#[test]
fn quitting_changes_nothing_before_the_quit_day_and_stops_spending_after() {
    let go_on = Scenario::default();
    let mut quit = go_on;
    quit.assumptions.stop_day = 120;
    for run in 0..20 {
        let (a, b) = (run_once(&go_on, SEED, run), run_once(&quit, SEED, run));
        assert_eq!(
            a.values[..120 * 8],
            b.values[..120 * 8],
            "run {run} differs before the quit day"
        );
        assert_eq!(
            b.value(120, Metric::Cost),
            b.value(400, Metric::Cost),
            "cost kept growing after quitting"
        );
        assert_eq!(b.cancelled_day, Some(120));
    }
}

#[test]
fn streaming_in_batches_gives_the_same_summary_as_one_go() {
    let s = scenario("committed");
    let whole = MonteCarlo::new(s, SEED, 90, 3).unwrap().run_all();
    let mut mc = MonteCarlo::new(s, SEED, 90, 3).unwrap();
    let mut partial_runs = Vec::new();
    while !mc.step(7) {
        partial_runs.push(mc.summary().runs_done);
    }
    assert_eq!(partial_runs[..3], [7, 14, 21]);
    assert_eq!(mc.summary(), whole);
}

#[test]
fn why_names_what_differs_between_two_programmes() {
    use longgame::model::{differences, highlights, Cause};
    let run = |id: &str| {
        MonteCarlo::new(scenario(id), SEED, 200, 0)
            .unwrap()
            .run_all()
    };
    let (big, committed) = (run("big-budget"), run("committed"));
    // Big budget's followers came from ads; nobody answered; its crises became firestorms.
    let reasons = differences(&big.why, &committed.why, Cause::ALL.len());
    let named = |c: Cause| reasons.iter().find(|r| r.cause == c);
    let answered = named(Cause::AnsweredShare).expect("answers differ");
    assert!(answered.a < 0.1 && answered.b > 0.8, "{answered:?}");
    let storms = named(Cause::Firestorms).expect("firestorms differ");
    assert!(storms.a > storms.b);
    let main = highlights(&big.why);
    assert_eq!(main[0].cause, Cause::FollowersPaid, "{main:?}");
    // The abandoned page's main loss is neglect, not a crisis.
    let half = run("half-hearted");
    let lost = highlights(&half.why)[1];
    assert!(
        matches!(lost.cause, Cause::LostNeglect | Cause::LostDistrust),
        "{lost:?}"
    );
}

/// Median over paired futures of leads gained from day 400 to 730 with a crisis forced on day
/// 400, as a share of the same futures' gain without it (reviews off: the crisis's own cost).
fn crisis_lead_cost(id: &str, seed: u64, scar: bool) -> f64 {
    use longgame::model::{simulate, Derived, Mechanisms};
    let mut m = Mechanisms::ALL;
    m.reviews = false;
    m.crisis_scar = scar;
    let gains = |crisis_day: u32| {
        let mut s = scenario(id);
        s.assumptions.crisis_day = crisis_day;
        let d = Derived::with_mechanisms(&s, m);
        let mut t = RunTrace::default();
        (0..RUNS)
            .map(|r| {
                simulate(&d, s.assumptions.starting_followers, seed, r, &mut t);
                t.value(730, Metric::Leads) - t.value(399, Metric::Leads)
            })
            .collect::<Vec<f64>>()
    };
    let (with, without) = (gains(400), gains(0));
    median(
        with.iter()
            .zip(&without)
            .map(|(a, b)| a / b.max(1.0))
            .collect(),
    )
}

#[test]
fn a_mishandled_crisis_costs_leads_for_months_a_handled_one_little() {
    // What the angry messages nobody answered left elsewhere puts would-be buyers off for months;
    // answered fast and with backing, the same crisis costs little.
    for seed in SEEDS {
        let mishandled = crisis_lead_cost("crisis-mishandled", seed, true);
        let handled = crisis_lead_cost("crisis-handled", seed, true);
        let unscarred = crisis_lead_cost("crisis-mishandled", seed, false);
        assert!(
            mishandled < 0.88,
            "seed {seed}: mishandled, {mishandled} of the leads"
        );
        assert!(
            handled > 0.96,
            "seed {seed}: handled, {handled} of the leads"
        );
        assert!(
            1.0 - unscarred < 0.5 * (1.0 - mishandled),
            "seed {seed}: without the scar {unscarred}, with it {mishandled}"
        );
    }
}

/// The committed programme (`committed`'s levers) started by a plan on day 365, after the
/// preset `before`, with the given mechanisms.
fn committed_from_365(before: &str, seed: u64, m: longgame::model::Mechanisms) -> Vec<RunTrace> {
    use longgame::model::{simulate, Change, Derived, LeverSet, Plan};
    let mut s = scenario(before);
    let c = scenario("committed").levers;
    let set = LeverSet([
        Some(c.budget),
        Some(c.posts_per_week),
        Some(c.responsiveness),
        Some(c.buy_in),
    ]);
    s.changes = Plan::new(&[Change { day: 365, set }]).unwrap();
    let d = Derived::with_mechanisms(&s, m);
    (0..RUNS)
        .map(|r| {
            let mut t = RunTrace::default();
            simulate(&d, s.assumptions.starting_followers, seed, r, &mut t);
            t
        })
        .collect()
}

/// Leads won from day 365 to 730 by the committed programme restarted after an abandoned
/// half-hearted page, as a share of what the same programme wins opened on the same day by a
/// company that never started (paired median over the futures where the half-hearted page was
/// cancelled in year one and both programmes run from day 366 to the horizon), and how many
/// futures that comparison holds.
fn restart_after_failed_entry(seed: u64, m: longgame::model::Mechanisms) -> (f64, usize) {
    let failed = committed_from_365("half-hearted", seed, m);
    let fresh = committed_from_365("never-started", seed, m);
    let running = |t: &RunTrace| t.active_days == 730 && t.cancelled_day.is_none();
    let gain = |t: &RunTrace| t.value(730, Metric::Leads) - t.value(365, Metric::Leads);
    let ratios: Vec<f64> = failed
        .iter()
        .zip(&fresh)
        .filter(|(a, b)| {
            a.why.review_cancel_day.is_some_and(|d| d < 365) && running(a) && running(b)
        })
        .map(|(a, b)| gain(a) / gain(b).max(1.0))
        .collect();
    let n = ratios.len();
    (median(ratios), n)
}

#[test]
fn a_failed_entry_costs_a_later_committed_restart_leads() {
    // Dyka: a half-baked entry is worse than none. The same committed programme from day 365
    // wins clearly fewer leads in its first year after an abandoned page than from never having
    // tried, because would-be buyers found the dead page; without that mark the gap closes.
    use longgame::model::Mechanisms;
    let mut off = Mechanisms::ALL;
    off.failed_entry = false;
    for seed in SEEDS {
        let (ratio, n) = restart_after_failed_entry(seed, Mechanisms::ALL);
        let (unmarked, _) = restart_after_failed_entry(seed, off);
        // The comparison holds futures where the restart really ran: nearly all of them.
        assert!(
            n * 10 >= RUNS as usize * 9,
            "seed {seed}: only {n} futures compared"
        );
        assert!(
            ratio < 0.9,
            "seed {seed}: the restart won {ratio} of the leads"
        );
        assert!(
            unmarked > 0.97,
            "seed {seed}: without the mark, {unmarked} of the leads"
        );
    }
}

#[test]
fn without_a_page_trust_drifts_with_word_of_mouth() {
    // People talk about a company that has no page (Cohen #6): its trust is not a frozen 50
    // but moves about it, differently in each future, within a few points.
    let never = runs(&scenario("never-started"));
    let trust: Vec<f64> = never.iter().map(|t| t.value(730, Metric::Trust)).collect();
    let (lo, hi) = (
        trust.iter().cloned().fold(f64::MAX, f64::min),
        trust.iter().cloned().fold(f64::MIN, f64::max),
    );
    assert!(hi - lo > 5.0, "trust at day 730 spans {lo}..{hi}");
    assert!(lo > 25.0 && hi < 75.0, "trust at day 730 spans {lo}..{hi}");
    assert!((median(trust) - 50.0).abs() < 3.0);
    let moves = never
        .iter()
        .filter(|t| (t.value(365, Metric::Trust) - t.value(730, Metric::Trust)).abs() > 1.0)
        .count();
    assert!(
        moves * 2 > never.len(),
        "trust moves over time in most futures"
    );
}

/// Traces of `s` with the mechanisms `m` (one switched off to measure what it carries).
fn runs_with(s: &Scenario, m: longgame::model::Mechanisms, seed: u64, n: u64) -> Vec<RunTrace> {
    use longgame::model::{simulate, Derived};
    let d = Derived::with_mechanisms(s, m);
    (0..n)
        .map(|r| {
            let mut t = RunTrace::default();
            simulate(&d, s.assumptions.starting_followers, seed, r, &mut t);
            t
        })
        .collect()
}

#[test]
fn a_committed_page_with_no_ad_budget_earns_leads_by_answering_people() {
    // Social media is an exchange (Gym; Cohen #5, #10): posting that fits its channel and
    // answering people start conversations, and conversations become leads, with no ads at all.
    use longgame::model::Mechanisms;
    let mut s = scenario("committed");
    s.levers.budget = 0.0;
    let mut silent = Mechanisms::ALL;
    silent.conversations = false;
    for seed in SEEDS {
        let talking = median_at(
            &runs_with(&s, Mechanisms::ALL, seed, RUNS),
            730,
            Metric::Leads,
        );
        let without = median_at(&runs_with(&s, silent, seed, RUNS), 730, Metric::Leads);
        assert!(talking >= 15.0, "seed {seed}: {talking} leads with no ads");
        assert!(
            without < 0.25 * talking,
            "seed {seed}: conversations carry it: {without} without vs {talking}"
        );
    }
}

#[test]
fn at_the_default_a_real_share_of_leads_is_organic() {
    // Assumption (no single published split; see docs/MODEL.md): 15–50 % of a page's leads
    // come from organic engagement and conversations when it also runs ads. Ads at published
    // click costs bring most of the default's leads, but social media is an exchange (Gym;
    // Cohen #5, #10): a share under 15 % is the "leads are paid clicks" the review found.
    for seed in SEEDS {
        let t = runs_seeded(&Scenario::default(), seed);
        let organic: f64 = t.iter().map(|t| t.why.leads_organic).sum();
        let paid: f64 = t.iter().map(|t| t.why.leads_paid).sum();
        let share = organic / (organic + paid);
        assert!(
            (0.15..=0.5).contains(&share),
            "seed {seed}: organic share {share}"
        );
    }
}

/// Spearman's rank correlation between median followers and median leads at day 730 over 80
/// lever settings drawn with a fixed seed, management patient (reviews do not end any).
fn vanity_outcome_rank_correlation(m: longgame::model::Mechanisms) -> f64 {
    let mut x: u64 = 12345;
    let mut next = || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    let (mut followers, mut leads) = (vec![], vec![]);
    for _ in 0..80 {
        let mut s = Scenario::default();
        s.assumptions.goal_leads = 1.0;
        s.levers.budget = (next() * 100.0).round() * 100.0;
        s.levers.posts_per_week = (next() * 21.0).round();
        s.levers.responsiveness = (next() * 100.0).round();
        s.levers.buy_in = (next() * 100.0).round();
        let t = runs_with(&s, m, SEED, 100);
        followers.push(median_at(&t, 730, Metric::Followers));
        leads.push(median_at(&t, 730, Metric::Leads));
    }
    longgame::model::per_run::spearman(&followers, &leads).expect("the settings differ")
}

#[test]
fn followers_and_leads_rank_strategies_differently() {
    // Measure what matters (Collier): ads buy low-intent followers who add little reach or
    // conversation, and answers turn into leads without adding followers, so a strategy's
    // follower count is a weaker guide to its leads than it looks.
    use longgame::model::Mechanisms;
    let rho = vanity_outcome_rank_correlation(Mechanisms::ALL);
    let mut m = Mechanisms::ALL;
    m.low_intent_followers = false;
    m.conversations = false;
    let without = vanity_outcome_rank_correlation(m);
    eprintln!("Spearman(followers, leads): {rho:.3}, without the two mechanisms {without:.3}");
    assert!(rho < 0.83, "followers rank strategies as leads do: {rho}");
    assert!(rho < without - 0.03, "{rho} vs {without} without");
}

/// Median over paired runs of the leads won in month `m` (days 30(m−1)..30m).
fn month_leads(traces: &[RunTrace], m: usize) -> f64 {
    median(
        traces
            .iter()
            .map(|t| t.value(30 * m, Metric::Leads) - t.value(30 * (m - 1), Metric::Leads))
            .collect(),
    )
}

#[test]
fn patience_decomposed_capability_carries_most_of_it() {
    // The committed programme's month 12 against its month 3, and again with capability's
    // growth switched off (know-how stays where it started). Measured, not a lesson yet: the
    // audience and trust compound too, but know-how carries most of the patience (docs/MODEL.md
    // §11.1; issue 25 asks for several compounding mechanisms, each with its time constant).
    use longgame::model::Mechanisms;
    let mut fixed = Mechanisms::ALL;
    fixed.capability_growth = false;
    for seed in SEEDS {
        let ratio = |m: Mechanisms| {
            let t = runs_with(&scenario("committed"), m, seed, RUNS);
            month_leads(&t, 12) / month_leads(&t, 3)
        };
        let (with, without) = (ratio(Mechanisms::ALL), ratio(fixed));
        let share = 1.0 - without.ln() / with.ln();
        eprintln!("seed {seed}: month 12 / month 3 x{with:.2}, capability fixed x{without:.2}, capability's share {share:.2}");
        assert!(with >= 2.0, "seed {seed}: x{with}");
        assert!(
            (0.9..=1.4).contains(&without),
            "seed {seed}: without know-how x{without}"
        );
    }
}
