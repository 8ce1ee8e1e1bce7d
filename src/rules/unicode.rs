//! The Unicode data the rules share: one look-alike fold, what shows nothing, and
//! which code points are assigned. The tables come from Unicode's own data files
//! (the character database and TR39's confusables), written into
//! `unicode_tables.rs` by `scripts/gen-unicode-tables.py`; nothing here is a hand
//! list of look-alikes.
//!
//! **The fold** turns one character into a few bytes that say what it looks like:
//! compatibility decomposition (NFKD), nonspacing and enclosing marks (Mn, Me) and
//! other characters that show nothing dropped, Latin small capitals to their
//! letter, then TR39's skeleton prototype. `ℙ`, `Ⓟ`, `𝐏`, Cyrillic `Р`, `ᴘ` all fold
//! to `p`; `Ȯ`, `ơ`, `Ǫ`, `ø`, Greek `ο` to `o`; `＜` and `‹` to `<`. The bytes are:
//!
//! * `a`–`z`: that letter, any case (letters the PO-box matcher never looks for are
//!   [`OTHER_LETTER`]);
//! * `A`–`Z`: a *digit* that looks like that letter (`0` and Devanagari `०` are `O`,
//!   `1` is `L`), so that `P0 Box` is a PO box and `Box 10` still has a number (a
//!   Roman numeral decomposes to its letter, `Ⅹ` is `x`, as its NFKD is);
//! * `2`–`9`: that digit; [`OTHER_DIGIT`] any other digit;
//! * ASCII punctuation (the forbidden characters among it) as itself, a space for
//!   any other separator; nothing at all for a character that shows nothing.
//!
//! The fold is by design the same for a string, its NFC and its NFKD: a
//! precomposed letter and the letter with its combining mark fold alike, since
//! the mark is dropped either way. `tests/unicode_properties.rs` checks this for
//! every code point against an independent NFKD.
//!
//! ```
//! use dwolla_validator::rules::unicode::fold;
//! assert!(fold('ℙ').eq(*b"p"));
//! assert!(fold('Ȯ').eq(*b"o"));
//! assert!(fold('\u{0301}').eq(*b"")); // a combining mark folds to nothing
//! assert!(fold('＜').eq(*b"<"));
//! ```

// Generated, and laid out by its script rather than by rustfmt.
#[rustfmt::skip]
#[path = "unicode_tables.rs"]
mod tables;

pub use tables::{CONFUSABLES_VERSION, UCD_VERSION};

/// Folded byte for a letter that imitates none of the letters the rules look for
/// (`ж`, `g`).
pub const OTHER_LETTER: u8 = 0x80;
/// Folded byte for a digit that imitates no letter and no ASCII digit.
pub const OTHER_DIGIT: u8 = 0x81;

/// The characters Dwolla refuses (the `forbidden_characters` rule), as bytes (all
/// ASCII): the only punctuation the fold keeps as it is, so that a look-alike folds
/// to the character it imitates.
pub const FORBIDDEN: &[u8] = b"<>=\"`!?%~${}\\";

/// `true` for a byte of [`FORBIDDEN`], by a search: for tables worked out when
/// compiling (the fold's, here, and `forbidden_characters`' byte table).
pub(crate) const fn is_listed(b: u8) -> bool {
    let mut i = 0;
    while i < FORBIDDEN.len() {
        if FORBIDDEN[i] == b {
            return true;
        }
        i += 1;
    }
    false
}

/// The letters of the PO-box matcher's words; other ASCII letters fold to
/// [`OTHER_LETTER`], as the generated table does.
const MATCHER_LETTERS: &[u8] = b"pobxstficedrawlnm";

const fn ascii_fold(b: u8) -> u8 {
    if b < 0x20 || b == 0x7f {
        return 0; // dropped
    }
    if b == b'0' {
        return b'O';
    }
    if b == b'1' {
        return b'L';
    }
    if b.is_ascii_digit() {
        return b;
    }
    if b.is_ascii_alphabetic() {
        let low = b.to_ascii_lowercase();
        let mut i = 0;
        while i < MATCHER_LETTERS.len() {
            if MATCHER_LETTERS[i] == low {
                return low;
            }
            i += 1;
        }
        return OTHER_LETTER;
    }
    if is_listed(b) {
        return b;
    }
    b' '
}

/// The fold of every ASCII character (0 for a control, which is dropped).
static ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = ascii_fold(b as u8);
        b += 1;
    }
    t
};

/// The fold of an ASCII byte, as [`fold`] gives it, without building a
/// [`Folded`]: 0 for a control (dropped). `b` must be ASCII.
pub(crate) fn fold_ascii(b: u8) -> u8 {
    ASCII_FOLD[usize::from(b & 0x7f)]
}

/// The bytes one character folds to: at most a handful, never allocated.
#[derive(Debug, Clone)]
pub struct Folded {
    /// A single byte (0: none), read first.
    one: u8,
    /// The fold read from the table.
    rest: &'static [u8],
}

