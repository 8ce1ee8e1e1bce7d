//! `no_digits`: no digits at all (city, controller title, beneficial-owner names).
//!
//! Any Unicode decimal digit counts, so full-width `１` is refused like `1`.
//!
//! ```
//! use dwolla_validator::rules::{no_digits::NoDigits, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! assert!(NoDigits.check("Des Moines", &ctx).is_ok());
//! assert!(NoDigits.check("Area 51", &ctx).is_err());
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "no_digits",
    codes: &[Code::InvalidFormat],
    summary: "No digits (city, title, beneficial-owner names).",
};

/// Refuses digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoDigits;

impl Rule for NoDigits {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("no digits");
        c.exclude("0-9", "0-9");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if value.chars().any(char::is_numeric) {
            Err(Fail::new(Code::InvalidFormat, Msg::ContainsDigits))
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
    fn refuses_ascii_and_other_digits() {
        assert!(NoDigits.check("Area 51", &ctx()).is_err());
        assert!(NoDigits.check("Area ５", &ctx()).is_err());
        assert!(NoDigits.check("Coeur d'Alene", &ctx()).is_ok());
    }
}
