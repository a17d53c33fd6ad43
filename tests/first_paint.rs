//! The static first paint in index.html (shown before the wasm arrives) says what the app
//! will say: every text marked `data-i18n="key"` is the English text of that key, and its
//! `data-sv` the Swedish one, so the page does not change its words when the app mounts.

use longgame::i18n::{tr_dyn, Lang};

const INDEX: &str = include_str!("../index.html");

/// The value of `name="…"` inside one start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// Every element with `data-i18n`: (key, English text, Swedish text).
fn marked() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut rest = INDEX;
    while let Some(at) = rest.find("data-i18n=\"") {
        let tag_start = rest[..at].rfind('<').expect("inside a tag");
        let tag_end = at + rest[at..].find('>').expect("tag closes");
        let tag = &rest[tag_start..tag_end];
        let text_end = tag_end + rest[tag_end..].find('<').expect("element closes");
        let key = attr(tag, "data-i18n").expect("key");
        let sv = attr(tag, "data-sv").unwrap_or_else(|| panic!("no data-sv on {key}"));
        out.push((key.into(), rest[tag_end + 1..text_end].into(), sv.into()));
        rest = &rest[text_end..];
    }
    out
}

#[test]
fn the_static_first_paint_says_what_the_app_says_in_both_languages() {
    let marked = marked();
    let keys: Vec<_> = marked.iter().map(|(k, _, _)| k.as_str()).collect();
    for key in ["app.title", "app.tagline", "app.doc_title", "app.loading"] {
        assert!(keys.contains(&key), "index.html has no {key}");
    }
    for (key, en, sv) in &marked {
        assert_eq!(en, &tr_dyn(Lang::En, key), "English text of {key}");
        assert_eq!(sv, &tr_dyn(Lang::Sv, key), "Swedish text of {key}");
        assert_ne!(en, key, "{key} is not in the tables");
    }
}

const FIRST_CHART: (&str, &str) = ("<!-- first-chart -->", "<!-- /first-chart -->");

/// The static leads chart as index.html should hold it: the default scenario's summary, as
/// the command line (and so the app's workers) compute it, drawn by `view::first_chart`.
fn first_chart_markup() -> String {
    use longgame::i18n::tr;
    use longgame::model::{MonteCarlo, Scenario};
    use longgame::state::link::{encode, Shared, DEFAULT_RUNS, DEFAULT_SEED};
    let summary = MonteCarlo::new(Scenario::default(), DEFAULT_SEED, DEFAULT_RUNS, 0)
        .expect("the default scenario runs")
        .run_all();
    let title = (tr(Lang::En, "metric.leads"), tr(Lang::Sv, "metric.leads"));
    format!(
        concat!(
            "{}\n              ",
            r#"<figure class="chart" data-static-chart="leads" data-default-query="{}"><figcaption>"#,
            r#"<span class="chart-title" data-i18n="metric.leads" data-sv="{}">{}</span>"#,
            r#"<span class="chart-tools pending" aria-hidden="true"><button type="button" class="small" tabindex="-1" data-i18n="chart.table" data-sv="{}">{}</button>"#,
            r#"<button type="button" class="small" tabindex="-1">SVG</button><button type="button" class="small" tabindex="-1">PNG</button></span></figcaption>"#,
            r#"{}<p class="readout">&nbsp;</p></figure>"#,
            "\n              {}"
        ),
        FIRST_CHART.0,
        encode(&Shared::default()),
        title.1,
        title.0,
        tr(Lang::Sv, "chart.table"),
        tr(Lang::En, "chart.table"),
        longgame::view::first_chart::leads_svg(&summary),
        FIRST_CHART.1,
    )
}

/// `LONGGAME_WRITE_DOCS=1 cargo test --test first_paint` rewrites it after a model change.
#[test]
fn the_static_leads_chart_is_the_default_scenarios() {
    let start = INDEX
        .find(FIRST_CHART.0)
        .expect("index.html marks its first chart");
    let end = INDEX.find(FIRST_CHART.1).expect("and where it ends") + FIRST_CHART.1.len();
    let want = first_chart_markup();
    if std::env::var_os("LONGGAME_WRITE_DOCS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
        let written = format!("{}{want}{}", &INDEX[..start], &INDEX[end..]);
        std::fs::write(path, written).expect("index.html is writable");
        return;
    }
    assert!(
        INDEX[start..end] == want,
        "index.html's static leads chart is not the default scenario's: \
         LONGGAME_WRITE_DOCS=1 cargo test --test first_paint"
    );
}
