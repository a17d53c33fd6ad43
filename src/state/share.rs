//! The shareable state (scenario, seed, runs, compare pin) as a compact, versioned query
//! string, e.g. `v=1&b=4000&p=7&r=90&i=90&s=7&A=b:300,p:3`. Only values that differ from
//! the defaults are written. Decoding never fails: a bad field falls back to its default
//! and is reported, the others are kept.

use crate::model::params::FIELD_NAMES;
use crate::model::Scenario;

/// The codec version written into every link.
pub const VERSION: u32 = 1;
/// Master seed when the link names none.
pub const DEFAULT_SEED: u64 = 1;
/// Runs per scenario when the link names none: enough for stable bands, fast enough to feel live.
pub const DEFAULT_RUNS: u32 = 500;
pub const MIN_RUNS: u32 = 20;
pub const MAX_RUNS: u32 = 5000;
/// Seeds stay below 2^53 so JavaScript and JSON carry them exactly.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// Short URL keys, in the order of [`FIELD_NAMES`].
const KEYS: [&str; 14] = [
    "b", "p", "r", "i", "m", "f", "cv", "cr", "fit", "d", "gl", "gd", "cd", "q",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub scenario: Scenario,
    pub seed: u64,
    pub runs: u32,
    /// The scenario pinned as "A" for comparison (same seed: common random numbers).
    pub pinned: Option<Scenario>,
    /// Compact, chrome-less view for iframes (`embed=1`).
    pub embed: bool,
    /// Interface language, when the link names one.
    pub lang: Option<String>,
    /// Trainer mode: `default` or a whole story file (JSON), and the step shown.
    pub story: Option<String>,
    pub step: u32,
}

impl Default for Shared {
    fn default() -> Self {
        Shared {
            scenario: Scenario::default(),
            seed: DEFAULT_SEED,
            runs: DEFAULT_RUNS,
            pinned: None,
            embed: false,
            lang: None,
            story: None,
            step: 0,
        }
    }
}

/// Shortest text that parses back to exactly `v`.
fn num(v: f64) -> String {
    format!("{v}")
}

/// `k=v&k=v` (or `k:v,k:v`) for the fields of `s` that differ from the defaults.
fn scenario_pairs(s: &Scenario, sep: &str, join: &str) -> String {
    let default = Scenario::default().fields();
    s.fields()
        .iter()
        .zip(default)
        .zip(KEYS)
        .filter(|(((_, v), (_, d)), _)| v.to_bits() != d.to_bits())
        .map(|(((_, v), _), k)| format!("{k}{sep}{}", num(*v)))
        .collect::<Vec<_>>()
        .join(join)
}

