//! The simulation Web Worker (built by Trunk next to the app). Natively it does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    longgame::sim_worker::SimWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("longgame-worker is the browser's simulation worker; use `longgame` natively.");
    std::process::exit(2);
}
