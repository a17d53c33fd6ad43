//! docs/MODEL.md's simulated figures come from the engine: this test computes each figure block
//! and fails when the document's copy differs (the document has drifted from the model).
//!
//! Regenerate every block after a model change, one command (it rewrites the blocks between
//! their `<!-- figures:NAME -->` and `<!-- /figures:NAME -->` markers and nothing else):
//!
//!     LONGGAME_WRITE_DOCS=1 cargo test --test model_doc

use longgame::model::{
    presets, simulate, simulate_company, Company, Derived, Fixed, Mechanisms, Metric, MonteCarlo,
    RunTrace, Summary,
};
use std::fmt::Write;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/MODEL.md");

/// The section 9 check: `longgame run --preset NAME --runs 500 --seed 1`.
const RUNS: u32 = 500;
const SEED: u64 = 1;
const DAYS: [usize; 5] = [30, 90, 180, 365, 730];

fn summaries() -> Vec<(&'static str, Summary)> {
    presets()
        .iter()
        .map(|p| {
            let mc = MonteCarlo::new(p.scenario, SEED, RUNS, 0).expect("presets are valid");
            (p.id, mc.run_all())
        })
        .collect()
}

/// A percentage with its sign as the document writes it: `−83 %`, `+26 %`, `0 %`.
fn signed_percent(v: f64) -> String {
    let r = v.round();
    match r {
        r if r < 0.0 => format!("−{} %", -r),
        r if r > 0.0 => format!("+{r} %"),
        _ => "0 %".to_string(),
    }
}

fn percent(share: f64) -> String {
    format!("{}", (100.0 * share).round())
}

/// Median leads / followers / trust / ROI on each of `DAYS`.
fn medians_table(all: &[(&str, Summary)]) -> String {
    let mut out = String::from("| preset | day 30 | day 90 | day 180 | day 365 | day 730 |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for (id, s) in all {
        let _ = write!(out, "| `{id}` |");
        for day in DAYS {
            let m = |metric: Metric| s.band(metric).p50[day].round();
            let roi = match s.roi_defined_from_day {
                Some(from) if from as usize <= day => signed_percent(s.band(Metric::Roi).p50[day]),
                _ => "n/a".to_string(),
            };
            let (leads, followers, trust) =
                (m(Metric::Leads), m(Metric::Followers), m(Metric::Trust));
            let _ = write!(out, " {leads} / {followers} / {trust} / {roi} |");
        }
        out.push('\n');
    }
    out
}

/// Goal chances, break-even days, the share active, crises.
fn outcomes_table(all: &[(&str, Summary)]) -> String {
    let mut out = String::from("| preset | P(goal) by day 90 / 180 / 365 | break-even day p10 / p50 / p90 (share of runs) | active at day 180 / 730 | crises per run | firestorm share |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for (id, s) in all {
        let broke_even = s.break_even_by_week.last().copied().unwrap_or(0.0);
        let break_even = match (s.break_even_p10, s.break_even_p50, s.break_even_p90) {
            (Some(a), Some(b), Some(c)) => format!("{a} / {b} / {c} ({} %)", percent(broke_even)),
            _ => format!("– ({} %)", percent(broke_even)),
        };
        let c = &s.crises;
        let firestorms = if c.total > 0 {
            c.firestorms as f64 / c.total as f64
        } else {
            0.0
        };
        let _ = writeln!(
            out,
            "| `{id}` | {} / {} / {} % | {break_even} | {} % / {} % | {:.2} | {} % |",
            percent(s.goal_p90),
            percent(s.goal_p180),
            percent(s.goal_p365),
            percent(s.active[180]),
            percent(s.active[730]),
            c.per_run_mean,
            percent(firestorms),
        );
    }
    out
}

/// Committed at lower buy-in: the share cancelled by day 730 and the medians of leads among the
/// continued, among the cancelled and over all futures.
fn split_table() -> String {
    let mut out = String::from(
        "| committed at buy-in | cancelled by day 730 | median leads: continued | cancelled | all futures |\n",
    );
    out.push_str("|---|---|---|---|---|\n");
    let committed = presets()
        .iter()
        .find(|p| p.id == "committed")
        .unwrap()
        .scenario;
    for buy_in in [30.0, 34.0, 40.0, 50.0, 90.0] {
        let mut scenario = committed;
        scenario.set("buy_in", buy_in).unwrap();
        let s = MonteCarlo::new(scenario, SEED, RUNS, 0).unwrap().run_all();
        let split = s.splits.last().unwrap();
        let leads = |g: Option<[f64; 8]>| {
            g.map_or("–".to_string(), |v| {
                format!("{}", v[Metric::Leads.index()].round())
            })
        };
        let _ = writeln!(
            out,
            "| {buy_in} | {} %{} | {} | {} | {} |",
            percent(split.cancelled),
            if split.material { " (material)" } else { "" },
            leads(split.continued_p50),
            leads(split.cancelled_p50),
            s.band(Metric::Leads).p50[730].round(),
        );
    }
    out
}

