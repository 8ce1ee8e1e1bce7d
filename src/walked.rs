//! Reading a payload as the npm package's object walk hands it over: the same
//! [`Node`] tree [`crate::parse::parse`] makes of the payload's JSON text, without
//! the JSON text.
//!
//! `validateCustomer(object)` used to turn the object into JSON with
//! `JSON.stringify`, write that into wasm memory and parse it here: a third of the
//! time of a call went into writing and reading JSON that nobody asked for. The
//! walk in `pkg/index.js` reads the object instead (its own enumerable string keys,
//! as `JSON.stringify` reads them) and hands over two things:
//!
//! * **text**: every string value and every key the engine does not know, one
//!   after another with nothing between them (no quotes, no escapes), as UTF-8,
//!   and the text of every number as `String(n)` writes it;
//! * **marks**: what the text holds, one 32-bit integer per step, in order. An
//!   object is `OPEN`, then for each member its key and then its value, then
//!   `CLOSE`. A key is [`known_key`] of its number when it is one of
//!   [`crate::keys::KNOWN`] (the walk has the list from the `.wasm`), else the
//!   length of its text. A value is a length (a string), `OPEN` ... `CLOSE` (an
//!   object), `NULL`, `TRUE`, `FALSE`, or `NUMBER` followed by the length of the
//!   number's text. Lengths count UTF-16 code units, as JavaScript's
//!   `String.length` does.
//!
//! The walk only hands over what this form can say: objects whose prototype is
//! `Object.prototype` or `null`, without `toJSON`, holding strings, numbers,
//! booleans, `null` and such objects, at most [`MAX_DEPTH`] deep. Anything else
//! (an array, a `Date`, a class instance, a `BigInt`, a lone surrogate, a cycle)
//! goes the old way, through `JSON.stringify` and [`crate::parse::parse`], so
//! `JSON.stringify` stays the definition of what an object means.
//!
//! [`read`] checks everything it is given, so marks that do not fit the text are
//! `None`, never a panic: the caller then reads the payload as JSON text. Lone
//! surrogates are found here too. `TextEncoder` writes one as U+FFFD, so text
//! with a U+FFFD is `None`; and two strings that each hold half of a surrogate
//! pair, side by side, look like one whole pair in the text, so a length then ends
//! inside a character, which is `None` as well. The JSON text then reports each
//! lone half at its own field.
//!
//! ```
//! use dwolla_validator::walked::{known_key, read, CLOSE, NUMBER, OPEN, TRUE};
//! use dwolla_validator::parse::parse;
//! // {"firstName":"Zoë","age":42,"ok":true}
//! let text = "Zoëage42ok";
//! let first_name = known_key(0); // keys::KNOWN[0] is "firstName"
//! let marks = [OPEN, first_name, 3, 3, NUMBER, 2, 2, TRUE, CLOSE];
//! let node = read(text, &marks).unwrap();
//! assert_eq!(node, parse(r#"{"firstName":"Zoë","age":42,"ok":true}"#).unwrap());
//! // A length past the end of the text is refused, not trusted.
//! assert!(read(text, &[OPEN, first_name, 30, CLOSE]).is_none());
//! ```

use crate::keys;
use crate::parse::{Node, Obj};
use std::borrow::Cow;

/// An object starts.
pub const OPEN: i32 = -1;
/// The object started last ends.
pub const CLOSE: i32 = -2;
/// The value `null`.
pub const NULL: i32 = -3;
/// The value `true`.
pub const TRUE: i32 = -4;
/// The value `false`.
pub const FALSE: i32 = -5;
/// A number: the next mark is the length of its text.
pub const NUMBER: i32 = -6;

/// The mark of the key numbered `id` in [`crate::keys::KNOWN`]: from -100 down.
pub const fn known_key(id: u8) -> i32 {
    -100 - id as i32
}

