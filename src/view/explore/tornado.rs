//! The tornado in words and as a standalone SVG (on screen, and exported as SVG and PNG): one
//! row a field, a bar for its step down and one for its step up, left or right of the current
//! scenario's median, each labelled with its change.

use super::chart::{change, field_value, outcome, svg_open, Frame, Layout};
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::state::explore::outcome::Outcome;
use crate::state::explore::tornado::Tornado;
use crate::view::format::{with_unit, xml_escape};

/// Okabe–Ito vermillion and blue: apart for every kind of colour blindness.
pub const DOWN_COLOUR: &str = "#D55E00";
pub const UP_COLOUR: &str = "#0072B2";

/// The chart's title: the outcome, the day and the current scenario's median.
pub fn title(l: Lang, t: &Tornado) -> String {
    let (key, unit) = outcome(t.outcome);
    let title = match t.outcome {
        Outcome::Goal => "explore.chart_title_goal",
        Outcome::Metric(_) => "explore.chart_title",
    };
    trf(
        l,
        title,
        &[&tr(l, key), &t.day, &with_unit(l, t.base, unit)],
    )
}

/// A layout's measures, in the chart's units.
struct Geometry {
    w: f64,
    /// A field's row.
    row: f64,
    /// The first row's top.
    top: f64,
    /// Where the bars may go (room is left on either side for their labels).
    left: f64,
    right: f64,
    /// The baselines of the field's name and of its steps in words, and the first bar's top,
    /// from the row's top.
    name: f64,
    steps: f64,
    bars: f64,
    /// The second legend entry's left edge.
    legend: f64,
}

impl Layout {
    fn geometry(self) -> Geometry {
        match self {
            Layout::Wide => Geometry {
                w: 760.0,
                row: 44.0,
                top: 86.0,
                left: 340.0,
                right: 660.0,
                name: 17.0,
                steps: 34.0,
                bars: 6.0,
                legend: 220.0,
            },
            // 340 wide: a 390 px phone draws it at ~0.96, its 12-unit text at ~11.5 px.
            Layout::Narrow => Geometry {
                w: 340.0,
                row: 74.0,
                top: 86.0,
                left: 84.0,
                right: 256.0,
                name: 14.0,
                steps: 30.0,
                bars: 38.0,
                legend: 175.0,
            },
        }
    }
}

/// The tornado's SVG width and height in a layout: one row a field.
pub fn svg_size_in(t: &Tornado, layout: Layout) -> (f64, f64) {
    let g = layout.geometry();
    (g.w, g.top + g.row * t.bars.len() as f64 + 12.0)
}

/// The exported tornado's SVG width and height.
pub fn svg_size(t: &Tornado) -> (f64, f64) {
    svg_size_in(t, Layout::Wide)
}

/// The tornado as standalone SVG markup, wide (as exported).
pub fn svg(l: Lang, t: &Tornado, frame: Frame) -> String {
    svg_in(l, t, frame, Layout::Wide)
}