/// The default's early metrics as predictors of leads on day 730.
fn predictors_table(default: &Summary) -> String {
    let sets = &default.predictors;
    let mut out = String::from("| early metric |");
    for set in sets {
        let _ = write!(out, " day {}: pairs ordered / ρ |", set.day);
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(sets.len()));
    out.push('\n');
    for k in 0..sets[0].metrics.len() {
        let _ = write!(out, "| {} |", sets[0].metrics[k].metric.replace('_', " "));
        for set in sets {
            let p = &set.metrics[k];
            let (o, r) = (p.pairs_ordered.unwrap_or(0.5), p.spearman.unwrap_or(0.0));
            let _ = write!(out, " {} % / {r:.2} |", percent(o));
        }
        out.push('\n');
    }
    out
}

/// The company's constants drawn per run: name in the table, the constant, its documented
/// range as factors of the median (low end, high end), and the field of `Company` it scales.
type Set = fn(&mut Company, f64);
const SENSITIVITY: [(&str, &str, f64, f64, Set); 8] = [
    (
        "organic reach",
        "`ORGANIC_REACH` 0.02–0.06",
        0.5,
        1.5,
        |c, v| c.reach = v,
    ),
    (
        "engagement",
        "`ENGAGEMENT_RATE` 0.01–0.03",
        0.5,
        1.5,
        |c, v| c.engagement = v,
    ),
    (
        "conversion (every lead)",
        "`LEADS_PER_CLICK` 0.07–0.2",
        0.54,
        1.54,
        |c, v| c.conversion = v,
    ),
    (
        "people reached per euro",
        "`PAID_REACH_PER_UNIT` 25–100",
        0.5,
        2.0,
        |c, v| c.paid = v,
    ),
    (
        "ad click-through",
        "`PAID_ENGAGEMENT_RATE` 0.47–1.61 %",
        0.52,
        1.79,
        |c, v| c.click_through = v,
    ),
    (
        "follow rates",
        "`PAID_FOLLOW_RATE` 0.002–0.02",
        0.125,
        1.25,
        |c, v| c.follow = v,
    ),
    (
        "capability's growth time",
        "`CAPABILITY_GROW_DAYS` 90–365",
        0.375,
        1.52,
        |c, v| c.capability_time = v,
    ),
    (
        "crisis rate",
        "`CRISIS_RATE` 1/730–2/365",
        0.5,
        2.0,
        |c, v| c.crisis = v,
    ),
];

/// The default's median leads and ROI on day 730 with one company constant at each end of its
/// documented range (the others drawn as usual, the same luck): what each one moves.
fn sensitivity_table() -> String {
    const N: u64 = 300;
    let s = presets()[0].scenario;
    let d = Derived::new(&s);
    let medians = |set: Option<(Set, f64)>| {
        let mut t = RunTrace::default();
        let (mut leads, mut roi) = (Vec::new(), Vec::new());
        for run in 0..N {
            let mut company = Company::draw(SEED, run);
            if let Some((f, v)) = set {
                f(&mut company, v);
            }
            simulate_company(
                &d,
                &company,
                s.assumptions.starting_followers,
                (SEED, run),
                &mut t,
            );
            leads.push(t.value(730, Metric::Leads));
            roi.push(t.value(730, Metric::Roi));
        }
        let m = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        (m(leads), m(roi))
    };
    let (leads, roi) = medians(None);
    let mut out = format!(
        "| constant (drawn per run) | range | median leads day 730, low / high end (as drawn: {leads:.0}) | median ROI day 730, low / high end (as drawn: {}) |\n",
        signed_percent(roi)
    );
    out.push_str("|---|---|---|---|\n");
    for (name, range, low, high, set) in SENSITIVITY {
        let (l_lo, r_lo) = medians(Some((set, low)));
        let (l_hi, r_hi) = medians(Some((set, high)));
        let _ = writeln!(
            out,
            "| {name} | {range} | {l_lo:.0} / {l_hi:.0} | {} / {} |",
            signed_percent(r_lo),
            signed_percent(r_hi)
        );
    }
    out
}

/// A constant that is the same in every run, with its documented range as factors on its value
/// and how a test moves it.
type SetFixed = fn(&mut Fixed, f64);

