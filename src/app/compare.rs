//! Compare: the pinned scenario "A" against the one being edited "B", same seed.

use super::{use_app, Snapshot};
use crate::i18n::{tr, trf, Lang};
use crate::model::Metric;
use crate::state::app_state::Action;
use crate::view::format::{levers_text, percentile, roi_undefined, with_unit, Unit};
use yew::prelude::*;

/// Pin the current scenario as "A", pin again, or unpin.
#[component]
pub fn ComparePanel() -> Html {
    let state = use_app();
    let l = state.lang();
    let send = |a: fn() -> Action| super::send(&state, a);
    html! {
        <section class="panel compare" aria-labelledby="compare-controls">
            <h2 id="compare-controls">{ tr(l, "compare.title") }</h2>
            if state.shared.pinned.is_some() {
                <p>{ tr(l, "compare.pinned") }</p>
                <div class="buttons">
                    <button type="button" onclick={send(|| Action::Pin)}>{ tr(l, "compare.repin") }</button>
                    <button type="button" onclick={send(|| Action::Unpin)}>{ tr(l, "compare.unpin") }</button>
                </div>
            } else {
                <p>{ tr(l, "compare.hint") }</p>
                <button type="button" onclick={send(|| Action::Pin)}>{ tr(l, "compare.pin") }</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub a: Snapshot,
    pub b: Snapshot,
}

#[component]
pub fn CompareSummary(p: &CompareProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let (a, b) = (&p.a.0.summary, &p.b.0.summary);
    let day = (a.days.min(b.days) as usize).min(365);
    let end = a.days.min(b.days) as usize;
    let rows = [
        (tr(l, "compare.followers"), Metric::Followers, Unit::Count),
        (tr(l, "compare.trust"), Metric::Trust, Unit::Score),
        (tr(l, "compare.leads"), Metric::Leads, Unit::Count),
        (tr(l, "compare.customers"), Metric::Customers, Unit::Count),
        (tr(l, "compare.roi"), Metric::Roi, Unit::Percent),
    ];
    let levers = |s: &crate::model::Summary| levers_text(l, "compare.levers", &s.scenario.levers);
    html! {
        <section class="compare-summary" aria-labelledby="compare-title">
            <h3 id="compare-title">{ tr(l, "compare.heading") }</h3>
            <p>{ trf(l, "compare.a", &[&levers(a)]) }<br/>{ trf(l, "compare.b", &[&levers(b)]) }</p>
            <p class="crn-note">{ trf(l, "compare.crn", &[&b.seed]) }</p>
            <div class="table-scroll" tabindex="0">
            <table class="data-table compare-table">
                <thead><tr>
                    <th scope="col">{ tr(l, "compare.median") }</th>
                    <th scope="col">{ trf(l, "compare.a_day", &[&day]) }</th><th scope="col">{ trf(l, "compare.b_day", &[&day]) }</th><th scope="col">{ tr(l, "compare.diff") }</th>
                    if end != day { <th scope="col">{ trf(l, "compare.a_day", &[&end]) }</th><th scope="col">{ trf(l, "compare.b_day", &[&end]) }</th> }
                </tr></thead>
                <tbody>{ for rows.iter().map(|(label, m, unit)| {
                    // ROI is undefined for a company that never spent anything.
                    let na = |s: &crate::model::Summary, d: usize| roi_undefined(s, *m, d);
                    let show_on = |s: &crate::model::Summary, d: usize, text: String| if na(s, d) { tr(l, "value.na").to_string() } else { text };
                    let show = |s: &crate::model::Summary, text: String| show_on(s, day, text);
                    let (va, vb) = (whole(a.band(*m).p50[day], *unit), whole(b.band(*m).p50[day], *unit));
                    let diff = vb - va;
                    let sign = if diff > 0.0 { "+" } else { "" };
                    let diff_text = if na(a, day) || na(b, day) { tr(l, "value.na").to_string() } else { format!("{sign}{}", difference(l, diff, *unit)) };
                    html! { <tr data-metric={a.band(*m).name.clone()}>
                        <th scope="row">{ *label }</th>
                        <td>{ show(a, with_unit(l, va, *unit)) }</td><td>{ show(b, with_unit(l, vb, *unit)) }</td>
                        <td class={if diff >= 0.0 { "up" } else { "down" }}>{ diff_text }</td>
                        if end != day { <td>{ show_on(a, end, percentile(l, a.band(*m).p50[end], *unit)) }</td><td>{ show_on(b, end, percentile(l, b.band(*m).p50[end], *unit)) }</td> }
                    </tr> }
                }) }</tbody>
            </table>
            </div>
        </section>
    }
}

/// Medians of counts are whole numbers (see [`percentile`]), and so is their difference.
fn whole(v: f64, unit: Unit) -> f64 {
    if unit == Unit::Count {
        v.round()
    } else {
        v
    }
}

/// A difference of medians: a score differs by points ("−51"), not by "−51/100".
fn difference(l: Lang, diff: f64, unit: Unit) -> String {
    match unit {
        Unit::Score => crate::i18n::number(l, diff.round()),
        _ => with_unit(l, diff, unit),
    }
}
