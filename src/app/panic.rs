//! A Rust panic anywhere shows a visible banner (reload / copy details) instead of a dead page.

use wasm_bindgen::JsCast;

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
    banner.set_inner_html(
        "<strong>Something went wrong — the simulator stopped.</strong> \
         Your saved scenarios are safe. \
         <button type=\"button\" onclick=\"location.reload()\">Reload</button> \
         <button type=\"button\" id=\"crash-copy\">Copy details</button>\
         <textarea readonly aria-label=\"Error details\"></textarea>",
    );
    if let Some(area) = banner.query_selector("textarea").ok().flatten() {
        let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
        area.set_value(details);
    }
    if let Some(button) = banner.query_selector("#crash-copy").ok().flatten() {
        // Plain JS: after a panic the Rust side can no longer run callbacks.
        let _ = button.set_attribute(
            "onclick",
            "var t=this.parentNode.querySelector('textarea');t.select();\
             (navigator.clipboard?navigator.clipboard.writeText(t.value):Promise.reject()).catch(function(){document.execCommand('copy')});\
             this.textContent='Copied';",
        );
    }
    let body = gloo::utils::body();
    let _ = body.insert_before(&banner, body.first_child().as_ref());
}
