//! Files the user downloads: exports of summaries, scenarios and charts (SVG, PNG).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::NodeRef;

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

/// The chart's markup with its styles inside, so the file stands on its own.
fn svg_markup(svg: &NodeRef) -> Option<String> {
    let markup = svg.cast::<web_sys::Element>()?.outer_html();
    let open = markup.find('>')? + 1;
    let style = super::fan_chart::SVG_STYLE;
    Some(format!(
        "{}<style>{style}</style>{}",
        &markup[..open],
        &markup[open..]
    ))
}

pub fn svg_element(svg: &NodeRef, filename: &str) {
    if let Some(markup) = svg_markup(svg) {
        text(filename, "image/svg+xml", &markup);
    }
}

/// Renders the SVG onto a canvas at twice its size (sharp on a projector) and downloads a PNG.
pub fn png_from_svg(svg: &NodeRef, filename: &str) {
    if let Some(markup) = svg_markup(svg) {
        png_from_markup(&markup, filename);
    }
}

/// Renders standalone SVG markup onto a canvas at twice its size and downloads a PNG.
pub fn png_from_markup(markup: &str, filename: &str) {
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
        let (w, h) = (
            loaded.natural_width().max(640) * 2,
            loaded.natural_height().max(270) * 2,
        );
        canvas.set_width(w);
        canvas.set_height(h);
        let Some(ctx) = canvas.get_context("2d").ok().flatten() else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, w as f64, h as f64);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded, 0.0, 0.0, w as f64, h as f64,
        );
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            click_link(&url, &filename);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    let encoded: String = js_sys::encode_uri_component(markup).into();
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}
