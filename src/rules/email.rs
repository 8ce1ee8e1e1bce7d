//! `email`: the WHATWG HTML "valid e-mail address", with a dot in the domain.
//!
//! That is the grammar browsers use for `<input type="email">`, so a form and this
//! validator agree: a local part of letters, digits and ``.!#$%&'*+/=?^_`{|}~-``,
//! an `@`, and a domain of labels (letters, digits, inner hyphens, 1–63 each)
//! separated by dots. Dwolla also needs a dot in the domain (`jane@localhost` is
//! refused). The local part is at most 64 characters and the whole at most 254.
//!
//! ```
//! use dwolla_validator::rules::email::is_email;
//! assert!(is_email("jane.doe+dwolla@example.co.uk"));
//! assert!(!is_email("jane@localhost"));
//! assert!(!is_email("jane doe@example.com"));
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "email",
    codes: &[Code::InvalidFormat],
    summary:
        "The HTML valid e-mail address grammar, a dot in the domain; local part ≤ 64, whole ≤ 254.",
};

/// Most characters before the `@`.
pub const MAX_LOCAL: usize = 64;
/// Most characters in the whole address.
pub const MAX_TOTAL: usize = 254;

/// The characters a local part may hold besides letters and digits.
const ATEXT_PUNCTUATION: &[u8] = b".!#$%&'*+/=?^_`{|}~-";

/// Byte classes, worked out when compiling: one table load per byte rather than a
/// search of [`ATEXT_PUNCTUATION`] (this runs for every address, twice with hints).
const ATEXT: u8 = 1;
const LABEL: u8 = 2;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphanumeric() {
            t[b] = ATEXT | LABEL;
        }
        b += 1;
    }
    let mut i = 0;
    while i < ATEXT_PUNCTUATION.len() {
        t[ATEXT_PUNCTUATION[i] as usize] |= ATEXT;
        i += 1;
    }
    t[b'-' as usize] |= LABEL;
    t
};

fn is_atext(b: u8) -> bool {
    CLASS[b as usize] & ATEXT != 0
}

/// `true` for a DNS label: 1–63 letters, digits and inner hyphens. Shared with
/// [`super::website`], whose hosts are made of the same labels.
pub(crate) fn is_label(l: &[u8]) -> bool {
    label_bounds_ok(l) && l.iter().all(|&b| CLASS[b as usize] & LABEL != 0)
}

/// What a label needs besides its bytes: 1–63 of them, a letter or digit at each
/// end. [`split`] asks only this, of a run it already knows is label bytes.
fn label_bounds_ok(l: &[u8]) -> bool {
    matches!(
        (l.first(), l.last()),
        (Some(first), Some(last)) if l.len() <= 63 && first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric()
    )
}

/// Splits a well-formed address into local part and domain; `None` when the
/// grammar is not met (lengths are not checked here).
fn split(s: &str) -> Option<(&str, &str)> {
    // One pass: the local part runs up to the first byte that is not atext, which
    // must be the `@`; then labels, each ended by a dot or the end.
    let b = s.as_bytes();
    let at = b.iter().position(|&c| !is_atext(c))?;
    if at == 0 || b[at] != b'@' {
        return None;
    }
    let mut dots = 0;
    let mut start = at + 1;
    loop {
        let end = start
            + b[start..]
                .iter()
                .position(|&c| CLASS[c as usize] & LABEL == 0)
                .unwrap_or(b.len() - start);
        // Every byte of the run is a label byte (that is where it ends), so only
        // its length and its two ends are left to check.
        if !label_bounds_ok(&b[start..end]) {
            return None;
        }
        match b.get(end) {
            None => break,
            Some(b'.') => {
                dots += 1;
                start = end + 1;
            }
            Some(_) => return None,
        }
    }
    (dots > 0).then(|| (&s[..at], &s[at + 1..]))
}

/// `true` for a valid address within the length limits.
pub fn is_email(s: &str) -> bool {
    matches!(split(s), Some((local, _)) if local.len() <= MAX_LOCAL && s.len() <= MAX_TOTAL)
}

