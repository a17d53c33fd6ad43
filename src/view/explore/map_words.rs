//! The map of two levers in words: its title, what a cell shows, a cell's label and what the
//! keyboard grid announces for it (the picture is in `lever_map`).

use super::chart::{field_value, outcome};
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::state::explore::lever_map::{Axis, LeverMap};
use crate::state::explore::outcome::Outcome;
use crate::view::format::percentile;

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

/// A lever's value in words: posts carry their unit (a bare "4" could be anything).
fn spoken(l: Lang, a: Axis, v: f64) -> String {
    match a {
        Axis::Posts => format!("{} {}", axis_value(l, a, v), tr(l, "unit.posts_week")),
        _ => axis_value(l, a, v),
    }
}

/// A cell's label beside it on screen, line by line: its value, each lever and, for the cell
/// nearest the scenario, that (the title says what the value is).
pub fn cell_lines(l: Lang, m: &LeverMap, (ix, iy): (usize, usize)) -> Vec<String> {
    let (x, y) = (m.axes.x, m.axes.y);
    let mut lines = vec![
        value_text(l, m, m.at((ix, iy))),
        format!(
            "{} {}",
            tr_dyn(l, x.field().label_key),
            spoken(l, x, x.values()[ix])
        ),
        format!(
            "{} {}",
            tr_dyn(l, y.field().label_key),
            spoken(l, y, y.values()[iy])
        ),
    ];
    if (ix, iy) == m.current {
        lines.push(tr(l, current_key(m)).to_string());
    }
    lines
}

/// What the cell nearest the scenario says about it.
fn current_key(m: &LeverMap) -> &'static str {
    match m.current_inside {
        true => "map.is_current",
        false => "map.is_current_outside",
    }
}

/// A cell in words: both levers and the value (what the grid announces and shows).
pub fn cell_text(l: Lang, m: &LeverMap, (ix, iy): (usize, usize)) -> String {
    let (x, y) = (m.axes.x, m.axes.y);
    let spoken = |a: Axis, v: f64| spoken(l, a, v);
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
        text += &format!(" {}", tr(l, current_key(m)));
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
