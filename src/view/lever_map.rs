//! The map of two levers in words and as a standalone SVG (on screen under its keyboard grid,
//! and exported as SVG and PNG): cells coloured on viridis, a legend with values, the lever
//! values along the axes and the current scenario ringed.

use super::format::{full, percentile, tick_labels, xml_escape, Unit};
use super::tornado::{field_value, outcome, svg_open, Frame};
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::state::lever_map::{Axis, LeverMap, SIZE};
use crate::state::outcome::Outcome;

/// Viridis (matplotlib's, perceptually uniform and readable with every kind of colour
/// blindness and in greyscale) at ten evenly spaced stops (R's `viridis(10)`).
const VIRIDIS: [(u8, u8, u8); 10] = [
    (0x44, 0x01, 0x54),
    (0x48, 0x28, 0x78),
    (0x3e, 0x49, 0x89),
    (0x31, 0x68, 0x8e),
    (0x26, 0x82, 0x8e),
    (0x1f, 0x9e, 0x89),
    (0x35, 0xb7, 0x79),
    (0x6e, 0xce, 0x58),
    (0xb5, 0xde, 0x2b),
    (0xfd, 0xe7, 0x25),
];

/// The colour at `t` in 0..=1 (clamped), interpolated between the stops, as `#rrggbb`.
pub fn viridis(t: f64) -> String {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let x = t * (VIRIDIS.len() - 1) as f64;
    let i = (x.floor() as usize).min(VIRIDIS.len() - 2);
    let f = x - i as f64;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    let mix = |p: u8, q: u8| (p as f64 + (q as f64 - p as f64) * f).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    )
}

/// A cell's colour: its place between the map's lowest and highest cell.
pub fn cell_colour(m: &LeverMap, v: f64) -> String {
    let (lo, hi) = m.range();
    viridis(if hi > lo { (v - lo) / (hi - lo) } else { 0.5 })
}

/// A lever's value as the levers show it.
pub fn axis_value(l: Lang, a: Axis, v: f64) -> String {
    field_value(l, a.field(), v)
}

/// A cell's value with its unit (the goal as a percentage of futures; a count whole).
pub fn value_text(l: Lang, m: &LeverMap, v: f64) -> String {
    percentile(l, v, outcome(m.outcome).1)
}

/// The outcome as the map names it: "median leads on day 365", "chance of reaching the goal
/// (150 leads) by day 365".
pub fn what(l: Lang, m: &LeverMap) -> String {
    let (key, _) = outcome(m.outcome);
    match m.outcome {
        Outcome::Goal => trf(l, "map.what_goal", &[&m.day]),
        Outcome::Metric(_) => trf(l, "map.what", &[&tr(l, key), &m.day]),
    }
}

/// A cell in words: both levers and the value (what the grid announces and shows).
pub fn cell_text(l: Lang, m: &LeverMap, (ix, iy): (usize, usize)) -> String {
    let (x, y) = (m.axes.x, m.axes.y);
    // In words, posts carry their unit (a bare "4" could be anything).
    let spoken = |a: Axis, v: f64| match a {
        Axis::Posts => format!("{} {}", axis_value(l, a, v), tr(l, "unit.posts_week")),
        _ => axis_value(l, a, v),
    };
    let mut text = trf(
        l,
        "map.cell",
        &[
            &tr_dyn(l, x.field().label_key),
            &spoken(x, x.values()[ix]),
            &tr_dyn(l, y.field().label_key),
            &spoken(y, y.values()[iy]),
            &what(l, m),
            &value_text(l, m, m.at((ix, iy))),
        ],
    );
    if (ix, iy) == m.current {
        text += &format!(" {}", tr(l, "map.is_current"));
    }
    text
}

/// The chart's title.
pub fn title(l: Lang, m: &LeverMap) -> String {
    let (x, y) = (m.axes.x.field(), m.axes.y.field());
    trf(
        l,
        "map.title",
        &[
            &what(l, m),
            &tr_dyn(l, x.label_key),
            &tr_dyn(l, y.label_key),
        ],
    )
}

pub const W: f64 = 760.0;
pub const H: f64 = 640.0;
/// The grid's place in the picture (the keyboard grid on screen sits exactly over it).
pub const GRID_LEFT: f64 = 120.0;
pub const GRID_TOP: f64 = 64.0;
pub const CELL: f64 = 40.0;
const GRID: f64 = CELL * SIZE as f64;
const LEGEND_X: f64 = GRID_LEFT + GRID + 34.0;

