//! Numbers as people read them, in the interface language: separators, compact axis labels, units.

pub use crate::i18n::Lang;
use crate::i18n::{number, percent};

/// What a metric's numbers mean, for axes, readouts and tables.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Count,
    Score,
    Money,
    Percent,
}

/// Most characters of a typed value a message repeats.
pub const ECHO_CHARS: usize = 40;

/// A typed value as a message repeats it: whole when short, else its start and an ellipsis
/// (a 60 KB link value must not make a notice 600,000 px wide).
pub fn echo(typed: &str) -> String {
    if typed.chars().count() <= ECHO_CHARS {
        return typed.to_string();
    }
    let start: String = typed.chars().take(ECHO_CHARS - 1).collect();
    format!("{start}…")
}

/// A whole number typed into a box, if it lies within `min..=max` (spaces, `,` and `_` as
/// digit groups allowed: "5 000", "5,000").
pub fn whole_in(typed: &str, min: u64, max: u64) -> Option<u64> {
    let digits: String = typed
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | ',' | '_'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u64>()
        .ok()
        .filter(|v| (min..=max).contains(v))
}

/// A number typed into a lever's box, read the interface language's way: Swedish writes a
/// decimal comma ("2,5" is 2.5), English may group thousands with commas ("60,000"; "2,5" is
/// no number there). Spaces between digit groups are allowed in both. `None` when the text is
/// not a number, never a different number.
pub fn read_typed(l: Lang, typed: &str) -> Option<f64> {
    let text: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    let text = match l {
        Lang::Sv if text.matches(',').count() > 1 || text.contains(',') && text.contains('.') => {
            return None
        }
        Lang::Sv => text.replace(',', "."),
        Lang::En if text.contains(',') && !thousands_grouped(&text) => return None,
        Lang::En => text.replace(',', ""),
    };
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    text.parse::<f64>().ok().filter(|v| plain && v.is_finite())
}

