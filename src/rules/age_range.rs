//! `age_range`: the person is 18 to 125 years old on *today*, both included.
//!
//! Age is counted in whole years, as people count birthdays: the day before an
//! 18th birthday is still 17. A 29 February birthday is reached on 1 March in
//! common years. *Today* is given in the options, never read from a clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use dwolla_validator::rules::age_range::age_on;
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! assert_eq!(age_on(d(2008, 11, 23), d(2026, 11, 23)), 18);
//! assert_eq!(age_on(d(2008, 11, 24), d(2026, 11, 23)), 17);
//! assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
//! assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
//! ```

use super::{date_of_birth::parse_ymd, Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;
use chrono::{Datelike, NaiveDate};

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "age_range",
    codes: &[Code::NotAllowed],
    summary: "Age in whole years on today from 18 to 125, both included.",
};

/// Youngest age Dwolla accepts.
pub const MIN_AGE: u32 = 18;
/// Oldest age Dwolla accepts.
pub const MAX_AGE: u32 = 125;

/// Whole years from `born` to `today` (negative for a date in the future).
pub fn age_on(born: NaiveDate, today: NaiveDate) -> i32 {
    let years = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        years - 1
    } else {
        years
    }
}

/// Accepts a date of birth that gives an age from 18 to 125.
///
/// Runs after [`super::date_of_birth::DateFormat`]; a value it cannot parse is
/// left to that rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeRange;

impl Rule for AgeRange {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("18 to 125 years old on today");
    }
    fn check(&self, value: &str, ctx: &Ctx) -> Result<(), Fail> {
        let Some(born) = parse_ymd(value) else {
            return Err(Fail::new(Code::InvalidFormat, Msg::DateFormat));
        };
        let age = age_on(born, ctx.today);
        if age < MIN_AGE as i32 {
            Err(Fail::new(Code::NotAllowed, Msg::TooYoung { min: MIN_AGE }))
        } else if age > MAX_AGE as i32 {
            Err(Fail::new(Code::NotAllowed, Msg::TooOld { max: MAX_AGE }))
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
    fn bounds_on_the_fixed_today() {
        // ctx() is 2026-11-23.
        assert!(AgeRange.check("2008-11-23", &ctx()).is_ok());
        assert_eq!(
            AgeRange.check("2008-11-24", &ctx()).unwrap_err().msg,
            Msg::TooYoung { min: 18 }
        );
        assert!(AgeRange.check("1901-11-23", &ctx()).is_ok());
        assert_eq!(
            AgeRange.check("1900-11-23", &ctx()).unwrap_err().msg,
            Msg::TooOld { max: 125 }
        );
        assert!(AgeRange.check("1901-11-24", &ctx()).is_ok());
        assert!(AgeRange.check("2030-01-01", &ctx()).is_err());
    }
}
