//! The explorer's map of two levers: a grid of scenarios across two levers' plausible ranges,
//! every other value from the current scenario, all run on the same futures (common random
//! numbers), each cell showing the chosen outcome on the chosen day.

use super::outcome::Outcome;
use crate::model::params::{field, Field};
use crate::model::Scenario;

/// The futures per cell the user may choose (link `mn=`), the default, and those of the first
/// pass (a whole coarse map quickly, whatever the choice); each later pass doubles the futures
/// so far, the last stopping at the choice (100: 25, 25, 50; 1,000: 25, 25, 50, 100, 200,
/// 400, 200).
pub const RUNS_CHOICES: [u32; 4] = [100, 200, 500, 1000];
pub const DEFAULT_RUNS: u32 = 200;
pub const FIRST_PASS: u32 = 25;
/// Values along each axis.
pub const SIZE: usize = 12;

/// A lever the map can put on an axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Budget,
    Posts,
    Responsiveness,
    BuyIn,
}

impl Axis {
    pub const ALL: [Axis; 4] = [Axis::Budget, Axis::Posts, Axis::Responsiveness, Axis::BuyIn];

    /// The name in links (`mx=budget&my=buyin`).
    pub fn name(self) -> &'static str {
        match self {
            Axis::Budget => "budget",
            Axis::Posts => "posts",
            Axis::Responsiveness => "responsiveness",
            Axis::BuyIn => "buyin",
        }
    }

    pub fn parse(name: &str) -> Option<Axis> {
        Axis::ALL.into_iter().find(|a| a.name() == name)
    }

    pub fn field(self) -> &'static Field {
        let name = match self {
            Axis::Budget => "budget",
            Axis::Posts => "posts_per_week",
            Axis::Responsiveness => "responsiveness",
            Axis::BuyIn => "buy_in",
        };
        field(name).expect("the four levers are fields")
    }

    /// The lever's plausible range, in [`SIZE`] values (docs/MODEL.md §8.2): budget €0–11,000
    /// a month in steps of €1,000; 0–22 posts a week in steps of 2; responsiveness and buy-in
    /// 0–100 in eleven equal steps, rounded to whole points.
    pub fn values(self) -> [f64; SIZE] {
        std::array::from_fn(|i| match self {
            Axis::Budget => 1000.0 * i as f64,
            Axis::Posts => 2.0 * i as f64,
            Axis::Responsiveness | Axis::BuyIn => (100.0 * i as f64 / (SIZE - 1) as f64).round(),
        })
    }

    /// The index of the value nearest `v` (the first of two equally near).
    pub fn nearest(self, v: f64) -> usize {
        let values = self.values();
        (0..SIZE)
            .min_by(|&a, &b| (values[a] - v).abs().total_cmp(&(values[b] - v).abs()))
            .unwrap_or(0)
    }
}

/// The two levers on the map's axes: across (x) and up (y); never the same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Axes {
    pub x: Axis,
    pub y: Axis,
}

impl Default for Axes {
    fn default() -> Self {
        Axes {
            x: Axis::Budget,
            y: Axis::BuyIn,
        }
    }
}

impl Axes {
    /// With `x` across; should it be the lever already up, the two swap.
    pub fn with_x(self, x: Axis) -> Axes {
        let y = if x == self.y { self.x } else { self.y };
        Axes { x, y }
    }

    /// With `y` up; should it be the lever already across, the two swap.
    pub fn with_y(self, y: Axis) -> Axes {
        let x = if y == self.x { self.y } else { self.x };
        Axes { x, y }
    }
}

/// The scenario of cell (`ix`, `iy`): the current one with the two levers set (from day 0; a
/// plan's later changes still apply).
pub fn cell_scenario(s: &Scenario, axes: Axes, (ix, iy): (usize, usize)) -> Scenario {
    let mut next = *s;
    // Values within the levers' ranges, none a day count: setting cannot fail.
    let _ = axes.x.field().set(&mut next, axes.x.values()[ix]);
    let _ = axes.y.field().set(&mut next, axes.y.values()[iy]);
    next
}

