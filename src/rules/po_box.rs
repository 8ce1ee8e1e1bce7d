//! `po_box`: a street line is where the person lives, not a post-office box.
//!
//! Dwolla refuses PO boxes on every street line. People write them many ways, so
//! the line is first *folded* by [`super::unicode::fold`], the one look-alike fold
//! built from Unicode's own data: compatibility decomposition (full-width `Ｏ`,
//! circled `Ⓟ`, mathematical `𝐏`, letterlike `ℙ`), every nonspacing or enclosing
//! mark dropped, whatever its script (precomposed `Ȯ`, `ơ`, `Ǫ` and `P` + Thai or
//! Arabic marks alike), invisible characters dropped, then Unicode TR39's
//! confusables (Cyrillic `О`, Greek `Ο`, Devanagari `०`). Case is dropped and every
//! other non-letter becomes a separator. Then these are refused anywhere in the
//! line, with any separators (dots, spaces, hyphens) between the letters or none,
//! with or without a number, where a letter may also be written as a digit that
//! looks like it (`0` for `o`, `1` for `l` or `i`):
//!
//! * `PO Box`, `P.O. Box`, `P O Box`, `PO-Box`, `Pobox`, `P0 B0X`
//! * `POB 12`, `P.O.B.`
//! * `PO Drawer`
//! * `Post Office Box`, `Post Box`, `Postal Box`, and their spelled-out drawers
//!   (`Post Office Drawer`, `Post Drawer`), which count as the short forms
//! * a line that is only `Box` and a number: `Box 12`, `Box #12`
//!
//! Because the fold drops marks and decomposes, a line, its NFC and its NFKD get
//! the same verdict, so `normalize` (which composes to NFC) never turns a refused
//! line into an accepted one.
//!
//! Street names that merely contain the letters are fine (`Box Elder St`, `Boxwood
//! Ln`, `Boxing Pass`, `Poblano Ln`, `Post Rd`, `Postal Cir`, `Office Park Dr`,
//! `P O Davis Dr`), and so are rural-route and highway-contract boxes (`RR 2 Box 15`,
//! `HC 1 Box 9`), which are physical delivery addresses.
//!
//! ```
//! use dwolla_validator::rules::po_box::is_po_box;
//! assert!(is_po_box("P.O. Box 123"));
//! assert!(is_po_box("Р.О. Вох 5")); // Cyrillic look-alikes
//! assert!(!is_po_box("12 Boxwood Ln"));
//! assert!(!is_po_box("RR 2 Box 15"));
//! ```

use super::{unicode, Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "po_box",
    codes: &[Code::NotAllowed],
    summary: "Not a post-office box, however written (look-alike letters included).",
};

/// Refuses post-office boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoBox;

impl Rule for PoBox {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("not a PO box");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if is_po_box(value) {
            Err(Fail::new(Code::NotAllowed, Msg::PoBox))
        } else {
            Ok(())
        }
    }
}

/// Folded byte for a separator: every fold byte that is neither a letter nor a
/// digit becomes one.
const SEP: u8 = b' ';

/// The line as the matcher reads it: [`unicode::fold`] of each character, with
/// punctuation turned into separators.
fn fold_byte(b: u8) -> u8 {
    if unicode::is_letter(b) || unicode::is_digit(b) {
        b
    } else {
        SEP
    }
}

/// Does folded byte `b` stand for pattern letter `p`? A digit that looks like the
/// letter counts (`0` for `o`); and since `I` folds with `i` but TR39 takes `I`,
/// `l` and `1` for one shape, `i` and `l` are one letter here.
fn same_letter(b: u8, p: u8) -> bool {
    let bar = |x: u8| matches!(x, b'i' | b'l' | b'I' | b'L');
    b == p || b == p.to_ascii_uppercase() || (bar(p) && bar(b))
}

