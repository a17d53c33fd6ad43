//! What the app puts on screen, as pure functions: number formatting, messages in the
//! interface language and chart geometry. No web dependency, so all of it is tested natively.

pub mod chart_export;
pub mod explore;
pub mod first_chart;
pub mod format;
pub mod futures;
pub mod geometry;
pub mod labels;
pub mod meanings;
pub mod messages;
pub mod page;
pub mod qr;
pub mod slider;
pub mod why;
