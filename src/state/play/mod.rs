//! Play mode as plain data: one future of the scenario (run [`GAME_RUN`] of the seed) played
//! stop by stop. The player's decisions are the scenario's plan (a change the day after a
//! stop; stopping the programme is a change to no budget and no posts), so a game is an
//! ordinary scenario with a plan plus the day reached: it travels in a link and in a team code.
//!
//! Stops are the end of each quarter, every management review, and every crisis breaking out.
//! Because a change after day D leaves days up to D untouched (common random numbers), the
//! stops and events up to the day reached are recomputed from the final plan, exactly as played.

pub mod seen;

use crate::model::engine::{expected_leads, first_review_day};
use crate::model::{constants::REVIEW_EVERY_DAYS, Metric};
use crate::model::{preset, run_once, Change, LeverSet, Levers, RunTrace, Scenario, MAX_CHANGES};

/// The future a game plays, of the seed in the link: every team given the same link plays the
/// same future, which the class view then compares with all the others.
pub const GAME_RUN: u64 = 0;

/// Why the game stopped on a day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// Quarter `n` (1-based) ended.
    QuarterEnd(u32),
    /// Management reviewed the results: the leads they expected by now, and whether they
    /// kept the programme going.
    Review { expected: f64, kept: bool },
    /// A crisis broke out (its outcome is still open).
    Crisis,
}

/// How a game ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ending {
    /// Played to the horizon.
    Horizon,
    /// The player stopped the programme after this day.
    Stopped(u32),
    /// Management cancelled it at the review on this day.
    Cancelled(u32),
}

/// A day the game stopped on, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    pub day: u32,
    pub reasons: Vec<Reason>,
}

/// A game at the day reached: its own future so far and where it stopped.
#[derive(Clone, Debug)]
pub struct Game {
    pub scenario: Scenario,
    pub seed: u64,
    /// The player's own future, simulated to the horizon under the plan so far. Only days up
    /// to [`Game::day`] may be shown: the rest is what the player has not lived yet.
    pub trace: RunTrace,
    /// The stops passed and the one reached (day 0, the start, is not a stop).
    pub stops: Vec<Stop>,
    pub ending: Option<Ending>,
}

/// Games are the same when their plan, seed and stops are: the trace follows from them.
impl PartialEq for Game {
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario && self.seed == other.seed && self.stops == other.stops
    }
}

/// Quarter ends: every 365/4 days, rounded, up to the horizon.
fn quarter_ends(horizon: u32) -> impl Iterator<Item = (u32, u32)> {
    (1..)
        .map(|q| (q, (q as f64 * 365.0 / 4.0).round() as u32))
        .take_while(move |(_, day)| *day <= horizon)
}

/// The day from which the plan leaves no budget and no posts (the programme stopped), if any.
pub fn stopped_from(s: &Scenario) -> Option<u32> {
    if !s.levers.page_exists() {
        return Some(0);
    }
    s.changes
        .changes()
        .iter()
        .map(|c| c.day)
        .find(|&day| !s.changes.levers_on(s.levers, day).page_exists())
}

/// Every stop of the played future, in day order, those closer than a week merged.
fn all_stops(s: &Scenario, t: &RunTrace) -> Vec<Stop> {
    merge_close(events(s, t))
}

/// Every quarter end, review and crisis of the played future, in day order.
fn events(s: &Scenario, t: &RunTrace) -> Vec<Stop> {
    let horizon = s.assumptions.horizon_days;
    let mut stops: Vec<Stop> = Vec::new();
    let mut add = |day: u32, reason: Reason| match stops.iter_mut().find(|s| s.day == day) {
        Some(stop) => stop.reasons.push(reason),
        None => stops.push(Stop {
            day,
            reasons: vec![reason],
        }),
    };
    for (q, day) in quarter_ends(horizon) {
        add(day, Reason::QuarterEnd(q));
    }
    let a = &s.assumptions;
    if let Some(first_active) = t.first_active_day {
        let started = first_active.saturating_sub(1);
        let last = t.cancelled_day.unwrap_or(horizon).min(horizon);
        let mut day = started + first_review_day(s.levers.buy_in / 100.0);
        while day <= last {
            let running = (day - started) as f64;
            let expected =
                expected_leads(a.goal_leads, a.goal_day, running, s.levers.buy_in / 100.0);
            let kept = t.cancelled_day != Some(day);
            add(day, Reason::Review { expected, kept });
            day += REVIEW_EVERY_DAYS;
        }
    }
    for c in &t.crises {
        add(c.day, Reason::Crisis);
    }
    super::order::sort_by(&mut stops, |a, b| a.day.cmp(&b.day));
    stops
}

