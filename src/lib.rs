//! Long Game: a social-media strategy simulator.
//!
//! `model` is the simulation engine (the `longgame-engine` crate in crates/engine): pure Rust,
//! no web dependency, testable natively. `files` reads the scenario and story file formats.
//! `app` is the Yew front end; it depends on `model`, never the reverse.

pub mod files;
pub mod i18n;
pub use longgame_engine as model;
pub mod state;
pub mod story;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod app;

#[cfg(target_arch = "wasm32")]
pub mod sim_worker;

#[cfg(target_arch = "wasm32")]
pub mod timing;
