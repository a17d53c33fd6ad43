//! Checks serde does not make: a key given twice (serde_json keeps the last silently) and a
//! list where an object belongs (serde fills a struct from a list by position).

use super::error::{FieldProblem, FileError};
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// Any JSON, walked without keeping it; an object with a key twice is an error.
struct Walk;

impl<'de> Deserialize<'de> for Walk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Walk)
    }
}

impl<'de> Visitor<'de> for Walk {
    type Value = Walk;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_str<E>(self, _: &str) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_unit<E>(self) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Walk, A::Error> {
        while seq.next_element::<Walk>()?.is_some() {}
        Ok(Walk)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Walk, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(A::Error::custom(format!("duplicate key `{key}`")));
            }
            map.next_value::<Walk>()?;
        }
        Ok(Walk)
    }
}

/// Refuses a key given twice in one object, naming where.
pub fn no_duplicate_keys(json: &str) -> Result<(), FileError> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize::<_, Walk>(&mut de).map_err(|e| {
        let msg = e.inner().to_string();
        let key = msg.split('`').nth(1).unwrap_or("").to_string();
        // The path names the object that holds the key twice ("." for the file itself).
        FileError::At {
            path: e.path().to_string(),
            problem: FieldProblem::DuplicateKey(key),
        }
    })?;
    Ok(())
}

/// Refuses a list wherever `template` (the default value, as JSON) has an object.
pub fn objects_where_expected(
    input: &Value,
    template: &Value,
    path: &str,
) -> Result<(), FileError> {
    let (Value::Object(fields), Some(shape)) = (input, template.as_object()) else {
        return Ok(());
    };
    for (key, value) in fields {
        let Some(expected) = shape.get(key) else {
            continue;
        };
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        if expected.is_object() && !value.is_object() {
            return Err(FileError::At {
                path: at,
                problem: FieldProblem::WrongType {
                    expected: "an object".into(),
                },
            });
        }
        objects_where_expected(value, expected, &at)?;
    }
    Ok(())
}

/// Refuses a plan in the wrong shape, which serde would read by position or skip: a change
/// given as a list (`[[10, {"budget": 1}]]`), a `set` given as a list (`[4000, null, null,
/// 50]`), and a lever set to `null` (a change leaves unset levers out). `path` names the
/// plan (`changes`, `steps[2].changes`).
pub fn plan_shape(plan: Option<&Value>, path: &str) -> Result<(), FileError> {
    let wrong = |at: String, expected: &str| FileError::At {
        path: at,
        problem: FieldProblem::WrongType {
            expected: expected.into(),
        },
    };
    let Some(Value::Array(changes)) = plan else {
        return Ok(()); // absent, or not a list: serde names that
    };
    if changes.len() > crate::model::MAX_CHANGES {
        return Err(FileError::At {
            path: path.to_string(),
            problem: FieldProblem::TooManyChanges {
                changes: changes.len(),
                most: crate::model::MAX_CHANGES,
            },
        });
    }
    for (i, change) in changes.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let Value::Object(fields) = change else {
            return Err(wrong(at, "an object"));
        };
        match fields.get("set") {
            Some(Value::Object(levers)) => {
                if let Some((name, _)) = levers.iter().find(|(_, v)| v.is_null()) {
                    return Err(wrong(format!("{at}.set.{name}"), "a number"));
                }
            }
            Some(_) => return Err(wrong(format!("{at}.set"), "an object")),
            None => {}
        }
    }
    Ok(())
}
