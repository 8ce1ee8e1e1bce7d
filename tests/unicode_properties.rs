//! The look-alike fold and the character classes, checked against Unicode itself.
//!
//! `unicode-normalization` (pinned to the Unicode version the tables were generated
//! from) is an independent NFC/NFKD: the tables in `src/rules/unicode_tables.rs`
//! come from a Python script, so these tests compare two implementations.
//!
//! * Generated tables: for every code point, the fold of the character and the fold
//!   of its NFKD and NFC agree; every character that folds to a letter of the PO-box
//!   words, put in its place in "PO Box 1" or "Post Office Drawer 1", is caught.
//! * Properties: a PO-box phrase or a street name, written with random look-alikes,
//!   marks of many scripts, invisible characters and letterlike symbols, gets the
//!   same verdict as the plain phrase, and so do its NFC, its NFKD and what
//!   `normalize` makes of it; `normalize` never turns a name or street line that a
//!   content rule refuses into one it accepts.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use dwolla_validator::normalize::normalize_field;
use dwolla_validator::rules::{
    forbidden_characters::ForbiddenCharacters,
    invisible_characters::{is_invisible, InvisibleCharacters},
    no_digits::NoDigits,
    po_box::{is_po_box, PoBox},
    presence::is_blank,
    unassigned_characters::UnassignedCharacters,
    unicode::{self, fold},
    Ctx, Rule,
};
use dwolla_validator::{validate_field, Options};
use proptest::prelude::*;
use serde_json::Value;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

fn every_char() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

/// The fold as the PO-box matcher reads it: letters and digits kept, everything
/// else one separator, runs of separators and of "other letters" squeezed (a run
/// of them says no more than one).
fn po_view(s: &str) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    for b in s.chars().flat_map(fold) {
        let b = if unicode::is_letter(b) || unicode::is_digit(b) {
            b
        } else {
            b' '
        };
        if matches!(b, b' ' | unicode::OTHER_LETTER) && out.last() == Some(&b) {
            continue;
        }
        out.push(b);
    }
    out
}

#[test]
fn the_unicode_versions_match_the_oracle() {
    let (a, b, c) = unicode_normalization::UNICODE_VERSION;
    assert_eq!(unicode::UCD_VERSION, format!("{a}.{b}.{c}"));
}

/// Generated table: every code point folds like its NFKD and its NFC.
#[test]
fn every_character_folds_like_its_nfkd_and_nfc() {
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for c in every_char().filter(|&c| unicode::is_assigned_public(c)) {
        let one = c.to_string();
        let mine = po_view(&one);
        for other in [one.nfkd().collect::<String>(), one.nfc().collect()] {
            if po_view(&other) != mine {
                mismatches.push(format!("U+{:04X}", c as u32));
            }
        }
        checked += 1;
    }
    assert!(checked > 140_000, "checked {checked}");
    assert!(
        mismatches.is_empty(),
        "{} differ: {:?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(40)]
    );
}

/// Where each letter of the PO-box words stands in a phrase that is a PO box.
const PLACES: &[(u8, &str)] = &[
    (b'p', "PO Box 1"),
    (b'o', "PO Box 1"),
    (b'b', "PO Box 1"),
    (b'x', "PO Box 1"),
    (b's', "Post Office Drawer 1"),
    (b't', "Post Office Drawer 1"),
    (b'f', "Post Office Drawer 1"),
    (b'i', "Post Office Drawer 1"),
    (b'c', "Post Office Drawer 1"),
    (b'e', "Post Office Drawer 1"),
    (b'd', "Post Office Drawer 1"),
    (b'r', "Post Office Drawer 1"),
    (b'a', "Post Office Drawer 1"),
    (b'w', "Post Office Drawer 1"),
    (b'l', "Postal Box 1"),
];

