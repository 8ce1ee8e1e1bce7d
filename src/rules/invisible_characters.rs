//! `invisible_characters`: no control characters and no invisible format characters.
//!
//! A name or street line with a tab, a newline, a zero-width space or a bidi
//! override looks right on screen but is not what the person typed, and it is a
//! classic way to slip a value past a filter ("P\u{200B}O Box"). Refused: the C0 and
//! C1 controls, the Unicode format characters (category Cf: zero-width space and
//! joiners, bidi marks, embeddings, overrides and isolates, the BOM, soft hyphen,
//! invisible operators, tags), the line and paragraph separators, the blank
//! fillers that render as nothing (Hangul fillers, combining grapheme joiner), and
//! U+FFFD, the replacement character that stands where broken text (a lone
//! surrogate from JS, invalid UTF-8) used to be.
//!
//! ```
//! use dwolla_validator::rules::{invisible_characters::InvisibleCharacters, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! assert!(InvisibleCharacters.check("Zoë", &ctx).is_ok());
//! assert!(InvisibleCharacters.check("Jo\u{200B}hn", &ctx).is_err());
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "invisible_characters",
    codes: &[Code::InvalidFormat],
    summary: "No control characters, zero-width characters or bidi controls.",
};

/// Refuses control and invisible characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvisibleCharacters;

/// Ranges (inclusive) of characters that are controls or render as nothing.
const INVISIBLE: &[(u32, u32)] = &[
    (0x0000, 0x001F), // C0 controls (tab, newline, NUL, ...)
    (0x007F, 0x009F), // DEL and C1 controls
    (0x00AD, 0x00AD), // soft hyphen
    (0x034F, 0x034F), // combining grapheme joiner
    (0x0600, 0x0605), // Arabic number signs (Cf)
    (0x061C, 0x061C), // Arabic letter mark
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160), // Hangul fillers
    (0x17B4, 0x17B5), // Khmer inherent vowels (invisible)
    (0x180B, 0x180F), // Mongolian free variation selectors and vowel separator
    (0x200B, 0x200F), // zero-width space, ZWNJ, ZWJ, LRM, RLM
    (0x2028, 0x202E), // line/paragraph separators, bidi embeddings and overrides
    (0x2060, 0x2064), // word joiner, invisible operators
    (0x2066, 0x206F), // bidi isolates, deprecated format characters
    (0x3164, 0x3164), // Hangul filler
    (0xFE00, 0xFE0F), // variation selectors
    (0xFEFF, 0xFEFF), // BOM / zero-width no-break space
    (0xFFA0, 0xFFA0), // half-width Hangul filler
    (0xFFF9, 0xFFFB), // interlinear annotation controls
    (0xFFFD, 0xFFFD), // replacement character: the text was broken before it arrived (a lone surrogate)
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF), // tags and variation selectors supplement
];

/// `true` for a control character or one that renders as nothing.
pub fn is_invisible(c: char) -> bool {
    let c = c as u32;
    // The first table entries settle everything below U+034F (ASCII, Latin-1 and
    // the Latin extensions, the letters of most names) without a search.
    match c {
        0x00..=0x1F | 0x7F..=0x9F | 0xAD => true,
        0x20..=0x34E => false,
        _ => in_table(c),
    }
}

fn in_table(c: u32) -> bool {
    INVISIBLE.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// `true` when `s` holds a character that [`is_invisible`].
pub fn has_invisible(s: &str) -> bool {
    // One pass to the first byte that is not printable ASCII (U+0020 to U+007E,
    // which are all visible): none settles most values. An ASCII one there is a
    // control, invisible; a non-ASCII one starts a character, and the characters
    // from it on are looked up.
    let printable = |b: u8| b.wrapping_sub(0x20) < 0x5F;
    match s.bytes().position(|b| !printable(b)) {
        None => false,
        Some(at) if s.as_bytes()[at] < 0x80 => true,
        Some(at) => s[at..].chars().any(is_invisible),
    }
}

impl Rule for InvisibleCharacters {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("no control, zero-width or bidi characters");
        c.exclude("\\p{Cc}\\p{Cf}", "\\p{Cc}\\p{Cf}");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if has_invisible(value) {
            Err(Fail::new(Code::InvalidFormat, Msg::InvisibleCharacter))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ctx;

    proptest::proptest! {
        /// The one-pass prefilter answers as a lookup of every character does:
        /// printable ASCII, controls, and non-ASCII visible and invisible ones,
        /// in any order.
        #[test]
        fn prefilter_keeps_the_definition(s in "[a-z \\x00-\\x1f\\x7f~é\u{200B}\u{AD}\u{85}\u{2066}ñ]{0,12}|.{0,8}") {
            proptest::prop_assert_eq!(has_invisible(&s), s.chars().any(is_invisible), "{:?}", s);
        }
    }

    /// The shortcuts say what the table says, for every character.
    #[test]
    fn shortcuts_agree_with_the_table() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_invisible(c), in_table(c as u32), "U+{:04X}", c as u32);
            if c.is_ascii() {
                let s = format!("a{c}b");
                assert_eq!(has_invisible(&s), in_table(c as u32), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn refuses_controls_and_format_characters() {
        for c in [
            '\0',
            '\t',
            '\n',
            '\u{7f}',
            '\u{85}',
            '\u{ad}',
            '\u{200b}',
            '\u{200d}',
            '\u{200e}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            '\u{e0041}',
            '\u{3164}',
        ] {
            let s = format!("Jo{c}hn");
            assert!(
                InvisibleCharacters.check(&s, &ctx()).is_err(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn accepts_real_names() {
        for s in [
            "Zoë",
            "José María",
            "O'Brien",
            "Nguyễn",
            "李小龍",
            "Þór",
            "Łukasz",
        ] {
            assert!(InvisibleCharacters.check(s, &ctx()).is_ok(), "{s}");
        }
    }
}
