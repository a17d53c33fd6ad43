//! The simulation worker runs the page's own wasm module: one download for both (the engine
//! is a small part of it). The worker starts from a tiny script that imports the page's
//! wasm-bindgen glue and initialises the module; `main` then sees no window and serves as the
//! worker (see src/main.rs).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// The address of the page's wasm-bindgen glue (an ES module), e.g. `…/longgame-<hash>.js`.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

thread_local! {
    static SCRIPT_URL: String = make_script_url();
}

/// A `blob:` URL of the worker's start script (made once per page).
pub fn url() -> String {
    SCRIPT_URL.with(Clone::clone)
}

fn make_script_url() -> String {
    let glue = GLUE_URL.with(Clone::clone);
    // Trunk names the module after its glue: `longgame-<hash>.js` → `longgame-<hash>_bg.wasm`.
    let wasm = format!("{}_bg.wasm", glue.strip_suffix(".js").unwrap_or(&glue));
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let script = format!(
        "import({}).then((m) => m.default({{ module_or_path: {} }}));",
        quote(&glue),
        quote(&wasm)
    );
    let parts = js_sys::Array::of1(&script.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .unwrap_or_default()
}