/// Axis tick labels, compact (`€11k`), one per value.
fn ticks(l: Lang, a: Axis) -> Vec<String> {
    let unit = if a == Axis::Budget {
        Unit::Money
    } else {
        Unit::Count
    };
    tick_labels(l, &a.values(), unit)
}

/// The map as standalone SVG markup: `W × H` exported, `W × (H − TITLE_BAND)` on screen.
pub fn svg(l: Lang, m: &LeverMap, frame: Frame) -> String {
    let mut out = svg_open("map-chart", (W, H), frame, &title(l, m));
    out += &format!(
        "<text class=\"map-subtitle\" x=\"10\" y=\"44\" font-size=\"12\" fill=\"#444\">{}</text>",
        xml_escape(&trf(l, "map.subtitle", &[&full(l, m.runs as f64)]))
    );
    for iy in 0..SIZE {
        for ix in 0..SIZE {
            let (x, y) = (
                GRID_LEFT + CELL * ix as f64,
                GRID_TOP + GRID - CELL * (iy + 1) as f64,
            );
            out += &format!(
                "<rect class=\"map-cell\" x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{}\"/>",
                cell_colour(m, m.at((ix, iy)))
            );
        }
    }
    let (cx, cy) = m.current;
    let (x, y) = (
        GRID_LEFT + CELL * (cx as f64 + 0.5),
        GRID_TOP + GRID - CELL * (cy as f64 + 0.5),
    );
    out += &format!(
        "<g class=\"map-current\"><circle cx=\"{x}\" cy=\"{y}\" r=\"12\" fill=\"none\" stroke=\"#fff\" stroke-width=\"5\"/><circle cx=\"{x}\" cy=\"{y}\" r=\"12\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/></g>"
    );
    out += &axes(l, m);
    out += &legend(l, m);
    let note = match m.current_inside {
        true => "map.current_note",
        false => "map.current_outside",
    };
    out += &format!(
        "<text x=\"10\" y=\"{}\" font-size=\"12\">{}</text>",
        H - 10.0,
        xml_escape(tr(l, note))
    );
    out + "</svg>"
}

/// The levers' values along the bottom and the left, and their names.
fn axes(l: Lang, m: &LeverMap) -> String {
    let mut out = String::new();
    for (i, t) in ticks(l, m.axes.x).iter().enumerate() {
        let x = GRID_LEFT + CELL * (i as f64 + 0.5);
        out += &format!(
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
            GRID_TOP + GRID + 16.0,
            xml_escape(t)
        );
    }
    for (i, t) in ticks(l, m.axes.y).iter().enumerate() {
        let y = GRID_TOP + GRID - CELL * (i as f64 + 0.5) + 4.0;
        out += &format!(
            "<text x=\"{}\" y=\"{y}\" text-anchor=\"end\" font-size=\"11\">{}</text>",
            GRID_LEFT - 6.0,
            xml_escape(t)
        );
    }
    let (fx, fy) = (m.axes.x.field(), m.axes.y.field());
    out += &format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{} →</text>",
        GRID_LEFT + GRID / 2.0,
        GRID_TOP + GRID + 38.0,
        xml_escape(&tr_dyn(l, fx.label_key))
    );
    let (x, y) = (GRID_LEFT - 52.0, GRID_TOP + GRID / 2.0);
    out + &format!(
        "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 {x} {y})\">{} →</text>",
        xml_escape(&tr_dyn(l, fy.label_key))
    )
}