/// Every cell's scenario, cell (`ix`, `iy`) at `iy * SIZE + ix` (the bottom row first).
pub fn scenarios(s: &Scenario, axes: Axes) -> Vec<Scenario> {
    (0..SIZE * SIZE)
        .map(|i| cell_scenario(s, axes, (i % SIZE, i / SIZE)))
        .collect()
}

/// The map as numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverMap {
    pub axes: Axes,
    pub outcome: Outcome,
    pub day: u32,
    /// Futures behind each cell.
    pub runs: usize,
    /// Each cell's median (or share reaching the goal), cell (`ix`, `iy`) at `iy * SIZE + ix`.
    pub cells: Vec<f64>,
    /// The cell nearest the current scenario, and whether the scenario lies within the range.
    pub current: (usize, usize),
    pub current_inside: bool,
}

impl LeverMap {
    pub fn at(&self, (ix, iy): (usize, usize)) -> f64 {
        self.cells[iy * SIZE + ix]
    }

    /// The lowest and highest cell.
    pub fn range(&self) -> (f64, f64) {
        let finite = self.cells.iter().copied().filter(|v| v.is_finite());
        finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
    }
}

/// The map from the outcomes of [`scenarios`] (`values[cell][future]`), if they fit.
pub fn lever_map(
    s: &Scenario,
    axes: Axes,
    values: &[Vec<f64>],
    (outcome, day): (Outcome, u32),
) -> Option<LeverMap> {
    let runs = values.first()?.len();
    if values.len() != SIZE * SIZE || runs == 0 || values.iter().any(|v| v.len() != runs) {
        return None;
    }
    let (vx, vy) = (axes.x.field().get(s), axes.y.field().get(s));
    let inside = |a: Axis, v: f64| {
        let values = a.values();
        (values[0]..=values[SIZE - 1]).contains(&v)
    };
    Some(LeverMap {
        axes,
        outcome,
        day,
        runs,
        cells: values.iter().map(|v| outcome.centre(v)).collect(),
        current: (axes.x.nearest(vx), axes.y.nearest(vy)),
        current_inside: inside(axes.x, vx) && inside(axes.y, vy),
    })
}

