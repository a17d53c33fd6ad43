//! What every chart shares: the plot frame with its ticks and axis label, the milestones, a
//! vertical marker line, and the table toggle with the SVG and PNG exports.

use super::download;
use crate::i18n::{tr, trf, Lang};
use crate::model::monte_carlo::MILESTONES;
use crate::view::chart_export::ExportInfo;
use crate::view::format::{tick_labels, Unit};
use crate::view::geometry::{nice_ticks, whole_ticks, Scale, BOTTOM, H, LEFT, RIGHT, TOP, W};
use yew::prelude::*;

/// The plot area, value ticks, day ticks and the axis label: shared by every chart.
pub(crate) fn frame(l: Lang, sc: &Scale, unit: Unit, days: usize, axis_key: &'static str) -> Html {
    let y_ticks = match unit {
        Unit::Count => whole_ticks(sc.lo, sc.hi, 5),
        _ => nice_ticks(sc.lo, sc.hi, 5),
    };
    let labels = tick_labels(l, &y_ticks, unit);
    frame_with(l, sc, &y_ticks, &labels, days, axis_key)
}

/// The frame with value ticks and their labels (one style per axis). The time axis is named
/// left of its first tick ("day 0 100 200 …"), where no tick label can run into it.
pub(crate) fn frame_with(
    l: Lang,
    sc: &Scale,
    y_ticks: &[f64],
    labels: &[String],
    days: usize,
    axis_key: &'static str,
) -> Html {
    let x_label_y = H - BOTTOM + 19.0;
    html! { <>
        <rect class="plot" x={LEFT.to_string()} y={TOP.to_string()} width={(W - LEFT - RIGHT).to_string()} height={(H - TOP - BOTTOM).to_string()} />
        { for y_ticks.iter().zip(labels).map(|(t, label)| {
            let y = sc.y(*t);
            html! { <g class="tick">
                <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y + 4.0)} text-anchor="end">{ label }</text>
            </g> }
        }) }
        { for nice_ticks(0.0, days as f64, 6).iter().map(|t| html! {
            <text class="xtick" x={format!("{:.1}", sc.x(*t))} y={x_label_y.to_string()} text-anchor="middle">{ format!("{t:.0}") }</text>
        }) }
        <text class="axis-label" x={(LEFT - 10.0).to_string()} y={(x_label_y + 3.0).to_string()} text-anchor="end">{ tr(l, axis_key) }</text>
    </> }
}

/// "Table" toggle and, for fan charts, the SVG and PNG exports.
pub(crate) fn chart_tools(
    l: Lang,
    show_table: &UseStateHandle<bool>,
    export: Option<(&NodeRef, &str, ExportInfo)>,
) -> Html {
    let toggle = {
        let show_table = show_table.clone();
        Callback::from(move |_| show_table.set(!*show_table))
    };
    let exports = export.map(|(svg, name, info)| {
        let save = |ext: &'static str, f: fn(&NodeRef, &str, Lang, &ExportInfo)| {
            let (svg, file, info) = (svg.clone(), format!("longgame-{name}.{ext}"), info.clone());
            Callback::from(move |_| f(&svg, &file, l, &info))
        };
        html! { <>
            <button type="button" class="small" onclick={save("svg", download::svg_element)} title={tr(l, "chart.svg_title")}>{"SVG"}</button>
            <button type="button" class="small" onclick={save("png", download::png_from_svg)} title={tr(l, "chart.png_title")}>{"PNG"}</button>
        </> }
    });
    html! {
        <span class="chart-tools">
            <button type="button" class="small" onclick={toggle} aria-pressed={show_table.to_string()}>
                { if **show_table { tr(l, "chart.hide_table") } else { tr(l, "chart.table") } }
            </button>
            { exports.unwrap_or_default() }
        </span>
    }
}

pub(crate) fn vline(class: &'static str, x: f64) -> Html {
    html! { <line {class} x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} /> }
}

pub(crate) fn milestones(l: Lang, sc: &Scale, days: usize) -> Html {
    MILESTONES
        .iter()
        .filter(|&&d| d <= days)
        .enumerate()
        .map(|(i, &d)| {
            let x = sc.x(d as f64);
            // Every other label a line lower: "day 90" and "day 180" sit close on a short axis.
            let dy = if i % 2 == 1 { "1.15em" } else { "0" };
            html! { <g class="milestone">
                { vline("", x) }
                <text x={format!("{:.1}", x + 3.0)} y={(TOP + 11.0).to_string()} {dy}>{ trf(l, "chart.day", &[&d]) }</text>
            </g> }
        })
        .collect()
}
