//! The file formats people exchange (scenario and story JSON) and what can be wrong with them.
//! They sit above the engine: the engine knows scenarios, not files.

pub mod error;
pub mod scenario;

pub use error::{FieldProblem, FileError, StoryProblem};

/// Reads a JSON object into `T`; the error names the place and the problem.
pub fn read_object<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, FileError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| FileError::syntax(&e))?;
    if !value.is_object() {
        return Err(FileError::NotAnObject);
    }
    serde_path_to_error::deserialize(value)
        .map_err(|e| FileError::from_serde(e.path().to_string(), e.inner()))
}
pub use scenario::parse_scenario;