/// The map as CSV, one row a cell (the bottom row first, left to right).
pub fn map_csv(m: &LeverMap) -> String {
    let (fx, fy) = (m.axes.x.field(), m.axes.y.field());
    let what = match m.outcome {
        Outcome::Goal => "percent_of_futures_reaching_goal".to_string(),
        Outcome::Metric(x) => format!("median_{}", x.name()),
    };
    let mut out = format!(
        "# {} on day {}; {} futures per cell, the same futures in every cell\n",
        m.outcome.name(),
        m.day,
        m.runs
    );
    let cell = crate::state::export::csv_cell;
    out += &format!("{},{},{what},current\n", cell(fx.name), cell(fy.name));
    let (xs, ys) = (m.axes.x.values(), m.axes.y.values());
    for (iy, y) in ys.iter().enumerate() {
        for (ix, x) in xs.iter().enumerate() {
            let current = u8::from((ix, iy) == m.current);
            out += &format!("{x},{y},{},{current}\n", m.at((ix, iy)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{outcomes_per_run, preset, Metric};

    #[test]
    fn each_axis_spans_its_range_in_twelve_whole_values() {
        assert_eq!(Axis::Budget.values()[11], 11_000.0);
        assert_eq!(
            Axis::BuyIn.values(),
            [0., 9., 18., 27., 36., 45., 55., 64., 73., 82., 91., 100.]
        );
        assert_eq!(Axis::Posts.values()[..4], [0.0, 2.0, 4.0, 6.0]);
        for a in Axis::ALL {
            let v = a.values();
            assert!(v.windows(2).all(|w| w[0] < w[1]), "{a:?} rises");
            assert!(v.iter().all(|x| x.fract() == 0.0), "{a:?} whole");
            let f = a.field();
            assert!(v[0] >= f.min && v[SIZE - 1] <= f.max);
            assert_eq!(Axis::parse(a.name()), Some(a));
        }
        assert_eq!(Axis::BuyIn.nearest(70.0), 8, "73 is nearest 70");
        assert_eq!(
            Axis::Budget.nearest(20_000.0),
            11,
            "beyond the range: the edge"
        );
        let axes = Axes::default();
        assert_eq!(
            axes.with_x(Axis::BuyIn),
            Axes {
                x: Axis::BuyIn,
                y: Axis::Budget
            }
        );
        assert_eq!(
            axes.with_y(Axis::Posts),
            Axes {
                x: Axis::Budget,
                y: Axis::Posts
            }
        );
    }

    #[test]
    fn cells_are_the_scenario_with_two_levers_set_bottom_row_first() {
        let s = preset("half-hearted").unwrap().scenario;
        let axes = Axes {
            x: Axis::Posts,
            y: Axis::Responsiveness,
        };
        let all = scenarios(&s, axes);
        assert_eq!(all.len(), 144);
        assert!(all.iter().all(|c| c.validate().is_ok()));
        let c = all[2 * SIZE + 5];
        assert_eq!(
            (c.levers.posts_per_week, c.levers.responsiveness),
            (10.0, 18.0)
        );
        assert_eq!(
            (c.levers.budget, c.levers.buy_in),
            (300.0, 15.0),
            "the rest is the scenario's"
        );
        assert_eq!(c.assumptions, s.assumptions);
    }

    fn map(id: &str, axes: Axes, outcome: Outcome) -> LeverMap {
        let s = preset(id).unwrap().scenario;
        let metric = match outcome {
            Outcome::Metric(m) => m,
            Outcome::Goal => Metric::Leads,
        };
        let goal = s.assumptions.goal_leads;
        let values: Vec<Vec<f64>> = scenarios(&s, axes)
            .iter()
            .map(|c| {
                let v = outcomes_per_run(c, 1, 40, metric, 365).unwrap();
                match outcome {
                    Outcome::Goal => v.iter().map(|&l| f64::from(u8::from(l >= goal))).collect(),
                    Outcome::Metric(_) => v,
                }
            })
            .collect();
        lever_map(&s, axes, &values, (outcome, 365)).unwrap()
    }

    /// What the browser test relies on: for the default company, more budget and more buy-in
    /// each bring more leads; with neither, almost none; the current scenario is marked.
    #[test]
    fn leads_rise_with_budget_and_buy_in_and_the_current_cell_is_marked() {
        let m = map("default", Axes::default(), Metric::Leads.into());
        assert_eq!(m.runs, 40);
        assert_eq!(m.current, (3, 8), "€3,000 and buy-in 70 → 73");
        assert!(m.current_inside);
        let (lo, hi) = m.range();
        assert_eq!(lo, m.at((0, 0)), "no budget, no buy-in: the fewest leads");
        assert!(hi > 5.0 * lo.max(1.0), "{lo}..{hi}");
        assert!(m.at((11, 11)) > m.at((0, 11)) && m.at((11, 11)) > m.at((11, 0)));
        let csv = map_csv(&m);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 2 + 144);
        assert_eq!(lines[1], "budget,buy_in,median_leads,current");
        assert!(lines[2].starts_with("0,0,"));
        assert!(
            lines[2 + 8 * SIZE + 3].starts_with("3000,73,")
                && lines[2 + 8 * SIZE + 3].ends_with(",1")
        );
        assert_eq!(csv.matches(",1\n").count(), 1, "one current cell");
        let big = map("big-budget", Axes::default(), Outcome::Goal);
        assert!(!big.current_inside, "€20,000 is beyond the range");
        assert!(big.cells.iter().all(|v| (0.0..=100.0).contains(v)));
        assert!(map_csv(&big).contains(",percent_of_futures_reaching_goal,"));
        assert!(lever_map(
            &Scenario::default(),
            Axes::default(),
            &[vec![1.0]],
            (Outcome::Goal, 1)
        )
        .is_none());
    }
}
