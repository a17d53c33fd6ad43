//! A small line chart of probabilities by week (goal reached, broken even, cancelled).

use super::chart_frame::{chart_tools, frame_with};
use super::fan_chart::{frame_for, text_class, Fit};
use crate::i18n::{tr, Lang};
use crate::view::format::chance;
use crate::view::geometry::{line, Scale};
use yew::prelude::*;

/// Chances on the value axis.
const TICKS: [f64; 5] = [0.0, 0.25, 0.5, 0.75, 1.0];

/// A small line chart of probabilities by week (goal reached, broken even, cancelled).
#[derive(Properties, PartialEq)]
pub struct WeeklyProps {
    pub title: AttrValue,
    pub series: Vec<(AttrValue, &'static str, Vec<f64>)>,
    /// Where it is shown, which sets its text size.
    #[prop_or_default]
    pub fit: Fit,
}

#[component]
pub fn WeeklyChart(p: &WeeklyProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let weeks = p.series.iter().map(|s| s.2.len()).max().unwrap_or(1).max(2) - 1;
    let width = super::hooks::use_viewport_width();
    let sc = Scale {
        days: weeks as f64,
        lo: 0.0,
        hi: 1.0,
        f: frame_for(p.fit, width),
    };
    let show_table = use_state(|| false);
    // Every fourth week and the last one: a table a screen reader can walk through.
    let table = show_table.then(|| {
        let mut rows: Vec<usize> = (0..=weeks).step_by(4).collect();
        if weeks % 4 != 0 {
            rows.push(weeks);
        }
        html! {
            <table class="data-table">
                <caption>{ p.title.clone() }</caption>
                <thead><tr>
                    <th scope="col">{ tr(l, "chart.col_week") }</th>
                    { for p.series.iter().map(|(label, _, _)| html! { <th scope="col">{ label.clone() }</th> }) }
                </tr></thead>
                <tbody>{ for rows.into_iter().map(|w| html! {
                    <tr>
                        <th scope="row">{ w }</th>
                        { for p.series.iter().map(|(_, _, v)| html! { <td>{ v.get(w).map(|x| chance(l, *x)).unwrap_or_default() }</td> }) }
                    </tr>
                }) }</tbody>
            </table>
        }
    });
    html! {
        <figure class="chart weekly">
            <figcaption>
                <span class="chart-title">{ p.title.clone() }</span>
                { chart_tools(l, &show_table, None) }
            </figcaption>
            <svg viewBox={format!("0 0 {} {}", sc.f.w, sc.f.h)} class={text_class(&sc.f)} role="img" aria-label={p.title.clone()} xmlns="http://www.w3.org/2000/svg">
                { frame_with(l, &sc, &TICKS, &TICKS.map(|t| chance(l, t)), weeks, "chart.weeks_axis") }
                { for p.series.iter().map(|(_, colour, v)| html! {
                    <path d={line(v, &sc)} fill="none" stroke={*colour} stroke-width="2.5" />
                }) }
            </svg>
            <ul class="legend">
                { for p.series.iter().map(|(label, colour, _)| html! {
                    <li><svg class="swatch" viewBox="0 0 24 6" aria-hidden="true"><rect width="24" height="6" rx="2" fill={*colour} /></svg>{ label.clone() }</li>
                }) }
            </ul>
            { table.unwrap_or_default() }
        </figure>
    }
}