/// Every character whose fold is one byte, by that byte.
fn look_alikes() -> &'static BTreeMap<u8, Vec<char>> {
    static MAP: OnceLock<BTreeMap<u8, Vec<char>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: BTreeMap<u8, Vec<char>> = BTreeMap::new();
        for c in every_char().filter(|&c| unicode::is_assigned_public(c)) {
            let f: Vec<u8> = fold(c).collect();
            if let [b] = f[..] {
                map.entry(b).or_default().push(c);
            }
        }
        map
    })
}

/// Generated table: every character that folds to a letter of the words, put in
/// that letter's place (each place it has in the phrase), makes a PO box; and so
/// does a digit that looks like the letter.
#[test]
fn every_character_that_folds_to_a_matcher_letter_is_caught() {
    let mut checked = 0;
    for &(letter, phrase) in PLACES {
        let places: Vec<usize> = phrase
            .char_indices()
            .filter(|&(_, c)| c.to_ascii_lowercase() as u32 == u32::from(letter))
            .map(|(i, _)| i)
            .collect();
        assert!(!places.is_empty(), "{phrase} has no {}", letter as char);
        let upper = letter.to_ascii_uppercase();
        for &b in [letter, upper].iter() {
            for &c in look_alikes().get(&b).map(Vec::as_slice).unwrap_or(&[]) {
                for &at in &places {
                    let s = format!("{}{c}{}", &phrase[..at], &phrase[at + 1..]);
                    assert!(is_po_box(&s), "U+{:04X} in {s:?}", c as u32);
                    checked += 1;
                }
            }
        }
    }
    // Thousands: every case, script and style of each letter.
    assert!(checked > 2_000, "checked {checked}");
    let o = &look_alikes()[&b'o'];
    for c in ['Ȯ', 'ơ', 'Ǫ', 'ø', 'Ο', 'О', 'Ｏ', 'ⓞ', '𝐎', 'ℴ', 'ᴏ', 'ọ'] {
        assert!(o.contains(&c), "{c} folds to o");
    }
    let p = &look_alikes()[&b'p'];
    for c in ['ℙ', 'Ⓟ', '𝐏', 'Р', 'ᴘ', 'Ṕ'] {
        assert!(p.contains(&c), "{c} folds to p");
    }
}

/// Generated table: every character that shows nothing (marks of every script,
/// format characters, fillers), between the letters of "PO Box", leaves it a PO
/// box, and alone it is blank.
#[test]
fn every_character_that_shows_nothing_is_dropped_and_blank() {
    let mut checked = 0;
    for c in every_char().filter(|&c| unicode::shows_nothing(c)) {
        let s = format!("P{c}O B{c}ox 1");
        assert!(is_po_box(&s), "U+{:04X}", c as u32);
        assert!(is_blank(&c.to_string()), "U+{:04X}", c as u32);
        checked += 1;
    }
    assert!(checked > 4_000, "checked {checked}");
}

/// Base phrases: PO boxes in several spellings, and street names that must pass.
const PO_BOXES: &[&str] = &[
    "PO Box 12",
    "P.O. Box 5",
    "P O Box 7",
    "Post Office Box 3",
    "Post Office Drawer 3",
    "PO Drawer 9",
    "Postal Box 4",
    "POB 44",
    "Pobox 1",
    "123 Main St PO Box 5",
    "Box 12",
];
const STREETS: &[&str] = &[
    "Box Elder St",
    "12 Boxwood Ln",
    "Boxing Pass",
    "Poblano Ln",
    "Post Rd",
    "Postal Cir",
    "Office Park Dr",
    "P O Davis Dr",
    "RR 2 Box 15",
    "HC 1 Box 9",
    "1 Hippo Boxer Way",
];

/// Marks of many scripts: every combining character (canonical combining class
/// not 0) that shows nothing, from Latin to Arabic, Thai, Devanagari and beyond.
fn marks() -> &'static [char] {
    static MARKS: OnceLock<Vec<char>> = OnceLock::new();
    MARKS.get_or_init(|| {
        every_char()
            .filter(|&c| unicode::shows_nothing(c) && canonical_combining_class(c) != 0)
            .collect()
    })
}

