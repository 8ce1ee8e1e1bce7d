//! `postal_code`: a US ZIP code, `NNNNN` or `NNNNN-NNNN`, in ASCII digits.
//!
//! ```
//! use dwolla_validator::rules::postal_code::is_zip;
//! assert!(is_zip("50314"));
//! assert!(is_zip("50314-1234"));
//! assert!(!is_zip("5031"));
//! assert!(!is_zip("50314 1234"));
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "postal_code",
    codes: &[Code::InvalidFormat],
    summary: "A US ZIP code: NNNNN or NNNNN-NNNN.",
};

/// `true` for `NNNNN` or `NNNNN-NNNN`.
pub fn is_zip(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    match b.len() {
        5 => digits(b),
        10 => digits(&b[..5]) && b[5] == b'-' && digits(&b[6..]),
        _ => false,
    }
}

/// `true` for exactly five ASCII digits (a beneficial owner's US postal code).
pub fn is_zip5(s: &str) -> bool {
    s.len() == 5 && is_zip(s)
}

/// Accepts a ZIP, and a ZIP+4 when `plus_four` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostalCode {
    /// `true` to accept `NNNNN-NNNN` as well as `NNNNN`.
    pub plus_four: bool,
}

impl PostalCode {
    /// ZIP or ZIP+4 (Customers, controllers).
    pub const ZIP_OR_ZIP4: PostalCode = PostalCode { plus_four: true };
    /// The 5-digit ZIP only (beneficial owners).
    pub const ZIP5: PostalCode = PostalCode { plus_four: false };
}

impl Rule for PostalCode {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        if self.plus_four {
            c.words.push("a 5-digit ZIP or ZIP+4");
            c.set_pattern("[0-9]{5}(-[0-9]{4})?");
        } else {
            c.words.push("a 5-digit ZIP");
            c.set_pattern("[0-9]{5}");
        }
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if self.plus_four && is_zip(value) || is_zip5(value) {
            Ok(())
        } else if self.plus_four {
            Err(Fail::new(Code::InvalidFormat, Msg::PostalCode))
        } else {
            Err(Fail::new(Code::InvalidFormat, Msg::Zip5))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_shapes() {
        for ok in ["00501", "99950", "50314-1234"] {
            assert!(is_zip(ok), "{ok}");
        }
        for bad in [
            "",
            "1234",
            "123456",
            "50314-",
            "50314-123",
            "50314 1234",
            "5031a",
            "５０３１４",
            "50314-12345",
            "503141234",
        ] {
            assert!(!is_zip(bad), "{bad}");
        }
    }
}
