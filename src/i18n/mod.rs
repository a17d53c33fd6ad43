//! Every user-visible string of the app, in English and Swedish, and number formatting that
//! follows the language. Texts are looked up by key; `{0}`, `{1}`… are filled in by `trf`.
//! The tables live in `en/` and `sv/` (split by what they hold); tests check they hold the same keys and placeholders,
//! and that every key the app uses exists.

mod en;
mod sv;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

pub const LANGS: [Lang; 2] = [Lang::En, Lang::Sv];

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// The language for a code such as `sv`, `sv-SE` or `en-GB`; unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        LANGS.into_iter().find(|l| l.code() == primary)
    }

    /// The language's own name, for the switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Sv => "Svenska",
        }
    }

    /// Every (key, text) of the language, its parts one after the other.
    fn table(self) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
        let parts = match self {
            Lang::En => en::PARTS,
            Lang::Sv => sv::PARTS,
        };
        parts.iter().flat_map(|part| part.iter())
    }
}

/// The text for `key`; a missing key shows itself (and fails the tests), never panics.
pub fn tr(lang: Lang, key: &'static str) -> &'static str {
    lang.table()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, v)| v)
}

/// The text for a key built at run time (e.g. `preset.<id>.name`); missing keys show themselves.
pub fn tr_dyn(lang: Lang, key: &str) -> String {
    lang.table()
        .find(|(k, _)| *k == key)
        .map_or_else(|| key.to_string(), |(_, v)| v.to_string())
}

/// The text for `key` with `{0}`, `{1}`… replaced by `args`.
pub fn trf(lang: Lang, key: &'static str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = tr(lang, key).to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), &a.to_string());
    }
    out
}

/// `12345.6` → `12,346` (English) or `12 346` (Swedish); small values keep one decimal.
pub fn number(lang: Lang, v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let (group, decimal) = match lang {
        Lang::En => (",", "."),
        Lang::Sv => ("\u{a0}", ","),
    };
    if v.abs() < 10.0 && v.fract() != 0.0 {
        let s = format!("{:.1}", v.abs()).replace('.', decimal);
        return if v < 0.0 { format!("−{s}") } else { s };
    }
    let n = v.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '−');
    }
    out
}