/// The deepest nesting of objects the form holds (the payload itself is depth
/// 1). A Customer payload nests three deep (`controller.address`); deeper
/// payloads go through `JSON.stringify`, which has its own answer for cycles.
pub const MAX_DEPTH: usize = 8;

/// The payload the walk handed over as `text` and `marks`, or `None` when the
/// marks do not describe `text` exactly (then read the JSON text instead).
pub fn read<'a>(text: &'a str, marks: &[i32]) -> Option<Node<'a>> {
    let bytes: Vec<u8> = marks.iter().flat_map(|m| m.to_le_bytes()).collect();
    read_le(text, &bytes)
}

/// [`read`] with the marks as the walk writes them into wasm memory: four bytes
/// each, little-endian (a length that is not a multiple of four is `None`).
pub fn read_le<'a>(text: &'a str, marks: &[u8]) -> Option<Node<'a>> {
    if marks.len() % 4 != 0 {
        return None;
    }
    let mut reader = Reader {
        text,
        at: 0,
        marks,
        next: 0,
    };
    if reader.mark()? != OPEN {
        return None;
    }
    let node = reader.object(1)?;
    (reader.at == text.len() && reader.next == marks.len()).then_some(node)
}

struct Reader<'a, 'm> {
    text: &'a str,
    /// Bytes of `text` read so far.
    at: usize,
    /// Four little-endian bytes a mark.
    marks: &'m [u8],
    /// Bytes of `marks` read so far.
    next: usize,
}

impl<'a> Reader<'a, '_> {
    fn mark(&mut self) -> Option<i32> {
        let m = self.marks.get(self.next..self.next + 4)?;
        self.next += 4;
        Some(i32::from_le_bytes([m[0], m[1], m[2], m[3]]))
    }

    /// The next `units` UTF-16 code units of the text.
    fn piece(&mut self, units: i32) -> Option<&'a str> {
        let units = usize::try_from(units).ok()?;
        let rest = &self.text[self.at..];
        // ASCII is one byte a unit, so most pieces are cut without counting.
        let head = rest.as_bytes().get(..units)?;
        let len = if head.is_ascii() {
            units
        } else {
            let mut counted = 0;
            let mut bytes = 0;
            for c in rest.chars() {
                if counted >= units {
                    break;
                }
                // TextEncoder writes a lone surrogate as U+FFFD, so one may stand
                // for a lone surrogate: the JSON text tells them apart (a real
                // U+FFFD is refused anyway, by `invisible_characters`). Every byte
                // of the text is in some piece, and an ASCII piece has none.
                if c == '\u{FFFD}' {
                    return None;
                }
                counted += c.len_utf16();
                bytes += c.len_utf8();
            }
            // Short of the length, or past it inside a pair: not this text's piece.
            if counted != units {
                return None;
            }
            bytes
        };
        self.at += len;
        Some(&rest[..len])
    }

    /// The members of an object whose `OPEN` has been read, through its `CLOSE`.
    fn object(&mut self, depth: usize) -> Option<Node<'a>> {
        let mut members = Vec::with_capacity(if depth == 1 { 16 } else { 4 });
        loop {
            let (key, id) = match self.mark()? {
                CLOSE => return Obj::from_members(members).map(Node::Object),
                units if units >= 0 => {
                    let key = self.piece(units)?;
                    (key, keys::id_of_text(key))
                }
                mark => {
                    let id = u8::try_from(known_key(0) - mark).ok()?;
                    (*keys::KNOWN.get(usize::from(id))?, id)
                }
            };
            let value = match self.mark()? {
                OPEN if depth < MAX_DEPTH => self.object(depth + 1)?,
                NULL => Node::Null,
                TRUE => Node::Bool(true),
                FALSE => Node::Bool(false),
                NUMBER => {
                    let units = self.mark()?;
                    number(self.piece(units)?)?
                }
                units if units >= 0 => Node::Str(Cow::Borrowed(self.piece(units)?)),
                _ => return None,
            };
            members.push((Cow::Borrowed(key), value, id));
        }
    }
}

