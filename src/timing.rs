//! User Timing measures (`performance.measure`, names starting `lg:`) along the pool's data
//! path: simulating, folding and copying a tally in a worker, merging the shares' tallies
//! on the page (the picture is drawn in the task after). A Chromium trace shows them on each thread, and
//! `scripts/slider-latency.mjs --trace` adds them up per slider press (docs/PERFORMANCE.md).

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
    #[wasm_bindgen(js_namespace = performance, js_name = measure, catch)]
    fn performance_measure(name: &str, options: &JsValue) -> Result<JsValue, JsValue>;
}

/// Milliseconds on the thread's performance clock (the page's and each worker's own).
pub fn now() -> f64 {
    performance_now()
}

/// Records `name` from `start` (a [`now`]) until now.
pub fn measure(name: &str, start: f64) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &now().into());
    let _ = performance_measure(name, &options);
}
