//! Compare: the pinned scenario "A" against the one being edited "B", same seed.

use super::format::{full, with_unit, Unit};
use super::Snapshot;
use crate::model::engine::{CUSTOMERS, FOLLOWERS, LEADS, ROI, TRUST};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub a: Snapshot,
    pub b: Snapshot,
}

#[component]
pub fn CompareSummary(p: &CompareProps) -> Html {
    let (a, b) = (&p.a.0.summary, &p.b.0.summary);
    let day = (a.days.min(b.days) as usize).min(365);
    let end = a.days.min(b.days) as usize;
    let rows = [
        ("Followers", FOLLOWERS, Unit::Count),
        ("Trust", TRUST, Unit::Score),
        ("Leads", LEADS, Unit::Count),
        ("Customers", CUSTOMERS, Unit::Count),
        ("ROI", ROI, Unit::Percent),
    ];
    let levers = |s: &crate::model::Summary| {
        let l = s.scenario.levers;
        format!(
            "budget {}/month, {} posts/week, responsiveness {}, buy-in {}",
            full(l.budget),
            full(l.posts_per_week),
            full(l.responsiveness),
            full(l.buy_in)
        )
    };
    html! {
        <section class="compare-summary" aria-labelledby="compare-title">
            <h3 id="compare-title">{ "A vs B" }</h3>
            <p>{ format!("A (pinned, dashed orange): {}.", levers(a)) }<br/>{ format!("B (current, blue): {}.", levers(b)) }</p>
            <p class="crn-note">{ format!("Both are simulated with seed {} and the same random draws (common random numbers), so the difference is the strategy, not luck.", b.seed) }</p>
            <table class="data-table compare-table">
                <thead><tr>
                    <th scope="col">{"Median"}</th>
                    <th scope="col">{ format!("A, day {day}") }</th><th scope="col">{ format!("B, day {day}") }</th><th scope="col">{"B − A"}</th>
                    if end != day { <th scope="col">{ format!("A, day {end}") }</th><th scope="col">{ format!("B, day {end}") }</th> }
                </tr></thead>
                <tbody>{ for rows.iter().map(|(label, m, unit)| {
                    let (va, vb) = (a.metrics[*m].p50[day], b.metrics[*m].p50[day]);
                    let diff = vb - va;
                    let sign = if diff > 0.0 { "+" } else { "" };
                    html! { <tr data-metric={a.metrics[*m].name.clone()}>
                        <th scope="row">{ *label }</th>
                        <td>{ with_unit(va, *unit) }</td><td>{ with_unit(vb, *unit) }</td>
                        <td class={if diff >= 0.0 { "up" } else { "down" }}>{ format!("{sign}{}", with_unit(diff, *unit)) }</td>
                        if end != day { <td>{ with_unit(a.metrics[*m].p50[end], *unit) }</td><td>{ with_unit(b.metrics[*m].p50[end], *unit) }</td> }
                    </tr> }
                }) }</tbody>
            </table>
        </section>
    }
}
