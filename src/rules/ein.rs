//! `ein`: an Employer Identification Number, 9 digits and nothing else.
//!
//! Dwolla's example writes `12-3456789`, but the field takes digits only:
//! `validate` refuses the hyphen with a message that says to remove it, and
//! `normalize` removes it for you.
//!
//! ```
//! use dwolla_validator::rules::{ein::Ein, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! assert!(Ein.check("123456789", &ctx).is_ok());
//! assert!(Ein.check("12-3456789", &ctx).is_err());
//! ```

use super::{all_ascii_digits, Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "ein",
    codes: &[Code::InvalidFormat],
    summary: "An EIN: exactly 9 digits, without the hyphen.",
};

/// Accepts exactly nine digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ein;

impl Rule for Ein {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("exactly 9 digits");
        c.set_pattern("[0-9]{9}");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if !value.is_empty() && !all_ascii_digits(value) {
            Err(Fail::new(Code::InvalidFormat, Msg::DigitsOnly))
        } else if value.len() != 9 {
            Err(Fail::new(Code::InvalidFormat, Msg::EinLength))
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
    fn nine_digits() {
        assert!(Ein.check("000000001", &ctx()).is_ok());
        assert_eq!(
            Ein.check("12-3456789", &ctx()).unwrap_err().msg,
            Msg::DigitsOnly
        );
        assert_eq!(
            Ein.check("12345678", &ctx()).unwrap_err().msg,
            Msg::EinLength
        );
        assert_eq!(
            Ein.check("1234567890", &ctx()).unwrap_err().msg,
            Msg::EinLength
        );
    }
}