/// Name, range as documented, the low and high end as factors, and the factor's field.
const FIXED_SENSITIVITY: [(&str, &str, f64, f64, SetFixed); 8] = [
    (
        "management's grace",
        "`REVIEW_GRACE_DAYS` 60–300",
        60.0 / 140.0,
        300.0 / 140.0,
        |f, v| f.review_grace = v,
    ),
    (
        "trust's speed",
        "`TRUST_SPEED` 0.03–0.15",
        0.03 / 0.08,
        0.15 / 0.08,
        |f, v| f.trust_speed = v,
    ),
    (
        "questions asked",
        "`QUESTION_SHARE` 0.02–0.1",
        0.02 / 0.08,
        0.1 / 0.08,
        |f, v| f.question_share = v,
    ),
    (
        "conversations' yield",
        "`LEADS_PER_CONVERSATION` 0.15–0.5",
        0.15 / 0.5,
        1.0,
        |f, v| f.leads_per_conversation = v,
    ),
    (
        "going ahead unanswered",
        "`SELF_SERVE` 0.1–0.5",
        0.1 / 0.25,
        0.5 / 0.25,
        |f, v| f.self_serve = v,
    ),
    (
        "know-how's decay time",
        "`CAPABILITY_DECAY_DAYS` 60–365",
        60.0 / 120.0,
        365.0 / 120.0,
        |f, v| f.capability_decay = v,
    ),
    (
        "fatigue's slope",
        "`FATIGUE_ENGAGEMENT_SLOPE` 0.3–1.5",
        0.3 / 0.8,
        1.5 / 0.8,
        |f, v| f.fatigue_slope = v,
    ),
    (
        "an ignored crisis's branching",
        "`BRANCHING_IGNORED` 1.2–2.5",
        1.2 / 1.6,
        2.5 / 1.6,
        |f, v| f.branching_ignored = v,
    ),
];

/// The default's median leads and ROI on day 730 and the share of futures cancelled by then,
/// with one constant that is the same in every run at each end of its documented range (the
/// same companies and luck): what each one moves.
fn fixed_sensitivity_table() -> String {
    const N: u64 = 300;
    let s = presets()[0].scenario;
    let outcomes = |fixed: Fixed| {
        let d = Derived::with_fixed(&s, Mechanisms::ALL, fixed);
        let mut t = RunTrace::default();
        let (mut leads, mut roi, mut cancelled) = (Vec::new(), Vec::new(), 0);
        for run in 0..N {
            simulate(&d, s.assumptions.starting_followers, SEED, run, &mut t);
            leads.push(t.value(730, Metric::Leads));
            roi.push(t.value(730, Metric::Roi));
            cancelled += usize::from(t.cancelled_day.is_some());
        }
        let m = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        (m(leads), m(roi), 100.0 * cancelled as f64 / N as f64)
    };
    let (leads, roi, cancelled) = outcomes(Fixed::MODEL);
    let mut out = format!(
        "| constant (the same in every run) | range | median leads day 730, low / high end (as documented: {leads:.0}) | median ROI day 730, low / high end (as documented: {}) | cancelled by day 730, low / high end (as documented: {cancelled:.0} %) |\n",
        signed_percent(roi)
    );
    out.push_str("|---|---|---|---|---|\n");
    for (name, range, low, high, set) in FIXED_SENSITIVITY {
        let at = |v: f64| {
            let mut f = Fixed::MODEL;
            set(&mut f, v);
            outcomes(f)
        };
        let ((l_lo, r_lo, c_lo), (l_hi, r_hi, c_hi)) = (at(low), at(high));
        let _ = writeln!(
            out,
            "| {name} | {range} | {l_lo:.0} / {l_hi:.0} | {} / {} | {c_lo:.0} % / {c_hi:.0} % |",
            signed_percent(r_lo),
            signed_percent(r_hi)
        );
    }
    out
}

/// Each block: its name in the markers and its text.
fn blocks() -> Vec<(&'static str, String)> {
    let all = summaries();
    vec![
        ("presets-medians", medians_table(&all)),
        ("presets-outcomes", outcomes_table(&all)),
        ("futures-split", split_table()),
        ("predictors-default", predictors_table(&all[0].1)),
        ("sensitivity", sensitivity_table()),
        ("sensitivity-fixed", fixed_sensitivity_table()),
    ]
}

/// The document with `name`'s block replaced by `text` (None when its markers are missing).
fn with_block(doc: &str, name: &str, text: &str) -> Option<String> {
    let open = format!("<!-- figures:{name} -->\n");
    let close = format!("<!-- /figures:{name} -->");
    let start = doc.find(&open)? + open.len();
    let end = start + doc[start..].find(&close)?;
    // Blank lines around the block keep a table a table in Markdown.
    Some(format!("{}\n{text}\n{}", &doc[..start], &doc[end..]))
}

#[test]
fn the_model_documents_figures_are_the_engines() {
    let mut doc = std::fs::read_to_string(DOC).expect("docs/MODEL.md");
    let original = doc.clone();
    for (name, text) in blocks() {
        doc = with_block(&doc, name, &text)
            .unwrap_or_else(|| panic!("docs/MODEL.md has no <!-- figures:{name} --> block"));
    }
    if std::env::var_os("LONGGAME_WRITE_DOCS").is_some() {
        std::fs::write(DOC, &doc).expect("write docs/MODEL.md");
        return;
    }
    if doc != original {
        let drift: Vec<String> = original
            .lines()
            .zip(doc.lines())
            .filter(|(a, b)| a != b)
            .map(|(a, b)| format!("  document: {a}\n  engine:   {b}"))
            .collect();
        panic!(
            "docs/MODEL.md's figures differ from the engine's; regenerate them with\n  LONGGAME_WRITE_DOCS=1 cargo test --test model_doc\n{}",
            drift.join("\n")
        );
    }
}
