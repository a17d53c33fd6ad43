//! Files the user downloads: exports of summaries, scenarios and charts (SVG, PNG).

use crate::i18n::Lang;
use crate::view::chart_export::{compose, ExportInfo};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::NodeRef;

/// The charts' styles, linked by the page and written into an exported SVG, so an exported
/// chart looks the same on its own. (Not a `<style>` in the page: the CSP allows no inline style.)
const SVG_STYLE: &str = include_str!("../../static/chart.css");

fn click_link(href: &str, filename: &str) {
    let doc = gloo::utils::document();
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(href);
        a.set_download(filename);
        let _ = gloo::utils::body().append_child(&a);
        a.click();
        a.remove();
    }
}

/// Offers `content` as a file download.
pub fn text(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
            click_link(&url, filename);
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }
}

/// The chart as a picture of its own: title, scenario, the chart, its legend and the link of
/// the page (which reproduces it), with the charts' styles inside.
fn svg_markup(svg: &NodeRef, l: Lang, info: &ExportInfo) -> Option<(String, f64, f64)> {
    let chart = svg.cast::<web_sys::Element>()?.inner_html();
    let link = gloo::utils::window().location().href().ok()?;
    Some(compose(l, info, &chart, SVG_STYLE, &link))
}

pub fn svg_element(svg: &NodeRef, filename: &str, l: Lang, info: &ExportInfo) {
    if let Some((markup, _, _)) = svg_markup(svg, l, info) {
        text(filename, "image/svg+xml", &markup);
    }
}

/// Paints the export onto a canvas at twice its size (sharp on a projector), keeping its
/// aspect ratio, and downloads a PNG.
pub fn png_from_svg(svg: &NodeRef, filename: &str, l: Lang, info: &ExportInfo) {
    if let Some((markup, width, height)) = svg_markup(svg, l, info) {
        png_from_markup(&markup, (width, height), filename);
    }
}

/// Paints standalone SVG markup of `width` × `height` onto a canvas at twice its size and
/// downloads a PNG.
pub fn png_from_markup(markup: &str, (width, height): (f64, f64), filename: &str) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let filename = filename.to_string();
    let loaded = img.clone();
    let onload = Closure::once_into_js(move || {
        let doc = gloo::utils::document();
        let Some(canvas) = doc.create_element("canvas").ok() else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        let (w, h) = ((width * 2.0).round(), (height * 2.0).round());
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        let Some(ctx) = canvas.get_context("2d").ok().flatten() else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w, h);
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            click_link(&url, &filename);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    let encoded: String = js_sys::encode_uri_component(markup).into();
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}
