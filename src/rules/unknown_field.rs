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

/// The longest key compared, in bytes: longer keys get no suggestion.
const MAX_KEY: usize = 256;

/// The ASCII letters and digits of `s`, lowercased, written into `buf`; `None` for
/// a key longer than [`MAX_KEY`] bytes. Nothing is allocated: this runs for every
/// known name of the shape for each unknown key.
fn squash<'b>(s: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b [u8]> {
    if s.len() > MAX_KEY {
        return None;
    }
    let mut n = 0;
    for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    Some(&buf[..n])
}

/// Which of `a`-`z` and `0`-`9` `bytes` hold, as bits (other bytes are left out).
/// With [`edits_at_least`], a cheap test that rules most names out before an edit
/// distance is worked out; shared with the e-mail domain hint.
pub(crate) const fn char_set(bytes: &[u8]) -> u64 {
    letter_set(bytes, false)
}

/// The set of [`char_set`], upper case counted as lower case when `fold_case`.
const fn letter_set(bytes: &[u8], fold_case: bool) -> u64 {
    let mut set = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        let b = if fold_case {
            bytes[i].to_ascii_lowercase()
        } else {
            bytes[i]
        };
        if b.is_ascii_lowercase() {
            set |= 1 << (b - b'a');
        } else if b.is_ascii_digit() {
            set |= 1 << (26 + b - b'0');
        }
        i += 1;
    }
    set
}

/// A lower bound on the edit distance of two strings from their [`char_set`]s:
/// one edit (insert, delete, substitute; a transposition changes nothing) adds or
/// removes at most two characters of the set.
pub(crate) fn edits_at_least(a: u64, b: u64) -> usize {
    ((a ^ b).count_ones() as usize).div_ceil(2)
}

/// Levenshtein distance, or `None` when it is more than `max` (at most 2 here).
/// Cells are capped at `max + 1`, so two rows of bytes on the stack do, and a row
/// whose every cell is past `max` ends the search early.
fn edit_distance_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || b.len() > MAX_KEY || max >= usize::from(u8::MAX) {
        return None;
    }
    // Field names are short: rows of 33 bytes do for them, and only a long key
    // pays for zeroing rows of MAX_KEY.
    if b.len() < 33 {
        distance_rows::<33>(a, b, max)
    } else {
        distance_rows::<{ MAX_KEY + 1 }>(a, b, max)
    }
}

/// [`edit_distance_within`] with rows of `N` bytes (`N > b.len()`).
fn distance_rows<const N: usize>(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    let cap = max as u8 + 1;
    let capped = |n: usize| n.min(usize::from(cap)) as u8;
    let mut prev = [0u8; N];
    let mut cur = [0u8; N];
    for (j, cell) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *cell = capped(j);
    }
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = capped(i + 1);
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + u8::from(ca != cb);
            let d = sub.min(prev[j + 1] + 1).min(cur[j] + 1).min(cap);
            cur[j + 1] = d;
            row_min = row_min.min(d);
        }
        if row_min > max as u8 {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = usize::from(prev[b.len()]);
    (d <= max).then_some(d)
}

/// Which of `a`-`z` and `0`-`9` a name holds, as bits, upper case counted as
/// lower case and other characters left out (the letters [`suggest`] compares),
/// so that most names are ruled out for a key before they are squashed or
/// compared. The sets of a shape's fields are worked out when compiling
/// ([`crate::shapes::Field`]); [`suggest`] works out those of its `known` names on
/// each call.
///
/// ```
/// use dwolla_validator::rules::unknown_field::squashed_set;
/// assert_eq!(squashed_set("Ab-1"), squashed_set("ba1"));
/// assert_ne!(squashed_set("ssn"), squashed_set("sn1"));
/// ```
pub const fn squashed_set(name: &str) -> u64 {
    letter_set(name.as_bytes(), true)
}

