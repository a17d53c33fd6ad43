//! A QR code of a link as SVG path data, for the printed handout: a phone camera opens the
//! same scenario. Medium error correction survives a smudged or folded printout.

use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code, as the standard asks for.
const QUIET: i32 = 4;

/// A QR code: its side in modules (quiet zone included) and one path drawing the dark modules.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub side: i32,
    pub path: String,
}

/// The QR code of `text`, or `None` when it is too long for any QR code.
pub fn qr(text: &str) -> Option<Qr> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut path = String::new();
    for y in 0..n {
        for x in 0..n {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET, y + QUIET));
            }
        }
    }
    Some(Qr {
        side: n + 2 * QUIET,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_code_with_finder_patterns_and_a_quiet_zone() {
        let link = "https://example.org/longgame/?v=1&b=4000&p=7&r=90&i=90&lang=en";
        let q = qr(link).unwrap();
        // 63 bytes at medium correction: version 4, 33 modules, plus the quiet zone.
        assert_eq!(q.side, 33 + 2 * QUIET);
        // The top-left finder pattern's first row: seven dark modules from (4, 4).
        for x in 0..7 {
            assert!(q.path.contains(&format!("M{},4h1v1h-1z", x + QUIET)));
        }
        assert!(!q.path.contains("M3,"), "the quiet zone stays light");
    }

    #[test]
    fn a_text_too_long_for_any_code_gives_none() {
        assert!(qr(&"x".repeat(3000)).is_none());
    }
}
