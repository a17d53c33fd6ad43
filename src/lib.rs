//! Long Game: a social-media strategy simulator.
//!
//! `model` is the simulation engine: pure Rust, no web dependency, testable natively.
//! `app` is the Yew front end; it depends on `model`, never the reverse.

pub mod i18n;
pub mod model;
pub mod state;
pub mod story;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod app;

#[cfg(target_arch = "wasm32")]
pub mod sim_worker;
