//! `forbidden_characters`: none of Dwolla's special characters.
//!
//! Dwolla refuses names, street lines, cities, titles and business names that
//! contain any of `< > = " ` ! ? % ~ $ { } \`. Other punctuation people really have
//! in names and addresses (`O'Brien`, `Smith-Jones`, `Apt #4`, `St. Louis`) is fine.
//! Look-alikes of the forbidden characters (full-width `＜`, small `﹤`, angle
//! quotes `‹ ›`, the set-minus `∖`, `≠`) are refused too: they slip past a filter
//! and then break whatever reads the name next. They are found by the same fold
//! as PO boxes ([`super::unicode::fold`]: compatibility decomposition, then TR39's
//! confusables), restricted to punctuation and symbols: a letter of a real script
//! that TR39 pairs with `?` or `<` (Cherokee `Ꭾ`, `ʔ`) is a letter.
//!
//! ```
//! use dwolla_validator::rules::{forbidden_characters::ForbiddenCharacters, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! assert!(ForbiddenCharacters.check("O'Brien-Smith", &ctx).is_ok());
//! assert!(ForbiddenCharacters.check("Jane!", &ctx).is_err());
//! ```

use super::{unicode, Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "forbidden_characters",
    codes: &[Code::InvalidFormat],
    summary: "None of the characters < > = \" ` ! ? % ~ $ { } \\.",
};

// Defined beside the fold, which keeps these characters as they are and so must
// know them when compiling.
#[doc(inline)]
pub use super::unicode::FORBIDDEN;

/// Refuses any of [`FORBIDDEN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForbiddenCharacters;

/// [`FORBIDDEN`] as a table over every byte: one load per byte instead of a
/// search (a table rather than a 128-bit set, whose shifts wasm32 has no
/// instruction for and makes a call of).
static IS_FORBIDDEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = unicode::is_listed(b as u8);
        b += 1;
    }
    table
};

/// `true` for a byte of [`FORBIDDEN`].
pub(crate) fn is_forbidden_byte(b: u8) -> bool {
    IS_FORBIDDEN[usize::from(b)]
}

/// `true` when `s` has a forbidden character, or a look-alike of one.
pub fn has_forbidden(s: &str) -> bool {
    // All forbidden characters are ASCII, and UTF-8 never reuses ASCII bytes inside
    // multi-byte sequences, so a byte scan is exact for them; only text with
    // non-ASCII characters needs the look-alike pass.
    // One pass does both: a forbidden byte ends it, and it notes whether the
    // look-alike pass is needed at all.
    let mut non_ascii = false;
    for b in s.bytes() {
        if is_forbidden_byte(b) {
            return true;
        }
        non_ascii |= b >= 0x80;
    }
    non_ascii && s.chars().any(is_look_alike)
}

/// `true` for a non-ASCII character that folds to a forbidden one. Letters are
/// never look-alikes here: Cherokee `Ꭾ`, the glottal stop `ʔ`, Canadian syllabics
/// `ᐸ` and the click `ǃ` are letters of people's names that TR39 happens to pair
/// with `?`, `<` or `!`; what slips past a filter is punctuation and symbols.
fn is_look_alike(c: char) -> bool {
    !c.is_ascii()
        && !is_latin_letter(c)
        && !c.is_alphabetic()
        && unicode::fold(c).any(is_forbidden_byte)
}

/// The letters of Latin-1 and Latin Extended-A and -B (`é`, `ñ`, `Ł`, `ș`): all of
/// U+00C0 to U+024F but `×` and `÷`. The letters most names are written with,
/// settled by a range test before the general Unicode lookup.
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}') && c != '×' && c != '÷'
}