/// A bar of the scale from the lowest cell (bottom) to the highest (top), with five values.
fn legend(l: Lang, m: &LeverMap) -> String {
    let (lo, hi) = m.range();
    let mut out =
        String::from("<defs><linearGradient id=\"map-scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
    for (i, _) in VIRIDIS.iter().enumerate() {
        let t = i as f64 / (VIRIDIS.len() - 1) as f64;
        out += &format!("<stop offset=\"{t:.3}\" stop-color=\"{}\"/>", viridis(t));
    }
    out += "</linearGradient></defs>";
    out += &format!(
        "<rect class=\"map-legend\" x=\"{LEGEND_X}\" y=\"{GRID_TOP}\" width=\"18\" height=\"{GRID}\" fill=\"url(#map-scale)\" stroke=\"#222\" stroke-width=\"0.5\"/>"
    );
    for i in 0..5 {
        let t = i as f64 / 4.0;
        let v = lo + (hi - lo).max(0.0) * t;
        let y = GRID_TOP + GRID * (1.0 - t);
        out += &format!(
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#222\"/><text class=\"map-legend-value\" x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
            LEGEND_X + 18.0,
            LEGEND_X + 23.0,
            LEGEND_X + 26.0,
            y + 4.0,
            xml_escape(&value_text(l, m, v))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metric, Scenario};
    use crate::state::lever_map::{lever_map, Axes};

    #[test]
    fn the_scale_runs_from_dark_purple_to_yellow_and_gets_lighter_throughout() {
        assert_eq!(viridis(0.0), "#440154");
        assert_eq!(viridis(1.0), "#fde725");
        assert_eq!(viridis(-3.0), "#440154", "clamped");
        assert_eq!(viridis(f64::NAN), "#440154");
        let lightness = |hex: String| {
            let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64;
            0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
        };
        let steps: Vec<f64> = (0..=40)
            .map(|i| lightness(viridis(i as f64 / 40.0)))
            .collect();
        assert!(steps.windows(2).all(|w| w[1] > w[0]), "{steps:?}");
    }

    /// The page's style sheet puts the keyboard grid over the cells of the picture on screen
    /// (which leaves out the exported title's band).
    #[test]
    fn the_style_sheet_lays_the_grid_over_the_cells() {
        let css = include_str!("../../static/style.css");
        let pct = |v: f64, of: f64| format!("{}%", (1e4 * 100.0 * v / of).round() / 1e4);
        let grid = CELL * SIZE as f64;
        let top = Frame::Screen.top();
        let rule = format!(
            ".map-grid {{ left: {}; top: {}; width: {}; height: {}; }}",
            pct(GRID_LEFT, W),
            pct(GRID_TOP - top, H - top),
            pct(grid, W),
            pct(grid, H - top)
        );
        assert!(css.contains(&rule), "{rule}");
    }

    /// Exported, the title is drawn at the top; on screen (the page's heading is the title)
    /// its band is left out and the first marks start just below the top.
    #[test]
    fn the_title_is_drawn_in_the_export_only() {
        let values: Vec<Vec<f64>> = (0..144).map(|i| vec![i as f64; 3]).collect();
        let m = lever_map(
            &Scenario::default(),
            Axes::default(),
            &values,
            (Metric::Leads.into(), 365),
        )
        .unwrap();
        let export = svg(Lang::En, &m, Frame::Export);
        assert!(export.contains(&format!("viewBox=\"0 0 {W} {H}\"")));
        assert!(export.contains("class=\"chart-heading\""));
        let screen = svg(Lang::En, &m, Frame::Screen);
        assert!(screen.contains(&format!(
            "height=\"{}\" viewBox=\"0 30 {W} {}\"",
            H - 30.0,
            H - 30.0
        )));
        assert!(!screen.contains("chart-heading"));
        assert!(
            screen.contains("<title id=\"map-chart-title\">Map: median Leads"),
            "still named"
        );
    }

    #[test]
    fn the_svg_has_every_cell_a_legend_with_values_and_the_current_scenario_ringed() {
        let values: Vec<Vec<f64>> = (0..144).map(|i| vec![i as f64; 3]).collect();
        let s = Scenario::default();
        let outcome = Metric::Leads.into();
        let m = lever_map(&s, Axes::default(), &values, (outcome, 365)).unwrap();
        let markup = svg(Lang::En, &m, Frame::Export);
        assert_eq!(markup.matches("class=\"map-cell\"").count(), 144);
        assert_eq!(markup.matches("class=\"map-legend-value\"").count(), 5);
        assert!(markup.contains(">143</text>") && markup.contains(">0</text>"));
        assert!(markup.contains("€11k"), "budget ticks");
        assert_eq!(markup.matches("class=\"map-current\"").count(), 1);
        assert!(markup.contains("#fde725"), "the highest cell is yellow");
        assert!(!markup.contains("NaN"));
        let text = cell_text(Lang::En, &m, m.current);
        assert!(text.contains("€3,000") && text.contains("73"), "{text}");
        assert!(text.contains("your scenario"), "{text}");
        let sv = svg(Lang::Sv, &m, Frame::Export);
        assert!(sv.contains("Budget") && sv.contains("Ledningens stöd"));
    }
}