/// A value with one decimal at most, in the language's style (`1.5` / `1,5`).
pub fn decimal(lang: Lang, v: f64) -> String {
    let s = format!("{v:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
    match lang {
        Lang::En => s,
        Lang::Sv => s.replace('.', ","),
    }
}

/// A whole percentage: `42%` / `42 %`.
pub fn percent(lang: Lang, v: f64) -> String {
    match lang {
        Lang::En => format!("{}%", number(lang, v)),
        Lang::Sv => format!("{}\u{a0}%", number(lang, v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_and_the_command_line_describe_long_game_alike() {
        assert_eq!(tr(Lang::En, "app.tagline"), crate::model::TAGLINE);
    }

    #[test]
    fn every_field_a_problem_can_name_has_a_label_in_both_languages() {
        // Messages about links and typed values name the field by `lever.*` or `assume.*`.
        for lang in [Lang::En, Lang::Sv] {
            for field in &crate::model::params::FIELDS {
                let key = field.label_key;
                assert_ne!(
                    tr_dyn(lang, key),
                    key,
                    "no label for {} in {lang:?}",
                    field.name
                );
                if field.unit_key.starts_with("unit.") {
                    assert_ne!(tr_dyn(lang, field.unit_key), field.unit_key, "{lang:?}");
                }
            }
        }
    }
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<usize> {
        (0..10)
            .filter(|i| s.contains(&format!("{{{i}}}")))
            .collect()
    }

    #[test]
    fn both_languages_have_every_key_with_the_same_placeholders() {
        for lang in LANGS {
            let keys: Vec<_> = lang.table().map(|(k, _)| *k).collect();
            let unique: BTreeSet<_> = keys.iter().collect();
            assert_eq!(unique.len(), keys.len(), "{lang:?} has a key twice");
            for (k, v) in lang.table() {
                assert!(!v.trim().is_empty(), "{lang:?}: '{k}' is empty");
            }
        }
        let en: BTreeSet<_> = Lang::En.table().map(|(k, _)| *k).collect();
        let sv: BTreeSet<_> = Lang::Sv.table().map(|(k, _)| *k).collect();
        assert_eq!(
            en.difference(&sv).collect::<Vec<_>>(),
            Vec::<&&str>::new(),
            "missing in Swedish"
        );
        assert_eq!(
            sv.difference(&en).collect::<Vec<_>>(),
            Vec::<&&str>::new(),
            "missing in English"
        );
        for (k, v) in Lang::En.table() {
            assert_eq!(
                placeholders(v),
                placeholders(tr(Lang::Sv, k)),
                "placeholders differ for '{k}'"
            );
        }
    }

    /// Every key the app names exists in both languages: the first argument of every
    /// `tr(l, "…")` / `trf(l, "…", …)`, and, for keys passed through variables or calls split
    /// over lines, every string literal shaped like `namespace.name` of a namespace the tables use.
    #[test]
    fn every_key_the_app_uses_exists() {
        let namespaces: BTreeSet<&str> = Lang::En
            .table()
            .filter_map(|(k, _)| k.split('.').next())
            .collect();
        let key_shaped = |s: &str| {
            s.split('.').count() > 1
                && s.split('.').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                })
                && namespaces.contains(s.split('.').next().unwrap())
        };
        let root = env!("CARGO_MANIFEST_DIR");
        // Every file under these folders, sub-folders (a mode's own folder) included.
        let mut files = Vec::new();
        let mut folders: Vec<_> = ["src/app", "src/view", "src/state"]
            .iter()
            .map(|d| std::path::PathBuf::from(format!("{root}/{d}")))
            .collect();
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        let (mut called, mut shaped) = (0, 0);
        for path in files {
            let source = std::fs::read_to_string(&path).unwrap();
            let mut keys: Vec<&str> = Vec::new();
            for pattern in ["tr(l, \"", "trf(l, \""] {
                for (i, _) in source.match_indices(pattern) {
                    let start = i + pattern.len();
                    keys.push(&source[start..start + source[start..].find('"').unwrap()]);
                    called += 1;
                }
            }
            for literal in source
                .split('"')
                .skip(1)
                .step_by(2)
                .filter(|s| key_shaped(s))
            {
                keys.push(literal);
                shaped += 1;
            }
            for key in keys {
                for lang in LANGS {
                    assert!(
                        lang.table().any(|(k, _)| *k == key),
                        "{}: key '{key}' missing in {lang:?}",
                        path.display()
                    );
                }
            }
        }
        assert!(
            called > 100 && shaped > 150,
            "only {called} calls and {shaped} key-shaped literals found: is the scan broken?"
        );
    }

    #[test]
    fn every_preset_has_a_name_and_a_lesson_in_both_languages() {
        for p in crate::model::presets() {
            for lang in LANGS {
                for part in ["name", "lesson"] {
                    let key = format!("preset.{}.{part}", p.id);
                    assert_ne!(tr_dyn(lang, &key), key, "{lang:?} lacks {key}");
                }
            }
        }
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Lang::En, 1234567.0), "1,234,567");
        assert_eq!(number(Lang::Sv, 1234567.0), "1\u{a0}234\u{a0}567");
        assert_eq!(number(Lang::Sv, 2.5), "2,5");
        assert_eq!(number(Lang::En, -1500.0), "−1,500");
        assert_eq!(percent(Lang::Sv, 42.0), "42\u{a0}%");
        assert_eq!(trf(Lang::En, "chart.day", &[&7]), "day 7");
        assert_eq!(Lang::from_code("sv-SE"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("de"), None);
    }
}
