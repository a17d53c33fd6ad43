//! Numbers as people read them, in the interface language: separators, compact axis labels, units.

pub use crate::i18n::Lang;
use crate::i18n::{decimal, number, percent};

/// What a metric's numbers mean, for axes, readouts and tables.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Count,
    Score,
    Money,
    Percent,
}

/// `12345.6` → `12,346` / `12 346`; small values keep one decimal.
pub fn full(l: Lang, v: f64) -> String {
    number(l, v)
}

/// `12500` → `12.5k`, for axis ticks.
pub fn compact(l: Lang, v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "−" } else { "" };
    if a >= 1e6 {
        format!("{sign}{}M", decimal(l, a / 1e6))
    } else if a >= 1e4 {
        format!("{sign}{}k", decimal(l, a / 1e3))
    } else if a >= 10.0 || a == 0.0 {
        format!("{sign}{}", number(l, a))
    } else {
        format!("{sign}{}", decimal(l, a))
    }
}

/// An amount of money (the model counts in euros), written the language's way:
/// `€12,500` / `12 500 €`.
pub fn money(l: Lang, v: f64) -> String {
    euros(l, v, number(l, v.abs()))
}

/// `amount` (the absolute value of `v`, already written out) with the sign and the euro sign.
fn euros(l: Lang, v: f64, amount: String) -> String {
    let sign = if v < 0.0 && amount != "0" { "−" } else { "" };
    match l {
        Lang::En => format!("{sign}€{amount}"),
        Lang::Sv => format!("{sign}{amount}\u{a0}€"),
    }
}

pub fn with_unit(l: Lang, v: f64, unit: Unit) -> String {
    match unit {
        Unit::Count => number(l, v),
        Unit::Money => money(l, v),
        Unit::Score => format!("{}/100", number(l, v.round())),
        Unit::Percent => percent(l, v),
    }
}

/// A percentile: for a count it is some simulated future's whole number, so it shows as one.
pub fn percentile(l: Lang, v: f64, unit: Unit) -> String {
    match unit {
        Unit::Count => number(l, v.round()),
        _ => with_unit(l, v, unit),
    }
}

pub fn tick(l: Lang, v: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", compact(l, v)),
        Unit::Money => euros(l, v, compact(l, v.abs())),
        _ => compact(l, v),
    }
}

/// A signed whole percentage, e.g. `+12%` / `−3 %`.
pub fn percent_signed(l: Lang, v: f64) -> String {
    let sign = if v.round() > 0.0 { "+" } else { "" };
    format!("{sign}{}", percent(l, v.round()))
}

/// A probability as a whole percentage.
pub fn chance(l: Lang, p: f64) -> String {
    percent(l, (100.0 * p).round())
}

/// "Nice" axis ticks covering [lo, hi]: steps of 1, 2 or 5 × 10^k.
pub fn nice_ticks(lo: f64, hi: f64, want: usize) -> Vec<f64> {
    if hi.is_nan() || lo.is_nan() || hi <= lo {
        return vec![lo];
    }
    let raw = (hi - lo) / want.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut t = start;
    while t <= hi + step * 1e-9 {
        ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    ticks
}

/// The four levers in one line, worded by `key` (placeholders: budget, posts, responsiveness, buy-in).
pub fn levers_text(l: Lang, key: &'static str, v: &crate::model::Levers) -> String {
    crate::i18n::trf(
        l,
        key,
        &[
            &money(l, v.budget),
            &full(l, v.posts_per_week),
            &full(l, v.responsiveness),
            &full(l, v.buy_in),
        ],
    )
}