impl Iterator for Folded {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        if self.one != 0 {
            return Some(std::mem::take(&mut self.one));
        }
        let (&b, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(b)
    }
}

const fn one(b: u8) -> Folded {
    Folded { one: b, rest: &[] }
}

/// Reads a LEB128 varint at `*i`. The streams are generated, so they are well formed.
fn varint(stream: &[u8], i: &mut usize) -> u32 {
    let mut n = 0u32;
    let mut shift = 0;
    while let Some(&b) = stream.get(*i) {
        *i += 1;
        n |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    n
}

/// The block that may hold `c`: its first key and its bytes. A table is split in
/// blocks of at most 32 records, so a lookup is a binary search over the block
/// index and a scan of one block.
fn block<'a>(index: &[(u32, u16)], stream: &'a [u8], c: u32) -> Option<(u32, &'a [u8])> {
    let i = index.partition_point(|&(first, _)| first <= c);
    let &(first, offset) = index.get(i.checked_sub(1)?)?;
    let end = index.get(i).map_or(stream.len(), |&(_, o)| usize::from(o));
    Some((first, stream.get(usize::from(offset)..end)?))
}

/// Is `c` in one of the ranges of a range stream?
fn in_ranges(index: &[(u32, u16)], stream: &[u8], c: u32) -> bool {
    let Some((mut start, records)) = block(index, stream, c) else {
        return false;
    };
    let mut i = 0;
    let mut first = true;
    while i < records.len() {
        let delta = varint(records, &mut i);
        if !std::mem::take(&mut first) {
            start += delta;
        }
        let end = start + varint(records, &mut i);
        if c < start {
            return false;
        }
        if c <= end {
            return true;
        }
    }
    false
}

/// The fold the table holds for `c`, if any.
fn fold_lookup(c: u32) -> Option<&'static [u8]> {
    let (mut key, records) = block(&tables::FOLD_INDEX, &tables::FOLD_STREAM, c)?;
    let mut i = 0;
    let mut first = true;
    while i < records.len() {
        let delta = varint(records, &mut i);
        if !std::mem::take(&mut first) {
            key += delta;
        }
        let len = usize::from(*records.get(i)?);
        let bytes = records.get(i + 1..i + 1 + len)?;
        i += 1 + len;
        if key >= c {
            return (key == c).then_some(bytes);
        }
    }
    None
}

/// `true` for a character that shows nothing by itself: a nonspacing or
/// enclosing mark (Mn, Me), a format character (Cf) or any other
/// Default_Ignorable code point (fillers, variation selectors, tags).
pub fn shows_nothing(c: char) -> bool {
    !c.is_ascii()
        && in_ranges(
            &tables::SHOWS_NOTHING_INDEX,
            &tables::SHOWS_NOTHING_STREAM,
            c as u32,
        )
}

/// `true` for a code point that Unicode has assigned to a character, other than
/// private use: `false` for unassigned code points, the noncharacters (U+FDD0 to
/// U+FDEF and the last two code points of every plane) and private-use ones.
pub fn is_assigned_public(c: char) -> bool {
    // Everything below U+0378 (Latin, IPA, the combining marks, the controls) is
    // assigned: settled without the table, which the tests hold it to.
    (c as u32) < FIRST_UNASSIGNED
        || in_ranges(&tables::ASSIGNED_INDEX, &tables::ASSIGNED_STREAM, c as u32)
}

/// The first code point that Unicode leaves unassigned (U+0378, in Greek).
const FIRST_UNASSIGNED: u32 = 0x378;

/// What `c` looks like, as folded bytes (see the module documentation).
pub fn fold(c: char) -> Folded {
    if c.is_ascii() {
        return one(ASCII_FOLD[c as usize]);
    }
    if let Some(rest) = fold_lookup(c as u32) {
        return Folded { one: 0, rest };
    }
    if shows_nothing(c) || super::invisible_characters::is_invisible(c) {
        one(0)
    } else if c.is_alphabetic() {
        one(OTHER_LETTER)
    } else if c.is_numeric() {
        one(OTHER_DIGIT)
    } else {
        one(b' ')
    }
}

/// The characters other than letters that fold to a forbidden character (`＜`,
/// `≠`, `‹`), from the generated table: what an HTML pattern must exclude to
/// refuse what `forbidden_characters` refuses.
pub fn forbidden_look_alikes() -> impl Iterator<Item = char> {
    tables::FORBIDDEN_LOOK_ALIKES
        .iter()
        .filter_map(|&u| char::from_u32(u))
}

/// `true` for a folded byte that stands for a digit.
pub fn is_digit(b: u8) -> bool {
    b.is_ascii_digit() || b.is_ascii_uppercase() || b == OTHER_DIGIT
}