/// Invisible characters that take no part in composition: format characters,
/// fillers, variation selectors, tags.
fn invisibles() -> &'static [char] {
    static INVISIBLES: OnceLock<Vec<char>> = OnceLock::new();
    INVISIBLES.get_or_init(|| {
        every_char()
            .filter(|&c| unicode::shows_nothing(c) && canonical_combining_class(c) == 0)
            .collect()
    })
}

/// One way to rewrite a character of a phrase without changing what it looks like.
#[derive(Debug, Clone)]
enum Disguise {
    Keep,
    /// The `n`-th character that folds to the same byte.
    LookAlike(usize),
    /// Followed by the `n`-th combining mark.
    Mark(usize),
    /// Followed by the `n`-th invisible character.
    Invisible(usize),
}

fn disguise() -> impl Strategy<Value = Disguise> {
    prop_oneof![
        3 => Just(Disguise::Keep),
        3 => any::<usize>().prop_map(Disguise::LookAlike),
        2 => any::<usize>().prop_map(Disguise::Mark),
        1 => any::<usize>().prop_map(Disguise::Invisible),
    ]
}

fn disguised(phrase: &str, how: &[Disguise]) -> String {
    let mut out = String::new();
    for (c, d) in phrase.chars().zip(how.iter().cycle()) {
        match d {
            Disguise::Keep => out.push(c),
            Disguise::LookAlike(n) => {
                let f: Vec<u8> = fold(c).collect();
                let twin = match f[..] {
                    // A space or punctuation may become any separator.
                    [b] if !unicode::is_letter(b) && !unicode::is_digit(b) => {
                        look_alikes().get(&b' ').map(|v| v[n % v.len()])
                    }
                    [b] => look_alikes().get(&b).map(|v| v[n % v.len()]),
                    _ => None,
                };
                out.push(twin.unwrap_or(c));
            }
            Disguise::Mark(n) => {
                out.push(c);
                out.push(marks()[n % marks().len()]);
            }
            Disguise::Invisible(n) => {
                out.push(c);
                out.push(invisibles()[n % invisibles().len()]);
            }
        }
    }
    out
}

/// Characters a person (or an attacker) might paste into a name or street line.
fn arb_field_text() -> impl Strategy<Value = String> {
    let interesting = prop_oneof![
        prop::sample::select(&['a', 'o', 'P', 'O', 'B', 'x', '0', '1', ' ', '.', '-', '\''][..]),
        prop::sample::select(&['<', '!', '＜', '‹', '≠', '\u{0338}', '˜', '∖'][..]),
        prop::sample::select(
            &['\u{0301}', '\u{0323}', '\u{0E31}', '\u{064E}', '\u{20DD}', '\u{0308}'][..]
        ),
        prop::sample::select(
            &['\u{200B}', '\u{2800}', '\u{3000}', '\u{00A0}', '\t', '\u{FEFF}'][..]
        ),
        prop::sample::select(
            &[
                '\u{FDD0}',
                '\u{FFFE}',
                '\u{10FFFF}',
                '\u{0378}',
                '\u{E000}',
                '\u{F0000}'
            ][..]
        ),
        prop::sample::select(&['ℙ', 'Ⓟ', '𝐎', 'О', 'ο', 'ᴏ', 'Ȯ', '٥', '①', 'ﬀ', '℻'][..]),
        any::<char>(),
    ];
    prop_oneof![
        prop::collection::vec(interesting, 0..16).prop_map(|v| v.into_iter().collect()),
        (
            prop::sample::select(PO_BOXES),
            prop::collection::vec(disguise(), 1..12)
        )
            .prop_map(|(p, d)| disguised(p, &d)),
        (
            prop::sample::select(STREETS),
            prop::collection::vec(disguise(), 1..12)
        )
            .prop_map(|(p, d)| disguised(p, &d)),
    ]
}

