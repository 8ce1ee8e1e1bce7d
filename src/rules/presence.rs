//! `required` and `string_type`: is there a value, and is it a string?
//!
//! These two run before any other rule on a field, in the engine itself, because
//! they look at the JSON value rather than at a string.
//!
//! * `required`: a required field that is missing, `null`, `""` or blank is
//!   `Required`. Blank means made only of characters that show nothing: spaces of
//!   any kind, the braille blank U+2800, combining marks with no letter to sit on
//!   (Mn, Me), format characters such as the zero-width space (Cf) and the other
//!   default-ignorable code points (Hangul fillers, variation selectors). A name of
//!   one braille blank looks empty on every screen, so it is as missing as `""`.
//!   An optional field that is missing or `null` is simply absent.
//! * `string_type`: every Customer field is a JSON string. `"ssn": 1234` is
//!   `InvalidFormat`, never coerced, because the API would refuse it too.
//!
//! ```
//! use dwolla_validator::rules::presence::is_blank;
//! assert!(is_blank("  \t"));
//! assert!(is_blank("\u{2800}")); // braille blank
//! assert!(is_blank("\u{0301}\u{200B}")); // a lone mark, a zero-width space
//! assert!(!is_blank(" Jane "));
//! ```

use super::RuleInfo;
use crate::report::Code;

/// Table entry for `required`.
pub const REQUIRED: RuleInfo = RuleInfo {
    id: "required",
    codes: &[Code::Required],
    summary: "A required field is present, not null, not empty and not blank.",
};

/// Table entry for `string_type`.
pub const STRING_TYPE: RuleInfo = RuleInfo {
    id: "string_type",
    codes: &[Code::InvalidFormat],
    summary: "The value is a JSON string; numbers, booleans, arrays and objects are never coerced.",
};

/// Table entry for `json_syntax`, which readers of files of payloads report for a
/// record that is not valid JSON (see [`crate::input`]).
pub const JSON_SYNTAX: RuleInfo = RuleInfo {
    id: "json_syntax",
    codes: &[Code::InvalidFormat],
    summary: "A record read from a file is valid JSON.",
};

/// Table entry for `object_type`: the payload, and every field that holds an
/// object (a controller, an address), is a JSON object.
pub const OBJECT_TYPE: RuleInfo = RuleInfo {
    id: "object_type",
    codes: &[Code::InvalidFormat],
    summary: "The payload, and every field that holds an object (controller, address, passport), is a JSON object.",
};

/// Table entry for `well_formed_text`: a string is well-formed Unicode text. A
/// JavaScript string with half a surrogate pair reaches the validator as a lone
/// surrogate escape (`"\ud800"`); it is reported at its field, not as broken JSON.
pub const WELL_FORMED_TEXT: RuleInfo = RuleInfo {
    id: "well_formed_text",
    codes: &[Code::InvalidFormat],
    summary: "A string is well-formed Unicode text (no lone surrogate).",
};

/// Table entry for `payload_size`: one payload is at most Dwolla's request limit,
/// [`MAX_PAYLOAD_BYTES`], checked before it is parsed.
pub const PAYLOAD_SIZE: RuleInfo = RuleInfo {
    id: "payload_size",
    codes: &[Code::NotAllowed],
    summary: "One payload (one record of a file) is at most 10 MiB, Dwolla's limit for a request; it is refused before parsing.",
};

/// Dwolla's limit on one request, and so on one payload: 10 MiB.
pub const MAX_PAYLOAD_BYTES: usize = 10 * 1024 * 1024;

/// The braille pattern blank: a "character" that every font draws as nothing.
const BRAILLE_BLANK: char = '\u{2800}';

/// `true` when `s` is empty or made only of characters that show nothing (see the
/// module documentation). Controls other than whitespace are not blank: they are
/// `invisible_characters`' to refuse.
pub fn is_blank(s: &str) -> bool {
    // Most values start with a visible ASCII character (`!` to `~`): not blank,
    // settled without decoding a character.
    if let Some(b'!'..=b'~') = s.as_bytes().first() {
        return false;
    }
    s.chars()
        .all(|c| c.is_whitespace() || c == BRAILLE_BLANK || super::unicode::shows_nothing(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_nothing_shows() {
        assert!(is_blank(""));
        assert!(is_blank(" \u{a0}\n\u{3000}\u{2003}"));
        for s in [
            "\u{2800}",
            "\u{2800}\u{2800} ",
            "\u{0301}",
            "\u{0E31}\u{064E}\u{20DD}", // Thai, Arabic, enclosing marks
            "\u{200B}\u{200D}\u{2060}\u{FEFF}",
            "\u{3164}\u{115F}\u{FFA0}", // Hangul fillers
            "\u{FE0F}\u{E0041}",
        ] {
            assert!(is_blank(s), "{s:?}");
        }
        for s in ["a", "\u{0}", "é", "e\u{0301}", "\u{2801}", "\u{0903}", "_"] {
            assert!(!is_blank(s), "{s:?}");
        }
    }

    /// The ASCII shortcut says what the character-wise definition says, for every
    /// ASCII character, alone or before blank ones.
    #[test]
    fn the_ascii_shortcut_agrees_with_the_definition() {
        for c in (0u8..0x80).map(char::from) {
            for s in [c.to_string(), format!("{c} \u{2800}\u{200B}")] {
                let by_chars = s.chars().all(|c| {
                    c.is_whitespace()
                        || c == BRAILLE_BLANK
                        || super::super::unicode::shows_nothing(c)
                });
                assert_eq!(is_blank(&s), by_chars, "{s:?}");
            }
        }
    }
}
