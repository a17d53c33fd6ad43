//! On wasm32 this binary is the web app; natively it is the command-line front end.

#[cfg(target_arch = "wasm32")]
fn main() {
    longgame::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "Long Game {}: the web app is built with `trunk build`; see README.md.",
        env!("CARGO_PKG_VERSION")
    );
}
