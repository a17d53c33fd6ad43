//! An exported chart that stands on its own: a title, the scenario in words, the chart at its
//! own aspect ratio, a legend of the marks drawn and the link that reproduces it. The same
//! markup is saved as SVG and painted onto the PNG's canvas.

use crate::i18n::{tr, Lang};
use crate::view::format::wrap;
use crate::view::geometry::{H, W};

/// A mark a chart can draw, as the legend shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Outer,
    Inner,
    Median,
    Pinned,
    Quit,
    Review,
    Sample,
    Crisis,
    Cancelled,
}

impl Mark {
    pub fn key(self) -> &'static str {
        match self {
            Mark::Outer => "legend.outer",
            Mark::Inner => "legend.inner",
            Mark::Median => "legend.median",
            Mark::Pinned => "legend.pinned",
            Mark::Quit => "legend.quit",
            Mark::Review => "legend.review",
            Mark::Sample => "legend.sample",
            Mark::Crisis => "legend.crisis",
            Mark::Cancelled => "legend.cancelled",
        }
    }

    /// The mark in a 28 × 14 box at (x, y), drawn with the charts' own classes.
    fn svg(self, x: f64, y: f64) -> String {
        let inner = match self {
            Mark::Outer => r#"<rect class="band-outer" width="28" height="14"/>"#.into(),
            Mark::Inner => r#"<rect class="band-inner" y="3" width="28" height="8"/>"#.into(),
            Mark::Review => r#"<path class="review" d="M14,12l-6,-9h12z"/>"#.into(),
            Mark::Crisis => concat!(
                r#"<circle class="crisis firestorm" cx="6" cy="7" r="5"/>"#,
                r#"<circle class="crisis faded" cx="22" cy="7" r="5"/>"#
            )
            .into(),
            Mark::Cancelled => r#"<path class="cancelled" d="M10,3l8,8m0,-8l-8,8"/>"#.into(),
            Mark::Median | Mark::Pinned | Mark::Quit | Mark::Sample => {
                let class = match self {
                    Mark::Median => "median",
                    Mark::Pinned => "median-a",
                    Mark::Quit => "median-quit",
                    _ => "sample-line",
                };
                format!(r#"<path class="{class}" d="M1,7h26"/>"#)
            }
        };
        format!(r#"<g transform="translate({x:.1},{y:.1})">{inner}</g>"#)
    }
}

/// What the export says around the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportInfo {
    pub title: String,
    /// The levers (and the plan's changes), one line each.
    pub scenario: Vec<String>,
    pub marks: Vec<Mark>,
}

/// `&`, `<`, `>` and `"` as XML entities.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A link cut into lines of `width` characters (it has no spaces to break at).
fn cut(link: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = link.chars().collect();
    chars.chunks(width).map(|c| c.iter().collect()).collect()
}

const PAD: f64 = 10.0;
/// Rough width of a 12 px character, to lay the legend out in rows.
const CHAR_W: f64 = 6.4;

/// Styles for the export's own text (more specific than the charts' `text` rule).
const STYLE: &str = ".x-title{font:700 17px system-ui,sans-serif;fill:#222}\
    .x-line{font:12px system-ui,sans-serif;fill:#333}\
    .x-link{font:11px ui-monospace,monospace;fill:#0b5394}";

/// The export's markup and its size; `chart` is the chart's SVG content (viewBox `0 0 W H`)
/// and `style` the charts' stylesheet.
pub fn compose(
    l: Lang,
    info: &ExportInfo,
    chart: &str,
    style: &str,
    link: &str,
) -> (String, f64, f64) {
    let mut body = String::new();
    let mut y = PAD + 16.0;
    body.push_str(&format!(
        r#"<text class="x-title" x="{PAD}" y="{y}">{}</text>"#,
        xml(&info.title)
    ));
    y += 6.0;
    for line in info.scenario.iter().flat_map(|s| wrap(s, 80)) {
        y += 15.0;
        body.push_str(&format!(
            r#"<text class="x-line" x="{PAD}" y="{y}">{}</text>"#,
            xml(&line)
        ));
    }
    y += 8.0;
    body.push_str(&format!(r#"<g transform="translate(0,{y})">{chart}</g>"#));
    y += H + 4.0;
    // The legend in rows: mark, label, gap.
    let mut x = PAD;
    y += 4.0;
    for mark in &info.marks {
        let label = tr(l, mark.key());
        let width = 28.0 + 6.0 + label.chars().count() as f64 * CHAR_W + 14.0;
        if x > PAD && x + width > W - PAD {
            x = PAD;
            y += 20.0;
        }
        body.push_str(&mark.svg(x, y));
        body.push_str(&format!(
            r#"<text class="x-line" x="{:.1}" y="{:.1}">{}</text>"#,
            x + 34.0,
            y + 11.0,
            xml(label)
        ));
        x += width;
    }
    y += 20.0;
    for line in cut(link, 86) {
        y += 14.0;
        body.push_str(&format!(
            r#"<text class="x-link" x="{PAD}" y="{y}">{}</text>"#,
            xml(&line)
        ));
    }
    let height = (y + PAD).ceil();
    let markup = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" viewBox="0 0 {W} {height}"><style>{style}{STYLE}</style><rect width="100%" height="100%" fill="#fff"/>{body}</svg>"##
    );
    (markup, W, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> ExportInfo {
        ExportInfo {
            title: "Leads & more".into(),
            scenario: vec!["Budget €3,000/month · 3 posts/week".into()],
            marks: vec![Mark::Outer, Mark::Inner, Mark::Median, Mark::Review],
        }
    }

    #[test]
    fn an_export_carries_title_scenario_legend_and_link() {
        let link = "https://example.org/?v=1&b=3000";
        let (svg, w, h) = compose(Lang::En, &info(), "<path/>", "text{}", link);
        assert!(svg.contains("Leads &amp; more"));
        assert!(svg.contains("Budget €3,000/month"));
        for key in [
            "8 in 10 futures",
            "half of the futures",
            "median",
            "management review",
        ] {
            assert!(svg.contains(key), "{key}");
        }
        assert!(svg.contains("https://example.org/?v=1&amp;b=3000"));
        assert!(svg.contains("<path/>"));
        assert_eq!(w, W);
        assert!(h > H + 60.0 && h < H + 160.0, "{h}");
        let sv = compose(Lang::Sv, &info(), "", "", link).0;
        assert!(sv.contains("8 av 10 framtider"));
    }

    #[test]
    fn a_long_link_is_cut_into_lines_that_fit() {
        let link = format!("https://example.org/?{}", "a".repeat(300));
        let (svg, _, h) = compose(Lang::En, &info(), "", "", &link);
        assert_eq!(svg.matches("class=\"x-link\"").count(), 4);
        let (_, _, short) = compose(Lang::En, &info(), "", "", "https://e.org/");
        assert_eq!(h - short, 3.0 * 14.0);
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(xml("<a \"b\">"), "&lt;a &quot;b&quot;&gt;");
    }
}