/// `true` for a folded byte that stands for a letter.
pub fn is_letter(b: u8) -> bool {
    b.is_ascii_lowercase() || b == OTHER_LETTER
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut below the first unassigned code point agrees with the table,
    /// and that code point is indeed unassigned.
    #[test]
    fn everything_below_the_first_gap_is_assigned() {
        for c in (0..FIRST_UNASSIGNED).filter_map(char::from_u32) {
            assert!(
                in_ranges(&tables::ASSIGNED_INDEX, &tables::ASSIGNED_STREAM, c as u32),
                "U+{:04X}",
                c as u32
            );
        }
        assert!(!is_assigned_public('\u{378}'));
    }

    fn folded(s: &str) -> Vec<u8> {
        s.chars().flat_map(fold).collect()
    }

    /// Every record of a stream, decoded: (key, following varint or fold length).
    fn decode(index: &[(u32, u16)], stream: &[u8], fold: bool) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for (b, &(first, offset)) in index.iter().enumerate() {
            let end = index
                .get(b + 1)
                .map_or(stream.len(), |&(_, o)| usize::from(o));
            let (mut key, mut i) = (first, usize::from(offset));
            let mut k = 0;
            while i < end {
                let delta = varint(stream, &mut i);
                if k > 0 {
                    key += delta;
                }
                let second = if fold {
                    let len = stream[i];
                    i += 1 + usize::from(len);
                    u32::from(len)
                } else {
                    varint(stream, &mut i)
                };
                out.push((key, second));
                k += 1;
            }
            assert!(k <= 32, "block {b} has {k} records");
        }
        out
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        let folds = decode(&tables::FOLD_INDEX, &tables::FOLD_STREAM, true);
        assert!(folds.len() > 3000);
        assert!(folds.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(folds
            .iter()
            .all(|&(_, len)| (1..=10).contains(&len) || len == 0));
        for (index, stream) in [
            (
                &tables::SHOWS_NOTHING_INDEX[..],
                &tables::SHOWS_NOTHING_STREAM[..],
            ),
            (&tables::ASSIGNED_INDEX[..], &tables::ASSIGNED_STREAM[..]),
        ] {
            let ranges: Vec<(u32, u32)> = decode(index, stream, false)
                .into_iter()
                .map(|(lo, len)| (lo, lo + len))
                .collect();
            assert!(ranges.len() > 300);
            assert!(ranges.windows(2).all(|w| w[0].1 + 1 < w[1].0));
            // The lookup agrees with the decoded ranges at and around every edge.
            for &(lo, hi) in &ranges {
                for (u, inside) in [
                    (lo, true),
                    (hi, true),
                    (lo.wrapping_sub(1), false),
                    (hi + 1, false),
                ] {
                    let in_any = ranges.iter().any(|&(a, b)| (a..=b).contains(&u));
                    assert!(in_any || !inside);
                    assert_eq!(in_ranges(index, stream, u), in_any, "U+{u:04X}");
                }
            }
        }
        // And the fold lookup finds every key it holds, and nothing between keys.
        for w in folds.windows(2) {
            assert!(fold_lookup(w[0].0).is_some(), "U+{:04X}", w[0].0);
            if w[0].0 + 1 < w[1].0 {
                assert!(fold_lookup(w[0].0 + 1).is_none());
            }
        }
    }

    #[test]
    fn folds_look_alikes_by_unicode_data() {
        assert_eq!(folded("PȮ Box"), b"po box");
        assert_eq!(folded("Pơ"), b"po");
        assert_eq!(folded("PǪ"), b"po");
        assert_eq!(folded("ℙ℮ℴ"), b"peo");
        assert_eq!(folded("Р\u{0E31}О"), b"po"); // Cyrillic, a Thai mark between
        assert_eq!(folded("ᴘᴏʙ"), b"pob");
        assert_eq!(folded("P0 1"), b"pO L");
        assert_eq!(folded("ﬃ"), b"ffi");
        assert_eq!(folded("ж"), [OTHER_LETTER]);
        assert_eq!(folded("\u{200B}\u{2800}"), b" ");
    }

    #[test]
    fn shows_nothing_and_assigned() {
        for c in [
            '\u{0301}',
            '\u{20DD}',
            '\u{200B}',
            '\u{3164}',
            '\u{E0041}',
            '\u{FE0F}',
        ] {
            assert!(shows_nothing(c), "U+{:04X}", c as u32);
        }
        for c in ['a', ' ', '\u{2800}', 'é', '\u{0903}'] {
            assert!(!shows_nothing(c), "U+{:04X}", c as u32);
        }
        assert!(is_assigned_public('李'));
        assert!(is_assigned_public('\u{1F600}'));
        for c in [
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
            '\u{0378}',
            '\u{E000}',
            '\u{F0000}',
            '\u{E0080}',
        ] {
            assert!(!is_assigned_public(c), "U+{:04X}", c as u32);
        }
    }
}