fn ctx() -> Ctx {
    Ctx {
        operation: Default::default(),
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}

fn refuses(rule: &dyn Rule, s: &str) -> bool {
    rule.check(s, &ctx()).is_err()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A disguised PO box is still one, a disguised street name still passes, and
    /// the verdict of a line, its NFC, its NFKD and its normalized form agree.
    #[test]
    fn disguises_do_not_change_the_verdict(
        po in any::<bool>(),
        pick in any::<prop::sample::Index>(),
        how in prop::collection::vec(disguise(), 1..16),
        letterlike in prop::option::of((0x2100u32..=0x214F, any::<prop::sample::Index>())),
    ) {
        let base = if po { pick.get(PO_BOXES) } else { pick.get(STREETS) };
        let mut s = disguised(base, &how);
        prop_assert_eq!(is_po_box(&s), po, "{:?} from {:?}", s, base);
        // A letterlike symbol put anywhere may change the verdict (it is a letter),
        // but never differently for the NFC, the NFKD and the normalized line.
        if let Some((u, at)) = letterlike {
            if let Some(sym) = char::from_u32(u) {
                let chars: Vec<char> = s.chars().collect();
                let i = at.index(chars.len() + 1);
                s = chars[..i].iter().chain([sym].iter()).chain(chars[i..].iter()).collect();
            }
        }
        let verdict = is_po_box(&s);
        let nfc: String = s.nfc().collect();
        let nfkd: String = s.nfkd().collect();
        prop_assert_eq!(is_po_box(&nfc), verdict, "NFC of {:?}", s);
        prop_assert_eq!(is_po_box(&nfkd), verdict, "NFKD of {:?}", s);
        prop_assert_eq!(is_po_box(&normalize_field("address1", &s)), verdict, "normalized {:?}", s);
    }

    /// `normalize` never turns a name or street line that a rule on its content
    /// refuses into one it accepts: composing `P` + U+0301 into `Ṕ`, trimming or
    /// collapsing spaces changes no verdict of these rules.
    #[test]
    fn normalize_never_makes_a_refused_value_pass(s in arb_field_text()) {
        for field in ["firstName", "address1", "address2", "city"] {
            let tidy = normalize_field(field, &s);
            let content_rules: [&dyn Rule; 4] =
                [&PoBox, &ForbiddenCharacters, &UnassignedCharacters, &NoDigits];
            for rule in content_rules {
                if refuses(rule, &s) {
                    prop_assert!(refuses(rule, &tidy), "{} accepts {:?} normalized from {:?}", rule.id(), tidy, s);
                }
            }
            // Tabs and newlines are whitespace that normalize may turn into spaces;
            // any other invisible character stays.
            if s.chars().any(|c| is_invisible(c) && !c.is_whitespace()) {
                prop_assert!(refuses(&InvisibleCharacters, &tidy), "{:?} from {:?}", tidy, s);
            }
            if is_blank(&s) {
                prop_assert!(is_blank(&tidy), "{:?} from {:?}", tidy, s);
            }
        }
    }

    /// The same, through `validate_field` for the personal shape: a refused name or
    /// street line stays refused once normalized, unless only its length or its
    /// whitespace (what normalize exists to tidy) was wrong.
    #[test]
    fn validate_field_agrees_after_normalize(s in arb_field_text()) {
        let opts = Options::new(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        for field in ["firstName", "lastName", "address1", "address2"] {
            let before = validate_field("personal", field, &Value::String(s.clone()), &opts);
            let tidy = normalize_field(field, &s);
            let after = validate_field("personal", field, &Value::String(tidy.clone()), &opts);
            if let Some(e) = before.errors.first() {
                let only_whitespace_invisible =
                    !s.chars().any(|c| is_invisible(c) && !c.is_whitespace());
                let tidied_away = e.rule == "length"
                    || (e.rule == "invisible_characters" && only_whitespace_invisible);
                if !tidied_away {
                    prop_assert!(!after.valid, "{} refused {:?} ({}), but accepts {:?}", field, s, e.rule, tidy);
                }
            }
        }
    }
}
