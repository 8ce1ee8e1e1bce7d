//! `phone`: exactly 10 ASCII digits, no separators and no `+1`.
//!
//! ```
//! use dwolla_validator::rules::{phone::Phone, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! assert!(Phone.check("3334447777", &ctx).is_ok());
//! assert!(Phone.check("333-444-7777", &ctx).is_err());
//! assert!(Phone.check("13334447777", &ctx).is_err());
//! ```

use super::{all_ascii_digits, Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "phone",
    codes: &[Code::InvalidFormat],
    summary: "Exactly 10 ASCII digits, without separators or +1.",
};

/// Accepts exactly ten digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phone;

impl Rule for Phone {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("exactly 10 digits");
        c.set_pattern("[0-9]{10}");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if !value.is_empty() && !all_ascii_digits(value) {
            Err(Fail::new(Code::InvalidFormat, Msg::DigitsOnly))
        } else if value.len() != 10 {
            Err(Fail::new(Code::InvalidFormat, Msg::PhoneLength))
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
    fn ten_digits_only() {
        assert!(Phone.check("5554321234", &ctx()).is_ok());
        for (bad, msg) in [
            ("555432123", Msg::PhoneLength),
            ("15554321234", Msg::PhoneLength),
            ("", Msg::PhoneLength),
            ("(555) 432-1234", Msg::DigitsOnly),
            ("+15554321234", Msg::DigitsOnly),
            ("555.432.1234", Msg::DigitsOnly),
        ] {
            assert_eq!(Phone.check(bad, &ctx()).unwrap_err().msg, msg, "{bad}");
        }
    }
}
