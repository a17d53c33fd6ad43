//! A story file as a link value: whitespace outside strings dropped, raw deflate, base64url,
//! behind a version tag (`1.`). A 14-step story in two languages (~20,000 characters as raw
//! percent-encoded JSON, more than many servers accept in a request line) comes to about 6,000.
//! Links made before this codec carry the JSON itself and still open.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The tag in front of every compressed story (base64url never contains a dot).
const TAG: &str = "1.";
/// Most characters a story may take in a link: with the rest of the address it stays under
/// the 8 KB request line of common web servers (nginx, Apache). Longer: share the file.
pub const LINK_BUDGET: usize = 7500;

/// Why a story in a link could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum CodeError {
    /// Not base64url, not deflate, or cut short (a link truncated by a chat client).
    Damaged,
    /// Unpacks to more than a story file may hold.
    TooLarge,
    /// A version tag this app does not read (`2.` from a newer app).
    Version(String),
}

/// The JSON without whitespace outside strings (keys, order and numbers as written).
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() && c != '\u{feff}' {
            out.push(c);
        }
    }
    out
}

/// The link value of a story file's text (`default` stays `default`).
pub fn encode(text: &str) -> String {
    if text == "default" {
        return text.into();
    }
    let packed = miniz_oxide::deflate::compress_to_vec(minify(text).as_bytes(), 9);
    format!("{TAG}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The story file's text from a link value: compressed, or (older links) the JSON itself.
pub fn decode(code: &str) -> Result<String, CodeError> {
    let code = code.trim();
    if code == "default" || code.starts_with(['{', '\u{feff}']) {
        return Ok(code.into());
    }
    let Some(body) = code.strip_prefix(TAG) else {
        let tag = code.split_once('.').map_or("", |(t, _)| t);
        return Err(match tag.parse::<u32>() {
            Ok(_) => CodeError::Version(tag.into()),
            Err(_) => CodeError::Damaged,
        });
    };
    let packed = URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| CodeError::Damaged)?;
    let limit = crate::files::MAX_FILE_BYTES;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, limit).map_err(|e| match e
            .status
        {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => CodeError::TooLarge,
            _ => CodeError::Damaged,
        })?;
    String::from_utf8(bytes).map_err(|_| CodeError::Damaged)
}

/// Whether a story's link value fits the budget.
pub fn fits(code: &str) -> bool {
    code.len() <= LINK_BUDGET
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{parse_story, DEFAULT_STORY};

    #[test]
    fn a_story_survives_the_link_and_is_much_shorter() {
        let code = encode(DEFAULT_STORY);
        assert!(code.starts_with(TAG));
        let raw: String = form_urlencoded::byte_serialize(DEFAULT_STORY.as_bytes()).collect();
        assert!(
            code.len() * 2 < raw.len(),
            "{} against {}",
            code.len(),
            raw.len()
        );
        let back = decode(&code).unwrap();
        assert_eq!(
            parse_story(&back).unwrap(),
            parse_story(DEFAULT_STORY).unwrap()
        );
        assert!(back.contains("\"en\":"), "strings keep their text");
    }

    #[test]
    fn minify_keeps_strings_exactly() {
        let json = "{ \"a\" : \"x  y \\\" z\" ,\n \"b\": [1, 2.50] }";
        assert_eq!(minify(json), "{\"a\":\"x  y \\\" z\",\"b\":[1,2.50]}");
    }

    #[test]
    fn old_links_with_the_json_itself_still_open() {
        assert_eq!(decode("{\"format\":1}").unwrap(), "{\"format\":1}");
        assert_eq!(decode("default").unwrap(), "default");
    }

    #[test]
    fn damaged_links_are_refused_not_panicked_on() {
        let code = encode(DEFAULT_STORY);
        assert_eq!(decode(&code[..code.len() / 2]), Err(CodeError::Damaged));
        assert_eq!(decode("1.!!!"), Err(CodeError::Damaged));
        assert_eq!(decode("1."), Err(CodeError::Damaged));
        assert_eq!(decode("nonsense"), Err(CodeError::Damaged));
        assert_eq!(decode("2.abc"), Err(CodeError::Version("2".into())));
        // A small code that unpacks to more than a story file may hold.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 2 << 20], 9);
        let bomb = format!("{TAG}{}", URL_SAFE_NO_PAD.encode(bomb));
        assert!(bomb.len() < 10_000);
        assert_eq!(decode(&bomb), Err(CodeError::TooLarge));
    }
}
