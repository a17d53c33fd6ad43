//! The map of two levers as a standalone SVG (on screen under its keyboard grid, and exported
//! as SVG and PNG): cells coloured on viridis, a legend with values, the lever values along
//! the axes and the current scenario ringed. Its words are in `map_words`.

use super::chart::{svg_open, Frame, Layout};
use super::map_words::{title, value_text};
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::state::explore::lever_map::{Axis, LeverMap, SIZE};
use crate::view::format::{full, tick_labels, wrap, xml_escape, Unit};

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

/// The exported (wide) picture's size.
pub const W: f64 = 760.0;
pub const H: f64 = 640.0;
/// The wide grid's place in the picture (the keyboard grid on screen sits exactly over it).
pub const GRID_LEFT: f64 = 120.0;
pub const GRID_TOP: f64 = 64.0;
pub const CELL: f64 = 40.0;

/// A layout's measures: the picture's size and its grid's place, in the picture's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub w: f64,
    pub h: f64,
    pub grid_left: f64,
    pub grid_top: f64,
    pub cell: f64,
}

/// Wide (exported, and on screens with room): the legend right of the grid. Narrow (a phone):
/// the legend under the grid, every other tick on the axis across, the words wrapped; 356
/// wide, so a 390 px phone draws it at about its size (cells ~24 px, 12-unit text ~11.5 px).
pub fn geometry(layout: Layout) -> Geometry {
    match layout {
        Layout::Wide => Geometry {
            w: W,
            h: H,
            grid_left: GRID_LEFT,
            grid_top: GRID_TOP,
            cell: CELL,
        },
        Layout::Narrow => Geometry {
            w: 356.0,
            h: 500.0,
            grid_left: 50.0,
            grid_top: 72.0,
            cell: 25.0,
        },
    }
}

impl Geometry {
    fn grid(&self) -> f64 {
        self.cell * SIZE as f64
    }
}

/// Axis tick labels, compact (`€11k`), one per value.
fn ticks(l: Lang, a: Axis) -> Vec<String> {
    let unit = if a == Axis::Budget {
        Unit::Money
    } else {
        Unit::Count
    };
    tick_labels(l, &a.values(), unit)
}

/// The longest line of 12-unit text a narrow picture draws (it has no automatic wrapping).
const NARROW_LINE: usize = 46;

/// 12-unit text at `(x, y)` of a class and fill (if any), on one line (wide) or wrapped, a
/// line every 16 units (narrow).
fn small_text(
    (class, fill): (&str, &str),
    (x, y): (f64, f64),
    text: &str,
    layout: Layout,
) -> String {
    let body = match layout {
        Layout::Wide => xml_escape(text),
        Layout::Narrow => wrap(text, NARROW_LINE)
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let dy = if i == 0 { 0 } else { 16 };
                format!("<tspan x=\"{x}\" dy=\"{dy}\">{}</tspan>", xml_escape(line))
            })
            .collect(),
    };
    let class = match class {
        "" => String::new(),
        c => format!(" class=\"{c}\""),
    };
    let fill = match fill {
        "" => String::new(),
        f => format!(" fill=\"{f}\""),
    };
    format!("<text{class} x=\"{x}\" y=\"{y}\" font-size=\"12\"{fill}>{body}</text>")
}

/// Whether every cell has the same value (the colours then say nothing).
pub fn is_flat(m: &LeverMap) -> bool {
    let (lo, hi) = m.range();
    // No finite cell at all counts as flat too (the range is then +∞..−∞).
    hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater)
}

/// The line under the title: the futures, and how to read the colours.
fn subtitle(l: Lang, m: &LeverMap) -> String {
    let runs = full(l, m.runs as f64);
    match is_flat(m) {
        false => trf(l, "map.subtitle", &[&runs]),
        true => {
            let v = value_text(l, m, m.range().0);
            trf(l, "map.subtitle_flat", &[&runs, &v])
        }
    }
}

/// The map as standalone SVG markup, wide (as exported): `W × H` exported, `W × (H −
/// TITLE_BAND)` on screen.
pub fn svg(l: Lang, m: &LeverMap, frame: Frame) -> String {
    svg_in(l, m, frame, Layout::Wide)
}

