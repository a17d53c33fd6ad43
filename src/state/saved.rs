//! Named scenarios saved in the browser: the stored format and the list operations.
//! The app keeps the text in localStorage under [`STORE_KEY`]; a store that does not parse
//! is reported and moved aside by the app, never overwritten.

use serde::{Deserialize, Serialize};

pub const STORE_KEY: &str = "longgame.saved.v1";
/// Where an unreadable store is moved so nothing is lost.
pub const QUARANTINE_KEY: &str = "longgame.saved.unreadable";
pub const MAX_NAME: usize = 80;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScenario {
    pub name: String,
    /// The shared state as a query string (see `share::encode`).
    pub query: String,
}

/// Reads the stored list; `None` (nothing stored yet) is an empty list.
pub fn parse_store(text: Option<&str>) -> Result<Vec<SavedScenario>, String> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => {
            // The parser's own words, for the curious; the app frames them in its language.
            serde_json::from_str(t).map_err(|e| e.to_string())
        }
    }
}

pub fn store_text(list: &[SavedScenario]) -> String {
    serde_json::to_string(list).expect("strings always serialise")
}

/// Why a name cannot be used; the app words it in the interface language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong,
    Taken(String),
    NotFound(String),
}

impl std::fmt::Display for NameProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameProblem::Empty => write!(f, "give the scenario a name"),
            NameProblem::TooLong => write!(f, "names can be at most {MAX_NAME} characters"),
            NameProblem::Taken(n) => write!(f, "a scenario called '{n}' already exists"),
            NameProblem::NotFound(n) => write!(f, "no scenario called '{n}'"),
        }
    }
}

/// A usable name: trimmed, not empty, not too long.
pub fn clean_name(name: &str) -> Result<String, NameProblem> {
    let name = name.trim();
    if name.is_empty() {
        Err(NameProblem::Empty)
    } else if name.chars().count() > MAX_NAME {
        Err(NameProblem::TooLong)
    } else {
        Ok(name.to_string())
    }
}

/// Saves under `name`, replacing a scenario of the same name.
pub fn save(list: &mut Vec<SavedScenario>, name: &str, query: &str) -> Result<(), NameProblem> {
    let name = clean_name(name)?;
    let entry = SavedScenario {
        name: name.clone(),
        query: query.to_string(),
    };
    match list.iter_mut().find(|s| s.name == name) {
        Some(existing) => *existing = entry,
        None => list.push(entry),
    }
    Ok(())
}

pub fn rename(list: &mut [SavedScenario], from: &str, to: &str) -> Result<(), NameProblem> {
    let to = clean_name(to)?;
    if to != from && list.iter().any(|s| s.name == to) {
        return Err(NameProblem::Taken(to));
    }
    let entry = list
        .iter_mut()
        .find(|s| s.name == from)
        .ok_or_else(|| NameProblem::NotFound(from.to_string()))?;
    entry.name = to;
    Ok(())
}

pub fn delete(list: &mut Vec<SavedScenario>, name: &str) {
    list.retain(|s| s.name != name);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_rename_delete_round_trip_through_the_stored_text() {
        let mut list = parse_store(None).unwrap();
        save(&mut list, "  Pilot  ", "v=1&b=100").unwrap();
        save(&mut list, "Committed", "v=1&i=90").unwrap();
        save(&mut list, "Pilot", "v=1&b=200").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].query, "v=1&b=200");
        assert!(rename(&mut list, "Pilot", "Committed").is_err());
        rename(&mut list, "Pilot", "Pilot 2").unwrap();
        delete(&mut list, "Committed");
        let back = parse_store(Some(&store_text(&list))).unwrap();
        assert_eq!(
            back,
            vec![SavedScenario {
                name: "Pilot 2".into(),
                query: "v=1&b=200".into()
            }]
        );
    }

    #[test]
    fn bad_names_and_corrupt_stores_are_reported() {
        assert_eq!(clean_name("   "), Err(NameProblem::Empty));
        assert_eq!(
            clean_name(&"x".repeat(MAX_NAME + 1)),
            Err(NameProblem::TooLong)
        );
        assert!(parse_store(Some("{not json"))
            .unwrap_err()
            .contains("line 1"));
        assert!(parse_store(Some(r#"[{"name": 3}]"#)).is_err());
    }
}
