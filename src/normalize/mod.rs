//! The helpful layer: tidy what a person typed before it is validated.
//!
//! `validate` is strict and fixes nothing, exactly as the API would judge a
//! payload. A form calls `normalize` first (on blur, say), which makes only changes
//! that cannot alter meaning:
//!
//! * every string: outer whitespace trimmed, inner runs of whitespace collapsed to
//!   one space, Unicode composed to NFC (`e` + combining acute becomes `é`);
//! * `state`, `stateProvinceRegion` and `country`: ASCII uppercase;
//! * `ssn`, `phone` and `ein`: `-`, spaces and `()` removed, *when what remains is
//!   the right number of digits* (SSN 4 or 9, phone 10, EIN 9). Anything else is
//!   left as typed for `validate` to explain: `normalize` never guesses, so it does
//!   not drop a leading `+1` or reorder a date.
//!
//! Normalizing twice gives the same result as normalizing once.
//!
//! ```
//! use dwolla_validator::normalize::normalize;
//! use serde_json::json;
//! let tidy = normalize(&json!({"firstName": "  Mary   Ann ", "state": "ia", "ssn": "202-99-1516", "phone": "+1 515 555 0100"}));
//! assert_eq!(tidy, json!({"firstName": "Mary Ann", "state": "IA", "ssn": "202991516", "phone": "+1 515 555 0100"}));
//! ```
//!
//! NFC here covers the canonical compositions of Latin, Greek and Cyrillic letters
//! (with their extensions), the letter-like singletons (the Kelvin and Angstrom
//! signs) and Hangul syllables: the characters names and street lines are made of.
//! Combining marks are composed in the order typed; other scripts pass unchanged.

mod nfc_table;

use crate::parse::Node;
use serde_json::{Map, Value};

/// Returns a normalized copy of a payload. Values that are not strings are kept.
pub fn normalize(payload: &Value) -> Value {
    normalize_value(None, payload)
}

fn normalize_value(key: Option<&str>, v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(normalize_named(key.unwrap_or(""), s)),
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                out.insert(k.clone(), normalize_value(Some(k), v));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(|v| normalize_value(key, v)).collect()),
        other => other.clone(),
    }
}

/// Normalizes a payload given as JSON text, and writes it back as compact JSON
/// text in the payload's own key order: what the npm package's
/// `normalizeCustomer` runs. Every string is normalized as [`normalize`] does
/// (each by the name of the field it is in); numbers are written as they were
/// sent; a string that is not well-formed text (a lone surrogate escape) is
/// handed back exactly as written, for `validate` to report at its field.
///
/// ```
/// use dwolla_validator::normalize::normalize_text;
/// let out = normalize_text(r#"{"ssn": "202-99-1516", "firstName": "  Jo\ud800 ", "n": 1.50}"#).unwrap();
/// assert_eq!(out, r#"{"ssn":"202991516","firstName":"  Jo\ud800 ","n":1.50}"#);
/// ```
pub fn normalize_text(text: &str) -> Result<String, crate::report::Report> {
    let node = crate::input::read_text(text)?;
    // The output is about as long as the text: sized once, not grown.
    let mut out = String::with_capacity(text.len());
    write_normalized(None, &node, &mut out);
    Ok(out)
}

/// [`normalize_text`] for a payload already read by [`crate::parse`] (the CLI's
/// `normalize` reads each record of a file so): compact JSON in the payload's key
/// order, numbers as written, a lone surrogate escape handed back as written.
///
/// ```
/// use dwolla_validator::{normalize::normalize_node, parse::parse};
/// let node = parse(r#"{"state": " ia", "n": 1e2}"#).unwrap();
/// assert_eq!(normalize_node(&node), r#"{"state":"IA","n":1e2}"#);
/// ```
pub fn normalize_node(node: &Node<'_>) -> String {
    let mut out = String::new();
    write_normalized(None, node, &mut out);
    out
}

fn write_normalized(key: Option<&str>, node: &Node<'_>, out: &mut String) {
    match node {
        Node::Null => out.push_str("null"),
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Number(n) => out.push_str(n),
        Node::Str(s) => write_json_string(&normalize_named(key.unwrap_or(""), s), out),
        Node::BadStr(raw) => {
            out.push('"');
            out.push_str(raw);
            out.push('"');
        }
        Node::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_normalized(key, item, out);
            }
            out.push(']');
        }
        Node::Object(obj) => {
            out.push('{');
            for (i, (k, v)) in obj.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(k, out);
                out.push(':');
                write_normalized(Some(k), v, out);
            }
            out.push('}');
        }
    }
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it.
fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Normalizes one field's value, as a form would on blur. A nested field is named
/// by its path, as the catalog and `validate_field` name it
/// (`controller/address/stateProvinceRegion`): its value is normalized exactly as
/// [`normalize`] normalizes the value at that path of a payload, by the name of
/// the field it is in (the path's last part).
///
/// ```
/// use dwolla_validator::normalize::normalize_field;
/// assert_eq!(normalize_field("phone", " (515) 555-0100 "), "5155550100");
/// assert_eq!(normalize_field("ssn", "12-34"), "1234");
/// assert_eq!(normalize_field("ssn", "123-45"), "123-45"); // 5 digits: left for validate
/// assert_eq!(normalize_field("controller/ssn", "202-99-1516"), "202991516");
/// assert_eq!(normalize_field("controller/address/country", "us"), "US");
/// ```
pub fn normalize_field(field: &str, value: &str) -> String {
    normalize_named(field.rsplit('/').next().unwrap_or(field), value)
}

