//! `forbidden_characters`: none of Dwolla's special characters.
//!
//! Dwolla refuses names, street lines, cities, titles and business names that
//! contain any of `< > = " ` ! ? % ~ $ { } \`. Other punctuation people really have
//! in names and addresses (`O'Brien`, `Smith-Jones`, `Apt #4`, `St. Louis`) is fine.
//!
//! ```
//! use dwolla_validator::rules::{forbidden_characters::ForbiddenCharacters, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! assert!(ForbiddenCharacters.check("O'Brien-Smith", &ctx).is_ok());
//! assert!(ForbiddenCharacters.check("Jane!", &ctx).is_err());
//! ```

use super::{Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "forbidden_characters",
    codes: &[Code::InvalidFormat],
    summary: "None of the characters < > = \" ` ! ? % ~ $ { } \\.",
};

/// The characters Dwolla refuses, as bytes (all ASCII).
pub const FORBIDDEN: &[u8] = b"<>=\"`!?%~${}\\";

/// Refuses any of [`FORBIDDEN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForbiddenCharacters;

/// `true` when `s` has a forbidden character.
pub fn has_forbidden(s: &str) -> bool {
    // All forbidden characters are ASCII, and UTF-8 never reuses ASCII bytes inside
    // multi-byte sequences, so a byte scan is exact.
    s.bytes().any(|b| FORBIDDEN.contains(&b))
}

impl Rule for ForbiddenCharacters {
    fn id(&self) -> &'static str {
        INFO.id
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

    #[test]
    fn each_forbidden_character_is_refused() {
        for &b in FORBIDDEN {
            let s = format!("Ja{}ne", b as char);
            assert!(ForbiddenCharacters.check(&s, &ctx()).is_err(), "{s}");
        }
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
