//! Scratch: simulate-only loop for profiling (committed, 1000 × 730, repeated).
use longgame_engine::*;
fn main() {
    let reps: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let lanes: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let mut s = preset("committed").unwrap().scenario;
    s.assumptions.horizon_days = 730;
    let d = Derived::new(&s);
    let f = s.assumptions.starting_followers;
    let mut t = RunTrace::default();
    let mut t2: [RunTrace; 2] = Default::default();
    let mut t4: [RunTrace; 4] = Default::default();
    let mut best = f64::INFINITY;
    for _ in 0..reps {
        let st = std::time::Instant::now();
        match lanes {
            2 => {
                for r in (0..1000).step_by(2) {
                    simulate_lanes(&d, f, 1, [r, r + 1], &mut t2);
                    std::hint::black_box(&t2);
                }
            }
            4 => {
                for r in (0..1000).step_by(4) {
                    simulate_lanes(&d, f, 1, [r, r + 1, r + 2, r + 3], &mut t4);
                    std::hint::black_box(&t4);
                }
            }
            _ => {
                for run in 0..1000 {
                    simulate(&d, f, 1, run, &mut t);
                    std::hint::black_box(&t);
                }
            }
        }
        best = best.min(st.elapsed().as_secs_f64());
    }
    println!(
        "lanes {lanes} simulate {:.2} M run-days/s ({:.0} ms)",
        0.73 / best,
        best * 1e3
    );
}