/// Stops closer than this are one decision (a crisis on day 181 and the quarter's end on 183).
pub const MERGE_DAYS: u32 = 7;

/// Stops in day order, each one less than [`MERGE_DAYS`] after the one before merged into it
/// on the later day, so nothing is told before it happened. A cancelling review is never
/// moved: the game ends there.
fn merge_close(stops: Vec<Stop>) -> Vec<Stop> {
    let mut out: Vec<Stop> = Vec::new();
    for stop in stops {
        match out.last_mut() {
            Some(last) if stop.day < last.day + MERGE_DAYS && !cancels(last) => {
                last.day = stop.day;
                last.reasons.extend(stop.reasons);
            }
            _ => out.push(stop),
        }
    }
    out
}

fn cancels(stop: &Stop) -> bool {
    stop.reasons
        .iter()
        .any(|r| matches!(r, Reason::Review { kept: false, .. }))
}

impl Game {
    /// The game of scenario `s` (the player's plan so far) on `seed`, at the first stop on or
    /// after `day` (day 0: the start, before the first quarter is played).
    pub fn at(s: &Scenario, seed: u64, day: u32) -> Game {
        let trace = run_once(s, seed, GAME_RUN);
        let horizon = s.assumptions.horizon_days;
        let stopped = stopped_from(s).map(|d| d.saturating_sub(1));
        let mut stops = all_stops(s, &trace);
        let reached = if day == 0 {
            0
        } else {
            stops
                .iter()
                .map(|s| s.day)
                .find(|&d| d >= day)
                .unwrap_or(horizon)
        };
        stops.retain(|s| s.day <= reached);
        // Day 0 is the start: nothing has happened yet, whatever the levers.
        let ending = if day == 0 {
            None
        } else if let Some(d) = stopped.filter(|&d| d <= reached) {
            Some(Ending::Stopped(d))
        } else if let Some(c) = trace.cancelled_day.filter(|&c| c <= reached) {
            Some(Ending::Cancelled(c))
        } else {
            (reached >= horizon).then_some(Ending::Horizon)
        };
        Game {
            scenario: *s,
            seed,
            trace,
            stops,
            ending,
        }
    }

    /// The day reached: the last stop (0 before the first quarter is played).
    pub fn day(&self) -> u32 {
        self.stops.last().map_or(0, |s| s.day)
    }

    /// The stop after the day reached, under the plan so far (None when the game is over).
    pub fn next_stop(&self) -> Option<u32> {
        if self.ending.is_some() {
            return None;
        }
        let all = all_stops(&self.scenario, &self.trace);
        let next = all.iter().map(|s| s.day).find(|&d| d > self.day());
        Some(next.unwrap_or(self.scenario.assumptions.horizon_days))
    }

    /// A value of the player's own future on a day already lived.
    pub fn value(&self, day: u32, metric: Metric) -> f64 {
        self.trace.value(day.min(self.day()) as usize, metric)
    }

    /// The levers in force after the day reached.
    pub fn levers(&self) -> Levers {
        let s = &self.scenario;
        s.changes.levers_on(s.levers, self.day() + 1)
    }

    /// Whether the plan can take one more change.
    pub fn can_change(&self) -> bool {
        self.scenario.changes.changes().len() < MAX_CHANGES
    }
}

/// What the player decided at a stop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Decision {
    /// Go on with these levers (the ones in force, or new ones from tomorrow).
    Go(Levers),
    /// Stop the programme: no budget and no posts from tomorrow.
    Stop,
}

