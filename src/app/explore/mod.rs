//! Explore mode: the tornado (`tornado`), the map of two levers (`lever_map`) and what the two
//! views share (`parts`).

mod lever_map;
mod parts;
mod tornado;

pub use tornado::ExplorerPage;
