//! Scratch: simulate-only loop for profiling (committed, 1000 × 730, repeated).
fn main() {
    let reps: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let id = std::env::args().nth(2).unwrap_or("committed".into());
    let mut s = longgame_engine::preset(&id).unwrap().scenario;
    s.assumptions.horizon_days = 730;
    let d = longgame_engine::Derived::new(&s);
    let mut t = longgame_engine::RunTrace::default();
    let mut best = f64::INFINITY;
    for _ in 0..reps {
        let st = std::time::Instant::now();
        for run in 0..1000 {
            longgame_engine::simulate(&d, s.assumptions.starting_followers, 1, run, &mut t);
            std::hint::black_box(&t);
        }
        best = best.min(st.elapsed().as_secs_f64());
    }
    println!(
        "{id} simulate {:.2} M run-days/s ({:.0} ms)",
        0.73 / best,
        best * 1e3
    );
}