/// The scenario after deciding at `day` (0: the start, where the levers are the scenario's
/// own); `None` if the plan cannot take another change.
pub fn decide(s: &Scenario, day: u32, decision: Decision) -> Option<Scenario> {
    let now = s.changes.levers_on(s.levers, day + 1);
    let target = match decision {
        Decision::Go(levers) => levers,
        Decision::Stop => Levers {
            budget: 0.0,
            posts_per_week: 0.0,
            ..now
        },
    };
    let mut next = *s;
    if day == 0 && s.changes.is_empty() {
        next.levers = target;
        return Some(next);
    }
    let mut set = LeverSet::default();
    let (old, new) = (lever_array(&now), lever_array(&target));
    for i in (0..4).filter(|&i| old[i] != new[i]) {
        set.put(i, new[i]);
    }
    if set == LeverSet::default() {
        return Some(next);
    }
    let mut changes = s.changes.changes().to_vec();
    changes.retain(|c| c.day <= day);
    changes.push(Change { day: day + 1, set });
    next.changes = crate::model::Plan::new(&changes).ok()?;
    Some(next)
}

fn lever_array(l: &Levers) -> [f64; 4] {
    [l.budget, l.posts_per_week, l.responsiveness, l.buy_in]
}

/// The plans the debrief sets beside the player's, on the same futures: committed from day
/// one, the player's start quit at the first review, and never started (the same company).
pub fn alternatives(s: &Scenario) -> [(&'static str, Scenario); 3] {
    let with_levers = |levers: Levers| {
        let mut alt = *s;
        alt.levers = levers;
        alt.changes = Default::default();
        alt.assumptions.stop_day = 0;
        alt
    };
    let committed = with_levers(preset("committed").expect("a preset").scenario.levers);
    let mut quit = with_levers(s.levers);
    let review = first_review_day(s.levers.buy_in / 100.0);
    if review < s.assumptions.horizon_days {
        quit = decide(&quit, review, Decision::Stop).unwrap_or(quit);
    }
    let never = with_levers(preset("never-started").expect("a preset").scenario.levers);
    [
        ("committed", committed),
        ("quit_first_review", quit),
        ("never_started", never),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn committed() -> Scenario {
        preset("committed").unwrap().scenario
    }

    #[test]
    fn a_game_starts_before_the_first_quarter_and_stops_at_its_end() {
        let s = committed();
        let g = Game::at(&s, 7, 0);
        assert_eq!(g.day(), 0);
        assert!(g.stops.is_empty() && g.ending.is_none());
        let first = g.next_stop().unwrap();
        // The first quarter's end, or a stop less than a week after it that it merged into.
        assert!(first > 0 && first < 91 + MERGE_DAYS, "{first}");
        let g = Game::at(&s, 7, 91);
        assert!(g
            .stops
            .last()
            .unwrap()
            .reasons
            .contains(&Reason::QuarterEnd(1)));
        assert_eq!(g.value(91, Metric::Leads), g.trace.value(91, Metric::Leads));
        assert_eq!(
            g.value(400, Metric::Leads),
            g.trace.value(g.day() as usize, Metric::Leads),
            "the future not yet lived is never shown"
        );
    }

    #[test]
    fn reviews_and_crises_are_stops_and_a_low_buy_in_can_be_cancelled() {
        // Find a half-hearted future in which management cancels.
        let s = preset("half-hearted").unwrap().scenario;
        let seed = (1..200)
            .find(|&seed| run_once(&s, seed, GAME_RUN).cancelled_day.is_some())
            .expect("some future is cancelled");
        let mut g = Game::at(&s, seed, 0);
        let mut reviews = 0;
        while let Some(next) = g.next_stop() {
            g = Game::at(&s, seed, next);
            let stop = g.stops.last().unwrap();
            reviews += stop
                .reasons
                .iter()
                .filter(|r| matches!(r, Reason::Review { .. }))
                .count();
        }
        let cancelled = g.trace.cancelled_day.unwrap();
        assert_eq!(g.ending, Some(Ending::Cancelled(cancelled)));
        assert_eq!(g.day(), cancelled);
        assert!(reviews >= 1);
        let last = g.stops.last().unwrap();
        assert!(last
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Review { kept: false, .. })));
        for c in g.trace.crises.iter().filter(|c| c.day <= cancelled) {
            let stop = g.stops.iter().find(|s| s.day == c.day).expect("a stop");
            assert!(stop.reasons.contains(&Reason::Crisis));
        }
    }

    #[test]
    fn stops_closer_than_a_week_are_one_decision_told_on_the_later_day() {
        let stop = |day, reasons: &[Reason]| Stop {
            day,
            reasons: reasons.to_vec(),
        };
        let cancel = Reason::Review {
            expected: 9.0,
            kept: false,
        };
        let merged = merge_close(vec![
            stop(181, &[Reason::Crisis]),
            stop(183, &[Reason::QuarterEnd(2)]),
            stop(190, &[Reason::Crisis]),
            stop(300, &[cancel]),
            stop(302, &[Reason::QuarterEnd(4)]),
        ]);
        assert_eq!(
            merged,
            vec![
                stop(183, &[Reason::Crisis, Reason::QuarterEnd(2)]),
                stop(190, &[Reason::Crisis]),
                stop(300, &[cancel]),
                stop(302, &[Reason::QuarterEnd(4)]),
            ]
        );
        // The default game on seed 1 has a crisis two days before a quarter's end: one stop.
        let s = preset("default").unwrap().scenario;
        let t = run_once(&s, 1, GAME_RUN);
        let raw: Vec<u32> = events(&s, &t).iter().map(|s| s.day).collect();
        eprintln!("raw stops of the default game: {raw:?}");
        assert!(raw.windows(2).any(|w| w[1] - w[0] < MERGE_DAYS));
        // Over whole games: no two stops closer than a week, unless the first ends the game.
        for seed in 1..40 {
            let stops = all_stops(&s, &run_once(&s, seed, GAME_RUN));
            for w in stops.windows(2) {
                assert!(
                    w[1].day - w[0].day >= MERGE_DAYS || cancels(&w[0]),
                    "seed {seed}: stops on days {} and {}",
                    w[0].day,
                    w[1].day
                );
            }
        }
    }

    #[test]
    fn a_decision_changes_the_levers_from_tomorrow_and_leaves_the_past() {
        let s = committed();
        let g = Game::at(&s, 3, 91);
        let more = Levers {
            budget: 8000.0,
            ..g.levers()
        };
        let next = decide(&s, 91, Decision::Go(more)).unwrap();
        assert_eq!(next.changes.changes().len(), 1);
        assert_eq!(next.changes.changes()[0].day, 92);
        let after = Game::at(&next, 3, 91);
        let before = &g.trace.values[..92 * crate::model::N_METRICS];
        assert_eq!(&after.trace.values[..before.len()], before, "same past");
        assert_eq!(after.levers().budget, 8000.0);
        assert_eq!(
            decide(&s, 91, Decision::Go(g.levers())).unwrap(),
            s,
            "keeping the levers adds no change"
        );
    }

    #[test]
    fn stopping_ends_the_game_and_the_plan_says_so() {
        let s = committed();
        let stopped = decide(&s, 91, Decision::Stop).unwrap();
        assert_eq!(stopped_from(&stopped), Some(92));
        let g = Game::at(&stopped, 3, 91);
        assert_eq!(g.ending, Some(Ending::Stopped(91)));
        assert_eq!(g.next_stop(), None);
        let cost = |d| g.trace.value(d, Metric::Cost);
        assert_eq!(cost(200), cost(92), "nothing is spent after stopping");
    }

    #[test]
    fn the_alternatives_share_the_company_and_differ_in_plan() {
        let s = committed();
        let [(_, c), (_, q), (_, n)] = alternatives(&s);
        assert_eq!(c.levers, s.levers);
        assert!(stopped_from(&q).is_some());
        assert!(!n.levers.page_exists());
        assert_eq!(q.assumptions, s.assumptions);
    }
}
