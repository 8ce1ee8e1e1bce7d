//! The field names the engine knows, each with a small number: what lets a lookup
//! compare one byte instead of a string.
//!
//! A payload's object is looked up by key many times: once for every field of its
//! shape, then by the hints and by the conditions between fields. Comparing key
//! strings on each lookup was a tenth of a valid record's time. So the parser
//! numbers each key it reads once ([`id_of_text`], a hashed table worked out when
//! compiling), and the engine's tables carry the number of every name they look
//! for ([`Key`], also worked out when compiling). A lookup is then a byte compare,
//! and a key written twice in one object is found with a bit set.
//!
//! A key that is not in [`KNOWN`] (a misspelt field, a name of the caller's own)
//! has no number ([`UNKNOWN`]) and is compared as a string, only against the other
//! keys without one: a number always stands for exactly one string, so nothing
//! else can equal it. The numbers are therefore only a shortcut; the answers are
//! the same as comparing strings.
//!
//! ```
//! use dwolla_validator::keys::{id_of_text, Key, UNKNOWN};
//! assert_eq!(id_of_text("postalCode"), Key::new("postalCode").id());
//! assert_ne!(id_of_text("postalCode"), UNKNOWN);
//! assert_eq!(id_of_text("postalcode"), UNKNOWN);
//! ```

use crate::const_text::same_text;

/// Every key a shape, a hint or the dispatch on `type` looks up. A field whose
/// name is missing here does not compile (see [`Key::known`]): add its name.
pub const KNOWN: &[&str] = &[
    "firstName",
    "lastName",
    "email",
    "ipAddress",
    "type",
    "address1",
    "address2",
    "address3",
    "city",
    "state",
    "postalCode",
    "dateOfBirth",
    "ssn",
    "phone",
    "correlationId",
    "businessName",
    "doingBusinessAs",
    "businessType",
    "businessClassification",
    "ein",
    "website",
    "controller",
    "title",
    "address",
    "passport",
    "number",
    "country",
    "stateProvinceRegion",
    "answers",
    "documentType",
    "file",
];

/// The number of a key that is not in [`KNOWN`].
pub const UNKNOWN: u8 = u8::MAX;

// A key's number is one bit of the parser's repeated-key mask.
const _: () = assert!(KNOWN.len() <= 64, "the repeated-key mask is a u64");

/// A key to look up, with its number in [`KNOWN`] (or [`UNKNOWN`]). The engine's
/// own keys are `Key<'static>`, numbered when compiling; a name known only at run
/// time can be looked up too (`Key::new(&name)`), numbered by a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key<'k> {
    name: &'k str,
    id: u8,
}

