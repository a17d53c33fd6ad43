//! Explore mode as plain data: the tornado (which lever or assumption moves an outcome most)
//! and the map of two levers, and the outcome both read from each future.

pub mod lever_map;
pub mod outcome;
pub mod tornado;