/// The map in a layout. The narrow one is classed `map-narrow` (the wide one `map-chart`),
/// so that both can be on a page with ids of their own.
pub fn svg_in(l: Lang, m: &LeverMap, frame: Frame, layout: Layout) -> String {
    let g = geometry(layout);
    let class = match layout {
        Layout::Wide => "map-chart",
        Layout::Narrow => "map-narrow",
    };
    let mut out = svg_open(class, (g.w, g.h), frame, &title(l, m));
    let (top, sub) = ((10.0, 44.0), subtitle(l, m));
    out += &small_text(("map-subtitle", "#444"), top, &sub, layout);
    for iy in 0..SIZE {
        for ix in 0..SIZE {
            let (x, y) = (
                g.grid_left + g.cell * ix as f64,
                g.grid_top + g.grid() - g.cell * (iy + 1) as f64,
            );
            out += &format!(
                "<rect class=\"map-cell\" x=\"{x}\" y=\"{y}\" width=\"{c}\" height=\"{c}\" fill=\"{}\"/>",
                cell_colour(m, m.at((ix, iy))),
                c = g.cell
            );
        }
    }
    let (cx, cy) = m.current;
    let (x, y) = (
        g.grid_left + g.cell * (cx as f64 + 0.5),
        g.grid_top + g.grid() - g.cell * (cy as f64 + 0.5),
    );
    let r = 0.3 * g.cell;
    out += &format!(
        "<g class=\"map-current\"><circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"none\" stroke=\"#fff\" stroke-width=\"5\"/><circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/></g>"
    );
    out += &axes(l, m, layout);
    out += &match layout {
        Layout::Wide => legend(l, m),
        Layout::Narrow => legend_under(l, m),
    };
    let note = match m.current_inside {
        true => "map.current_note",
        false => "map.current_outside",
    };
    let y = match layout {
        Layout::Wide => H - 10.0,
        Layout::Narrow => g.grid_top + g.grid() + 100.0,
    };
    out += &small_text(("", ""), (10.0, y), tr(l, note), layout);
    out + "</svg>"
}

/// The levers' values along the bottom and the left, and their names. Narrow, the values
/// across are labelled every other column (two would not fit side by side).
fn axes(l: Lang, m: &LeverMap, layout: Layout) -> String {
    let g = geometry(layout);
    let (size, gap, every, name) = match layout {
        Layout::Wide => (11, 6.0, 1, 52.0),
        Layout::Narrow => (12, 5.0, 2, 36.0),
    };
    let mut out = String::new();
    for (i, t) in ticks(l, m.axes.x).iter().enumerate().step_by(every) {
        let x = g.grid_left + g.cell * (i as f64 + 0.5);
        out += &format!(
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{size}\">{}</text>",
            g.grid_top + g.grid() + 16.0,
            xml_escape(t)
        );
    }
    for (i, t) in ticks(l, m.axes.y).iter().enumerate() {
        let y = g.grid_top + g.grid() - g.cell * (i as f64 + 0.5) + 4.0;
        out += &format!(
            "<text x=\"{}\" y=\"{y}\" text-anchor=\"end\" font-size=\"{size}\">{}</text>",
            g.grid_left - gap,
            xml_escape(t)
        );
    }
    let (fx, fy) = (m.axes.x.field(), m.axes.y.field());
    let below = match layout {
        Layout::Wide => 38.0,
        Layout::Narrow => 36.0,
    };
    out += &format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{} →</text>",
        g.grid_left + g.grid() / 2.0,
        g.grid_top + g.grid() + below,
        xml_escape(&tr_dyn(l, fx.label_key))
    );
    let (x, y) = (g.grid_left - name, g.grid_top + g.grid() / 2.0);
    out + &format!(
        "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 {x} {y})\">{} →</text>",
        xml_escape(&tr_dyn(l, fy.label_key))
    )
}

/// The scale's gradient, lowest to highest along the line from `(x1, y1)` to `(x2, y2)`.
fn gradient(id: &str, (x1, y1, x2, y2): (u8, u8, u8, u8)) -> String {
    let mut out = format!(
        "<defs><linearGradient id=\"{id}\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\">"
    );
    for (i, _) in VIRIDIS.iter().enumerate() {
        let t = i as f64 / (VIRIDIS.len() - 1) as f64;
        out += &format!("<stop offset=\"{t:.3}\" stop-color=\"{}\"/>", viridis(t));
    }
    out + "</linearGradient></defs>"
}

