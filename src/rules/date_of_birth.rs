//! `date_format`: a real calendar date written `YYYY-MM-DD`.
//!
//! Exactly ten characters, zero-padded, ASCII digits and hyphens; then the day must
//! exist (`2001-02-29` does not). Other orders (`01/31/1980`, `31-01-1980`) are
//! refused rather than guessed at.
//!
//! ```
//! use dwolla_validator::rules::date_of_birth::parse_ymd;
//! assert!(parse_ymd("2000-02-29").is_some());
//! assert!(parse_ymd("2001-02-29").is_none());
//! assert!(parse_ymd("2000-2-9").is_none());
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "date_format",
    codes: &[Code::InvalidFormat],
    summary: "A real calendar date written YYYY-MM-DD, zero-padded.",
};

use crate::options::has_ymd_shape;
/// Parses strict `YYYY-MM-DD` (the same reader as the `today` option's).
pub use crate::options::parse_date as parse_ymd;

/// Accepts a real `YYYY-MM-DD` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateFormat;

impl Rule for DateFormat {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("a real date written YYYY-MM-DD");
        c.format = Some("date");
        c.set_pattern("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if !has_ymd_shape(value.as_bytes()) {
            Err(Fail::new(Code::InvalidFormat, Msg::DateFormat))
        } else if parse_ymd(value).is_none() {
            Err(Fail::new(Code::InvalidFormat, Msg::DateNotReal))
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
    fn shapes() {
        assert!(DateFormat.check("1970-01-01", &ctx()).is_ok());
        for bad in [
            "1970-1-01",
            "70-01-01",
            "01/01/1970",
            "1970/01/01",
            "1970-01-01T00:00",
            " 1970-01-01",
            "１９７０-01-01",
            "",
        ] {
            assert_eq!(
                DateFormat.check(bad, &ctx()).unwrap_err().msg,
                Msg::DateFormat,
                "{bad}"
            );
        }
    }

    #[test]
    fn real_days_only() {
        for bad in [
            "2001-02-29",
            "1990-13-01",
            "1990-00-10",
            "1990-04-31",
            "1990-01-00",
        ] {
            assert_eq!(
                DateFormat.check(bad, &ctx()).unwrap_err().msg,
                Msg::DateNotReal,
                "{bad}"
            );
        }
        assert!(DateFormat.check("2000-02-29", &ctx()).is_ok());
    }
}
