//! The file formats people exchange (scenario and story JSON) and what can be wrong with them.
//! They sit above the engine: the engine knows scenarios, not files.

pub mod error;
pub mod scenario;

pub use error::{FieldProblem, FileError, StoryProblem};
pub use scenario::parse_scenario;
