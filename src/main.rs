//! On wasm32 this binary is the web app and, in a Web Worker, its simulation worker (one
//! download for both); natively it is the command-line front end.

// Talc instead of std's dlmalloc: a smaller module (docs/PERFORMANCE.md, "Bundle size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    if web_sys::window().is_some() {
        longgame::app::start();
    } else {
        use gloo::worker::Registrable;
        longgame::sim_worker::SimWorker::registrar().register();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(longgame::cli::main(std::env::args_os().skip(1).collect()));
}
