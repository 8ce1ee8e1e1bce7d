//! `unknown_field`: the payload has only fields its shape defines.
//!
//! A misspelt key is a field Dwolla never sees: `"ssn "` (with a trailing space, in
//! one of Dwolla's own examples) leaves the SSN out. Unknown fields are `NotAllowed`
//! unless the caller allows them, with a "did you mean" for near misses: the same
//! name in another case or with spaces, `_` or `-` (`first_name`), a common alias
//! (`zip`, `dob`), or one or two letters off (`adress1`).
//!
//! ```
//! use dwolla_validator::rules::unknown_field::suggest;
//! let known = ["firstName", "ssn", "postalCode"];
//! assert_eq!(suggest("ssn ", &known), Some("ssn"));
//! assert_eq!(suggest("first_name", &known), Some("firstName"));
//! assert_eq!(suggest("zip", &known), Some("postalCode"));
//! assert_eq!(suggest("favouriteColour", &known), None);
//! ```

use super::RuleInfo;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "unknown_field",
    codes: &[Code::NotAllowed],
    summary: "Only fields the payload shape defines (can be turned off), with a did-you-mean.",
};

/// Common other names for fields, as forms and other APIs spell them.
const ALIASES: &[(&str, &str)] = &[
    ("zip", "postalCode"),
    ("zipcode", "postalCode"),
    ("postcode", "postalCode"),
    ("dob", "dateOfBirth"),
    ("birthdate", "dateOfBirth"),
    ("birthday", "dateOfBirth"),
    ("phonenumber", "phone"),
    ("socialsecuritynumber", "ssn"),
    ("emailaddress", "email"),
    ("street", "address1"),
    ("address", "address1"),
    ("addressline1", "address1"),
    ("addressline2", "address2"),
    ("ip", "ipAddress"),
    ("first", "firstName"),
    ("last", "lastName"),
    ("surname", "lastName"),
];

/// Lowercase ASCII letters and digits only, at most 64 of them.
fn squash(s: &str) -> Option<String> {
    if s.len() > 256 {
        return None;
    }
    Some(
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect(),
    )
}

fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The known field `key` most likely meant, if any is close enough.
pub fn suggest(key: &str, known: &[&'static str]) -> Option<&'static str> {
    let k = squash(key)?;
    if k.is_empty() {
        return None;
    }
    if let Some(&hit) = known.iter().find(|n| squash(n).as_deref() == Some(&k)) {
        return Some(hit);
    }
    if let Some(&(_, target)) = ALIASES.iter().find(|(alias, _)| *alias == k) {
        if let Some(&hit) = known.iter().find(|n| **n == target) {
            return Some(hit);
        }
    }
    // One edit for short names, two for longer ones.
    let budget = if k.len() <= 4 { 1 } else { 2 };
    known
        .iter()
        .map(|n| {
            (
                edit_distance(k.as_bytes(), squash(n).unwrap_or_default().as_bytes()),
                *n,
            )
        })
        .filter(|&(d, _)| d <= budget)
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &[
        "firstName",
        "lastName",
        "address1",
        "address2",
        "ssn",
        "dateOfBirth",
        "phone",
    ];

    #[test]
    fn near_misses() {
        assert_eq!(suggest("ssn ", KNOWN), Some("ssn"));
        assert_eq!(suggest("SSN", KNOWN), Some("ssn"));
        assert_eq!(suggest("adress1", KNOWN), Some("address1"));
        assert_eq!(suggest("firstname", KNOWN), Some("firstName"));
        assert_eq!(suggest("dob", KNOWN), Some("dateOfBirth"));
        assert_eq!(suggest("phoneNumber", KNOWN), Some("phone"));
    }

    #[test]
    fn far_misses() {
        assert_eq!(suggest("nickname", KNOWN), None);
        assert_eq!(suggest("", KNOWN), None);
        assert_eq!(suggest(&"x".repeat(100_000), KNOWN), None);
    }

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
        assert_eq!(edit_distance(b"", b"abc"), 3);
    }
}
