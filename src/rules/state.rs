//! `state`: a US state code Dwolla accepts.
//!
//! The 50 states, DC, and the territories AS, GU, MP, PR, UM and VI: the set in
//! Dwolla's official SDK. Military codes (AA, AE, AP) are refused. The code must be
//! uppercase: `ca` is `InvalidFormat` (normalize fixes it), `XX` is `NotAllowed`.
//!
//! ```
//! use dwolla_validator::rules::state::is_state_code;
//! assert!(is_state_code("IA"));
//! assert!(is_state_code("PR"));
//! assert!(!is_state_code("AE"));
//! assert!(!is_state_code("ia"));
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "state",
    codes: &[Code::InvalidFormat, Code::NotAllowed],
    summary: "An uppercase code of the 50 states, DC, AS, GU, MP, PR, UM or VI.",
};

/// Every code Dwolla accepts, sorted.
pub const STATE_CODES: [&str; 57] = [
    "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID",
    "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND",
    "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX",
    "UM", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY",
];

/// [`STATE_CODES`] as a set of letter pairs, worked out when compiling: bit `b` of
/// row `a` for the code of letters `A + a`, `A + b`. A lookup is one load and a
/// shift where a search compares strings (the code is looked up three times a
/// record: by this rule and twice by the ZIP-vs-state hint).
static ACCEPTED: [u32; 26] = {
    let mut rows = [0u32; 26];
    let mut i = 0;
    while i < STATE_CODES.len() {
        let code = STATE_CODES[i].as_bytes();
        assert!(code.len() == 2 && code[0].is_ascii_uppercase() && code[1].is_ascii_uppercase());
        rows[(code[0] - b'A') as usize] |= 1 << (code[1] - b'A');
        i += 1;
    }
    rows
};

/// `true` for an accepted, uppercase code.
pub fn is_state_code(s: &str) -> bool {
    match *s.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            ACCEPTED[usize::from(a - b'A')] >> (b - b'A') & 1 == 1
        }
        _ => false,
    }
}

/// Accepts only [`STATE_CODES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State;

impl Rule for State {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.enumeration = Some(&STATE_CODES);
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        let b = value.as_bytes();
        if b.len() != 2 || !b.iter().all(u8::is_ascii_alphabetic) {
            return Err(Fail::new(Code::InvalidFormat, Msg::StateFormat));
        }
        if !b.iter().all(u8::is_ascii_uppercase) {
            return Err(Fail::new(Code::InvalidFormat, Msg::StateCase));
        }
        if is_state_code(value) {
            Ok(())
        } else {
            Err(Fail::new(Code::NotAllowed, Msg::StateUnknown))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ctx;

    #[test]
    fn table_is_sorted_and_complete() {
        let mut sorted = STATE_CODES;
        sorted.sort();
        assert_eq!(sorted, STATE_CODES);
        // 50 states + DC + 6 territories.
        assert_eq!(STATE_CODES.len(), 57);
    }

    /// The set says what the list says, for every pair of bytes and for other
    /// lengths.
    #[test]
    fn set_agrees_with_the_list() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let pair = [a, b];
                if let Ok(code) = std::str::from_utf8(&pair) {
                    assert_eq!(is_state_code(code), STATE_CODES.contains(&code), "{pair:?}");
                }
            }
        }
        for other in ["", "C", "CAL", "IAA", "I", "A\u{301}"] {
            assert!(!is_state_code(other), "{other:?}");
        }
    }

    #[test]
    fn codes_by_kind_of_failure() {
        assert!(State.check("CA", &ctx()).is_ok());
        assert!(State.check("DC", &ctx()).is_ok());
        assert!(State.check("VI", &ctx()).is_ok());
        assert_eq!(
            State.check("ca", &ctx()).unwrap_err().code,
            Code::InvalidFormat
        );
        assert_eq!(
            State.check("Cal", &ctx()).unwrap_err().code,
            Code::InvalidFormat
        );
        assert_eq!(
            State.check("C1", &ctx()).unwrap_err().code,
            Code::InvalidFormat
        );
        for refused in ["XX", "AA", "AE", "AP", "FM", "MH", "PW"] {
            assert_eq!(
                State.check(refused, &ctx()).unwrap_err().code,
                Code::NotAllowed,
                "{refused}"
            );
        }
    }
}