/// The legend's values: five from the lowest to the highest cell (at 0, ¼, … 1 of the bar), or
/// where every cell is the same, that one value in the middle of a bar of its one colour.
fn legend_values(l: Lang, m: &LeverMap) -> Vec<(f64, String)> {
    let (lo, hi) = m.range();
    if is_flat(m) {
        return vec![(0.5, value_text(l, m, lo))];
    }
    (0..5)
        .map(|i| {
            let t = i as f64 / 4.0;
            (t, value_text(l, m, lo + (hi - lo) * t))
        })
        .collect()
}

/// The bar's fill: the scale, or the one colour of a map whose cells are all the same.
fn legend_fill(m: &LeverMap, id: &str) -> String {
    match is_flat(m) {
        false => format!("url(#{id})"),
        true => cell_colour(m, m.range().0),
    }
}

/// A bar of the scale right of the grid from the lowest cell (bottom) to the highest (top).
fn legend(l: Lang, m: &LeverMap) -> String {
    let grid = CELL * SIZE as f64;
    let x = GRID_LEFT + grid + 34.0;
    let mut out = gradient("map-scale", (0, 1, 0, 0));
    out += &format!(
        "<rect class=\"map-legend\" x=\"{x}\" y=\"{GRID_TOP}\" width=\"18\" height=\"{grid}\" fill=\"{}\" stroke=\"#222\" stroke-width=\"0.5\"/>",
        legend_fill(m, "map-scale")
    );
    for (t, text) in legend_values(l, m) {
        let y = GRID_TOP + grid * (1.0 - t);
        out += &format!(
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#222\"/><text class=\"map-legend-value\" x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
            x + 18.0,
            x + 23.0,
            x + 26.0,
            y + 4.0,
            xml_escape(&text)
        );
    }
    out
}

