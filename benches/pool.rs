//! What sharing a job among workers costs on top of the simulation: each worker's report
//! (copying its tally and encoding it for the message) and the page's merge (decoding every
//! share's tally, merging them and summarising). `cargo bench --bench pool` — default
//! scenario, 500 runs × 730 days, split as the page splits it for 1, 2 and 4 workers: the
//! final reports, and the first picture (48 runs over the workers, as after a slider move),
//! whole and thinned to every 7th day as the workers send it (`Tally::thin_days`).

use longgame::model::{MonteCarlo, Scenario, Tally};
use longgame::state::jobs::PICTURE_DAY_STEP;
use longgame::state::pool::run_ranges;
use std::hint::black_box;
use std::time::Instant;

const RUNS: u32 = 500;

fn best_ms<T>(tries: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..tries)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let mut scenario = Scenario::default();
    scenario.assumptions.horizon_days = 730;
    for (picture, workers) in [1, 2, 4]
        .map(|w| ("final", w))
        .into_iter()
        .chain([1, 2, 4].map(|w| ("first", w)))
        .chain([1, 2, 4].map(|w| ("thin", w)))
    {
        let runs_each = if picture != "final" {
            48 / workers as u32
        } else {
            RUNS
        };
        let tallies: Vec<Tally> = run_ranges(0, RUNS, workers)
            .iter()
            .map(|s| {
                let mut mc = MonteCarlo::new(scenario, 1, RUNS, 8).unwrap();
                mc = mc.part(s.first, s.end);
                mc.step(runs_each);
                let mut tally = mc.tally().clone();
                if picture == "thin" {
                    tally.thin_days(PICTURE_DAY_STEP);
                }
                tally
            })
            .collect();
        let encoded: Vec<Vec<u8>> = tallies
            .iter()
            .map(|t| bincode::serialize(t).unwrap())
            .collect();
        let report = best_ms(5, || bincode::serialize(&tallies[0].clone()).unwrap());
        let merge = best_ms(5, || {
            let mut parts = encoded
                .iter()
                .map(|b| bincode::deserialize::<Tally>(b).unwrap());
            let mut total = parts.next().unwrap();
            parts.for_each(|t| total.merge(&t));
            total.summary((scenario, 1, RUNS), true, true)
        });
        let decode = best_ms(5, || {
            encoded
                .iter()
                .map(|b| bincode::deserialize::<Tally>(b).unwrap())
                .collect::<Vec<_>>()
        });
        let kb = encoded.iter().map(Vec::len).max().unwrap_or(0) / 1024;
        println!(
            "{picture:<5} picture, {workers} worker(s): a worker's report {report:>5.1} ms ({kb} KB message); the page's decoding {decode:>5.1} ms, with merge and summary {merge:>5.1} ms"
        );
    }
}
