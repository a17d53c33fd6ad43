//! The default scenario's leads chart as static markup, for the page's first paint: the bands,
//! scale, frame and marks the app draws for the same summary (the engine gives the same bits
//! natively), written into index.html by `tests/first_paint.rs` and shown until the wasm's
//! first picture replaces it. English, with each Swedish text in `data-sv` (the first-paint
//! script swaps them).

use crate::i18n::{tr, trf, Lang};
use crate::model::monte_carlo::MILESTONES;
use crate::model::{Metric, Summary};
use crate::view::chart_export::xml;
use crate::view::format::{tick_labels, Unit};
use crate::view::geometry::{
    area, extent, line, nice_ticks, value_axis, whole_ticks, Frame, Scale, BOTTOM, H, LEFT, RIGHT,
    TOP, W,
};

/// A text element with its English text and, if different, the Swedish one beside it.
fn text(attrs: &str, en: &str, sv: &str) -> String {
    let sv = if sv == en {
        String::new()
    } else {
        format!(r#" data-sv="{}""#, xml(sv))
    };
    format!("<text {attrs}{sv}>{}</text>", xml(en))
}

/// The plot area, the value and day ticks and the axis label (as `chart_frame::frame`).
fn frame(sc: &Scale, days: usize) -> String {
    let ticks = whole_ticks(sc.lo, sc.hi, 5);
    let (en, sv) = (
        tick_labels(Lang::En, &ticks, Unit::Count),
        tick_labels(Lang::Sv, &ticks, Unit::Count),
    );
    let mut out = format!(
        r#"<rect class="plot" x="{LEFT}" y="{TOP}" width="{}" height="{}"></rect>"#,
        W - LEFT - RIGHT,
        H - TOP - BOTTOM
    );
    for ((t, en), sv) in ticks.iter().zip(&en).zip(&sv) {
        let y = sc.y(*t);
        out += &format!(
            r#"<g class="tick"><line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"></line>{}</g>"#,
            W - RIGHT,
            text(
                &format!(r#"x="{}" y="{:.1}" text-anchor="end""#, LEFT - 6.0, y + 4.0),
                en,
                sv
            )
        );
    }
    let x_label_y = H - BOTTOM + 19.0;
    for t in nice_ticks(0.0, days as f64, 6) {
        out += &format!(
            r#"<text class="xtick" x="{:.1}" y="{x_label_y}" text-anchor="middle">{t:.0}</text>"#,
            sc.x(t)
        );
    }
    let axis = format!(
        r#"class="axis-label" x="{}" y="{}" text-anchor="end""#,
        LEFT - 10.0,
        x_label_y + 3.0
    );
    out + &text(
        &axis,
        tr(Lang::En, "chart.days_axis"),
        tr(Lang::Sv, "chart.days_axis"),
    )
}

/// The milestones' lines and labels (as `chart_frame::milestones`).
fn milestones(sc: &Scale, days: usize) -> String {
    let mut out = String::new();
    for (i, &d) in MILESTONES.iter().filter(|&&d| d <= days).enumerate() {
        let x = sc.x(d as f64);
        let dy = if i % 2 == 1 { "1.15em" } else { "0" };
        let label = |l| trf(l, "chart.day", &[&d]);
        out += &format!(
            r#"<g class="milestone"><line x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{}"></line>{}</g>"#,
            H - BOTTOM,
            text(
                &format!(r#"x="{:.1}" y="{}" dy="{dy}""#, x + 3.0, TOP + 11.0),
                &label(Lang::En),
                &label(Lang::Sv)
            )
        );
    }
    out
}

/// Management's reviews: a mark on the time axis at each (as the fan chart's).
fn reviews(summary: &Summary, sc: &Scale, days: usize) -> String {
    if !summary.scenario.levers.page_exists() {
        return String::new();
    }
    let first = crate::model::engine::first_review_day(summary.scenario.levers.buy_in / 100.0);
    let every = crate::model::constants::REVIEW_EVERY_DAYS as usize;
    (first as usize..=days)
        .step_by(every)
        .map(|d| {
            let (x, y) = (sc.x(d as f64), H - BOTTOM);
            format!(r#"<path class="review" d="M{x:.1},{y:.1}l-6,-9h12z"></path>"#)
        })
        .collect()
}

/// The leads chart's SVG for a summary: frame, milestones, the two bands and the median.
pub fn leads_svg(summary: &Summary) -> String {
    let band = summary.band(Metric::Leads);
    let days = band.p50.len() - 1;
    let (lo, hi) = extent(&[band], &[]);
    let sc = value_axis(lo, hi, days, Frame::STANDARD);
    format!(
        concat!(
            r#"<svg viewBox="0 0 {w} {h}" aria-hidden="true">"#,
            r#"{frame}{milestones}<g class="fan"><path class="band-outer" d="{outer}"></path>"#,
            r#"<path class="band-inner" d="{inner}"></path><path class="median" d="{median}"></path>"#,
            "{reviews}</g></svg>"
        ),
        w = W,
        h = H,
        frame = frame(&sc, days),
        milestones = milestones(&sc, days),
        outer = area(&band.p10, &band.p90, &sc),
        inner = area(&band.p25, &band.p75, &sc),
        median = line(&band.p50, &sc),
        reviews = reviews(summary, &sc, days),
    )
}