/// The scale as a bar under the grid (narrow), from the lowest cell (left) to the highest.
fn legend_under(l: Lang, m: &LeverMap) -> String {
    let g = geometry(Layout::Narrow);
    let (x, w, y) = (g.grid_left, g.grid(), g.grid_top + g.grid() + 48.0);
    let mut out = gradient("map-scale-narrow", (0, 0, 1, 0));
    out += &format!(
        "<rect class=\"map-legend\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"14\" fill=\"{}\" stroke=\"#222\" stroke-width=\"0.5\"/>",
        legend_fill(m, "map-scale-narrow")
    );
    for (t, text) in legend_values(l, m) {
        let tx = x + w * t;
        let anchor = match t {
            t if t <= 0.0 => "start",
            t if t >= 1.0 => "end",
            _ => "middle",
        };
        out += &format!(
            "<line x1=\"{tx}\" y1=\"{}\" x2=\"{tx}\" y2=\"{}\" stroke=\"#222\"/><text class=\"map-legend-value\" x=\"{tx}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"12\">{}</text>",
            y + 14.0,
            y + 19.0,
            y + 31.0,
            xml_escape(&text)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metric, Scenario};
    use crate::state::explore::lever_map::{lever_map, Axes};
    use crate::view::explore::map_words::{cell_lines, cell_text};

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
    /// (which leaves out the exported title's band), wide and, in a narrow box, narrow.
    #[test]
    fn the_style_sheet_lays_the_grid_over_the_cells() {
        let css = include_str!("../../../static/style.css");
        let pct = |v: f64, of: f64| format!("{}%", (1e4 * 100.0 * v / of).round() / 1e4);
        let top = Frame::Screen.top();
        let rule = |g: Geometry| {
            let grid = g.cell * SIZE as f64;
            format!(
                ".map-grid {{ left: {}; top: {}; width: {}; height: {}; }}",
                pct(g.grid_left, g.w),
                pct(g.grid_top - top, g.h - top),
                pct(grid, g.w),
                pct(grid, g.h - top)
            )
        };
        let wide = rule(geometry(Layout::Wide));
        assert!(css.contains(&format!("\n{wide}")), "{wide}");
        let narrow = rule(geometry(Layout::Narrow));
        let query = css
            .find("@container (max-width: 759px) {")
            .expect("the narrow map's query");
        let block = &css[query..query + css[query..].find("\n}").unwrap()];
        assert!(block.contains(".map-wide { display: none; }"), "{block}");
        assert!(
            block.contains(&format!("  {narrow}")),
            "{narrow} in {block}"
        );
    }

    /// Narrow, the picture's words wrap within its width and every cell, tick and legend value
    /// lies inside it.
    #[test]
    fn the_narrow_map_keeps_its_marks_inside_its_width() {
        let values: Vec<Vec<f64>> = (0..144).map(|i| vec![i as f64 * 100.0; 3]).collect();
        let mut s = Scenario::default();
        s.levers.budget = 100_000.0;
        let m = lever_map(&s, Axes::default(), &values, (Metric::Leads.into(), 365)).unwrap();
        let g = geometry(Layout::Narrow);
        let markup = svg_in(Lang::Sv, &m, Frame::Screen, Layout::Narrow);
        assert_eq!(markup.matches("class=\"map-cell\"").count(), 144);
        assert!(
            markup.contains("class=\"map-narrow\"") && markup.contains("id=\"map-narrow-title\"")
        );
        assert!(markup.contains("url(#map-scale-narrow)"));
        assert_eq!(markup.matches("class=\"map-legend-value\"").count(), 5);
        for line in wrap(tr(Lang::Sv, "map.current_outside"), NARROW_LINE) {
            assert!(line.chars().count() <= NARROW_LINE, "{line}");
        }
        assert!(
            markup.matches("<tspan").count() >= 4,
            "the words wrap: {markup}"
        );
        let xs = markup
            .split(" x=\"")
            .skip(1)
            .map(|r| r[..r.find('"').unwrap()].parse::<f64>().unwrap());
        for x in xs {
            assert!((0.0..=g.w).contains(&x), "x = {x} outside 0..{}", g.w);
        }
        assert!(g.grid_left + g.cell * SIZE as f64 <= g.w);
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

    /// A map whose cells are all the same shows one colour and says so, in either layout.
    #[test]
    fn a_flat_map_says_that_every_cell_is_the_same() {
        let values = vec![vec![0.0; 3]; 144];
        let outcome = (Metric::Customers.into(), 365);
        let m = lever_map(&Scenario::default(), Axes::default(), &values, outcome).unwrap();
        assert!(is_flat(&m));
        for (l, words) in [
            (Lang::En, "Every cell has the same value, 0,"),
            (Lang::Sv, "Alla rutor har samma värde, 0,"),
        ] {
            for layout in [Layout::Wide, Layout::Narrow] {
                let markup = svg_in(l, &m, Frame::Export, layout);
                let text = markup.replace("</tspan><tspan", " <tspan");
                let words_in = |t: &str| {
                    let plain: String = t
                        .split('<')
                        .map(|p| p.split_once('>').map_or(p, |x| x.1))
                        .collect();
                    plain.contains(words)
                };
                assert!(words_in(&text), "{words} in {markup}");
                assert_eq!(markup.matches("class=\"map-legend-value\"").count(), 1);
                assert!(!markup.contains("url(#map-scale"), "no scale to read");
            }
        }
    }

    /// The cell nearest a scenario beyond the map's range says so, as the legend does.
    #[test]
    fn the_nearest_cell_to_a_scenario_beyond_the_range_says_so() {
        let values: Vec<Vec<f64>> = (0..144).map(|i| vec![i as f64; 3]).collect();
        let mut s = Scenario::default();
        s.levers.budget = 100_000.0;
        let m = lever_map(&s, Axes::default(), &values, (Metric::Leads.into(), 365)).unwrap();
        assert!(!m.current_inside);
        let text = cell_text(Lang::En, &m, m.current);
        assert!(
            text.ends_with("Nearest your scenario, which lies beyond the map's range."),
            "{text}"
        );
        let lines = cell_lines(Lang::Sv, &m, m.current);
        assert_eq!(
            lines.last().unwrap(),
            "Närmast ditt scenario, som ligger utanför kartans intervall."
        );
        let inside = cell_text(
            Lang::En,
            &lever_map(
                &Scenario::default(),
                Axes::default(),
                &values,
                (Metric::Leads.into(), 365),
            )
            .unwrap(),
            m.current,
        );
        assert!(!inside.contains("beyond"));
    }
}
