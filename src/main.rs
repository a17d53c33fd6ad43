//! On wasm32 this binary is the web app; natively it is the command-line front end.

#[cfg(target_arch = "wasm32")]
fn main() {
    longgame::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(longgame::cli::main(std::env::args().skip(1).collect()));
}
