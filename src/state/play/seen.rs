//! What a player can know at a stop, and the futures still possible given it
//! (docs/MODEL.md §13.6). The game knows the player's company; the player does not. So the
//! futures shown at a stop are not forks of the player's own company but the futures that
//! reproduce what the player has seen so far (the leads of every month, the followers at
//! every stop), continued under the player's plan: the posterior over the company, fitted
//! with the same sampler as "Your page". At the start nothing has been seen: the futures are
//! the simulator's own.

use super::Game;
use crate::model::fit::{Column, Fit, FitError, FitOptions, Fitter, History, Row, Stepwise};
use crate::model::{LeverSet, Metric, MonteCarlo, RunTrace, Scenario};

/// The fit draws its futures under the game's seed mixed with this, so the player's own
/// future (run 0 of the game's seed) is not among the futures weighed: the fit knows
/// nothing the player does not.
const FIT_SALT: u64 = 0x9A7E_0F17_5EED_0026;

/// Futures drawn and moved by the fit at a stop (each continued by two forks of fresh luck:
/// see [`fit_options`]).
pub const FIT_RUNS: u32 = 200;

/// The boundaries of what the player has seen by `day`: every stop, and every month's end
/// (365/12 days, rounded, as the quarters are) less than a week from a stop; in day order.
/// (A row of a day or two would weigh a handful of leads against a day's luck.)
fn boundaries(game: &Game, day: u32) -> Vec<u32> {
    let stops: Vec<u32> = stop_days(game, day).chain([day]).collect();
    let near_stop = |d: u32| stops.iter().any(|&s| s.abs_diff(d) < super::MERGE_DAYS);
    let months = (1..)
        .map(|k| (k as f64 * 365.0 / 12.0).round() as u32)
        .take_while(|&d| d <= day)
        .filter(|&d| !near_stop(d));
    let mut out: Vec<u32> = months.chain(stops.iter().copied()).collect();
    out.sort_unstable();
    out.dedup();
    out.retain(|&d| d > 0);
    out
}

fn stop_days(game: &Game, day: u32) -> impl Iterator<Item = u32> + '_ {
    game.stops.iter().map(|s| s.day).filter(move |&d| d <= day)
}

/// The history the player has seen by `day`, as a table of periods: the leads of each
/// period (the leads chart shows them day by day) and the followers at each stop (the
/// stop's facts show them).
///
/// ```text
/// stops 91, 132, 183 → rows ending 30, 61, 91, 122, 132, 152, 183 (leads), followers at 91, 132, 183
/// ```
pub fn seen_history(game: &Game, day: u32) -> History {
    let stops: Vec<u32> = stop_days(game, day).collect();
    let t: &RunTrace = &game.trace;
    let mut start = 0;
    let rows = boundaries(game, day)
        .into_iter()
        .enumerate()
        .map(|(k, end)| {
            let mut values = [None; 8];
            let leads =
                t.value(end as usize, Metric::Leads) - t.value(start as usize, Metric::Leads);
            values[Column::Leads.index()] = Some(leads);
            if stops.contains(&end) {
                values[Column::Followers.index()] = Some(t.value(end as usize, Metric::Followers));
            }
            let row = Row {
                label: format!("day {end}"),
                line: k as u32 + 2,
                start,
                end,
                values,
            };
            start = end;
            row
        })
        .collect();
    History {
        rows,
        columns: vec![Column::Followers, Column::Leads],
    }
}

/// How the fit at a stop is made: `runs` futures weighed and moved, twice as many kept (each
/// kept future continued with its own fresh luck), drawn apart from the player's own future.
pub fn fit_options(seed: u64, runs: u32) -> FitOptions {
    FitOptions {
        runs: FIT_RUNS,
        seed: seed ^ FIT_SALT,
        starting_followers: None,
        futures: runs,
    }
}

/// The sampler for the futures that reproduce what the player has seen by the day reached
/// (`None` at the start: nothing has been seen).
pub fn sampler(game: &Game, runs: u32) -> Option<Stepwise> {
    let day = game.day();
    if day == 0 {
        return None;
    }
    let history = seen_history(game, day);
    let opts = fit_options(game.seed, runs);
    let fitter = Fitter::for_plan(&history, &game.scenario, &opts);
    Some(Stepwise::new(fitter, &opts))
}

/// The futures still possible, given the fit (`None`: the simulator's own futures, at the
/// start), under the game's plan.
pub fn futures(
    scenario: Scenario,
    seed: u64,
    runs: u32,
    fit: Option<&Fit>,
) -> Result<MonteCarlo, String> {
    match fit {
        None => MonteCarlo::new(scenario, seed, runs, 0).map_err(|e| e.to_string()),
        Some(fit) => fit
            .forecast(&scenario, LeverSet::default(), 0)
            .map_err(|e| e.to_string()),
    }
}

/// The futures still possible at the day reached, fitted in one go (tests, the command line).
pub fn still_possible(game: &Game, runs: u32) -> Result<MonteCarlo, String> {
    let fit = match sampler(game, runs) {
        Some(smc) => Some(smc.run().map_err(|e: FitError| e.to_string())?),
        None => None,
    };
    futures(game.scenario, game.seed, runs, fit.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::preset;

    #[test]
    fn the_history_seen_has_a_row_a_month_and_one_at_each_stop_and_no_short_rows() {
        let s = preset("default").unwrap().scenario;
        for seed in 1..20 {
            let game = Game::at(&s, seed, 400);
            let h = seen_history(&game, game.day());
            assert_eq!(h.last_day(), game.day());
            for row in &h.rows {
                let stop = game.stops.iter().any(|st| st.day == row.end);
                assert_eq!(row.get(Column::Followers).is_some(), stop, "{row:?}");
                let leads = game.trace.value(row.end as usize, Metric::Leads)
                    - game.trace.value(row.start as usize, Metric::Leads);
                assert_eq!(row.get(Column::Leads), Some(leads));
                // Rows are at least a week, except between two stops closer than that (a
                // cancelling review and its merged neighbour).
                let after_stop = game.stops.iter().any(|st| st.day == row.start);
                assert!(row.days() >= 7 || (stop && after_stop), "{row:?}");
            }
            assert!(
                h.rows.len() >= 12,
                "a row a month at least: {}",
                h.rows.len()
            );
        }
    }
}
