//! `ssn`: a Social Security number, in digits only.
//!
//! On create, the last 4 digits or all 9; on retry, all 9 (Dwolla asks for the full
//! number to give its identity vendor more to go on). A beneficial owner's SSN is
//! always the full 9. Dwolla's own examples show `"202-99-1516"`, but the rule text
//! says "only numbers": `validate` refuses the dashes with a message that says to
//! remove them, and `normalize` removes them for you.
//!
//! ```
//! use dwolla_validator::rules::{ssn::Ssn, Ctx, Rule};
//! use dwolla_validator::Operation;
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
//! let create = Ctx { operation: Operation::Create, today };
//! let retry = Ctx { operation: Operation::Retry, today };
//! assert!(Ssn::LAST_FOUR_OR_FULL.check("1234", &create).is_ok());
//! assert!(Ssn::LAST_FOUR_OR_FULL.check("1234", &retry).is_err());
//! assert!(Ssn::LAST_FOUR_OR_FULL.check("123-45-6789", &create).is_err());
//! ```

use super::{all_ascii_digits, Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "ssn",
    codes: &[Code::InvalidFormat],
    summary:
        "Digits only: the last 4 or all 9 on create, all 9 on retry (and for beneficial owners).",
};

/// An SSN rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ssn {
    /// `true` when only the full 9 digits are accepted, whatever the operation.
    pub always_full: bool,
}

impl Ssn {
    /// 4 or 9 digits on create, 9 on retry.
    pub const LAST_FOUR_OR_FULL: Ssn = Ssn { always_full: false };
    /// Always 9 digits.
    pub const FULL: Ssn = Ssn { always_full: true };
}

impl Rule for Ssn {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, op: Operation, c: &mut Constraints) {
        if self.always_full || op == Operation::Retry {
            c.words.push("all 9 digits");
            c.set_pattern("[0-9]{9}");
        } else {
            c.words.push("the last 4 or all 9 digits");
            c.set_pattern("[0-9]{4}|[0-9]{9}");
        }
    }
    fn check(&self, value: &str, ctx: &Ctx) -> Result<(), Fail> {
        if !value.is_empty() && !all_ascii_digits(value) {
            return Err(Fail::new(Code::InvalidFormat, Msg::DigitsOnly));
        }
        let full_only = self.always_full || ctx.operation == Operation::Retry;
        match value.len() {
            9 => Ok(()),
            4 if !full_only => Ok(()),
            _ if self.always_full => Err(Fail::new(Code::InvalidFormat, Msg::SsnNine)),
            _ if full_only => Err(Fail::new(Code::InvalidFormat, Msg::SsnFull)),
            _ => Err(Fail::new(Code::InvalidFormat, Msg::SsnLength)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ctx;

    #[test]
    fn create_takes_four_or_nine() {
        let c = ctx();
        assert!(Ssn::LAST_FOUR_OR_FULL.check("1234", &c).is_ok());
        assert!(Ssn::LAST_FOUR_OR_FULL.check("123456789", &c).is_ok());
        for bad in ["123", "12345", "12345678", "1234567890"] {
            assert_eq!(
                Ssn::LAST_FOUR_OR_FULL.check(bad, &c).unwrap_err().msg,
                Msg::SsnLength,
                "{bad}"
            );
        }
    }

    #[test]
    fn retry_and_owners_take_nine() {
        let retry = Ctx {
            operation: Operation::Retry,
            ..ctx()
        };
        assert_eq!(
            Ssn::LAST_FOUR_OR_FULL
                .check("1234", &retry)
                .unwrap_err()
                .msg,
            Msg::SsnFull
        );
        assert!(Ssn::LAST_FOUR_OR_FULL.check("123456789", &retry).is_ok());
        assert_eq!(
            Ssn::FULL.check("1234", &ctx()).unwrap_err().msg,
            Msg::SsnNine
        );
    }

    #[test]
    fn separators_and_other_digits_are_refused() {
        for bad in [
            "123-45-6789",
            "123 45 6789",
            "12a4",
            "１２３４",
            "(123)456789",
        ] {
            assert_eq!(
                Ssn::LAST_FOUR_OR_FULL.check(bad, &ctx()).unwrap_err().msg,
                Msg::DigitsOnly,
                "{bad}"
            );
        }
    }
}
