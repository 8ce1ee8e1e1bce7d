//! `length`: the value's length, in Unicode scalar values, is within bounds.
//!
//! Dwolla counts characters, not bytes, so `"Zoë"` is 3 long. A value far longer
//! than the limit is refused from its byte length alone, without scanning it: a
//! 10 MB string costs the same as a 51-character one.
//!
//! ```
//! use dwolla_validator::rules::{length::Length, Rule};
//! # let ctx = dwolla_validator::rules::Ctx { operation: Default::default(), today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() };
//! let name = Length { min: 1, max: 50 };
//! assert!(name.check("Zoë", &ctx).is_ok());
//! assert!(name.check(&"a".repeat(51), &ctx).is_err());
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "length",
    codes: &[Code::InvalidFormat],
    summary: "Length in characters (Unicode scalar values) within the field's bounds.",
};

/// Between `min` and `max` characters, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    /// Fewest characters.
    pub min: u32,
    /// Most characters.
    pub max: u32,
}

/// Counts characters, stopping as soon as the count passes `limit`.
pub(crate) fn char_count_capped(s: &str, limit: usize) -> usize {
    // A char is at most 4 bytes: past 4 * limit bytes there are surely more.
    if s.len() > limit.saturating_mul(4) {
        return limit + 1;
    }
    if s.is_ascii() {
        return s.len();
    }
    s.chars().take(limit + 1).count()
}

impl Rule for Length {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        if self.min > 0 {
            c.min_length = Some(self.min);
        }
        c.max_length = Some(self.max);
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        // A string has at most as many characters as bytes and at least a quarter
        // as many: when both bounds hold for those, no need to count.
        let bytes = value.len();
        if bytes <= self.max as usize && bytes.div_ceil(4) >= self.min as usize {
            return Ok(());
        }
        let n = char_count_capped(value, self.max as usize);
        if n > self.max as usize {
            Err(Fail::new(
                Code::InvalidFormat,
                Msg::TooLong { max: self.max },
            ))
        } else if n < self.min as usize {
            Err(Fail::new(
                Code::InvalidFormat,
                Msg::TooShort { min: self.min },
            ))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ctx;

    const NAME: Length = Length { min: 1, max: 50 };

    proptest::proptest! {
        /// The shortcut on byte lengths gives the answer of counting characters,
        /// on bounds and strings of every mix of 1- to 4-byte characters.
        #[test]
        fn the_byte_shortcut_agrees_with_counting(
            s in "[a\u{e9}\u{20ac}\u{1F600}]{0,12}",
            min in 0u32..8,
            extra in 0u32..8,
        ) {
            let rule = Length { min, max: min + extra };
            let n = s.chars().count() as u32;
            let expected = n >= rule.min && n <= rule.max;
            proptest::prop_assert_eq!(rule.check(&s, &ctx()).is_ok(), expected);
        }
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert!(NAME.check(&"é".repeat(50), &ctx()).is_ok());
        assert!(NAME.check(&"é".repeat(51), &ctx()).is_err());
        assert!(NAME.check(&"😀".repeat(50), &ctx()).is_ok());
    }

    #[test]
    fn bounds_are_inclusive() {
        assert!(NAME.check("a", &ctx()).is_ok());
        assert!(NAME.check(&"a".repeat(50), &ctx()).is_ok());
        assert_eq!(
            NAME.check(&"a".repeat(51), &ctx()).unwrap_err().msg,
            Msg::TooLong { max: 50 }
        );
        assert_eq!(
            NAME.check("", &ctx()).unwrap_err().msg,
            Msg::TooShort { min: 1 }
        );
    }

    #[test]
    fn huge_input_is_refused_by_byte_length() {
        let huge = "a".repeat(10 * 1024 * 1024);
        assert_eq!(char_count_capped(&huge, 50), 51);
        assert!(NAME.check(&huge, &ctx()).is_err());
    }
}
