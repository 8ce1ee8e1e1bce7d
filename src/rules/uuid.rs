//! `uuid`: a UUID written 8-4-4-4-12 in hexadecimal (`businessClassification`).
//!
//! Dwolla's business classifications are identified by UUIDs such as
//! `9ed3f670-7d6f-11e3-b1ce-5404a6144203`. Either case of hex digit is accepted.
//!
//! ```
//! use dwolla_validator::rules::uuid::is_uuid;
//! assert!(is_uuid("9ed3f670-7d6f-11e3-b1ce-5404a6144203"));
//! assert!(!is_uuid("9ed3f6707d6f11e3b1ce5404a6144203"));
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "uuid",
    codes: &[Code::InvalidFormat],
    summary: "A UUID written 8-4-4-4-12 in hex (businessClassification).",
};

/// `true` for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Accepts a UUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uuid;

impl Rule for Uuid {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("a UUID, 8-4-4-4-12 hex digits");
        c.format = Some("uuid");
        c.set_pattern(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
        );
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if is_uuid(value) {
            Ok(())
        } else {
            Err(Fail::new(Code::InvalidFormat, Msg::Uuid))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_uuid("9ED3F670-7D6F-11E3-B1CE-5404A6144203"));
        for bad in [
            "",
            "9ed3f670-7d6f-11e3-b1ce-5404a614420",
            "9ed3f670-7d6f-11e3-b1ce-5404a61442033",
            "9ed3f670_7d6f-11e3-b1ce-5404a6144203",
            "{9ed3f670-7d6f-11e3-b1ce-5404a6144203}",
            "ged3f670-7d6f-11e3-b1ce-5404a6144203",
        ] {
            assert!(!is_uuid(bad), "{bad}");
        }
    }
}