/// Matches the letters of `word` from `i`, allowing separators between letters.
/// Returns the index just past the last letter.
fn match_letters(f: &[u8], mut i: usize, word: &[u8]) -> Option<usize> {
    for (k, &p) in word.iter().enumerate() {
        if k > 0 {
            while f.get(i) == Some(&SEP) {
                i += 1;
            }
        }
        if !same_letter(*f.get(i)?, p) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

fn skip_seps(f: &[u8], mut i: usize) -> usize {
    while f.get(i) == Some(&SEP) {
        i += 1;
    }
    i
}

/// A word ends at `i` when no letter follows (a digit may: "POBox12").
fn ends_word(f: &[u8], i: usize) -> bool {
    f.get(i).is_none_or(|&b| !unicode::is_letter(b))
}

fn po_box_at(f: &[u8], start: usize) -> bool {
    // "PO Box", "POB", "PO Drawer", with separators anywhere between the letters.
    if let Some(i) = match_letters(f, start, b"po") {
        let j = skip_seps(f, i);
        for tail in [&b"box"[..], b"drawer", b"b"] {
            if let Some(end) = match_letters(f, j, tail) {
                if ends_word(f, end) {
                    return true;
                }
            }
        }
    }
    // "Post Office Box", "Post Box", "Postal Box", and the same with "Drawer": the
    // spelled-out forms count as the short ones.
    if let Some(mut i) = match_letters(f, start, b"post") {
        if let Some(k) = match_letters(f, i, b"al") {
            if k == i + 2 {
                i = k;
            }
        }
        let mut j = skip_seps(f, i);
        if let Some(k) = match_letters(f, j, b"office") {
            j = skip_seps(f, k);
        }
        for tail in [&b"box"[..], b"drawer"] {
            if let Some(end) = match_letters(f, j, tail) {
                if ends_word(f, end) {
                    return true;
                }
            }
        }
    }
    false
}

/// A line that is only "Box" and a number ("Box 12", "Box #12A").
fn only_box_and_number(f: &[u8]) -> bool {
    let start = skip_seps(f, 0);
    let Some(end) = match_letters(f, start, b"box") else {
        return false;
    };
    if !ends_word(f, end) {
        return false;
    }
    let rest = &f[end..];
    let mut tokens = rest.split(|&b| b == SEP).filter(|t| !t.is_empty());
    match (tokens.next(), tokens.next()) {
        (None, _) => true,
        (Some(t), None) => t.iter().any(|&b| unicode::is_digit(b)),
        _ => false,
    }
}

fn scan(f: &[u8]) -> bool {
    if only_box_and_number(f) {
        return true;
    }
    (0..f.len()).any(|i| (i == 0 || !unicode::is_letter(f[i - 1])) && po_box_at(f, i))
}

/// `true` when the line is, or contains, a post-office box.
pub fn is_po_box(line: &str) -> bool {
    // Street lines are short: `fold_and_scan` folds into a stack buffer and only
    // allocates for the rare long input.
    if line.is_ascii() && !may_spell_a_box(line.as_bytes()) {
        return false;
    }
    fold_and_scan(line)
}

/// `false` when an ASCII line cannot hold any spelling: every one has a `b` (box),
/// or a `p` and a `d` (PO drawer, post drawer), and in ASCII those letters fold
/// only from themselves. Most street lines are settled here (`1200 Grand Ave`,
/// `Apt 8`) without folding.
fn may_spell_a_box(line: &[u8]) -> bool {
    // One pass, a bit for each of the three letters seen.
    let seen = line.iter().fold(0u8, |seen, b| {
        seen | match b.to_ascii_lowercase() {
            b'b' => 1,
            b'p' => 2,
            b'd' => 4,
            _ => 0,
        }
    });
    seen & 1 != 0 || seen & 6 == 6
}

/// The fold and the scan, with no shortcut.
fn fold_and_scan(line: &str) -> bool {
    const STACK: usize = 128;
    let mut stack = [0u8; STACK];
    let mut n = 0;
    let mut heap: Vec<u8> = Vec::new();
    let mut push = |b: u8| {
        if n < STACK {
            stack[n] = b;
            n += 1;
        } else {
            if heap.is_empty() {
                heap.extend_from_slice(&stack);
            }
            heap.push(b);
        }
    };
    if line.is_ascii() {
        for b in line.bytes() {
            match unicode::fold_ascii(b) {
                0 => {}
                f => push(fold_byte(f)),
            }
        }
    } else {
        for b in line.chars().flat_map(unicode::fold) {
            push(fold_byte(b));
        }
    }
    if heap.is_empty() {
        scan(&stack[..n])
    } else {
        scan(&heap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII shortcut rests on this: only `b`/`B`, `p`/`P` and `d`/`D` fold to
    /// those letters.
    #[test]
    fn only_the_letters_themselves_fold_to_b_p_and_d() {
        for byte in 0u8..0x80 {
            let folded = match unicode::fold_ascii(byte) {
                0 => None,
                f => Some(fold_byte(f)),
            };
            for letter in [b'b', b'p', b'd'] {
                // As the matcher compares: a look-alike digit folds to the
                // uppercase letter, which `same_letter` accepts too.
                if folded.is_some_and(|f| same_letter(f, letter)) {
                    assert_eq!(byte.to_ascii_lowercase(), letter, "{:?}", byte as char);
                }
            }
        }
    }

    proptest::proptest! {
        /// The shortcut never changes a verdict: on lines made of the letters,
        /// digits and separators the spellings use, it agrees with folding.
        #[test]
        fn the_ascii_shortcut_agrees_with_folding(
            line in proptest::prop_oneof![
                "[pPoO0bBxXdDrRaAwWeEsStTfFiIcC1lL .#-]{0,16}[0-9 ]{0,3}",
                "[ -~]{0,24}",
            ],
        ) {
            proptest::prop_assert_eq!(is_po_box(&line), fold_and_scan(&line), "{:?}", line);
        }
    }

    #[test]
    fn refuses_every_spelling_in_rules_md() {
        for s in [
            "PO Box 12",
            "P.O. Box 12",
            "P O Box 12",
            "PO-Box 12",
            "Post Office Box 12",
            "Post Box 12",
            "Postal Box 12",
            "POB 12",
            "P.O.B.",
            "Pobox 7",
            "PO Drawer 4",
            "po box",
            "p.o.box 9",
            "P. O. B. 44",
            "POBOX12",
            "123 Main St PO Box 5",
            "Box 12",
            "Box #12",
            "BOX 4A",
            "Box",
            "P-O-Box 1",
            "Post-Office-Box 3",
            "PostOfficeBox 3",
        ] {
            assert!(is_po_box(s), "{s}");
        }
    }

    #[test]
    fn refuses_look_alikes() {
        for s in [
            "P0 Box 12",
            "PO B0X 12",
            "P0 B0X",
            "Р.О. Вох 5",       // Cyrillic
            "ΡΟ ΒΟΧ 5",         // Greek
            "ＰＯ Ｂｏｘ 5",    // full-width
            "P\u{200B}O Box 5", // zero-width space
            "P\u{200D}.O\u{2060}. Box",
            "PO\u{202E} Box",
            "Pö Bøx 3",
            "P\u{0301}O Box 3",
            "𝐏𝐎 𝐁𝐎𝐗 1",
            "Ⓟⓞ Ⓑⓞⓧ 1",
            "P0st 0ffice B0x 1",
            // Precomposed letters with any mark, not only À–Ö.
            "PȮ Box 1",
            "Pơ Box 1",
            "PǪ Box 1",
            "ṔŐ Bȱẋ 1",
            // Marks of other scripts between the letters: Thai, Arabic, Hebrew, enclosing.
            "P\u{0E31}O Box 1",
            "P\u{064E}O\u{0651} Box 1",
            "P\u{05B4}O Box 1",
            "P\u{20DD}O Box 1",
            // Letterlike symbols and other compatibility forms.
            "ℙ𝕆 Box 1",
            "Ⓟ⒪ Box 1",
            "PO ℬox 1",
            "ᴘᴏ ʙᴏx 1",
            // TR39 confusables: Devanagari and Arabic-Indic digits that look like o.
            "P० Box 1",
            "P\u{0665} Box 1",
            // Spelled out.
            "Post Office Drawer 7",
            "P.O. Drawer 7",
            "Post Drawer 7",
            "Postal Drawer 7",
        ] {
            assert!(is_po_box(s), "{s}");
        }
    }

    #[test]
    fn accepts_streets_that_merely_contain_the_letters() {
        for s in [
            "Box Elder St",
            "12 Box Elder St",
            "Boxwood Ln",
            "Boxing Pass",
            "Poblano Ln",
            "Post Rd",
            "Postal Cir",
            "Office Park Dr",
            "P O Davis Dr",
            "RR 2 Box 15",
            "HC 1 Box 9",
            "99-99 33rd St",
            "Apt 8",
            "1 Hippo Boxer Way",
            "Expo Box Ct",
            "Pobst Ave",
            "Possum Trot",
            "Suite 400",
        ] {
            assert!(!is_po_box(s), "{s}");
        }
    }

    #[test]
    fn long_lines_are_scanned_whole() {
        let long = format!("{} PO Box 1", "a ".repeat(500));
        assert!(is_po_box(&long));
        assert!(!is_po_box(&"a ".repeat(500)));
    }

    #[test]
    fn rule_reports_not_allowed() {
        let fail = PoBox.check("PO Box 1", &crate::rules::ctx()).unwrap_err();
        assert_eq!(fail.code, Code::NotAllowed);
    }
}

#[cfg(test)]
mod fast_path {
    use super::*;
    use proptest::prelude::*;

    /// The one general path: every character through [`unicode::fold`].
    fn reference(line: &str) -> bool {
        let f: Vec<u8> = line
            .chars()
            .flat_map(unicode::fold)
            .map(fold_byte)
            .collect();
        scan(&f)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// ASCII lines (the prefilter and the byte fold) and lines with look-alikes
        /// get the verdict of the general path.
        #[test]
        fn same_verdict_as_the_general_path(
            line in "[ PpOo0.Bb8XxDdRrAaWwEeSsTtFfIiCcLl1#\\-2-9\t]{0,24}|[ PОоРВвBbOoXх0.\u{301}\u{200B}Ⓟ]{0,16}"
        ) {
            prop_assert_eq!(is_po_box(&line), reference(&line), "{:?}", line);
        }
    }

    #[test]
    fn long_lines_take_the_same_path() {
        for line in ["PO Box 1", "Р.О. Вох 5", "12 Main St"] {
            let long = format!("{}{line}", "x".repeat(200));
            assert_eq!(is_po_box(&long), reference(&long), "{line}");
        }
    }
}