/// "60,000", "-1,234.5": commas only between groups of three digits of the whole part.
fn thousands_grouped(text: &str) -> bool {
    let whole = text.split(['.', 'e', 'E']).next().unwrap_or("");
    let mut groups = whole.trim_start_matches(['+', '-']).split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// A value as a lever's box shows it, exactly (every digit kept), with the language's
/// decimal mark: 2.5 / 2,5.
pub fn typed_text(l: Lang, v: f64) -> String {
    match l {
        Lang::Sv => v.to_string().replace('.', ","),
        Lang::En => v.to_string(),
    }
}

/// Text made safe inside SVG or XML markup.
pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `12345.6` → `12,346` / `12 346`; small values keep one decimal.
pub fn full(l: Lang, v: f64) -> String {
    number(l, v)
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

/// The labels of one axis, all in one style: thousands as `k` (or millions as `M`) on every
/// tick once the largest reaches 10,000, so "5,000" never stands beside "10k".
pub fn tick_labels(l: Lang, ticks: &[f64], unit: Unit) -> Vec<String> {
    let top = ticks.iter().fold(0.0_f64, |m, t| m.max(t.abs()));
    let (div, suffix) = match top {
        t if t >= 1e6 => (1e6, "M"),
        t if t >= 1e4 => (1e3, "k"),
        _ => (1.0, ""),
    };
    ticks
        .iter()
        .map(|&v| {
            let a = v.abs() / div;
            let body = if suffix.is_empty() || a == 0.0 {
                number(l, a)
            } else {
                // Up to two decimals, as many as the tick needs (0.25M, 1.5M, 20k).
                let s = format!("{a:.2}");
                let s = s.trim_end_matches('0').trim_end_matches('.');
                let s = if l == Lang::Sv {
                    s.replace('.', ",")
                } else {
                    s.into()
                };
                format!("{s}{suffix}")
            };
            match unit {
                Unit::Money => euros(l, v, body),
                _ => {
                    let sign = if v < 0.0 && body != "0" { "−" } else { "" };
                    let pct = if unit == Unit::Percent { "%" } else { "" };
                    format!("{sign}{body}{pct}")
                }
            }
        })
        .collect()
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

/// ROI is undefined on a day before anything was spent, and always for a company that never
/// started: shown as "n/a", never as 0 %. Decided per summary (A, B and the quit line each
/// have their own).
pub fn roi_undefined(s: &crate::model::Summary, metric: crate::model::Metric, day: usize) -> bool {
    metric == crate::model::Metric::Roi && s.roi_defined_from_day.is_none_or(|d| day < d as usize)
}

/// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_typed_value_is_read_the_language_s_way_or_refused_never_changed() {
        use super::{read_typed, typed_text, Lang::*};
        for (l, typed, read) in [
            (Sv, "2,5", Some(2.5)),
            (Sv, "7,5", Some(7.5)),
            (Sv, "2.5", Some(2.5)),
            (Sv, "12 500", Some(12_500.0)),
            (Sv, "12\u{a0}500,25", Some(12_500.25)),
            (Sv, "1,2,3", None),
            (Sv, "1.000,5", None),
            (En, "2.5", Some(2.5)),
            (En, "60,000", Some(60_000.0)),
            (En, "1,234,567.5", Some(1_234_567.5)),
            (En, "2,5", None),
            (En, "7,5", None),
            (En, "12e", None),
            (En, "inf", None),
            (En, "NaN", None),
            (En, "", None),
        ] {
            assert_eq!(read_typed(l, typed), read, "{l:?} {typed:?}");
        }
        for v in [2.5, 25.280719660084806, 97086.11321450499, 3000.0, 1e-7] {
            for l in [Sv, En] {
                assert_eq!(read_typed(l, &typed_text(l, v)), Some(v), "{l:?} {v}");
            }
        }
        assert_eq!(typed_text(Sv, 2.5), "2,5");
    }

    use super::*;

    #[test]
    fn whole_numbers_are_refused_outside_their_range_or_with_a_sign_or_fraction() {
        assert_eq!(whole_in(" 4242 ", 0, 9_007_199_254_740_991), Some(4242));
        assert_eq!(whole_in("5 000", 20, 5000), Some(5000));
        assert_eq!(whole_in("7", 20, 5000), None);
        assert_eq!(whole_in("99999", 20, 5000), None);
        assert_eq!(whole_in("-1", 0, 100), None);
        assert_eq!(whole_in("12.5", 0, 100), None);
        assert_eq!(whole_in("", 0, 100), None);
        assert_eq!(whole_in("9".repeat(30).as_str(), 0, u64::MAX), None);
    }

    #[test]
    fn long_typed_values_are_echoed_shortened_with_an_ellipsis() {
        assert_eq!(echo("100.4"), "100.4");
        let long = "9".repeat(60_000);
        let shown = echo(&long);
        assert_eq!(shown.chars().count(), ECHO_CHARS);
        assert!(shown.ends_with('…'));
        assert_eq!(echo(&"å".repeat(50)).chars().count(), ECHO_CHARS);
    }

    #[test]
    fn one_axis_has_one_number_style() {
        let labels = |l, t: &[f64], u| tick_labels(l, t, u).join(" ");
        assert_eq!(labels(Lang::En, &[0.0, 5e3, 1e4], Unit::Count), "0 5k 10k");
        assert_eq!(
            labels(Lang::En, &[0.0, 2e3, 4e3], Unit::Count),
            "0 2,000 4,000"
        );
        assert_eq!(
            labels(Lang::En, &[0.0, 2.5e5, 5e5, 7.5e5, 1e6], Unit::Count),
            "0 0.25M 0.5M 0.75M 1M"
        );
        assert_eq!(
            labels(Lang::En, &[-100.0, 0.0, 50.0], Unit::Percent),
            "−100% 0% 50%"
        );
        assert_eq!(
            labels(Lang::Sv, &[0.0, 1e4, 2e4], Unit::Money),
            "0\u{a0}€ 10k\u{a0}€ 20k\u{a0}€"
        );
        assert_eq!(labels(Lang::Sv, &[0.0, 1.25e4], Unit::Count), "0 12,5k");
        assert_eq!(labels(Lang::En, &[0.0, 2e6], Unit::Count), "0 2M");
        assert_eq!(labels(Lang::En, &[0.0, 0.5, 1.0], Unit::Count), "0 0.5 1");
    }

    #[test]
    fn money_and_scores_read_the_way_each_language_writes_them() {
        assert_eq!(money(Lang::En, 3000.0), "€3,000");
        assert_eq!(money(Lang::Sv, 3000.0), "3\u{a0}000\u{a0}€");
        assert_eq!(money(Lang::En, -250.0), "−€250");
        assert_eq!(with_unit(Lang::En, 61.6, Unit::Score), "62/100");
        assert_eq!(percentile(Lang::En, 1234.4, Unit::Count), "1,234");
    }

    #[test]
    fn roi_is_undefined_per_summary_until_something_is_spent() {
        use crate::model::{preset, Metric, MonteCarlo};
        let run = |id: &str| {
            MonteCarlo::new(preset(id).unwrap().scenario, 1, 10, 0)
                .unwrap()
                .run_all()
        };
        let (never, spent) = (run("never-started"), run("committed"));
        assert!(roi_undefined(&never, Metric::Roi, 365));
        assert!(
            !roi_undefined(&never, Metric::Leads, 365),
            "only ROI needs money spent"
        );
        assert!(
            roi_undefined(&spent, Metric::Roi, 0),
            "day 0: nothing spent yet"
        );
        assert!(!roi_undefined(&spent, Metric::Roi, 30));
    }

    #[test]
    fn chances_and_signed_changes_are_whole_percentages() {
        assert_eq!(chance(Lang::En, 0.456), percent(Lang::En, 46.0));
        assert!(percent_signed(Lang::En, 12.4).starts_with('+'));
        assert!(
            !percent_signed(Lang::En, -0.2).starts_with('+'),
            "−0 is not a gain"
        );
    }
}
