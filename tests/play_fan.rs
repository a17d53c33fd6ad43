//! Play mode's futures still possible show only what the player can know: at the start the
//! simulator's own futures (the company is unknown), at later stops the futures that
//! reproduce what the player has seen, continued under the plan (docs/MODEL.md §13.6).

use longgame::model::{preset, Metric, MonteCarlo, Scenario, Summary};
use longgame::state::play::seen::still_possible;
use longgame::state::play::Game;

const RUNS: u32 = 300;

fn default() -> Scenario {
    preset("default").unwrap().scenario
}

fn leads_band(s: &Summary, day: usize) -> (f64, f64) {
    let b = s.band(Metric::Leads);
    (b.p10[day], b.p90[day])
}

#[test]
fn at_the_start_the_futures_are_the_simulator_s() {
    for seed in [1, 7] {
        let game = Game::at(&default(), seed, 0);
        let play = still_possible(&game, RUNS).unwrap().run_all();
        let sim = MonteCarlo::new(default(), seed, RUNS, 0).unwrap().run_all();
        assert_eq!(play.metrics, sim.metrics, "seed {seed}: the same futures");
        // The game's own company (what the fan used to fork) would have given this away:
        // its band is a fraction of the simulator's.
        let own = MonteCarlo::from_day(default(), (seed, 0, 0), RUNS, 0)
            .unwrap()
            .run_all();
        let (a, b) = (leads_band(&sim, 365), leads_band(&own, 365));
        eprintln!("seed {seed}: day-0 band at day 365: simulator {a:?}, own company {b:?}");
        assert!(b.1 - b.0 < 0.5 * (a.1 - a.0));
    }
}

#[test]
fn later_stops_narrow_the_band_around_the_player_s_own_future() {
    let seeds = 1..=6u64;
    let mut inside = 0;
    for seed in seeds.clone() {
        let start = Game::at(&default(), seed, 0);
        let later = Game::at(&default(), seed, 180);
        assert!(later.day() >= 180 && later.ending.is_none(), "seed {seed}");
        let wide = still_possible(&start, RUNS).unwrap().run_all();
        let narrow = still_possible(&later, RUNS).unwrap().run_all();
        let own = later.trace.value(365, Metric::Leads);
        let (a, b) = (leads_band(&wide, 365), leads_band(&narrow, 365));
        eprintln!(
            "seed {seed}: leads on day 365, day 0 {a:?}, day {} {b:?}, own {own}",
            later.day()
        );
        assert!(b.1 - b.0 < 0.6 * (a.1 - a.0), "seed {seed}: narrower");
        inside += (b.0..=b.1).contains(&own) as u32;
    }
    assert!(inside * 2 > seeds.count() as u32, "inside in {inside}");
}
