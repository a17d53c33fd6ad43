//! The file formats people exchange (scenario and story JSON) and what can be wrong with them.
//! They sit above the engine: the engine knows scenarios, not files. The command line and the
//! app read files through the same functions here, so they accept and refuse the same files.

pub mod error;
pub mod scenario;
mod strict;

pub use error::{FieldProblem, FileError, StoryProblem};

/// The largest scenario or story file read (a 14-step story is about 15 KB).
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// Reads at most [`MAX_FILE_BYTES`] from `reader` as UTF-8 text; a longer input is refused
/// without reading the rest (`/dev/zero` never fills the memory).
pub fn read_limited(reader: impl std::io::Read) -> Result<String, FileError> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut reader.take(MAX_FILE_BYTES as u64 + 1), &mut bytes)
        .map_err(|_| FileError::Unreadable)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            most: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|_| FileError::Unreadable)
}

/// Reads a JSON object as it is written; the error names the place and the problem. A leading
/// UTF-8 byte-order mark is allowed (editors on Windows write one); a key given twice is refused.
pub fn read_value(json: &str) -> Result<serde_json::Value, FileError> {
    if json.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            most: MAX_FILE_BYTES,
        });
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| FileError::syntax(&e))?;
    if !value.is_object() {
        return Err(FileError::NotAnObject);
    }
    strict::no_duplicate_keys(json)?;
    Ok(value)
}

/// Turns an object read by [`read_value`] into `T`; the error names the field and the problem.
/// (The value is read once and checked once: a second read of the text would only repeat it.)
pub fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, FileError> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| FileError::from_serde(e.path().to_string(), e.inner()))
}
pub use scenario::parse_scenario;