/// The domain of a valid address.
pub fn domain_of(s: &str) -> Option<&str> {
    split(s).map(|(_, d)| d)
}

/// Accepts a valid e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Email;

impl Rule for Email {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("an e-mail address with a dot in the domain");
        c.format = Some("email");
        c.max_length = Some(MAX_TOTAL as u32);
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        // Refuse by length first: it needs no scan of a huge value.
        if value.len() > MAX_TOTAL {
            return Err(Fail::new(Code::InvalidFormat, Msg::EmailTooLong));
        }
        match split(value) {
            None => Err(Fail::new(Code::InvalidFormat, Msg::Email)),
            Some((local, _)) if local.len() > MAX_LOCAL => {
                Err(Fail::new(Code::InvalidFormat, Msg::EmailTooLong))
            }
            Some(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ctx;

    /// The grammar as first written: split at the first `@`, then check each part.
    fn split_reference(s: &str) -> Option<(&str, &str)> {
        let at = s.bytes().position(|b| b == b'@')?;
        let (local, domain) = (&s[..at], &s[at + 1..]);
        let d = domain.as_bytes();
        let ok = !local.is_empty()
            && local.bytes().all(is_atext)
            && d.contains(&b'.')
            && d.split(|&b| b == b'.').all(is_label);
        ok.then_some((local, domain))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The one-pass split agrees with the grammar as first written.
        #[test]
        fn one_pass_split_is_the_grammar(s in "[a.@\\-+_!0é ]{0,12}|[a-c]{0,3}@[a-c.-]{0,6}|[a-z]{1,3}@[a-z-]{0,70}\\.[a-z.]{0,3}") {
            proptest::prop_assert_eq!(split(&s), split_reference(&s), "{:?}", s);
        }
    }

    /// The byte table says what the grammar says, for every byte.
    #[test]
    fn byte_classes_follow_the_grammar() {
        for b in 0..=255u8 {
            let atext = b.is_ascii_alphanumeric() || ATEXT_PUNCTUATION.contains(&b);
            assert_eq!(is_atext(b), atext, "{b}");
            let label = b.is_ascii_alphanumeric() || b == b'-';
            assert_eq!(CLASS[b as usize] & LABEL != 0, label, "{b}");
        }
    }

    #[test]
    fn accepts_whatwg_addresses() {
        for ok in [
            "johndoe@email.net",
            "a@b.co",
            "first.last+tag@sub.example.com",
            "o'brien@example.ie",
            "x!#$%&'*+/=?^_`{|}~-@example.com",
            "j@1.2",
            "user@xn--bcher-kva.de",
        ] {
            assert!(is_email(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_the_rest() {
        for bad in [
            "",
            "plain",
            "@example.com",
            "jane@",
            "jane@localhost",
            "jane@@example.com",
            "jane@exa mple.com",
            "jane@-example.com",
            "jane@example-.com",
            "jane@example..com",
            "jane@.example.com",
            "jane@example.com.",
            "jané@example.com",
            "jane@exämple.com",
            "\"jane\"@example.com",
            "jane@[127.0.0.1]",
            " jane@example.com",
        ] {
            assert!(!is_email(bad), "{bad}");
            assert_eq!(
                Email.check(bad, &ctx()).unwrap_err().msg,
                Msg::Email,
                "{bad}"
            );
        }
    }

    #[test]
    fn length_limits() {
        let local64 = "a".repeat(64);
        assert!(is_email(&format!("{local64}@example.com")));
        assert_eq!(
            Email
                .check(&format!("a{local64}@example.com"), &ctx())
                .unwrap_err()
                .msg,
            Msg::EmailTooLong
        );
        let long_domain = format!("{}.com", vec!["a".repeat(60); 5].join("."));
        let addr = format!("j@{long_domain}");
        assert!(addr.len() > 254);
        assert_eq!(
            Email.check(&addr, &ctx()).unwrap_err().msg,
            Msg::EmailTooLong
        );
    }
}