impl<'k> Key<'k> {
    /// Any key: numbered when it is one of [`KNOWN`], compared as a string
    /// otherwise.
    pub const fn new(name: &'k str) -> Key<'k> {
        Key {
            name,
            id: position(name),
        }
    }

    /// A key of [`KNOWN`]; in a `const`, a name that is not there fails to compile.
    pub const fn known(name: &'k str) -> Key<'k> {
        let key = Key::new(name);
        assert!(
            key.id != UNKNOWN,
            "a key the engine looks up is missing from keys::KNOWN"
        );
        key
    }

    /// The key as written.
    pub const fn name(self) -> &'k str {
        self.name
    }

    /// Its number in [`KNOWN`], or [`UNKNOWN`].
    pub const fn id(self) -> u8 {
        self.id
    }
}

/// `Key::known` evaluated when compiling, for a name written in the code.
macro_rules! key {
    ($name:literal) => {{
        const KEY: $crate::keys::Key<'static> = $crate::keys::Key::known($name);
        KEY
    }};
}
pub(crate) use key;

/// Where `name` is in [`KNOWN`], by a search (for tables worked out when compiling).
const fn position(name: &str) -> u8 {
    let mut i = 0;
    while i < KNOWN.len() {
        if same_text(KNOWN[i], name) {
            return i as u8;
        }
        i += 1;
    }
    UNKNOWN
}

const SLOTS: usize = 128;

/// Where a key's search starts in [`TABLE`]: its length, first and last byte.
/// Every known key's slot is within two steps of where its search starts.
const fn slot_of(key: &[u8]) -> usize {
    let (first, last) = match key {
        [] => (0, 0),
        [one] => (*one, *one),
        [first, .., last] => (*first, *last),
    };
    let h = (key.len() as u32)
        .wrapping_mul(0x9E37_79B9)
        .wrapping_add((first as u32).wrapping_mul(0x85EB_CA6B))
        .wrapping_add((last as u32).wrapping_mul(0xC2B2_AE35));
    (h >> 25) as usize % SLOTS
}

/// Open addressing over [`KNOWN`]: each slot holds a key's number plus one, or 0
/// when empty. A search goes from the key's slot to the next empty one.
static TABLE: [u8; SLOTS] = {
    let mut table = [0u8; SLOTS];
    let mut i = 0;
    while i < KNOWN.len() {
        let mut s = slot_of(KNOWN[i].as_bytes());
        while table[s] != 0 {
            s = (s + 1) % SLOTS;
        }
        table[s] = i as u8 + 1;
        i += 1;
    }
    table
};

/// `a == b` for keys, a word at a time: every key of a payload is compared once
/// with the known key in its slot, and in the `.wasm` `==` on slices is a call to
/// a `memcmp` that compares byte by byte. The last word is read so that it ends
/// at the key's end, overlapping the one before it: no byte-by-byte tail (most
/// keys are 5 to 13 bytes long, so that tail was most of the comparison).
fn same_key(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let n = a.len();
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4 bytes"));
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            if word(a, at) != word(b, at) {
                return false;
            }
            at += 8;
        }
        word(a, n - 8) == word(b, n - 8)
    } else if n >= 4 {
        half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

/// The number of a key read from a payload: its place in [`KNOWN`], or
/// [`UNKNOWN`].
pub fn id_of_text(key: &str) -> u8 {
    let mut s = slot_of(key.as_bytes());
    loop {
        match TABLE[s] {
            0 => return UNKNOWN,
            n if same_key(KNOWN[usize::from(n - 1)].as_bytes(), key.as_bytes()) => return n - 1,
            _ => s = (s + 1) % SLOTS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The word-at-a-time comparison is `==`, for keys of any length and for
        /// keys that differ in any one byte.
        #[test]
        fn same_key_is_equality(
            a in "[a-zA-Z]{0,40}",
            flip in proptest::prelude::any::<proptest::sample::Index>(),
            by in 1u8..4,
        ) {
            proptest::prop_assert!(same_key(a.as_bytes(), a.as_bytes()));
            let mut b = a.clone().into_bytes();
            // Any byte of the key, or one more byte past its end.
            let flip = flip.index(b.len() + 1);
            if flip < b.len() {
                b[flip] = b[flip].wrapping_add(by);
            } else {
                b.push(b'x');
            }
            proptest::prop_assert!(!same_key(a.as_bytes(), &b));
            proptest::prop_assert_eq!(same_key(&b, a.as_bytes()), b == a.as_bytes());
        }
    }

    #[test]
    fn every_known_key_is_found_under_its_own_number() {
        for (i, name) in KNOWN.iter().enumerate() {
            assert_eq!(usize::from(id_of_text(name)), i, "{name}");
            assert_eq!(usize::from(Key::new(name).id()), i, "{name}");
        }
    }

    #[test]
    fn the_known_keys_are_distinct() {
        for (i, a) in KNOWN.iter().enumerate() {
            assert!(!KNOWN[..i].contains(a), "{a} twice");
        }
    }

    /// Searches stay short: no known key is more than two slots past its start.
    #[test]
    fn searches_are_short() {
        for name in KNOWN {
            let start = slot_of(name.as_bytes());
            let at = (0..SLOTS)
                .find(|&d| TABLE[(start + d) % SLOTS] == id_of_text(name) + 1)
                .unwrap();
            assert!(at <= 2, "{name} is {at} slots past its start");
        }
    }

    #[test]
    fn other_keys_have_no_number() {
        for name in [
            "",
            "a",
            "Email",
            "email ",
            "postalcode",
            "firstname",
            "nickname",
            "emaill",
            "ssn\u{0}",
            "stat",
            "states",
            "\u{1F600}",
        ] {
            assert_eq!(id_of_text(name), UNKNOWN, "{name:?}");
            assert_eq!(Key::new(name).id(), UNKNOWN, "{name:?}");
        }
    }

    proptest::proptest! {
        /// A key has a number exactly when it is one of the known ones.
        #[test]
        fn numbered_exactly_when_known(key in "[a-zA-Z0-9]{0,24}") {
            let id = id_of_text(&key);
            match KNOWN.iter().position(|k| *k == key) {
                Some(i) => proptest::prop_assert_eq!(usize::from(id), i),
                None => proptest::prop_assert_eq!(id, UNKNOWN),
            }
        }
    }
}