/// The tornado in a layout. The narrow one is classed `tornado-narrow` (the wide one
/// `tornado-chart`), so that both can be on a page and each keeps its own title's id.
pub fn svg_in(l: Lang, t: &Tornado, frame: Frame, layout: Layout) -> String {
    let (_, unit) = outcome(t.outcome);
    let g = layout.geometry();
    let (w, h) = svg_size_in(t, layout);
    let ends = t.bars.iter().flat_map(|b| [b.down, b.up]);
    let (mut lo, mut hi) = ends.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if hi - lo <= 0.0 {
        (lo, hi) = (-1.0, 1.0);
    }
    let x = |v: f64| g.left + (v - lo) / (hi - lo) * (g.right - g.left);
    let x0 = x(0.0);
    let class = match layout {
        Layout::Wide => "tornado-chart",
        Layout::Narrow => "tornado-narrow",
    };
    let mut out = svg_open(class, (w, h), frame, &title(l, t));
    for (i, (colour, key)) in [(DOWN_COLOUR, "explore.down"), (UP_COLOUR, "explore.up")]
        .iter()
        .enumerate()
    {
        let lx = 10.0 + g.legend * i as f64;
        out += &format!(
            "<rect x=\"{lx}\" y=\"36\" width=\"14\" height=\"14\" fill=\"{colour}\"/><text x=\"{}\" y=\"48\">{}</text>",
            lx + 20.0,
            xml_escape(tr(l, key))
        );
    }
    out += &format!(
        "<line x1=\"{x0}\" y1=\"{}\" x2=\"{x0}\" y2=\"{}\" stroke=\"#222\" stroke-width=\"1.5\"/><text x=\"{x0}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\">{}</text>",
        g.top - 12.0,
        h - 6.0,
        g.top - 16.0,
        xml_escape(&trf(l, "explore.base_line", &[&with_unit(l, t.base, unit)]))
    );
    for (i, b) in t.bars.iter().enumerate() {
        let y = g.top + g.row * i as f64;
        let m = &b.mv;
        // Narrow, the words above the bars cross the base line: a white halo keeps them clear.
        let halo = match layout {
            Layout::Wide => "",
            Layout::Narrow => " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"",
        };
        out += &format!(
            "<g class=\"tornado-row\" data-field=\"{}\"><text x=\"10\" y=\"{}\" font-weight=\"bold\"{halo}>{}</text><text x=\"10\" y=\"{}\" font-size=\"12\" fill=\"#444\"{halo}>{}</text>",
            m.field.name,
            y + g.name,
            xml_escape(&tr_dyn(l, m.field.label_key)),
            y + g.steps,
            xml_escape(&trf(
                l,
                "explore.moved",
                &[&field_value(l, m.field, m.down), &field_value(l, m.field, m.up)]
            ))
        );
        for (j, (v, colour)) in [(b.down, DOWN_COLOUR), (b.up, UP_COLOUR)]
            .iter()
            .enumerate()
        {
            let by = y + g.bars + 16.0 * j as f64;
            let (a, z) = (x0.min(x(*v)), x0.max(x(*v)));
            let (tx, anchor) = if *v < 0.0 {
                (a - 4.0, "end")
            } else {
                (z + 4.0, "start")
            };
            out += &format!(
                "<rect x=\"{a:.1}\" y=\"{by}\" width=\"{:.1}\" height=\"13\" fill=\"{colour}\"/><text x=\"{tx:.1}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"12\">{}</text>",
                (z - a).max(1.0),
                by + 11.0,
                xml_escape(&change(l, *v, unit))
            );
        }
        out += "</g>";
    }
    out + "</svg>"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metric;
    use crate::model::Scenario;
    use crate::state::explore::tornado::{moves, tornado};
    use crate::view::format::Unit;

    #[test]
    fn the_svg_has_a_labelled_row_for_every_field_and_bars_on_both_sides() {
        let m = moves(&Scenario::default());
        let mut values = vec![vec![100.0; 3]];
        for i in 0..m.len() {
            values.push(vec![100.0 - i as f64; 3]);
            values.push(vec![100.0 + 2.0 * i as f64; 3]);
        }
        let t = tornado(&m, &values, Metric::Leads.into(), 365).unwrap();
        let markup = svg(Lang::Sv, &t, Frame::Export);
        assert_eq!(markup.matches("class=\"tornado-row\"").count(), m.len());
        assert!(markup.contains("Budget"), "{markup}");
        assert!(markup.contains("+16"), "the largest step up is labelled");
        assert!(markup.contains("−8"), "the largest step down is labelled");
        assert!(!markup.contains("NaN"));
        let x0 = markup.split("<line x1=\"").nth(1).unwrap();
        let x0: f64 = x0[..x0.find('"').unwrap()].parse().unwrap();
        assert!(
            x0 > 340.0 && x0 < 660.0,
            "the base sits between the left and the right bars"
        );
        assert_eq!(change(Lang::En, -3.0, Unit::Percent), "−3%");
    }

    /// Narrow (a phone), each label sits above its bars, and every mark lies inside the
    /// picture's width; the wide one (exported) is as before.
    #[test]
    fn the_narrow_tornado_keeps_its_marks_inside_its_width() {
        let m = moves(&Scenario::default());
        let mut values = vec![vec![1000.0; 3]];
        for i in 0..m.len() {
            values.push(vec![1000.0 - 90.0 * i as f64; 3]);
            values.push(vec![1000.0 + 120.0 * i as f64; 3]);
        }
        let t = tornado(&m, &values, Metric::Leads.into(), 365).unwrap();
        let markup = svg_in(Lang::Sv, &t, Frame::Screen, Layout::Narrow);
        let (w, _) = svg_size_in(&t, Layout::Narrow);
        assert!(
            markup.contains("class=\"tornado-narrow\"")
                && markup.contains("id=\"tornado-narrow-title\"")
        );
        assert_eq!(markup.matches("class=\"tornado-row\"").count(), m.len());
        let xs = markup
            .split(" x=\"")
            .skip(1)
            .map(|r| r[..r.find('"').unwrap()].parse::<f64>().unwrap());
        for x in xs {
            assert!((0.0..=w).contains(&x), "x = {x} outside 0..{w}");
        }
        // A row's bars start below its two lines of words.
        let row = markup.split("<g class=\"tornado-row\"").nth(1).unwrap();
        let ys: Vec<f64> = row
            .split(" y=\"")
            .skip(1)
            .map(|r| r[..r.find('"').unwrap()].parse().unwrap())
            .collect();
        assert!(
            ys[2] > ys[1] && ys[1] > ys[0],
            "name, steps, then bars: {ys:?}"
        );
        assert_eq!(
            svg(Lang::Sv, &t, Frame::Export),
            svg_in(Lang::Sv, &t, Frame::Export, Layout::Wide)
        );
    }
}