/// The known field `key` most likely meant, if any is close enough.
///
/// In order: a known name with the same letters and digits (`first_name`,
/// `"ssn "`), then a common alias (`zip`), then the closest known name within one
/// edit (keys of up to 4 letters) or two, the first in `known` on a tie. One pass
/// over `known` (plus a look-up of the alias's target when the key is an alias),
/// nothing allocated.
pub fn suggest(key: &str, known: &[&'static str]) -> Option<&'static str> {
    suggest_among(key, known.iter().map(|&name| (name, squashed_set(name))))
}

/// [`suggest`] over names given with their [`squashed_set`], in order. A name
/// whose set is too far from the key's is passed over before it is squashed or
/// compared. For a shape's fields, whose sets are made when compiling, most names
/// are passed over without being squashed (an unknown key used to cost the
/// squashing of every field name).
pub(crate) fn suggest_among(
    key: &str,
    known: impl IntoIterator<Item = (&'static str, u64)> + Clone,
) -> Option<&'static str> {
    let mut key_buf = [0u8; MAX_KEY];
    let k = squash(key, &mut key_buf)?;
    if k.is_empty() {
        return None;
    }
    let budget = if k.len() <= 4 { 1 } else { 2 };
    let k_chars = char_set(k);
    let mut name_buf = [0u8; MAX_KEY];
    let mut closest: Option<(usize, &'static str)> = None;
    for (name, name_chars) in known.clone() {
        // Equal squashes have equal sets, so an exact match is never passed over.
        if edits_at_least(k_chars, name_chars) > budget {
            continue;
        }
        let Some(n) = squash(name, &mut name_buf) else {
            continue;
        };
        if n == k {
            return Some(name);
        }
        if let Some(d) = edit_distance_within(k, n, budget) {
            if closest.is_none_or(|(best, _)| d < best) {
                closest = Some((d, name));
            }
        }
    }
    if let Some(&(_, target)) = ALIASES.iter().find(|(alias, _)| alias.as_bytes() == k) {
        if let Some((hit, _)) = known.into_iter().find(|(n, _)| *n == target) {
            return Some(hit);
        }
    }
    closest.map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The suggester as first written (allocating, several passes): the reference
    // the one-pass version must agree with. It differs from `suggest` only for a
    // known name longer than MAX_KEY bytes, which it counts as "" in the distance
    // step (`suggest("a", &["b".repeat(300)])` is None, `old_suggest` gives the
    // name); no field name is that long and the tests here use none.
    /// Lowercase ASCII letters and digits only; `None` for a key longer than
    /// `MAX_KEY` (256) bytes.
    fn old_squash(s: &str) -> Option<String> {
        if s.len() > MAX_KEY {
            return None;
        }
        Some(
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect(),
        )
    }

    fn old_edit_distance(a: &[u8], b: &[u8]) -> usize {
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
    fn old_suggest(key: &str, known: &[&'static str]) -> Option<&'static str> {
        let k = old_squash(key)?;
        if k.is_empty() {
            return None;
        }
        if let Some(&hit) = known.iter().find(|n| old_squash(n).as_deref() == Some(&k)) {
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
                    old_edit_distance(k.as_bytes(), old_squash(n).unwrap_or_default().as_bytes()),
                    *n,
                )
            })
            .filter(|&(d, _)| d <= budget)
            .min_by_key(|&(d, _)| d)
            .map(|(_, n)| n)
    }

    proptest! {
        /// The one-pass suggester answers as the first one did, for keys near and
        /// far from the names of every shape, nested ones included.
        #[test]
        fn agrees_with_the_first_version(
            shape in proptest::sample::select(crate::shapes::every_shape_and_nested()),
            base in 0usize..64,
            // 0 removes the character at `at`, 1 inserts `text` before it, 2 puts
            // `text` in its place (a substitution: one edit, up to two set bits);
            // past the end, each inserts.
            edits in proptest::collection::vec((0u8..3, 0usize..40, "[a-zA-Z0-9 _-]"), 0..4),
            random in "[a-zA-Z0-9 _.-]{0,12}",
            use_random in any::<bool>(),
        ) {
            let known: Vec<&'static str> = shape.field_names().collect();
            let mut key = if use_random || known.is_empty() {
                random
            } else {
                known[base % known.len()].to_string()
            };
            // Keys are ASCII here, so byte positions are character positions.
            for (op, at, text) in edits {
                let at = at.min(key.len());
                match op {
                    0 if at < key.len() => {
                        key.remove(at);
                    }
                    2 if at < key.len() => key.replace_range(at..=at, &text),
                    _ => key.insert_str(at, &text),
                }
            }
            for alias in ALIASES {
                prop_assert_eq!(suggest(alias.0, &known), old_suggest(alias.0, &known));
                prop_assert_eq!(shape.suggest_field(alias.0), old_suggest(alias.0, &known));
            }
            prop_assert_eq!(suggest(&key, &known), old_suggest(&key, &known), "{}", key);
            // The shape's own path, with the sets made when compiling.
            prop_assert_eq!(shape.suggest_field(&key), old_suggest(&key, &known), "{}", key);
        }

        /// The set made without squashing is the set of the squashed name, for
        /// any text (upper case, digits, other bytes and characters).
        #[test]
        fn squashed_set_is_the_set_of_the_squash(name in "\\PC{0,40}") {
            let mut buf = [0u8; MAX_KEY];
            if let Some(squashed) = squash(&name, &mut buf) {
                prop_assert_eq!(squashed_set(&name), char_set(squashed));
            }
        }
    }

    #[test]
    fn every_shape_field_keeps_the_set_of_its_name() {
        for shape in crate::shapes::every_shape_and_nested() {
            for name in shape.field_names() {
                let mut buf = [0u8; MAX_KEY];
                let squashed = squash(name, &mut buf).expect("field names are short");
                assert_eq!(
                    shape.suggest_field(name),
                    Some(name),
                    "{}: a field's own name suggests itself",
                    shape.name
                );
                assert_eq!(squashed_set(name), char_set(squashed), "{name}");
            }
        }
    }

    /// Every key one edit from a field name (each character removed, or replaced
    /// by or preceded with one of a few others; upper case, a digit, `_`) gets the
    /// first version's answer, in every shape: the same ground as the proptest's
    /// edits of field names, covered the same way on every run.
    #[test]
    fn one_edit_from_every_field_name_agrees_with_the_first_version() {
        let mut keys = 0;
        for shape in crate::shapes::every_shape_and_nested() {
            let known: Vec<&'static str> = shape.field_names().collect();
            for name in &known {
                for at in 0..=name.len() {
                    let mut variants = Vec::new();
                    if at < name.len() {
                        variants.push(format!("{}{}", &name[..at], &name[at + 1..]));
                    }
                    for c in ["a", "e", "s", "N", "1", "_"] {
                        variants.push(format!("{}{c}{}", &name[..at], &name[at..]));
                        if at < name.len() {
                            variants.push(format!("{}{c}{}", &name[..at], &name[at + 1..]));
                        }
                    }
                    for key in variants {
                        let old = old_suggest(&key, &known);
                        assert_eq!(shape.suggest_field(&key), old, "{}: {key}", shape.name);
                        assert_eq!(suggest(&key, &known), old, "{}: {key}", shape.name);
                        keys += 1;
                    }
                }
            }
        }
        assert!(keys > 5_000, "{keys} keys");
    }

    /// `suggest` and the first version give `want` for `key` among `known`.
    fn assert_suggests(key: &str, known: &[&'static str], want: Option<&str>) {
        assert_eq!(suggest(key, known), want, "{key} among {known:?}");
        assert_eq!(
            old_suggest(key, known),
            want,
            "first version: {key} among {known:?}"
        );
    }

    // No shape of the crate has both an alias's target and a name equal to the
    // alias, or a name one edit from an alias, so the order of the three steps is
    // tested on made-up lists.
    #[test]
    fn a_name_with_the_same_letters_beats_an_alias() {
        // "address" is an alias of "address1".
        assert_suggests("address", &["address", "address1"], Some("address"));
        assert_suggests("address", &["address1", "address"], Some("address"));
    }

    #[test]
    fn an_alias_beats_a_name_one_edit_away() {
        // "zip" is an alias of "postalCode", and "zap" is one edit from it.
        assert_suggests("zip", &["zap", "postalCode"], Some("postalCode"));
        // Without the alias's target, the name one edit away is suggested.
        assert_suggests("zip", &["zap"], Some("zap"));
        // "dob": "dab" one edit away, the alias's target later in the list.
        assert_suggests("dob", &["dab", "ssn", "dateOfBirth"], Some("dateOfBirth"));
    }

    #[test]
    fn on_a_tie_the_first_known_name_wins() {
        // "rstname" is two edits from both "firstname" and "lastname".
        assert_suggests("rstName", &["firstName", "lastName"], Some("firstName"));
        assert_suggests("rstName", &["lastName", "firstName"], Some("lastName"));
        // One edit from both.
        assert_suggests("address3", &["address1", "address2"], Some("address1"));
        assert_suggests("address3", &["address2", "address1"], Some("address2"));
        // A closer name later in the list still wins over the first.
        assert_suggests("adress12", &["address1", "adress1"], Some("adress1"));
    }

    /// A shape's own path keeps its fields' order on a tie: the personal shape
    /// lists firstName before lastName, and address1 before address2.
    #[test]
    fn on_a_tie_a_shape_suggests_its_first_field() {
        let shape = &crate::shapes::personal::PERSONAL;
        let known: Vec<&'static str> = shape.field_names().collect();
        for (key, want) in [("rstName", "firstName"), ("address3", "address1")] {
            assert_eq!(shape.suggest_field(key), Some(want), "{key}");
            assert_eq!(old_suggest(key, &known), Some(want), "first version: {key}");
        }
    }

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
        assert_eq!(edit_distance_within(b"kitten", b"sitting", 3), Some(3));
        assert_eq!(edit_distance_within(b"kitten", b"sitting", 2), None);
        assert_eq!(edit_distance_within(b"", b"abc", 3), Some(3));
        assert_eq!(edit_distance_within(b"", b"abcd", 3), None);
        assert_eq!(edit_distance_within(b"adress1", b"address1", 2), Some(1));
        assert_eq!(edit_distance_within(b"abcdef", b"abcfed", 2), Some(2));
    }
}
