//! `correlation_id`: 1–255 characters of `a-z`, `A-Z`, `0-9`, `-`, `.`, `_`.
//!
//! The guide lists lowercase letters only, but Dwolla's own example uses capitals,
//! so both cases are accepted. No spaces. The length is checked by the field's
//! `length` rule; this rule checks the characters.
//!
//! ```
//! use dwolla_validator::rules::correlation_id::is_correlation_id;
//! assert!(is_correlation_id("fc451a7a-ae30-4404.AB95_e3"));
//! assert!(!is_correlation_id("has space"));
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "correlation_id",
    codes: &[Code::InvalidFormat],
    summary: "Only A-Z, a-z, 0-9, '-', '.' and '_' (1–255 of them).",
};

/// `true` when every character is allowed (and there is at least one).
pub fn is_correlation_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
}

/// Accepts correlationId characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorrelationId;

impl Rule for CorrelationId {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words
            .push("letters, digits, hyphens, dots and underscores; no spaces");
        c.set_pattern("[A-Za-z0-9._\\-]+");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if is_correlation_id(value) {
            Ok(())
        } else {
            Err(Fail::new(Code::InvalidFormat, Msg::CorrelationId))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters() {
        assert!(is_correlation_id("abc-123_X.y"));
        for bad in ["", "a b", "a/b", "a+b", "é", "a\tb", "a:b"] {
            assert!(!is_correlation_id(bad), "{bad}");
        }
    }
}
