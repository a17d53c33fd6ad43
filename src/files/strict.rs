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
