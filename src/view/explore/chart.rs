//! What the explorer's two charts share: the outcomes offered and their units, a field's value
//! and a change in words, the layouts, and the SVG's opening (exported or on screen).

use crate::i18n::Lang;
use crate::model::params::Field;
use crate::model::Metric;
use crate::state::explore::outcome::Outcome;
use crate::view::format::{full, money, with_unit, xml_escape, Unit};

/// An outcome's label key and unit (the goal as the percentage of futures that reached it).
/// The outcomes offered are [`Outcome::EXPLORED`].
pub fn outcome(o: Outcome) -> (&'static str, Unit) {
    let Outcome::Metric(m) = o else {
        return ("explore.goal", Unit::Percent);
    };
    match m {
        Metric::Reach => ("metric.reach", Unit::Count),
        Metric::Followers => ("metric.followers", Unit::Count),
        Metric::Engagement => ("metric.engagement", Unit::Count),
        Metric::Trust => ("metric.trust", Unit::Score),
        Metric::Leads => ("metric.leads", Unit::Count),
        Metric::Customers => ("metric.customers", Unit::Count),
        Metric::Cost => ("metric.cost", Unit::Money),
        Metric::Roi => ("metric.roi", Unit::Percent),
    }
}

/// A field's value as the levers show it: money in euros, shares with `%`.
pub fn field_value(l: Lang, f: &Field, v: f64) -> String {
    match f.name {
        "budget" | "customer_value" => money(l, v),
        _ if f.unit_key == "%" => format!("{}\u{a0}%", full(l, v)),
        _ => full(l, v),
    }
}

/// A change of the outcome with its sign: `+12`, `−3 %`, `0`.
pub fn change(l: Lang, v: f64, unit: Unit) -> String {
    // A change of a 0–100 score is in points, not "/100".
    let text = with_unit(l, v.abs(), unit).replace("/100", "");
    match v {
        v if v > 0.0 => format!("+{text}"),
        v if v < 0.0 => format!("−{text}"),
        _ => text,
    }
}

/// How a chart is laid out: wide (the labels left of the bars; exported, and on screens
/// with room for it at a readable size) or narrow (each label above its bars, so a phone shows
/// the chart at about its drawn size instead of shrinking a wide one to half).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Wide,
    Narrow,
}

/// Where an explorer chart goes: exported (SVG, PNG) with its title drawn in a band at the
/// top, or on screen, where the page's heading is the title and the band is left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    Export,
    Screen,
}

/// The exported title's band: its baseline at 22; the charts' first marks start at 32 (the
/// line box of the map's subtitle) and 36 (the tornado's legend).
pub const TITLE_BAND: f64 = 30.0;

impl Frame {
    /// The top of what is shown, in the chart's coordinates.
    pub fn top(self) -> f64 {
        match self {
            Frame::Export => 0.0,
            Frame::Screen => TITLE_BAND,
        }
    }
}

/// An explorer chart's opening: the `<svg>` element of `class` showing `w × h` from
/// `frame.top()` down, its accessible `<title>`, a white ground and, exported, the title drawn.
pub fn svg_open(class: &str, (w, h): (f64, f64), frame: Frame, title: &str) -> String {
    let (top, title) = (frame.top(), xml_escape(title));
    let shown = h - top;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" width=\"{w}\" height=\"{shown}\" viewBox=\"0 {top} {w} {shown}\" role=\"img\" aria-labelledby=\"{class}-title\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#222\"><title id=\"{class}-title\">{title}</title><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
    );
    if frame == Frame::Export {
        out += &format!(
            "<text class=\"chart-heading\" x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{title}</text>"
        );
    }
    out
}
