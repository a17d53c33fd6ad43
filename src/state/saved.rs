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
    /// Fields this version does not know (written by a newer one): kept as they are.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl SavedScenario {
    pub fn new(name: &str, query: &str) -> Self {
        SavedScenario {
            name: name.to_string(),
            query: query.to_string(),
            extra: Default::default(),
        }
    }
}

/// Why the stored list cannot be read, and where (the app words it in its language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoreProblem {
    /// Valid JSON, but not a list of saved scenarios (else not JSON at all).
    pub wrong_shape: bool,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for StoreProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.wrong_shape {
            true => "not a list of saved scenarios",
            false => "not valid JSON",
        };
        write!(f, "{what} (line {}, column {})", self.line, self.column)
    }
}

/// Reads the stored list; `None` (nothing stored yet) is an empty list.
pub fn parse_store(text: Option<&str>) -> Result<Vec<SavedScenario>, StoreProblem> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => serde_json::from_str(t).map_err(|e| {
            // Not JSON at all (where the syntax breaks), or valid JSON in the wrong shape.
            let syntax = serde_json::from_str::<serde::de::IgnoredAny>(t).err();
            let at = syntax.as_ref().unwrap_or(&e);
            StoreProblem {
                wrong_shape: syntax.is_none(),
                line: at.line(),
                column: at.column(),
            }
        }),
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

/// Saves under `name`. A scenario of the same name is replaced only when `replace` says so
/// (the app asks first); its unknown fields are kept.
pub fn save(
    list: &mut Vec<SavedScenario>,
    name: &str,
    query: &str,
    replace: bool,
) -> Result<(), NameProblem> {
    let name = clean_name(name)?;
    match list.iter_mut().find(|s| s.name == name) {
        Some(_) if !replace => return Err(NameProblem::Taken(name)),
        Some(existing) => existing.query = query.to_string(),
        None => list.push(SavedScenario::new(&name, query)),
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

/// A deleted entry and where it stood, so it can be put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub index: usize,
    pub entry: SavedScenario,
}

/// Deletes only the entry at `index` (older stores may hold two of the same name).
pub fn delete(list: &mut Vec<SavedScenario>, index: usize) -> Option<Deleted> {
    (index < list.len()).then(|| Deleted {
        index,
        entry: list.remove(index),
    })
}

/// Undoes a [`delete`]: the entry goes back where it was.
pub fn restore(list: &mut Vec<SavedScenario>, d: Deleted) {
    list.insert(d.index.min(list.len()), d.entry);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_rename_delete_round_trip_through_the_stored_text() {
        let mut list = parse_store(None).unwrap();
        save(&mut list, "  Pilot  ", "v=1&b=100", false).unwrap();
        save(&mut list, "Committed", "v=1&i=90", false).unwrap();
        assert_eq!(
            save(&mut list, "Pilot", "v=1&b=200", false),
            Err(NameProblem::Taken("Pilot".into())),
            "an existing name is not overwritten without asking"
        );
        assert_eq!(list[0].query, "v=1&b=100");
        save(&mut list, "Pilot", "v=1&b=200", true).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].query, "v=1&b=200");
        assert!(rename(&mut list, "Pilot", "Committed").is_err());
        rename(&mut list, "Pilot", "Pilot 2").unwrap();
        delete(&mut list, 1);
        let back = parse_store(Some(&store_text(&list))).unwrap();
        assert_eq!(back, vec![SavedScenario::new("Pilot 2", "v=1&b=200")]);
    }

    #[test]
    fn delete_removes_only_the_chosen_entry_and_undo_puts_it_back() {
        let mut list = vec![
            SavedScenario::new("Same", "v=1&b=1"),
            SavedScenario::new("Same", "v=1&b=2"),
            SavedScenario::new("Other", "v=1&b=3"),
        ];
        let before = list.clone();
        let gone = delete(&mut list, 1).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            list[0].query, "v=1&b=1",
            "the other entry of that name stays"
        );
        restore(&mut list, gone);
        assert_eq!(list, before);
        assert!(delete(&mut list, 9).is_none());
    }

    #[test]
    fn unknown_fields_of_a_saved_entry_survive_a_save() {
        let text = r#"[{"name":"Pilot","query":"v=1","note":"from v2","tags":["a"]}]"#;
        let mut list = parse_store(Some(text)).unwrap();
        save(&mut list, "Pilot", "v=1&b=5", true).unwrap();
        let back: serde_json::Value = serde_json::from_str(&store_text(&list)).unwrap();
        assert_eq!(back[0]["note"], "from v2");
        assert_eq!(back[0]["tags"][0], "a");
        assert_eq!(back[0]["query"], "v=1&b=5");
    }

    #[test]
    fn bad_names_and_corrupt_stores_are_reported() {
        assert_eq!(clean_name("   "), Err(NameProblem::Empty));
        assert_eq!(
            clean_name(&"x".repeat(MAX_NAME + 1)),
            Err(NameProblem::TooLong)
        );
        assert_eq!(
            parse_store(Some("{not json")).unwrap_err().to_string(),
            "not valid JSON (line 1, column 2)"
        );
        assert_eq!(
            parse_store(Some(r#"[{"name": 3}]"#))
                .unwrap_err()
                .to_string(),
            "not a list of saved scenarios (line 1, column 11)"
        );
    }
}
