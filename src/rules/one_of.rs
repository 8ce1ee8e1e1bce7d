//! `one_of`: the value is one of a fixed set (`type`, `businessType`, ...).
//!
//! Values are case-sensitive, as Dwolla's API is: `Personal` is refused.
//!
//! ```
//! use dwolla_validator::rules::{one_of::OneOf, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! let kinds = OneOf { allowed: &["llc", "corporation"] };
//! assert!(kinds.check("llc", &ctx).is_ok());
//! assert!(kinds.check("LLC", &ctx).is_err());
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "one_of",
    codes: &[Code::NotAllowed],
    summary: "One of a fixed, case-sensitive set of values.",
};

/// Accepts one of `allowed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OneOf {
    /// The accepted values.
    pub allowed: &'static [&'static str],
}

impl Rule for OneOf {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.enumeration = Some(self.allowed);
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if self.allowed.contains(&value) {
            Ok(())
        } else {
            Err(Fail::new(
                Code::NotAllowed,
                Msg::OneOf {
                    allowed: self.allowed,
                },
            ))
        }
    }
}
