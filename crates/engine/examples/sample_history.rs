//! Writes the sample page history (examples/page-history.csv): twelve months of a page the
//! model itself simulated (the first whose programme ran all year), as a trainer would paste it.
//! `cargo run --release -p longgame-engine --example sample_history > examples/page-history.csv`

use longgame_engine::fit::synthetic::synthetic_like;
use longgame_engine::fit::{read_table, Column};
use longgame_engine::Scenario;

fn main() {
    let mut header = String::from("month");
    for c in Column::ALL {
        header.push(',');
        header.push_str(c.name());
    }
    let months: String = (1..=12)
        .map(|m| format!("2025-{m:02}{}\n", ",".repeat(8)))
        .collect();
    let template = read_table(&format!("{header}\n{months}")).expect("a valid template");
    let s = Scenario::default();
    // The first future whose programme management kept running all year (a page whose
    // reach fell to nothing would be a poor demonstration).
    let page = (0..)
        .map(|run| synthetic_like(&s, template.clone(), (2025, run), 200.0))
        .find(|p| {
            p.history
                .rows
                .iter()
                .all(|r| r.get(Column::Reach) > Some(1000.0))
        })
        .expect("some future keeps running");
    println!("{header}");
    for row in &page.history.rows {
        let cells: Vec<String> = Column::ALL
            .iter()
            .map(|&c| format!("{:.0}", row.get(c).unwrap_or(0.0)))
            .collect();
        println!("{},{}", row.label, cells.join(","));
    }
}
