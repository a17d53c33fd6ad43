//! What every chart shares: the plot frame with its ticks and axis label, the milestones, a
//! vertical marker line, and the table toggle with the SVG and PNG exports.

use super::download;
use crate::i18n::{tr, trf, Lang};
use crate::model::monte_carlo::MILESTONES;
use crate::view::chart_export::ExportInfo;
use crate::view::format::{tick_labels, Unit};
use crate::view::geometry::{nice_ticks, whole_ticks, Frame, Scale};
use crate::view::labels::{place, text_box, Anchor, Label, Rect, Spot, GAP, ROW};
use yew::prelude::*;

/// The plot area, value ticks, day ticks and the day axis's name, and the boxes of their text
/// (which labels placed later keep clear of).
pub(crate) fn frame(l: Lang, sc: &Scale, unit: Unit, days: usize) -> (Html, Vec<Rect>) {
    let y_ticks = match unit {
        Unit::Count => whole_ticks(sc.lo, sc.hi, 5),
        _ => nice_ticks(sc.lo, sc.hi, 5),
    };
    let labels = tick_labels(l, &y_ticks, unit);
    let ticked: Vec<(f64, String)> = y_ticks
        .iter()
        .copied()
        .zip(labels.iter().cloned())
        .collect();
    let html = frame_with(l, sc, &y_ticks, &labels, days, "chart.days_axis");
    (html, frame_boxes(l, sc, &ticked, days))
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
    let f = &sc.f;
    let k = f.text / 14.0;
    let x_label_y = f.h - f.bottom + 19.0 * k;
    html! { <>
        <rect class="plot" x={f.left.to_string()} y={f.top.to_string()} width={(f.w - f.left - f.right).to_string()} height={(f.h - f.top - f.bottom).to_string()} />
        { for y_ticks.iter().zip(labels).map(|(t, label)| {
            let y = sc.y(*t);
            html! { <g class="tick">
                <line x1={f.left.to_string()} x2={(f.w - f.right).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                <text x={(f.left - 6.0 * k).to_string()} y={format!("{:.1}", y + 4.0 * k)} text-anchor="end">{ label }</text>
            </g> }
        }) }
        { for nice_ticks(0.0, days as f64, 6).iter().map(|t| html! {
            <text class="xtick" x={format!("{:.1}", sc.x(*t))} y={format!("{x_label_y:.1}")} text-anchor="middle">{ format!("{t:.0}") }</text>
        }) }
        <text class="axis-label" x={(f.left - 10.0 * k).to_string()} y={format!("{:.1}", x_label_y + 3.0 * k)} text-anchor="end">{ tr(l, axis_key) }</text>
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

pub(crate) fn vline(class: &'static str, x: f64, f: &Frame) -> Html {
    html! { <line {class} x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={f.top.to_string()} y2={(f.h - f.bottom).to_string()} /> }
}

/// The milestones' lines (their labels are placed with the chart's others: [`milestone_labels`]).
pub(crate) fn milestones(sc: &Scale, days: usize) -> Html {
    MILESTONES
        .iter()
        .filter(|&&d| d <= days)
        .map(|&d| html! { <g class="milestone">{ vline("", sc.x(d as f64), &sc.f) }</g> })
        .collect()
}

/// The rows a label along the top of the plot may take, best first.
pub(crate) fn top_rows(f: &Frame, rows: usize) -> impl Iterator<Item = f64> + '_ {
    (0..rows).map(move |i| f.top + 1.0 + f.text * 0.93 + (f.text * ROW + GAP) * i as f64)
}

/// Each milestone's label, right of its line on one of three rows, else left of it.
pub(crate) fn milestone_labels(l: Lang, sc: &Scale, days: usize) -> Vec<Label> {
    MILESTONES
        .iter()
        .filter(|&&d| d <= days)
        .map(|&d| {
            let x = sc.x(d as f64);
            let spots = [(x + 3.0, Anchor::Start), (x - 3.0, Anchor::End)]
                .into_iter()
                .flat_map(|(x, anchor)| top_rows(&sc.f, 3).map(move |y| Spot { x, y, anchor }))
                .collect();
            Label {
                text: trf(l, "chart.day", &[&d]),
                size: sc.f.text,
                bold: false,
                spots,
            }
        })
        .collect()
}

/// The boxes of the frame's fixed text (value and day ticks, the axis name), which placed
/// labels keep clear of.
pub(crate) fn frame_boxes(
    l: Lang,
    sc: &Scale,
    y_labels: &[(f64, String)],
    days: usize,
) -> Vec<Rect> {
    let f = &sc.f;
    let k = f.text / 14.0;
    let x_label_y = f.h - f.bottom + 19.0 * k;
    let text = |s: &str, x, y, anchor| text_box(s, Spot { x, y, anchor }, f.text, false);
    let mut boxes: Vec<Rect> = y_labels
        .iter()
        .map(|(t, s)| text(s, f.left - 6.0 * k, sc.y(*t) + 4.0 * k, Anchor::End))
        .collect();
    boxes.extend(
        nice_ticks(0.0, days as f64, 6)
            .iter()
            .map(|t| text(&format!("{t:.0}"), sc.x(*t), x_label_y, Anchor::Middle)),
    );
    boxes.push(text(
        tr(l, "chart.days_axis"),
        f.left - 10.0 * k,
        x_label_y + 3.0 * k,
        Anchor::End,
    ));
    boxes
}

/// Placed labels as SVG text: each with its class, those without room left out.
pub(crate) fn placed(labels: &[(&'static str, Label)], taken: &[Rect], f: &Frame) -> Html {
    let all: Vec<Label> = labels.iter().map(|(_, l)| l.clone()).collect();
    let bounds = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: f.w,
        y1: f.h,
    };
    place(&all, taken, bounds)
        .into_iter()
        .zip(labels)
        .filter_map(|(spot, (class, label))| spot.map(|s| html! {
            <text class={*class} x={format!("{:.1}", s.x)} y={format!("{:.1}", s.y)} text-anchor={s.anchor.attr()}>{ label.text.clone() }</text>
        }))
        .collect()
}