/// Encodes the state as a query string (without the leading `?`).
pub fn encode(s: &Shared) -> String {
    let mut parts = vec![format!("v={VERSION}")];
    parts.push(scenario_pairs(&s.scenario, "=", "&"));
    if s.seed != DEFAULT_SEED {
        parts.push(format!("s={}", s.seed));
    }
    if s.runs != DEFAULT_RUNS {
        parts.push(format!("n={}", s.runs));
    }
    if let Some(pinned) = &s.pinned {
        parts.push(format!("A={}", scenario_pairs(pinned, ":", ",")));
    }
    if s.embed {
        parts.push("embed=1".into());
    }
    if let Some(lang) = &s.lang {
        parts.push(format!("lang={lang}"));
    }
    if let Some(story) = &s.story {
        parts.push(format!("story={}", percent_encode(story)));
        if s.step > 0 {
            parts.push(format!("step={}", s.step));
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("&")
}

fn field_name(key: &str) -> Option<&'static str> {
    KEYS.iter().position(|k| *k == key).map(|i| FIELD_NAMES[i])
}

/// Reads `key=value` into `scenario`, keeping it valid; returns a problem to report.
fn set_field(scenario: &mut Scenario, key: &str, value: &str, label: &str) -> Option<String> {
    let name = field_name(key)?;
    let Ok(v) = value.parse::<f64>() else {
        return Some(format!(
            "{label}{name} is '{value}', which is not a number; the default is used"
        ));
    };
    let mut trial = *scenario;
    if let Err(e) = trial.set(name, v) {
        return Some(format!("{label}{e}; the default is used"));
    }
    // Check just this field (other fields may still be waiting for their own value).
    let index = FIELD_NAMES.iter().position(|n| *n == name)?;
    let (range, value) = trial.fields()[index];
    if !(value.is_finite() && value >= range.min && value <= range.max) {
        return Some(format!(
            "{label}{name} is {value}, but must be between {} and {}; the default is used",
            range.min, range.max
        ));
    }
    *scenario = trial;
    None
}

/// Keeps starting followers within the market once every field is read.
fn settle(scenario: &mut Scenario, label: &str, problems: &mut Vec<String>) {
    if let Err(e) = scenario.validate() {
        problems.push(format!("{label}{e}; the default is used"));
        let d = Scenario::default().assumptions;
        scenario.assumptions.starting_followers =
            d.starting_followers.min(scenario.assumptions.market_size);
    }
}

/// Escapes everything but unreserved characters, so any text survives a round trip.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes a query string (with or without `?`). Never fails: returns the state plus a
/// plain-language note for every field that was ignored.
pub fn decode(query: &str) -> (Shared, Vec<String>) {
    let mut s = Shared::default();
    let mut problems = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let (key, value) = (percent_decode(key), percent_decode(raw));
        let value = value.trim();
        match key.as_str() {
            "v" if value != VERSION.to_string() => problems.push(format!(
                "the link is version '{value}', this app reads version {VERSION}; settings it does not know are ignored"
            )),
            "s" => match value.parse::<u64>() {
                Ok(seed) if seed <= MAX_SEED => s.seed = seed,
                _ => problems.push(format!(
                    "seed is '{value}', but must be a whole number from 0 to {MAX_SEED}; the default is used"
                )),
            },
            "n" => match value.parse::<u32>() {
                Ok(n) if (MIN_RUNS..=MAX_RUNS).contains(&n) => s.runs = n,
                _ => problems.push(format!(
                    "runs is '{value}', but must be a whole number from {MIN_RUNS} to {MAX_RUNS}; the default is used"
                )),
            },
            "A" => {
                let mut pinned = Scenario::default();
                for pair in value.split(',').filter(|p| !p.is_empty()) {
                    let (k, v) = pair.split_once(':').unwrap_or((pair, ""));
                    if field_name(k).is_none() {
                        problems.push(format!("pinned scenario: unknown setting '{k}' ignored"));
                    } else if let Some(p) = set_field(&mut pinned, k, v, "pinned scenario: ") {
                        problems.push(p);
                    }
                }
                settle(&mut pinned, "pinned scenario: ", &mut problems);
                s.pinned = Some(pinned);
            }
            "embed" => s.embed = value == "1" || value == "true",
            "story" if !value.is_empty() => s.story = Some(value.to_string()),
            "step" => match value.parse::<u32>() {
                Ok(step) if step < 1000 => s.step = step,
                _ => problems.push(format!("step is '{value}', but must be a whole number; the first step is shown")),
            },
            "lang" => {
                if !value.is_empty() && value.len() <= 8 && value.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
                    s.lang = Some(value.to_ascii_lowercase());
                } else {
                    problems.push(format!("language '{value}' is not a language code; ignored"));
                }
            }
            k if field_name(k).is_some() => {
                if let Some(p) = set_field(&mut s.scenario, k, value, "") {
                    problems.push(p);
                }
            }
            // Other parameters (e.g. a host's tracking tags) belong to someone else: leave them.
            _ => {}
        }
    }
    settle(&mut s.scenario, "", &mut problems);
    (s, problems)
}
