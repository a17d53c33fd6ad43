//! The explorer's tornado: each lever and each uncertain assumption moved one stated step down
//! and up from the current scenario, every variant run on the same futures as the scenario
//! itself (common random numbers), and the change in the median outcome each step makes,
//! largest swing first.

use super::outcome::Outcome;
use crate::model::params::{field, Field};
use crate::model::Scenario;
use crate::state::stats::fraction_above;

/// How far a field is moved each way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    /// By this share of its value, and by at least `at_least` (so that a zero still moves).
    Relative { share: f64, at_least: f64 },
    /// As `Relative`, by a whole number (of posts).
    Whole { share: f64, at_least: f64 },
    /// By this many points of a 0–100 scale.
    Points(f64),
    /// Divided and multiplied by this factor (fields read on a log scale).
    Factor(f64),
}

/// The fields a tornado moves, and by how much (docs/MODEL.md, "Explorer"). Left out: the
/// horizon, goal and day fields (settings of the question, not uncertainties) and the budget
/// split (a detail of the budget lever).
pub const STEPS: [(&str, Step); 9] = [
    (
        "budget",
        Step::Relative {
            share: 0.25,
            at_least: 100.0,
        },
    ),
    (
        "posts_per_week",
        Step::Whole {
            share: 0.25,
            at_least: 1.0,
        },
    ),
    ("responsiveness", Step::Points(20.0)),
    ("buy_in", Step::Points(20.0)),
    ("market_size", Step::Factor(2.0)),
    ("starting_followers", Step::Factor(2.0)),
    ("customer_value", Step::Factor(2.0)),
    (
        "close_rate",
        Step::Relative {
            share: 0.25,
            at_least: 1.0,
        },
    ),
    ("channel_fit", Step::Points(20.0)),
];

/// One field's two moves from the current scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Move {
    pub field: &'static Field,
    pub step: Step,
    pub base: f64,
    pub down: f64,
    pub up: f64,
}

/// The field's range as the rest of the scenario allows it (followers never above the market).
fn limits(f: &Field, s: &Scenario) -> (f64, f64) {
    let a = &s.assumptions;
    match f.name {
        "starting_followers" => (f.min, f.max.min(a.market_size)),
        "market_size" => (f.min.max(a.starting_followers), f.max),
        _ => (f.min, f.max),
    }
}

impl Move {
    fn new(f: &'static Field, step: Step, s: &Scenario) -> Move {
        let base = f.get(s);
        let (down, up) = match step {
            Step::Relative { share, at_least } => {
                let d = (base * share).max(at_least);
                (base - d, base + d)
            }
            Step::Whole { share, at_least } => {
                let d = (base * share).round().max(at_least);
                (base - d, base + d)
            }
            Step::Points(p) => (base - p, base + p),
            Step::Factor(k) => (base / k, base * k),
        };
        let (lo, hi) = limits(f, s);
        Move {
            field: f,
            step,
            base,
            down: down.clamp(lo, hi),
            up: up.clamp(lo, hi),
        }
    }

    /// The scenario with this field at `value` (a lever from day 0; a plan's later changes
    /// still apply).
    pub fn scenario(&self, s: &Scenario, value: f64) -> Scenario {
        let mut next = *s;
        // Values are clamped to the field's range and none of these fields is a day count.
        let _ = self.field.set(&mut next, value);
        next
    }
}

/// Every field's moves for scenario `s`, in the order of [`STEPS`].
pub fn moves(s: &Scenario) -> Vec<Move> {
    STEPS
        .iter()
        .filter_map(|(name, step)| Some(Move::new(field(name)?, *step, s)))
        .collect()
}

/// The scenarios to run, on one seed: the base, then each field down and up.
pub fn scenarios(s: &Scenario, moves: &[Move]) -> Vec<Scenario> {
    let mut out = vec![*s];
    for m in moves {
        out.push(m.scenario(s, m.down));
        out.push(m.scenario(s, m.up));
    }
    out
}

/// One bar: how much the median outcome (or the share reaching the goal) changes when the field moves down and up, and in
/// how many futures (compared one by one with the same future of the base) each move helps.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub mv: Move,
    /// Median outcome with the field moved down (up), minus the base's median.
    pub down: f64,
    pub up: f64,
    /// Share of futures in which the outcome is higher than the base's in the same future.
    pub down_better: f64,
    pub up_better: f64,
    /// ... and lower.
    pub down_worse: f64,
    pub up_worse: f64,
}