/// Normalizes a value by the name of the field (the JSON key) it is in.
fn normalize_named(name: &str, value: &str) -> String {
    let tidy = compose(&collapse_whitespace(value));
    match name {
        "state" | "stateProvinceRegion" | "country" => tidy.to_ascii_uppercase(),
        "ssn" => only_digits_if(&tidy, &[4, 9]),
        "phone" => only_digits_if(&tidy, &[10]),
        "ein" => only_digits_if(&tidy, &[9]),
        _ => tidy,
    }
}

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The digits of `s` with `-`, spaces and brackets removed, if that leaves only
/// ASCII digits of one of the `lengths`; otherwise `s` unchanged.
fn only_digits_if(s: &str, lengths: &[usize]) -> String {
    let stripped: String = s
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '(' | ')'))
        .collect();
    if crate::rules::all_ascii_digits(&stripped) && lengths.contains(&stripped.len()) {
        stripped
    } else {
        s.to_string()
    }
}

const HANGUL_S: u32 = 0xAC00;
const HANGUL_L: u32 = 0x1100;
const HANGUL_V: u32 = 0x1161;
const HANGUL_T: u32 = 0x11A7;
const HANGUL_V_COUNT: u32 = 21;
const HANGUL_T_COUNT: u32 = 28;

fn compose_pair(a: char, b: char) -> Option<char> {
    let (a, b) = (a as u32, b as u32);
    // Hangul: leading consonant + vowel, then syllable + trailing consonant.
    if (HANGUL_L..HANGUL_L + 19).contains(&a) && (HANGUL_V..HANGUL_V + HANGUL_V_COUNT).contains(&b)
    {
        return char::from_u32(
            HANGUL_S + ((a - HANGUL_L) * HANGUL_V_COUNT + (b - HANGUL_V)) * HANGUL_T_COUNT,
        );
    }
    if (HANGUL_S..HANGUL_S + 11172).contains(&a)
        && (a - HANGUL_S) % HANGUL_T_COUNT == 0
        && (HANGUL_T + 1..HANGUL_T + HANGUL_T_COUNT).contains(&b)
    {
        return char::from_u32(a + (b - HANGUL_T));
    }
    let (a, b) = (u16::try_from(a).ok()?, u16::try_from(b).ok()?);
    nfc_table::COMPOSE
        .binary_search_by(|&(x, y, _)| (x, y).cmp(&(a, b)))
        .ok()
        .and_then(|i| char::from_u32(u32::from(nfc_table::COMPOSE[i].2)))
}

fn singleton(c: char) -> char {
    u16::try_from(c as u32)
        .ok()
        .and_then(|u| {
            nfc_table::SINGLETONS
                .binary_search_by_key(&u, |&(x, _)| x)
                .ok()
        })
        .and_then(|i| char::from_u32(u32::from(nfc_table::SINGLETONS[i].1)))
        .unwrap_or(c)
}

/// Composes `s` to NFC for the characters names and addresses are made of.
pub fn compose(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut last: Option<char> = None;
    for c in s.chars().map(singleton) {
        if let Some(prev) = last {
            if let Some(joined) = compose_pair(prev, c) {
                out.pop();
                out.push(joined);
                last = Some(joined);
                continue;
            }
        }
        out.push(c);
        last = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whitespace() {
        assert_eq!(collapse_whitespace("  a \t\n b  "), "a b");
        assert_eq!(collapse_whitespace("\u{a0}x\u{a0}"), "x");
        assert_eq!(collapse_whitespace(""), "");
    }

    #[test]
    fn nfc_composes_names() {
        assert_eq!(compose("Jose\u{301}"), "José");
        assert_eq!(compose("Nguye\u{302}\u{303}n"), "Nguyễn");
        assert_eq!(compose("u\u{308}\u{304}"), "ǖ");
        assert_eq!(compose("\u{212B}"), "Å");
        assert_eq!(compose("\u{1100}\u{1161}\u{11A8}"), "각");
        assert_eq!(compose("already é"), "already é");
    }

    #[test]
    fn digits_only_when_the_count_is_right() {
        assert_eq!(normalize_field("ssn", "202-99-1516"), "202991516");
        assert_eq!(normalize_field("ssn", "(1234)"), "1234");
        assert_eq!(normalize_field("ssn", "202-99-151"), "202-99-151");
        assert_eq!(normalize_field("phone", "515.555.0100"), "515.555.0100");
        assert_eq!(
            normalize_field("phone", "+1 515 555 0100"),
            "+1 515 555 0100"
        );
        assert_eq!(normalize_field("ein", "12-3456789"), "123456789");
    }

    #[test]
    fn nested_objects_and_non_strings() {
        let v = json!({"controller": {"address": {"stateProvinceRegion": " ny ", "country": "us"}}, "n": 5, "ok": true});
        assert_eq!(
            normalize(&v),
            json!({"controller": {"address": {"stateProvinceRegion": "NY", "country": "US"}}, "n": 5, "ok": true})
        );
    }

    #[test]
    fn dates_are_not_reordered() {
        assert_eq!(normalize_field("dateOfBirth", " 01/31/1980 "), "01/31/1980");
    }
}
