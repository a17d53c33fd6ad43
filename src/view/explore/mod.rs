//! Explore mode on screen: the tornado and the map of two levers as standalone SVG, and the
//! map in words.

pub mod chart;
pub mod lever_map;
pub mod map_words;
pub mod tornado;
