//! How to validate: the operation, *today*, and whether unknown fields are refused.
//!
//! Nothing in the engine reads a clock: *today* always arrives here, so tests,
//! servers and forms can pin it and get the same answer everywhere.
//!
//! ```
//! use dwolla_validator::{Operation, Options};
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! let opts = Options::new(today).operation(Operation::Retry).allow_unknown_fields(true);
//! assert_eq!(opts.operation, Operation::Retry);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which request the payload is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Operation {
    /// Creating a Customer (the default). An SSN may be the last 4 or all 9 digits.
    #[default]
    Create,
    /// Retrying verification after the `retry` status: every create field, and the
    /// full 9-digit SSN.
    Retry,
}

impl Operation {
    /// `"create"` or `"retry"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Retry => "retry",
        }
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for an operation name that is neither `create` nor `retry`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown operation: use \"create\" or \"retry\"")]
pub struct UnknownOperation;

impl FromStr for Operation {
    type Err = UnknownOperation;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "create" => Ok(Operation::Create),
            "retry" => Ok(Operation::Retry),
            _ => Err(UnknownOperation),
        }
    }
}

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// Spanish.
    Es,
}

impl FromStr for Locale {
    type Err = UnknownLocale;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Locale::En),
            "es" => Ok(Locale::Es),
            _ => Err(UnknownLocale),
        }
    }
}

/// The error for a locale other than `en` or `es`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale: use \"en\" or \"es\"")]
pub struct UnknownLocale;

/// Options for every entry point.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// `create` (default) or `retry`.
    pub operation: Operation,
    /// The date ages are computed on.
    pub today: NaiveDate,
    /// When `false` (the default), fields a payload shape does not define are
    /// `NotAllowed`, with a "did you mean" hint for near misses.
    pub allow_unknown_fields: bool,
    /// Quality hints (warnings) on or off; on by default.
    pub hints: bool,
    /// The language of messages (English by default).
    pub locale: Locale,
}

impl Options {
    /// Options for `create` on the given *today*, refusing unknown fields.
    pub fn new(today: NaiveDate) -> Self {
        Options {
            operation: Operation::Create,
            today,
            allow_unknown_fields: false,
            hints: true,
            locale: Locale::En,
        }
    }

    /// Sets the operation.
    pub fn operation(mut self, operation: Operation) -> Self {
        self.operation = operation;
        self
    }

    /// Accepts (`true`) or refuses (`false`) fields the shape does not define.
    pub fn allow_unknown_fields(mut self, allow: bool) -> Self {
        self.allow_unknown_fields = allow;
        self
    }

    /// Sets the language of messages.
    pub fn locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }

    /// Turns quality hints on or off.
    pub fn hints(mut self, on: bool) -> Self {
        self.hints = on;
        self
    }
}

/// Today's date in UTC from the system clock.
///
/// The only place the crate reads a clock, and only when a caller asks: pass the
/// result to [`Options::new`]. Not available in WebAssembly, where the JS side
/// passes its own date.
#[cfg(not(target_arch = "wasm32"))]
pub fn today_utc() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // 719_163 is the number of days from 0001-01-01 to 1970-01-01.
    let days = i32::try_from(secs / 86_400).unwrap_or(0) + 719_163;
    NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default()
}

pub(crate) fn has_ymd_shape(b: &[u8]) -> bool {
    // Written out position by position: it runs three times for every date of
    // birth (the format rule, and `parse_date` for it and for the age rule),
    // and an iterator with a position test compiles to a loop with a branch per
    // byte in the size-optimized `.wasm`.
    let digit = |i: usize| b[i].is_ascii_digit();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digit(0)
        && digit(1)
        && digit(2)
        && digit(3)
        && digit(5)
        && digit(6)
        && digit(8)
        && digit(9)
}

fn number(b: &[u8]) -> u32 {
    b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

/// Parses a strict `YYYY-MM-DD` date (as `--today`, the JS `today` option and the
/// `date_format` rule take it); `None` for any other shape or a day that does not
/// exist.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if !has_ymd_shape(b) {
        return None;
    }
    NaiveDate::from_ymd_opt(number(&b[..4]) as i32, number(&b[5..7]), number(&b[8..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position-by-position test is the shape's definition (ten bytes, dashes
    /// at 4 and 7, digits everywhere else): every byte at every position of a date,
    /// and every length around ten.
    #[test]
    fn ymd_shape_is_digits_with_two_dashes() {
        let by_definition = |b: &[u8]| {
            b.len() == 10
                && b.iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        };
        for at in 0..10 {
            for x in 0..=255u8 {
                let mut b = *b"2000-01-01";
                b[at] = x;
                assert_eq!(has_ymd_shape(&b), by_definition(&b), "{b:?}");
            }
        }
        for len in 0..13 {
            let b = &b"2000-01-01-01"[..len];
            assert_eq!(has_ymd_shape(b), by_definition(b), "{b:?}");
        }
    }

    #[test]
    fn operation_round_trips() {
        for op in [Operation::Create, Operation::Retry] {
            assert_eq!(op.as_str().parse::<Operation>(), Ok(op));
        }
        assert!("Retry".parse::<Operation>().is_err());
    }

    #[test]
    fn today_utc_is_a_plausible_date() {
        let t = today_utc();
        assert!(t > NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    }
}
