//! The simulation engine. No web dependency: everything here runs natively and on wasm32.

/// What Long Game is, in one line; shown by the app and the command line alike.
pub const TAGLINE: &str = "A social-media strategy simulator: see why a half-hearted six-week experiment fails and what a committed, patient programme earns.";
