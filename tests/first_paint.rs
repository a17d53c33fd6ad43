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