/// A number's text as a [`Node::Number`], when it is one JSON number token with a
/// finite value (as `String(n)` writes every finite number).
fn number(text: &str) -> Option<Node<'_>> {
    match crate::parse::parse(text) {
        Ok(n @ Node::Number(_)) if text.bytes().all(|b| !b.is_ascii_whitespace()) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;
    use proptest::prelude::*;
    use serde_json::Value;

    /// What the JS walk hands over for `value` (an object): the test's model of
    /// `pkg/index.js`'s walk, written from this module's description.
    fn walk(value: &Value) -> (String, Vec<i32>) {
        fn units(s: &str) -> i32 {
            s.encode_utf16().count() as i32
        }
        fn go(v: &Value, text: &mut String, marks: &mut Vec<i32>) {
            match v {
                Value::Null => marks.push(NULL),
                Value::Bool(true) => marks.push(TRUE),
                Value::Bool(false) => marks.push(FALSE),
                Value::Number(n) => {
                    let t = n.to_string();
                    marks.extend([NUMBER, units(&t)]);
                    text.push_str(&t);
                }
                Value::String(s) => {
                    marks.push(units(s));
                    text.push_str(s);
                }
                Value::Object(m) => {
                    marks.push(OPEN);
                    for (k, v) in m {
                        match keys::KNOWN.iter().position(|known| known == k) {
                            Some(id) => marks.push(known_key(id as u8)),
                            None => {
                                marks.push(units(k));
                                text.push_str(k);
                            }
                        }
                        go(v, text, marks);
                    }
                    marks.push(CLOSE);
                }
                Value::Array(_) => unreachable!("the walk hands arrays to JSON.stringify"),
            }
        }
        let (mut text, mut marks) = (String::new(), Vec::new());
        go(value, &mut text, &mut marks);
        (text, marks)
    }

    fn arb_text() -> impl Strategy<Value = String> {
        // ASCII, the characters JSON escapes, two-, three- and four-byte characters.
        proptest::collection::vec(
            prop_oneof![
                Just('a'),
                Just('"'),
                Just('\\'),
                Just('\n'),
                Just('\u{0}'),
                Just('é'),
                Just('李'),
                Just('😀'),
                Just('\u{FFFD}'),
                any::<char>(),
            ],
            0..8,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    fn arb_key() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("firstName".to_string()),
            Just("address".to_string()),
            Just("ssn".to_string()),
            arb_text(),
        ]
    }

    fn arb_object() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (-1e300f64..1e300).prop_map(Value::from),
            arb_text().prop_map(Value::String),
        ];
        let object = |members: std::collections::BTreeMap<String, Value>| {
            Value::Object(members.into_iter().collect())
        };
        let value = leaf.prop_recursive(3, 40, 6, move |inner| {
            proptest::collection::btree_map(arb_key(), inner, 0..6).prop_map(object)
        });
        proptest::collection::btree_map(arb_key(), value, 0..8).prop_map(object)
    }

    proptest! {
        /// The walk's form reads to the very tree the JSON text parses to.
        #[test]
        fn reads_as_the_json_text_parses(value in arb_object()) {
            let json = serde_json::to_string(&value).unwrap();
            let (text, marks) = walk(&value);
            // Text with a U+FFFD is left to the JSON text (it may be a lone surrogate).
            let expected = (!text.contains('\u{FFFD}')).then(|| parse(&json).unwrap());
            prop_assert_eq!(read(&text, &marks), expected);
        }

        /// Marks that do not fit the text (one changed, one dropped) never panic, and
        /// what they read is always a tree of that text's pieces or `None`.
        #[test]
        fn wrong_marks_are_refused_or_read_safely(
            value in arb_object(),
            at in any::<prop::sample::Index>(),
            to in -8i32..40,
            drop in any::<bool>(),
        ) {
            let (text, mut marks) = walk(&value);
            let i = at.index(marks.len());
            if drop { marks.remove(i); } else { marks[i] = to; }
            let _ = read(&text, &marks);
        }
    }

    proptest! {
        /// Any text with any marks: `None` or a tree, never a panic.
        #[test]
        fn any_marks_on_any_text_never_panic(
            text in arb_text(),
            marks in proptest::collection::vec(
                prop_oneof![-170i32..12, Just(OPEN), Just(CLOSE), any::<i32>()],
                0..24,
            ),
        ) {
            let _ = read(&text, &marks);
            let mut opened = vec![OPEN];
            opened.extend(&marks);
            let _ = read(&text, &opened);
        }
    }

    #[test]
    fn known_keys_read_as_their_names() {
        for (id, name) in keys::KNOWN.iter().enumerate() {
            let node = read("x", &[OPEN, known_key(id as u8), 1, CLOSE]).unwrap();
            let json = format!(r#"{{"{name}":"x"}}"#);
            assert_eq!(node, parse(&json).unwrap(), "{name}");
        }
        let past = known_key(keys::KNOWN.len() as u8);
        assert!(read("x", &[OPEN, past, 1, CLOSE]).is_none(), "no such key");
    }

    #[test]
    fn a_replacement_character_is_left_to_the_json_text() {
        // It may be where TextEncoder wrote a lone surrogate.
        assert!(read("a\u{FFFD}", &[OPEN, 1, 1, CLOSE]).is_none());
        assert!(read("a\u{FFFE}", &[OPEN, 1, 1, CLOSE]).is_some());
    }

    #[test]
    fn a_surrogate_pair_split_between_two_pieces_is_refused() {
        // JS strings "a\uD83D" and "\uDE00b": their concatenation encodes as one
        // whole character, so the first length (2 units) ends inside it.
        let text = "xa😀b";
        assert!(read(text, &[OPEN, 1, 2, 1, CLOSE]).is_none());
        assert!(read(text, &[OPEN, 1, 4, CLOSE]).is_some());
    }

    #[test]
    fn what_the_form_cannot_hold_is_refused() {
        let doubled = read("ssn1ssn2", &[OPEN, 3, 1, 3, 1, CLOSE]);
        assert!(doubled.is_none(), "a key twice");
        let odd_twice = read("xx1xx2", &[OPEN, 2, 1, 2, 1, CLOSE]);
        assert!(odd_twice.is_none(), "an unknown key twice");
        assert!(
            read("a", &[OPEN, 1, NUMBER, 0, CLOSE]).is_none(),
            "an empty number"
        );
        assert!(
            read("a1e999", &[OPEN, 1, NUMBER, 5, CLOSE]).is_none(),
            "an infinite number"
        );
        assert!(
            read("a 1", &[OPEN, 1, NUMBER, 2, CLOSE]).is_none(),
            "a number with a space"
        );
        assert!(read("", &[OPEN]).is_none(), "no CLOSE");
        assert!(read("", &[OPEN, CLOSE, CLOSE]).is_none(), "marks left over");
        assert!(read("ab", &[OPEN, 1, 0, CLOSE]).is_none(), "text left over");
        assert!(read("", &[NULL]).is_none(), "not an object");
        let open_close: Vec<u8> = [OPEN, CLOSE].iter().flat_map(|m| m.to_le_bytes()).collect();
        assert!(read_le("", &open_close).is_some());
        assert!(read_le("", &open_close[..7]).is_none(), "half a mark");
        let mut deep = vec![OPEN];
        for _ in 1..MAX_DEPTH {
            deep.extend([1, OPEN]);
        }
        let text = "k".repeat(MAX_DEPTH - 1);
        let close = vec![CLOSE; MAX_DEPTH];
        assert!(read(&text, &[deep.clone(), close.clone()].concat()).is_some());
        deep.extend([1, OPEN]);
        let text = "k".repeat(MAX_DEPTH);
        assert!(
            read(&text, &[deep, close, vec![CLOSE]].concat()).is_none(),
            "too deep"
        );
    }
}
