//! `po_box`: a street line is where the person lives, not a post-office box.
//!
//! Dwolla refuses PO boxes on every street line. People write them many ways, so
//! the line is first *folded*: case is dropped; look-alike letters (Cyrillic `О`,
//! Greek `Ο`, full-width `Ｏ`, circled and mathematical letters, `ö`) become the
//! ASCII letter they imitate; invisible characters and combining marks are dropped;
//! every other non-letter becomes a separator. Then these are refused anywhere in
//! the line, with any separators (dots, spaces, hyphens) between the letters or none,
//! with or without a number, where an `o` may also be written as the digit `0`:
//!
//! * `PO Box`, `P.O. Box`, `P O Box`, `PO-Box`, `Pobox`, `P0 B0X`
//! * `POB 12`, `P.O.B.`
//! * `PO Drawer`
//! * `Post Office Box`, `Post Box`, `Postal Box`
//! * a line that is only `Box` and a number: `Box 12`, `Box #12`
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

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
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

/// Folded byte for a separator.
const SEP: u8 = b' ';
/// Folded byte for a letter that imitates no ASCII letter (`é` is folded to `e`,
/// but `ж` stays a letter that matches nothing).
const OTHER_LETTER: u8 = b'*';

/// Folds one character: `None` drops it (invisible characters, combining marks).
fn fold_char(c: char) -> Option<u8> {
    if c.is_ascii() {
        let b = c as u8;
        return Some(if b.is_ascii_alphabetic() {
            b.to_ascii_lowercase()
        } else if b.is_ascii_digit() {
            b
        } else if b < 0x20 || b == 0x7f {
            return None;
        } else {
            SEP
        });
    }
    if super::invisible_characters::is_invisible(c) {
        return None;
    }
    let u = c as u32;
    // Combining diacritical marks: "P̣O" is still "PO".
    if (0x0300..=0x036F).contains(&u)
        || (0x1AB0..=0x1AFF).contains(&u)
        || (0x20D0..=0x20FF).contains(&u)
    {
        return None;
    }
    // Full-width ASCII.
    if (0xFF01..=0xFF5E).contains(&u) {
        return fold_char(char::from_u32(u - 0xFF01 + 0x21).unwrap_or(' '));
    }
    // Circled letters.
    if (0x24B6..=0x24CF).contains(&u) {
        return Some(b'a' + (u - 0x24B6) as u8);
    }
    if (0x24D0..=0x24E9).contains(&u) {
        return Some(b'a' + (u - 0x24D0) as u8);
    }
    // Mathematical alphanumeric letters: 13 styles of A–Z then a–z.
    if (0x1D400..=0x1D6A3).contains(&u) {
        return Some(b'a' + ((u - 0x1D400) % 52 % 26) as u8);
    }
    // Mathematical digits: 5 styles of 0–9.
    if (0x1D7CE..=0x1D7FF).contains(&u) {
        return Some(b'0' + ((u - 0x1D7CE) % 10) as u8);
    }
    let folded = match c {
        // Latin letters with marks, and small capitals.
        'à'..='å' | 'À'..='Å' | 'ᴀ' => b'a',
        'ç' | 'Ç' | 'ᴄ' => b'c',
        'è'..='ë' | 'È'..='Ë' | 'ᴇ' => b'e',
        'ì'..='ï' | 'Ì'..='Ï' | 'ɪ' => b'i',
        'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' | 'ᴏ' | 'ō' | 'Ō' => b'o',
        'ù'..='ü' | 'Ù'..='Ü' | 'ᴜ' => b'u',
        'ʙ' => b'b',
        'ᴘ' => b'p',
        'ᴛ' => b't',
        'ꜱ' => b's',
        'ʀ' => b'r',
        'ᴡ' => b'w',
        'ɴ' => b'n',
        'ʟ' => b'l',
        'ᴅ' => b'd',
        'ꜰ' => b'f',
        'ᴍ' => b'm',
        // Cyrillic look-alikes.
        'А' | 'а' => b'a',
        'В' | 'в' | 'Ь' | 'ь' => b'b',
        'С' | 'с' => b'c',
        'Ԁ' | 'ԁ' => b'd',
        'Е' | 'е' | 'Ё' | 'ё' => b'e',
        'Н' | 'н' | 'Һ' | 'һ' => b'h',
        'І' | 'і' | 'Ӏ' => b'i',
        'Ј' | 'ј' => b'j',
        'К' | 'к' => b'k',
        'М' | 'м' => b'm',
        'О' | 'о' => b'o',
        'Р' | 'р' => b'p',
        'Ԛ' | 'ԛ' => b'q',
        'Ѕ' | 'ѕ' => b's',
        'Т' | 'т' => b't',
        'Х' | 'х' => b'x',
        'У' | 'у' => b'y',
        'Ԝ' | 'ԝ' => b'w',
        // Greek look-alikes.
        'Α' | 'α' => b'a',
        'Β' | 'β' => b'b',
        'Ε' | 'ε' => b'e',
        'Ζ' => b'z',
        'Η' => b'h',
        'Ι' | 'ι' => b'i',
        'Κ' | 'κ' => b'k',
        'Μ' => b'm',
        'Ν' => b'n',
        'ν' => b'v',
        'Ο' | 'ο' | 'ό' | 'Ό' | 'σ' => b'o',
        'Ρ' | 'ρ' => b'p',
        'Τ' | 'τ' => b't',
        'Υ' | 'υ' => b'y',
        'Χ' | 'χ' => b'x',
        '\u{3000}' => SEP,
        _ if c.is_numeric() => b'9',
        _ if c.is_alphabetic() => OTHER_LETTER,
        _ => SEP,
    };
    Some(folded)
}

fn is_letter(b: u8) -> bool {
    b.is_ascii_lowercase() || b == OTHER_LETTER
}

/// Does folded byte `b` stand for pattern letter `p`? An `o` may be written `0`.
fn same_letter(b: u8, p: u8) -> bool {
    b == p || (p == b'o' && b == b'0')
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
    f.get(i).is_none_or(|&b| !is_letter(b))
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
    // "Post Office Box", "Post Box", "Postal Box".
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
        if let Some(end) = match_letters(f, j, b"box") {
            if ends_word(f, end) {
                return true;
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
        (Some(t), None) => t.iter().any(u8::is_ascii_digit),
        _ => false,
    }
}

fn scan(f: &[u8]) -> bool {
    if only_box_and_number(f) {
        return true;
    }
    (0..f.len()).any(|i| (i == 0 || !is_letter(f[i - 1])) && po_box_at(f, i))
}

/// `true` when the line is, or contains, a post-office box.
pub fn is_po_box(line: &str) -> bool {
    // Street lines are short; fold into a stack buffer and only allocate for the
    // rare long input.
    const STACK: usize = 128;
    let mut stack = [0u8; STACK];
    let mut n = 0;
    let mut heap: Vec<u8> = Vec::new();
    for b in line.chars().filter_map(fold_char) {
        if n < STACK {
            stack[n] = b;
            n += 1;
        } else {
            if heap.is_empty() {
                heap.extend_from_slice(&stack);
            }
            heap.push(b);
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
