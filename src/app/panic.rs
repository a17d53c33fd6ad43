//! A Rust panic anywhere shows a visible banner (reload / copy details) instead of a dead page.
//! Its buttons work from static/crash.js: after a panic no Rust callback runs, and the
//! Content-Security-Policy blocks inline `onclick` attributes.

use crate::i18n::{tr, Lang};
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;

/// The interface language, for a banner shown when Yew can no longer render.
static SWEDISH: AtomicBool = AtomicBool::new(false);

pub fn set_language(l: Lang) {
    SWEDISH.store(l == Lang::Sv, Ordering::Relaxed);
}

pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let details = format!("Long Game {}: {info}", env!("CARGO_PKG_VERSION"));
        web_sys::console::error_1(&details.clone().into());
        show_banner(&details);
    }));
}

fn show_banner(details: &str) {
    let doc = gloo::utils::document();
    if doc.get_element_by_id("crash-banner").is_some() {
        return;
    }
    let Ok(banner) = doc.create_element("div") else {
        return;
    };
    banner.set_id("crash-banner");
    let _ = banner.set_attribute("role", "alert");
    let l = if SWEDISH.load(Ordering::Relaxed) {
        Lang::Sv
    } else {
        Lang::En
    };
    banner.set_inner_html(&format!(
        "<strong>{}</strong> {} \
         <button type=\"button\" id=\"crash-reload\">{}</button> \
         <button type=\"button\" id=\"crash-copy\" data-copied=\"{}\">{}</button>\
         <textarea readonly aria-label=\"{}\"></textarea>",
        tr(l, "crash.title"),
        tr(l, "crash.safe"),
        tr(l, "crash.reload"),
        tr(l, "crash.copied"),
        tr(l, "crash.copy"),
        tr(l, "crash.details"),
    ));
    if let Some(area) = banner.query_selector("textarea").ok().flatten() {
        let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
        area.set_value(details);
    }
    let body = gloo::utils::body();
    let _ = body.insert_before(&banner, body.first_child().as_ref());
}
