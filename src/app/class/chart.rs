//! The class ranking as a picture: one row per team in ranking order, a bar from P10 to P90
//! of its futures and a dot at its median, beside the table (which is its text alternative).

use crate::i18n::{tr, trf, Lang};
use crate::state::class::{Roster, Standing};
use crate::view::format::{tick_labels, with_unit, Unit};
use crate::view::geometry::nice_ticks;
use yew::prelude::*;

const W: f64 = 640.0;
const ROW: f64 = 40.0;
const TEXT: f64 = 16.0;

/// The chart's text size for a window `width` CSS px wide: on a projector (1600 px and wider,
/// where the chart is drawn 600 px wide for its 640 units, static/style.css) large enough for
/// 24 px.
pub fn text_size(width: f64) -> f64 {
    match width >= 1600.0 {
        true => 26.0,
        false => TEXT,
    }
}
/// Team names longer than this are cut (the full name is in the mark's title and the table).
const NAME_CHARS: usize = 14;

/// A team's futures summed up: P10, median, P90.
fn spread(values: &[f64]) -> (f64, f64, f64) {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    crate::state::order::sort_by(&mut v, |a, b| a.total_cmp(b));
    let at = |q: f64| {
        v.get(((v.len().max(1) - 1) as f64 * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    (at(0.1), at(0.5), at(0.9))
}

fn short(name: &str) -> String {
    match name.chars().count() > NAME_CHARS {
        true => name.chars().take(NAME_CHARS - 1).chain(['…']).collect(),
        false => name.to_string(),
    }
}

/// The chart: names at the left, the value axis below the rows.
pub fn ranking_chart(
    l: Lang,
    r: &Roster,
    standings: &[Standing],
    values: &[Vec<f64>],
    unit: Unit,
    size: f64,
) -> Html {
    let rows: Vec<(String, (f64, f64, f64))> = standings
        .iter()
        .map(|s| {
            let (p10, _, p90) = spread(&values[s.team]);
            // The table's median, so dot and table agree.
            (r.teams[s.team].name.clone(), (p10, s.median, p90))
        })
        .collect();
    let lo = rows.iter().map(|r| r.1 .0).fold(0.0, f64::min);
    let hi = rows.iter().map(|r| r.1 .2).fold(lo + 1.0, f64::max);
    let ticks = nice_ticks(lo, hi, 4);
    let (lo, hi) = (lo.min(ticks[0]), hi.max(*ticks.last().unwrap_or(&hi)));
    let longest = rows
        .iter()
        .map(|r| short(&r.0).chars().count())
        .max()
        .unwrap_or(4);
    let left = 16.0 + longest as f64 * size * 0.64;
    let right = 24.0;
    let x = |v: f64| left + (W - left - right) * (v - lo) / (hi - lo).max(1e-9);
    let h = ROW * rows.len() as f64 + 44.0;
    let said: Vec<String> = rows
        .iter()
        .map(|(name, (p10, p50, p90))| {
            let v = |x: f64| with_unit(l, x, unit);
            trf(l, "class.chart_row", &[name, &v(*p50), &v(*p10), &v(*p90)])
        })
        .collect();
    let axis_y = ROW * rows.len() as f64 + 26.0;
    html! {
        <figure class="class-chart">
            <figcaption>{ tr(l, "class.chart_title") }</figcaption>
            <svg viewBox={format!("0 0 {W} {h}")} class={(size > TEXT).then_some("big")} role="img" tabindex="0" aria-label={said.join("; ")}>
                { for ticks.iter().zip(tick_labels(l, &ticks, unit)).map(|(t, label)| html! { <g class="tick">
                    <line x1={format!("{:.1}", x(*t))} x2={format!("{:.1}", x(*t))} y1="4" y2={format!("{:.1}", axis_y - 18.0)} />
                    <text x={format!("{:.1}", x(*t))} y={format!("{axis_y:.1}")} text-anchor="middle">{ label }</text>
                </g> }) }
                { for rows.iter().zip(&said).enumerate().map(|(i, ((name, (p10, p50, p90)), text))| {
                    let y = ROW * i as f64 + ROW / 2.0 + 4.0;
                    html! { <g class="class-mark" data-team={name.clone()} data-median={p50.to_string()}>
                        <title>{ text.clone() }</title>
                        <text x={format!("{:.1}", left - 10.0)} y={format!("{:.1}", y + size * 0.31)} text-anchor="end">{ short(name) }</text>
                        <line class="class-band" x1={format!("{:.1}", x(*p10))} x2={format!("{:.1}", x(*p90).max(x(*p10) + 2.0))} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                        <circle class="class-median" cx={format!("{:.1}", x(*p50))} cy={format!("{y:.1}")} r="7" />
                    </g> }
                }) }
            </svg>
            <p class="class-chart-key">{ tr(l, "class.chart_key") }</p>
        </figure>
    }
}
