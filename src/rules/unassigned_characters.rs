//! `unassigned_characters`: only characters Unicode has assigned, none of private use.
//!
//! A name or street line is read by people, banks and mail carriers, so every
//! character in it must be one Unicode defines. Refused:
//!
//! * **noncharacters**: U+FDD0 to U+FDEF and the last two code points of every
//!   plane (U+FFFE, U+FFFF, U+1FFFE, ... U+10FFFF), which Unicode reserves for a
//!   program's internal use and promises never to assign;
//! * **unassigned code points** (general category Cn in the Unicode Character
//!   Database the tables were generated from, see
//!   [`super::unicode::UCD_VERSION`]): no font shows them, and no two systems can
//!   agree on what they mean;
//! * **private-use characters** (U+E000 to U+F8FF and planes 15 and 16). Decision:
//!   they are refused too. A private-use code point means whatever one font or one
//!   company decided (a logo, a gaiji glyph), so the API, a bank's core system and
//!   the person at the counter would each see something different, or a box;
//!   Unicode 15 has standard code points for the CJK characters that legacy
//!   systems kept in private use, which are what a form should send.
//!
//! Characters that were assigned after that Unicode version are refused until the
//! tables are regenerated (`scripts/gen-unicode-tables.py`).
//!
//! ```
//! use dwolla_validator::rules::{unassigned_characters::UnassignedCharacters, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! assert!(UnassignedCharacters.check("Nguyễn 李", &ctx).is_ok());
//! assert!(UnassignedCharacters.check("Jo\u{FFFE}hn", &ctx).is_err()); // noncharacter
//! assert!(UnassignedCharacters.check("Jo\u{0378}hn", &ctx).is_err()); // unassigned
//! assert!(UnassignedCharacters.check("Jo\u{E000}hn", &ctx).is_err()); // private use
//! ```

use super::{unicode, Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "unassigned_characters",
    codes: &[Code::InvalidFormat],
    summary: "No noncharacters, unassigned or private-use code points.",
};

/// Refuses noncharacters, unassigned and private-use code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnassignedCharacters;

/// `true` when every character of `s` is an assigned, public Unicode character.
pub fn all_assigned(s: &str) -> bool {
    s.is_ascii() || s.chars().all(unicode::is_assigned_public)
}

impl Rule for UnassignedCharacters {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        // Not in the HTML pattern: a browser's idea of what is assigned follows its
        // own Unicode version, and a pattern must never refuse what validate accepts.
        c.words
            .push("no noncharacters, unassigned or private-use characters");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if all_assigned(value) {
            Ok(())
        } else {
            Err(Fail::new(Code::InvalidFormat, Msg::UnassignedCharacter))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ctx;

    fn refused(c: char) -> bool {
        UnassignedCharacters
            .check(&format!("Jo{c}hn"), &ctx())
            .is_err()
    }

    #[test]
    fn every_noncharacter_is_refused() {
        for u in 0xFDD0..=0xFDEF {
            assert!(refused(char::from_u32(u).unwrap()), "U+{u:04X}");
        }
        for plane in 0..=0x10u32 {
            for low in [0xFFFE, 0xFFFF] {
                let u = plane << 16 | low;
                assert!(refused(char::from_u32(u).unwrap()), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn unassigned_and_private_use_are_refused() {
        for c in [
            '\u{0378}',
            '\u{2FFFD}',
            '\u{E0080}',
            '\u{E000}',
            '\u{F8FF}',
            '\u{F0000}',
            '\u{10FFFD}',
        ] {
            assert!(refused(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn assigned_characters_of_every_kind_pass() {
        for s in [
            "John",
            "Zoë",
            "Nguyễn",
            "李小龍",
            "Þór",
            "ᏣᎳᎩ",
            "𠀀",
            "Ωmega",
            "😀",
            "ǃXóõ",
        ] {
            assert!(UnassignedCharacters.check(s, &ctx()).is_ok(), "{s}");
        }
    }
}