impl Rule for ForbiddenCharacters {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("none of < > = \" ` ! ? % ~ $ { } \\");
        c.exclude(
            "\\<\\>\\=\"\\`\\!\\?\\%\\~\\$\\{\\}\\\\",
            "<>=\"`!?%~${}\\\\",
        );
        // The look-alikes too, as \u{...} escapes, which mean the same with the `v`
        // and the `u` flag.
        let twins: String = unicode::forbidden_look_alikes()
            .map(|t| format!("\\u{{{:X}}}", t as u32))
            .collect();
        c.exclude(&twins, &twins);
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if has_forbidden(value) {
            Err(Fail::new(Code::InvalidFormat, Msg::ForbiddenCharacter))
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
        /// The one pass answers as the two it replaced: any forbidden byte, or a
        /// look-alike among the characters.
        #[test]
        fn one_pass_keeps_the_definition(s in "[a-z <>=!?%~$\u{FF1C}\u{2039}é\u{201C}ñ\u{FE16}]{0,12}|.{0,8}") {
            let by_definition = s.bytes().any(is_forbidden_byte) || s.chars().any(is_look_alike);
            proptest::prop_assert_eq!(has_forbidden(&s), by_definition, "{:?}", s);
        }
    }

    /// A look-alike anywhere is found, whatever the bytes after it (the one pass
    /// must remember non-ASCII, not just the last byte's).
    #[test]
    fn a_look_alike_before_ascii_is_found() {
        for s in ["\u{FF1C}a", "\u{2039}a", "a\u{FF1C}a", "\u{FE16}ab"] {
            assert!(has_forbidden(s), "{s:?}");
        }
    }

    /// The range shortcut only ever names letters, and every one of them.
    #[test]
    fn latin_letters_are_alphabetic() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let in_range = ('\u{C0}'..='\u{24F}').contains(&c);
            if is_latin_letter(c) {
                assert!(c.is_alphabetic(), "U+{:04X}", c as u32);
            } else if in_range {
                assert!(!c.is_alphabetic(), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn the_byte_table_is_the_list() {
        for b in 0..=255u8 {
            assert_eq!(is_forbidden_byte(b), FORBIDDEN.contains(&b), "{b}");
        }
    }

    #[test]
    fn each_forbidden_character_is_refused() {
        for &b in FORBIDDEN {
            let s = format!("Ja{}ne", b as char);
            assert!(ForbiddenCharacters.check(&s, &ctx()).is_err(), "{s}");
        }
    }

    #[test]
    fn look_alikes_are_refused() {
        for s in [
            "Jane＜script＞",
            "Jane！",
            "﹤b﹥",
            "100％",
            "‹Jane›",
            "Jane＄",
            "a∖b",
            "Jane～",
        ] {
            assert!(ForbiddenCharacters.check(s, &ctx()).is_err(), "{s}");
        }
        for s in ["˂b˃", "x ≠ y", "❴a❵", "︕", "a⧵b", "Jane˜"] {
            assert!(ForbiddenCharacters.check(s, &ctx()).is_err(), "{s}");
        }
        for s in [
            "Zoë",
            "Ｊａｎｅ",
            "María-José",
            "ᏣᎳᎩ Ꭾ",
            "ʔiʔ",
            "ᐸᐳ",
            "ǃXóõ",
            "O’Brien",
        ] {
            assert!(ForbiddenCharacters.check(s, &ctx()).is_ok(), "{s}");
        }
    }

    #[test]
    fn the_look_alike_list_is_exactly_what_the_rule_refuses() {
        let scanned: Vec<char> = (0x80..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_look_alike(c))
            .collect();
        let listed: Vec<char> = unicode::forbidden_look_alikes().collect();
        assert_eq!(scanned, listed);
    }

    #[test]
    fn ordinary_punctuation_is_fine() {
        for s in [
            "O'Brien",
            "Smith-Jones",
            "Apt #4",
            "St. Louis",
            "José",
            "李",
            "A & B, Inc.",
        ] {
            assert!(ForbiddenCharacters.check(s, &ctx()).is_ok(), "{s}");
        }
    }
}