impl Bar {
    /// The width of the bar: from the lowest to the highest of down, up and no change.
    pub fn swing(&self) -> f64 {
        self.down.max(self.up).max(0.0) - self.down.min(self.up).min(0.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub outcome: Outcome,
    pub day: u32,
    /// Median outcome (or share reaching the goal, %) of the current scenario.
    pub base: f64,
    /// Futures behind each bar (the same futures for every scenario).
    pub runs: usize,
    /// Largest swing first; equal swings keep the order of [`STEPS`].
    pub bars: Vec<Bar>,
}

/// The tornado from the outcomes of [`scenarios`] (`values[plan][future]`), if they fit.
pub fn tornado(moves: &[Move], values: &[Vec<f64>], outcome: Outcome, day: u32) -> Option<Tornado> {
    if values.len() != 1 + 2 * moves.len() || values.iter().any(Vec::is_empty) {
        return None;
    }
    let base_values = &values[0];
    let base = outcome.centre(base_values);
    let mut bars: Vec<Bar> = moves
        .iter()
        .enumerate()
        .map(|(i, mv)| {
            let (d, u) = (&values[1 + 2 * i], &values[2 + 2 * i]);
            Bar {
                mv: *mv,
                down: outcome.centre(d) - base,
                up: outcome.centre(u) - base,
                down_better: fraction_above(d, base_values),
                up_better: fraction_above(u, base_values),
                down_worse: fraction_above(base_values, d),
                up_worse: fraction_above(base_values, u),
            }
        })
        .collect();
    crate::state::order::sort_by(&mut bars, |a, b| b.swing().total_cmp(&a.swing()));
    Some(Tornado {
        outcome,
        day,
        base,
        runs: base_values.len(),
        bars,
    })
}

/// The tornado as CSV, one row a field, largest swing first.
pub fn tornado_csv(t: &Tornado) -> String {
    let what = match t.outcome {
        Outcome::Goal => "percent of futures reaching the goal",
        Outcome::Metric(_) => "median",
    };
    let mut out = format!(
        "# {} on day {}; {what} of the current scenario: {}; {} futures per scenario, the same futures in every one\n",
        t.outcome.name(),
        t.day,
        t.base,
        t.runs
    );
    out += "field,base_value,down_value,up_value,median_change_down,median_change_up,\
            share_down_better,share_down_worse,share_up_better,share_up_worse\n";
    for b in &t.bars {
        let m = &b.mv;
        out += &format!(
            "{},{},{},{},{},{},{:.3},{:.3},{:.3},{:.3}\n",
            crate::state::export::csv_cell(m.field.name),
            m.base,
            m.down,
            m.up,
            b.down,
            b.up,
            b.down_better,
            b.down_worse,
            b.up_better,
            b.up_worse
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{outcomes_per_run, preset, Metric};

    #[test]
    fn each_field_moves_by_its_stated_step_within_its_range() {
        let s = preset("half-hearted").unwrap().scenario;
        let m = moves(&s);
        assert_eq!(m.len(), STEPS.len());
        let get = |name: &str| *m.iter().find(|x| x.field.name == name).unwrap();
        let budget = get("budget");
        assert_eq!(budget.base, 300.0);
        assert_eq!(
            (budget.down, budget.up),
            (200.0, 400.0),
            "at least 100 each way"
        );
        let close = get("close_rate");
        assert_eq!(
            (close.down, close.up),
            (close.base * 0.75, close.base * 1.25)
        );
        let buy_in = get("buy_in");
        assert_eq!((buy_in.base, buy_in.down, buy_in.up), (15.0, 0.0, 35.0));
        let market = get("market_size");
        assert_eq!((market.down, market.up), (25_000.0, 100_000.0));
        let mut edge = s;
        edge.levers.responsiveness = 95.0;
        edge.levers.budget = 0.0;
        edge.assumptions.starting_followers = 40_000.0;
        let m = moves(&edge);
        let get = |name: &str| *m.iter().find(|x| x.field.name == name).unwrap();
        assert_eq!(get("responsiveness").up, 100.0, "clamped to the scale");
        assert_eq!((get("budget").down, get("budget").up), (0.0, 100.0));
        assert_eq!(
            get("starting_followers").up,
            50_000.0,
            "not above the market"
        );
        assert_eq!(get("market_size").down, 40_000.0, "not below the followers");
        let all = scenarios(&edge, &m);
        assert_eq!(all.len(), 1 + 2 * STEPS.len());
        assert_eq!(all[0], edge);
        assert!(all.iter().all(|x| x.validate().is_ok()));
    }

    #[test]
    fn bars_are_median_changes_sorted_by_swing_with_shares_future_by_future() {
        let s = Scenario::default();
        let m: Vec<Move> = moves(&s).into_iter().take(2).collect();
        let values = vec![
            vec![10.0, 20.0, 30.0],
            vec![9.0, 19.0, 29.0],  // budget down: −1
            vec![12.0, 22.0, 29.0], // budget up: +2, better in 2 of 3 futures
            vec![0.0, 10.0, 20.0],  // posts down: −10
            vec![10.0, 20.0, 30.0], // posts up: no change, ties in every future
        ];
        let t = tornado(&m, &values, Metric::Leads.into(), 365).unwrap();
        assert_eq!(t.base, 20.0);
        assert_eq!(t.bars[0].mv.field.name, "posts_per_week");
        assert_eq!((t.bars[0].down, t.bars[0].up), (-10.0, 0.0));
        assert_eq!((t.bars[0].up_better, t.bars[0].up_worse), (0.0, 0.0));
        let b = &t.bars[1];
        assert_eq!((b.down, b.up, b.swing()), (-1.0, 2.0, 3.0));
        assert_eq!((b.up_better, b.up_worse), (2.0 / 3.0, 1.0 / 3.0));
        assert!(tornado(&m, &values[..4], Metric::Leads.into(), 365).is_none());
        let csv = tornado_csv(&t);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].contains("leads on day 365"));
        assert!(lines[0].ends_with("; 3 futures per scenario, the same futures in every one"));
        assert_eq!(
            lines[2],
            "posts_per_week,5,4,6,-10,0,0.000,1.000,0.000,0.000"
        );
    }

    /// P(reach the goal): each future is 1 or 0, a bar is the change in the share of futures
    /// that reach it, in percentage points.
    #[test]
    fn the_goal_bars_are_changes_in_the_share_of_futures_reaching_it() {
        let m: Vec<Move> = moves(&Scenario::default()).into_iter().take(1).collect();
        let values = vec![
            vec![1.0, 0.0, 0.0, 0.0],
            vec![0.0, 0.0, 0.0, 0.0],
            vec![1.0, 1.0, 1.0, 0.0],
        ];
        let t = tornado(&m, &values, Outcome::Goal, 365).unwrap();
        assert_eq!((t.base, t.bars[0].down, t.bars[0].up), (25.0, -25.0, 50.0));
        assert_eq!(t.bars[0].up_better, 0.5);
        assert!(
            tornado_csv(&t).starts_with("# goal on day 365; percent of futures reaching the goal")
        );
    }

    fn bars(id: &str, metric: Metric, day: u32) -> Tornado {
        let s = preset(id).unwrap().scenario;
        let m = moves(&s);
        let values: Vec<Vec<f64>> = scenarios(&s, &m)
            .iter()
            .map(|x| outcomes_per_run(x, 1, 200, metric, day as usize).unwrap())
            .collect();
        tornado(&m, &values, metric.into(), day).unwrap()
    }

    /// What the browser test relies on: for the default company, buy-in and budget move leads
    /// several times more than channel fit does; with a big budget and nobody answering,
    /// responsiveness matters most.
    #[test]
    fn buy_in_and_budget_outweigh_channel_fit_and_listening_tops_a_big_budget() {
        let t = bars("default", Metric::Leads, 365);
        let swing = |name: &str| {
            t.bars
                .iter()
                .find(|b| b.mv.field.name == name)
                .unwrap()
                .swing()
        };
        let order: Vec<_> = t
            .bars
            .iter()
            .map(|b| (b.mv.field.name, b.down, b.up))
            .collect();
        assert!(swing("buy_in") > 2.0 * swing("channel_fit"), "{order:?}");
        assert!(swing("budget") > 2.0 * swing("channel_fit"), "{order:?}");
        assert_eq!(
            swing("customer_value"),
            0.0,
            "a customer's value brings no leads"
        );
        let big = bars("big-budget", Metric::Leads, 365);
        assert_eq!(big.bars[0].mv.field.name, "responsiveness");
        assert!(
            big.bars[0].up_better > 0.9,
            "answering helps in almost every future"
        );
    }
}
