//! What the fit does not know before it sees the history, and how it draws it: the company's
//! constants exactly as every run draws them (`company.rs`), the levers the table does not
//! give (on a grid across their range), and the starting followers. Each future also gets the
//! levers of the history's periods from the table (spend → budget, posts → posts per week).

use super::history::{Column, History};
use crate::constants::DAYS_PER_MONTH;
use crate::engine::posts_delivered;
use crate::rng::{Mechanism, Stream};
use crate::Levers;

/// Unknown buy-in and responsiveness: equally likely on 0, 10, ..., 100 (assumption).
pub const PERCENT_GRID: [f64; 11] = [
    0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0,
];
/// An unknown budget per month (no spend column): equally likely on these (assumption).
pub const BUDGET_GRID: [f64; 8] = [0.0, 500.0, 1000.0, 2000.0, 3000.0, 5000.0, 8000.0, 12000.0];
/// Unknown posts per week (no posts column): equally likely on these (assumption).
pub const POSTS_GRID: [f64; 8] = [0.0, 1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 14.0];
/// Unknown starting followers: log-normal about the first reported level, this spread in
/// log units (assumption; the first period moves followers by less than this on most pages).
pub const START_LOG_SD: f64 = 0.5;
/// The table's spend and posts become lever changes over blocks of at least this many days:
/// the levers are rates (per month, per week), and a day's posts are not a posting rate.
pub const LEVER_BLOCK_DAYS: u32 = 28;

/// Keeps the fit's own draws apart from the model's streams of the same run.
const FIT_SALT: u64 = 0x05EE_DF17_0000_0001;

/// The unknown levers' grid positions, in the order of `plan::LEVERS` (0 when the table gives
/// the lever): one future's history levers are known from these and the table.
pub type LeverKey = [u8; 4];

/// One future's unknowns besides its company.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Unknowns {
    pub key: LeverKey,
    pub start: f64,
}

/// The fit's prior over the unknowns for a given history.
#[derive(Clone, Debug)]
pub struct Prior {
    /// Starting followers when the user states them or nothing reports followers.
    pub known_start: Option<f64>,
    /// The first reported followers (centre of the unknown start's prior).
    pub first_followers: f64,
    pub budget_known: bool,
    pub posts_known: bool,
    /// Every lever is known: the scenario's own, plan included (no lever is inferred).
    pub plan_known: bool,
}

impl Prior {
    pub fn new(history: &History, stated_start: Option<f64>, default_start: f64) -> Prior {
        let first = history.rows.first().and_then(|r| r.get(Column::Followers));
        Prior {
            known_start: stated_start.or(if first.is_some() {
                None
            } else {
                Some(default_start)
            }),
            first_followers: first.unwrap_or(default_start),
            budget_known: history.has(Column::Spend),
            posts_known: history.has(Column::Posts),
            plan_known: false,
        }
    }

    /// Run `run`'s unknowns under `seed` (always the same draws, whatever is known).
    pub fn draw(&self, seed: u64, run: u64) -> Unknowns {
        let mut s = Stream::new(seed ^ FIT_SALT, run, Mechanism::Company);
        let mut pick = |n: usize| ((s.uniform() * n as f64) as usize).min(n - 1) as u8;
        let mut key = [
            pick(BUDGET_GRID.len()),
            pick(POSTS_GRID.len()),
            pick(PERCENT_GRID.len()),
            pick(PERCENT_GRID.len()),
        ];
        let z = s.normal();
        if self.budget_known {
            key[0] = 0;
        }
        if self.posts_known {
            key[1] = 0;
        }
        if self.plan_known {
            key = [0; 4];
        }
        let start = self.known_start.unwrap_or_else(|| {
            ((1.0 + self.first_followers) * libm::exp(START_LOG_SD * z) - 1.0).max(0.0)
        });
        Unknowns { key, start }
    }

    /// The unknown levers' values in a key, by name (for the posterior's table).
    pub fn unknown_levers(&self, key: LeverKey) -> Vec<(&'static str, f64)> {
        let mut out = Vec::new();
        if !self.budget_known {
            out.push(("budget", BUDGET_GRID[key[0] as usize]));
        }
        if !self.posts_known {
            out.push(("posts_per_week", POSTS_GRID[key[1] as usize]));
        }
        out.push(("responsiveness", PERCENT_GRID[key[2] as usize]));
        out.push(("buy_in", PERCENT_GRID[key[3] as usize]));
        out
    }
}

/// The levers of the history's blocks for a key: `(first day, levers)`, the first from day 0
/// (consecutive blocks with equal levers merged).
pub fn history_levers(history: &History, key: LeverKey) -> Vec<(u32, Levers)> {
    let buy_in = PERCENT_GRID[key[3] as usize];
    let blocks = blocks(history);
    let budget = rates(history, &blocks, Column::Spend, DAYS_PER_MONTH);
    let posts = rates(history, &blocks, Column::Posts, 7.0);
    let mut out: Vec<(u32, Levers)> = Vec::new();
    for (i, &(first, _)) in blocks.iter().enumerate() {
        let levers = Levers {
            budget: budget
                .as_ref()
                .map_or(BUDGET_GRID[key[0] as usize], |b| b[i]),
            // The table counts the posts made; the lever is the posts asked for.
            posts_per_week: posts.as_ref().map_or(POSTS_GRID[key[1] as usize], |p| {
                (p[i] / posts_delivered(buy_in / 100.0)).min(70.0)
            }),
            responsiveness: PERCENT_GRID[key[2] as usize],
            buy_in,
        };
        let day = if out.is_empty() {
            0
        } else {
            history.rows[first].start + 1
        };
        if out.last().is_none_or(|(_, l)| *l != levers) {
            out.push((day, levers));
        }
    }
    out
}

/// The rows grouped into blocks of at least `LEVER_BLOCK_DAYS` (the last may be shorter):
/// `(first row, end row)` (end exclusive).
fn blocks(history: &History) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut first, mut days) = (0, 0);
    for (i, row) in history.rows.iter().enumerate() {
        days += row.days();
        if days >= LEVER_BLOCK_DAYS || i + 1 == history.rows.len() {
            out.push((first, i + 1));
            first = i + 1;
            days = 0;
        }
    }
    out
}

/// Each block's rate of a column per `per` days (None when the table has no such column):
/// a block without a value keeps the one before (the first ones take the first known).
fn rates(history: &History, blocks: &[(usize, usize)], c: Column, per: f64) -> Option<Vec<f64>> {
    if !history.has(c) {
        return None;
    }
    let known: Vec<Option<f64>> = blocks
        .iter()
        .map(|&(a, b)| {
            let rows = history.rows[a..b]
                .iter()
                .filter_map(|r| Some((r.get(c)?, r.days())));
            let (total, days) = rows.fold((0.0, 0), |(t, d), (v, n)| (t + v, d + n));
            (days > 0).then(|| total / days as f64 * per)
        })
        .collect();
    let first = known.iter().flatten().next().copied().unwrap_or(0.0);
    let mut last = first;
    Some(
        known
            .iter()
            .map(|v| {
                last = v.unwrap_or(last);
                last
            })
            .collect(),
    )
}
