//! Reading JSON text once, into a tree that borrows from the text.
//!
//! This is the first step of the one-way flow *parse, then check, then report*:
//! [`parse`] turns a payload's text into a [`Node`] whose strings are slices of the
//! input wherever they hold no escape, so a valid record is read without copying a
//! single field. The shape engine ([`crate::shapes`]) walks the tree exactly as it
//! walks a `serde_json::Value`, and gives the same report.
//!
//! It is as strict as [`crate::input::parse_payload`]: a key twice in one object,
//! nesting deeper than 128, a number out of range (`1e999`), control characters in
//! strings and trailing text are all errors. One thing differs, on purpose: a
//! string holding a lone surrogate escape (`"\ud800"`, which `JSON.stringify`
//! writes for a JavaScript string with half a surrogate pair) is not an error for
//! the whole payload but a [`Node::BadStr`], so the report names the field that
//! holds it instead of the payload's root.
//!
//! Why a parser of our own rather than a borrowing serde visitor: serde_json fails
//! the whole document on a lone surrogate, which would put the error at `""`, and
//! its visitor interface costs a call per token; this reader is a single pass over
//! the bytes that allocates only for objects and arrays (the README's Performance
//! section has the figures).
//!
//! ```
//! use dwolla_validator::parse::{parse, Node};
//! let text = r#"{"firstName": "Jane", "lastName": "Do\u00eb", "bad": "\ud800"}"#;
//! let Node::Object(obj) = parse(text).unwrap() else { panic!() };
//! assert!(matches!(obj.get("firstName"), Some(Node::Str(s)) if s == "Jane"));
//! assert!(matches!(obj.get("lastName"), Some(Node::Str(s)) if s == "Doë"));
//! assert!(matches!(obj.get("bad"), Some(Node::BadStr(_))));
//! assert!(parse(r#"{"a":1,"a":2}"#).is_err());
//! ```

use crate::keys::{self, Key, UNKNOWN};
use std::borrow::Cow;

/// Why a record could not be read. The message never quotes the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Not valid JSON (or not UTF-8).
    #[error("not valid JSON: {reason} at line {line}, column {column}")]
    Json {
        /// What the parser expected, in its words (never the input itself).
        reason: String,
        /// 1-based line within the record.
        line: usize,
        /// 1-based column within that line.
        column: usize,
    },
}

/// An error at byte `offset` of `text`, with its 1-based line and column (the
/// column counts bytes from the line start). The reason never quotes the input.
pub(crate) fn error_at(text: &[u8], offset: usize, reason: &str) -> InputError {
    let upto = &text[..offset.min(text.len())];
    let line = 1 + upto.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + upto.iter().rev().take_while(|&&b| b != b'\n').count();
    InputError::Json {
        reason: reason.to_string(),
        line,
        column,
    }
}

/// The deepest nesting of arrays and objects accepted (as `serde_json`'s limit).
pub const MAX_DEPTH: usize = 127;

/// A JSON value that borrows its strings from the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (its grammar checked and its value finite).
    Number(&'a str),
    /// A string, decoded: borrowed from the text when it has no escapes.
    Str(Cow<'a, str>),
    /// A string that is not well-formed text because it holds a lone surrogate
    /// escape: kept as written between its quotes, so that it can be handed back
    /// unchanged, and reported at its own path.
    BadStr(&'a str),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object.
    Object(Obj<'a>),
}

/// A JSON object: its entries in the order they were written, each key once.
#[derive(Debug, Clone, Default)]
pub struct Obj<'a> {
    entries: Vec<Entry<'a>>,
}

/// One entry of an [`Obj`]: its key, the key's number in [`keys::KNOWN`] (what
/// lookups compare), and its value.
#[derive(Debug, Clone, PartialEq)]
struct Entry<'a> {
    key: Cow<'a, str>,
    value: Node<'a>,
    id: u8,
}

impl PartialEq for Obj<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl<'a> Obj<'a> {
    /// An object of these members, in this order, each with its key's number
    /// ([`keys::id_of_text`] of the key); `None` when a key is given twice (an
    /// [`Obj`] holds each key once). For readers of other forms of a payload
    /// ([`crate::walked`]).
    pub(crate) fn from_members(members: Vec<(Cow<'a, str>, Node<'a>, u8)>) -> Option<Self> {
        let mut known: u64 = 0;
        let mut unknown: Vec<&str> = Vec::new();
        let entries: Vec<Entry<'a>> = members
            .into_iter()
            .map(|(key, value, id)| {
                debug_assert_eq!(id, keys::id_of_text(&key));
                Entry { key, value, id }
            })
            .collect();
        for e in &entries {
            if e.id == UNKNOWN {
                unknown.push(&e.key);
            } else if known & (1u64 << e.id) != 0 {
                return None;
            } else {
                known |= 1u64 << e.id;
            }
        }
        if unknown.len() > 1 {
            unknown.sort_unstable();
            if unknown.windows(2).any(|w| w[0] == w[1]) {
                return None;
            }
        }
        Some(Obj { entries })
    }

    /// The value at `key`.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.find(keys::id_of_text(key), key)
    }

    /// The value at `key`, found by its number when it has one: what the engine
    /// looks up with.
    pub fn get_key(&self, key: Key<'_>) -> Option<&Node<'a>> {
        self.find(key.id(), key.name())
    }

    /// The same, looking first at entry `guess` (where the key probably is): one
    /// comparison when the guess is right, the same answer when it is not.
    pub fn get_key_near(&self, key: Key<'_>, guess: usize) -> Option<&Node<'a>> {
        match self.entries.get(guess) {
            Some(e) if e.id == key.id() && key.id() != UNKNOWN => Some(&e.value),
            _ => self.get_key(key),
        }
    }

    /// The entry whose key has number `id`; for [`UNKNOWN`], the one among the
    /// keys without a number that reads `name`.
    fn find(&self, id: u8, name: &str) -> Option<&Node<'a>> {
        // A scan from the start: comparing a byte per entry costs less than
        // remembering where the last lookup ended (measured with callgrind).
        self.entries
            .iter()
            .find(|e| e.id == id && (id != UNKNOWN || e.key == name))
            .map(|e| &e.value)
    }

    /// How many entries the object has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// `true` for `{}`.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in the order they were written.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Node<'a>)> {
        self.entries.iter().map(|e| (e.key.as_ref(), &e.value))
    }
}

impl Node<'_> {
    /// The same value as a `serde_json::Value`, for the checks that take one (KBA
    /// answers, documents, options). A [`Node::BadStr`] becomes the one character
    /// U+FFFD, so those checks see a string they cannot mistake for what was meant;
    /// numbers are exact for 64-bit integers and the nearest double otherwise.
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => number_value(n),
            Node::Str(s) => Value::String(s.to_string()),
            Node::BadStr(_) => Value::String(char::REPLACEMENT_CHARACTER.into()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(o) => {
                // Inserted one by one: collecting sorts the entries first, with a
                // stable sort that is 3 KB of `.wasm` and nothing else uses.
                let mut map = serde_json::Map::new();
                for e in &o.entries {
                    map.insert(e.key.to_string(), e.value.to_value());
                }
                Value::Object(map)
            }
        }
    }
}

/// A number token as a `serde_json::Value`: exact for 64-bit integers, the
/// nearest double otherwise (as serde_json reads it). Read with core's parsers
/// rather than serde_json's, whose error paths would link float formatting into
/// the `.wasm` (about 20 KB).
fn number_value(n: &str) -> serde_json::Value {
    // serde_json reads `-0` as the float -0.0, not the integer 0.
    if let Some(i) = n
        .parse::<i64>()
        .ok()
        .filter(|&i| i != 0 || !n.starts_with('-'))
    {
        return i.into();
    }
    if let Ok(u) = n.parse::<u64>() {
        return u.into();
    }
    serde_json::Number::from_f64(approximate_f64(n))
        .map_or(serde_json::Value::Null, serde_json::Value::Number)
}

/// The double nearest a number token: exact when its significant digits fit in
/// 2^53 and its decimal exponent is within 22 (every number a person types),
/// within a few units in the last place otherwise. Done by hand because core's
/// correctly rounded parser adds about 8 KB to the `.wasm`, and a float in a
/// Customer payload is refused anyway (every field is a string).
fn approximate_f64(n: &str) -> f64 {
    let negative = n.starts_with('-');
    let t = n.trim_start_matches('-');
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, "0"),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: u64 = 0;
    let mut scale: i64 = 0;
    for (i, d) in int_part.bytes().chain(frac_part.bytes()).enumerate() {
        let in_fraction = i >= int_part.len();
        if digits < 1 << 53 {
            digits = digits * 10 + u64::from(d - b'0');
            scale -= i64::from(in_fraction);
        } else {
            scale += i64::from(!in_fraction);
        }
    }
    let e = scale.saturating_add(exponent_value(exponent));
    if digits == 0 {
        return if negative { -0.0 } else { 0.0 };
    }
    let magnitude = digits as f64;
    let value = if e >= 0 {
        magnitude * 10f64.powi(e.min(400) as i32)
    } else if e < -300 {
        // Two steps, so that 10^-e itself does not overflow on the way.
        magnitude / 1e300 / 10f64.powi((-300 - e).min(400) as i32)
    } else {
        magnitude / 10f64.powi((-e) as i32)
    };
    // The parser let only finite numbers through; rounding on the way must not
    // turn one at the very top of the range into infinity.
    let value = value.min(f64::MAX);
    if negative {
        -value
    } else {
        value
    }
}

/// The value of a number token's exponent (what follows `e`, sign included).
/// Every digit counts, leading zeros too (`1e0000001` is 10): reading only the
/// first few digits took `1e0000001` for 1 and `1e-0000000400` for 1. Saturates
/// far beyond any exponent that matters, so no text overflows it.
fn exponent_value(exponent: &str) -> i64 {
    let magnitude = exponent
        .trim_start_matches(['+', '-'])
        .bytes()
        .fold(0i64, |n, d| {
            n.saturating_mul(10).saturating_add(i64::from(d - b'0'))
        });
    if exponent.starts_with('-') {
        -magnitude
    } else {
        magnitude
    }
}

/// `true` when a number token (its grammar already checked) is below `f64::MAX`
/// in magnitude, as serde_json requires (`1e999` is out of range). Judged from the
/// decimal exponent and the leading digits, without parsing a float: core's float
/// parser would add about 20 KB to the `.wasm` for one yes-or-no answer.
fn finite_as_f64(token: &str) -> bool {
    /// The significant digits of 2^1024 - 2^970, f64::MAX plus half an ulp.
    const HALF_ULP_PAST_MAX: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
    let t = token.strip_prefix('-').unwrap_or(token);
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, "0"),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The significant digits, and where the first of them stands.
    let digits = int_part.bytes().chain(frac_part.bytes());
    let leading_zeros = digits.clone().take_while(|&d| d == b'0').count();
    let significant: Vec<u8> = digits.skip(leading_zeros).collect();
    let significant = match significant.iter().rposition(|&d| d != b'0') {
        Some(last) => &significant[..=last],
        None => return true, // zero
    };
    // Decimal exponent of the first significant digit (d.ddd x 10^e).
    let first_at = int_part.len() as i64 - 1 - leading_zeros as i64;
    // Exact for any exponent, however many digits: a long mantissa can bring a
    // seven-digit negative exponent back into range, or past it.
    match first_at.saturating_add(exponent_value(exponent)).cmp(&308) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Greater => false,
        // Below f64::MAX plus half a unit in the last place it rounds to a finite
        // double; at or above it, to infinity (the tie goes to the even infinity).
        std::cmp::Ordering::Equal => significant < HALF_ULP_PAST_MAX,
    }
}

/// How many bytes at the start of `bytes` a JSON string can hold as they are: the
/// offset of the first quote, backslash or control character (U+0000–U+001F), or
/// the length. The whole reading of a record is mostly this search (string content
/// is most of a payload), so it looks at eight bytes at a time.
pub(crate) fn plain_len(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of the result is set where the byte of `word` is
    // below `n` (n <= 0x80). A borrow can also flag a byte above a flagged one, never
    // below, so the lowest flag (in little-endian order) is always a true one.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let stops = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len() - at)
}

/// Why an object is refused when `key` appears twice in it. A key that names a
/// field (one of [`keys::KNOWN`]) is named, as the shape names it; any other key is
/// input like a value, and may be anything (a pasted SSN), so it is not repeated.
pub(crate) fn repeated_key_reason(key: &str) -> String {
    if keys::id_of_text(key) == UNKNOWN {
        REPEATED_UNKNOWN_KEY.to_string()
    } else {
        format!("the key \"{key}\" appears twice in one object; send each field once")
    }
}

/// [`repeated_key_reason`] for a key that names no field.
pub(crate) const REPEATED_UNKNOWN_KEY: &str =
    "a key that is not a field appears twice in one object; send each key once";

/// Parses one JSON value from `text` (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Node<'_>, InputError> {
    let mut p = Parser::new(text);
    p.skip_ws();
    let v = p.value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

/// What a string token decoded to.
enum Text<'a> {
    Good(Cow<'a, str>),
    LoneSurrogate(&'a str),
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    /// An error at the current position; the reason never quotes the input.
    fn error(&self, reason: &str) -> InputError {
        error_at(self.bytes, self.pos, reason)
    }

    /// The error for a key written twice in one object.
    fn repeated_key(&self, key: &str) -> InputError {
        self.error(&repeated_key_reason(key))
    }

    /// Moves past the bytes of a string that need no attention: up to the next
    /// quote, backslash or control character (or the end).
    fn skip_plain(&mut self) {
        self.pos += plain_len(&self.bytes[self.pos..]);
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn value(&mut self) -> Result<Node<'a>, InputError> {
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'"') => {
                self.pos += 1;
                Ok(match self.string()? {
                    Text::Good(s) => Node::Str(s),
                    Text::LoneSurrogate(raw) => Node::BadStr(raw),
                })
            }
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b't') => self.literal("true", Node::Bool(true)),
            Some(b'f') => self.literal("false", Node::Bool(false)),
            Some(b'n') => self.literal("null", Node::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn nested(
        &mut self,
        inner: fn(&mut Self) -> Result<Node<'a>, InputError>,
    ) -> Result<Node<'a>, InputError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.depth += 1;
        self.pos += 1;
        let v = inner(self);
        self.depth -= 1;
        v
    }

    fn literal(&mut self, word: &str, node: Node<'a>) -> Result<Node<'a>, InputError> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(node)
        } else if end > self.bytes.len() && word.as_bytes().starts_with(&self.bytes[self.pos..]) {
            self.pos = self.bytes.len();
            Err(self.error("EOF while parsing a value"))
        } else {
            Err(self.error("expected value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Node<'a>, InputError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let eof_or = |p: &Self, reason| {
            if p.pos >= p.bytes.len() {
                p.error("EOF while parsing a value")
            } else {
                p.error(reason)
            }
        };
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(eof_or(self, "invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(eof_or(self, "invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(eof_or(self, "invalid number"));
            }
        }
        let token = &self.text[start..self.pos];
        if !finite_as_f64(token) {
            return Err(self.error("number out of range"));
        }
        Ok(Node::Number(token))
    }

    /// Reads a string after its opening quote, up to and including the closing one.
    fn string(&mut self) -> Result<Text<'a>, InputError> {
        let start = self.pos;
        // The common case: no escape, so the string is a slice of the input.
        self.skip_plain();
        match self.peek() {
            None => return Err(self.error("EOF while parsing a string")),
            Some(b'"') => {
                self.pos += 1;
                return Ok(Text::Good(Cow::Borrowed(&self.text[start..self.pos - 1])));
            }
            Some(b'\\') => {}
            Some(_) => {
                return Err(
                    self.error("control character (\\u0000-\\u001F) found while parsing a string")
                )
            }
        }
        let mut out = String::with_capacity(self.pos - start + 16);
        out.push_str(&self.text[start..self.pos]);
        let mut lone_surrogate = false;
        loop {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(if lone_surrogate {
                        Text::LoneSurrogate(&self.text[start..self.pos - 1])
                    } else {
                        Text::Good(Cow::Owned(out))
                    });
                }
                Some(b'\\') => {
                    self.pos += 1;
                    lone_surrogate |= !self.escape(&mut out)?;
                }
                Some(0x00..=0x1f) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                Some(_) => {
                    let run_start = self.pos;
                    self.skip_plain();
                    out.push_str(&self.text[run_start..self.pos]);
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u16, InputError> {
        let mut n: u16 = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            let d = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            n = n * 16 + u16::from(d);
            self.pos += 1;
        }
        Ok(n)
    }

    /// Decodes one escape after its backslash into `out`. `Ok(false)` when it was a
    /// lone surrogate (nothing written).
    fn escape(&mut self, out: &mut String) -> Result<bool, InputError> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => {
                        // A high surrogate is whole only with a low one right after.
                        let rest = &self.bytes[self.pos..];
                        if rest.len() >= 2 && rest[0] == b'\\' && rest[1] == b'u' {
                            let save = self.pos;
                            self.pos += 2;
                            let low = self.hex4()?;
                            if (0xDC00..=0xDFFF).contains(&low) {
                                let scalar = 0x10000
                                    + ((u32::from(unit) - 0xD800) << 10)
                                    + (u32::from(low) - 0xDC00);
                                match char::from_u32(scalar) {
                                    Some(c) => c,
                                    None => return Ok(false),
                                }
                            } else {
                                // Not a pair: the high one is lone; read the next
                                // escape on its own.
                                self.pos = save;
                                return Ok(false);
                            }
                        } else {
                            return Ok(false);
                        }
                    }
                    0xDC00..=0xDFFF => return Ok(false),
                    _ => match char::from_u32(u32::from(unit)) {
                        Some(c) => c,
                        None => return Ok(false),
                    },
                }
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("invalid escape"));
            }
        };
        out.push(c);
        Ok(true)
    }

    fn array(&mut self) -> Result<Node<'a>, InputError> {
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Node::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node::Array(items));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Node<'a>, InputError> {
        // Small objects look for a repeated key by scanning as each key is read;
        // larger ones sort their keys once at the end, so the check stays
        // O(n log n) however many keys an object has.
        const SCAN_LIMIT: usize = 16;
        // A payload's own object has a dozen or so fields: room for them at once.
        // Nested objects (addresses, hostile arrays of objects) start small.
        let mut entries: Vec<Entry<'a>> = Vec::with_capacity(if self.depth == 1 { 16 } else { 0 });
        // The numbered keys seen so far, one bit each.
        let mut known: u64 = 0;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Node::Object(Obj { entries }));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => self.pos += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key_at = self.pos;
            let key = match self.string()? {
                Text::Good(k) => k,
                Text::LoneSurrogate(_) => {
                    self.pos = key_at;
                    return Err(self.error("lone surrogate in a key"));
                }
            };
            // A numbered key is repeated when its bit is already set; a key without
            // a number can only equal another key without one.
            let id = keys::id_of_text(&key);
            let repeated = if id == UNKNOWN {
                entries.len() < SCAN_LIMIT
                    && entries.iter().any(|e| e.id == UNKNOWN && e.key == key)
            } else {
                let bit = 1u64 << id;
                let twice = known & bit != 0;
                known |= bit;
                // Past the scan limit, the sort at the end reports it (as before
                // numbers: the same error at the same place).
                twice && entries.len() < SCAN_LIMIT
            };
            if repeated {
                self.pos = key_at;
                return Err(self.repeated_key(&key));
            }
            self.skip_ws();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            self.skip_ws();
            let value = self.value()?;
            entries.push(Entry { key, value, id });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    if entries.len() > SCAN_LIMIT {
                        let mut keys: Vec<&str> = entries.iter().map(|e| e.key.as_ref()).collect();
                        keys.sort_unstable();
                        if let Some(pair) = keys.windows(2).find(|w| w[0] == w[1]) {
                            return Err(self.repeated_key(pair[0]));
                        }
                    }
                    self.pos += 1;
                    return Ok(Node::Object(Obj { entries }));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_payload;
    use proptest::prelude::*;

    /// A key for the lookup property: mostly known ones, some near misses, some
    /// written with an escape (which must get the same number as written plainly).
    fn arb_key() -> impl Strategy<Value = (String, String)> {
        let name = prop_oneof![
            4 => proptest::sample::select(keys::KNOWN).prop_map(str::to_string),
            1 => "[a-zA-Z]{0,12}",
            1 => proptest::sample::select(keys::KNOWN).prop_map(|k| format!("{k}x")),
        ];
        (name, any::<bool>()).prop_map(|(name, escape)| {
            let written = match (escape, name.chars().next()) {
                (true, Some(c)) => format!("\\u{:04x}{}", c as u32, &name[c.len_utf8()..]),
                _ => name.clone(),
            };
            (name, written)
        })
    }

    proptest! {
        /// Looking a key up by its number finds what a string search of the same
        /// object finds, for every known key and the object's own keys.
        #[test]
        fn lookups_by_number_agree_with_a_string_search(
            entries in proptest::collection::vec((arb_key(), 0u32..1000), 0..24),
        ) {
            let mut seen = std::collections::HashSet::new();
            let entries: Vec<_> = entries.into_iter().filter(|((k, _), _)| seen.insert(k.clone())).collect();
            let text = format!(
                "{{{}}}",
                entries.iter().map(|((_, w), v)| format!("\"{w}\":{v}")).collect::<Vec<_>>().join(",")
            );
            let Ok(Node::Object(obj)) = parse(&text) else {
                return Err(TestCaseError::fail(format!("not read: {text}")));
            };
            let probes = keys::KNOWN.iter().map(|k| k.to_string()).chain(entries.iter().map(|((k, _), _)| k.clone()));
            for probe in probes {
                let expected = entries.iter().find(|((k, _), _)| *k == probe).map(|(_, v)| v.to_string());
                let number = |n: Option<&Node>| match n {
                    Some(Node::Number(n)) => Some(n.to_string()),
                    _ => None,
                };
                prop_assert_eq!(number(obj.get(&probe)), expected.clone(), "get {} in {}", probe, text);
                prop_assert_eq!(number(obj.get_key(Key::new(&probe))), expected.clone(), "get_key {} in {}", probe, text);
                for guess in [0, 1, 5, obj.len().saturating_sub(1), obj.len(), usize::MAX] {
                    prop_assert_eq!(number(obj.get_key_near(Key::new(&probe), guess)), expected.clone(), "get_key_near {} {} in {}", probe, guess, text);
                }
            }
        }

        /// An object is refused exactly when a key repeats, however each is written
        /// (`"email"` and `"\u0065mail"` are one key), as the strict serde reader
        /// refuses it; a numbered key and a key without a number never clash.
        #[test]
        fn repeated_keys_are_found_numbered_or_not(
            entries in proptest::collection::vec(arb_key(), 0..20),
        ) {
            let text = format!(
                "{{{}}}",
                entries.iter().map(|(_, w)| format!("\"{w}\":0")).collect::<Vec<_>>().join(",")
            );
            let mut names: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
            names.sort_unstable();
            let repeats = names.windows(2).any(|w| w[0] == w[1]);
            prop_assert_eq!(parse(&text).is_err(), repeats, "{}", text);
            prop_assert_eq!(parse_payload(text.as_bytes()).is_err(), repeats, "{}", text);
        }

        /// The eight-bytes-at-a-time search stops where a byte-by-byte one does,
        /// at any length and alignment (stops near word edges included).
        #[test]
        fn plain_len_is_the_first_stop(
            bytes in proptest::collection::vec(
                prop_oneof![
                    Just(b'"'), Just(b'\\'), Just(0x1f_u8), Just(0x20_u8), Just(0_u8),
                    Just(0x21_u8), Just(0x5b_u8), Just(0x5d_u8), Just(0x80_u8), Just(0xff_u8),
                    any::<u8>(), 0x23_u8..0x5b, 0x23_u8..0x5b, 0x23_u8..0x5b,
                ],
                0..40,
            ),
        ) {
            let naive = bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(bytes.len());
            prop_assert_eq!(plain_len(&bytes), naive);
        }
    }

    /// Accepts exactly what the strict serde_json reader accepts, and reads the same
    /// value, on hand-picked edge cases (a generated comparison is in
    /// tests/properties.rs).
    #[test]
    fn agrees_with_the_strict_serde_reader() {
        let depth = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let cases = [
            "{}",
            "[]",
            " {\"a\" : [1, -0, 0.5, 1e5, 1E-5, -12.5e+3, true, false, null]} ",
            "\"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
            "\"\\ud83d\\ude00\"",
            "18446744073709551615",
            "-9223372036854775808",
            "123456789012345678901234567890",
            "1e999",
            "-1e999",
            "1.7976931348623157e308",
            "1.797693134862315808e308",
            "1.7976931348623159e308",
            "0.00017976931348623159e312",
            "1e-999",
            "0e99999999",
            "1e99999999",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "[1 2]",
            "tru",
            "nul",
            "\"abc",
            "\"a\u{1}b\"",
            "\"\\x\"",
            "\"\\u12\"",
            "{\"a\":1} x",
            "",
            "   ",
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":2}}",
            &depth(MAX_DEPTH),
            &depth(MAX_DEPTH + 1),
        ];
        for text in cases {
            let ours = parse(text);
            let theirs = parse_payload(text.as_bytes());
            assert_eq!(
                ours.is_ok(),
                theirs.is_ok(),
                "{text:?}: {ours:?} vs {theirs:?}"
            );
            if let (Ok(a), Ok(b)) = (ours, theirs) {
                assert_close(&a.to_value(), &b, text);
            }
        }
    }

    /// Equal values, except that doubles may differ in the last few units in the
    /// last place (see `approximate_f64`).
    fn assert_close(a: &serde_json::Value, b: &serde_json::Value, text: &str) {
        use serde_json::Value;
        match (a, b) {
            (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
                let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
                assert!(
                    x == y || ((x - y) / y).abs() < 1e-14,
                    "{text:?}: {x} vs {y}"
                );
                assert_eq!(x.is_sign_negative(), y.is_sign_negative(), "{text:?}");
            }
            (Value::Array(x), Value::Array(y)) => {
                assert_eq!(x.len(), y.len(), "{text:?}");
                x.iter().zip(y).for_each(|(x, y)| assert_close(x, y, text));
            }
            (Value::Object(x), Value::Object(y)) => {
                assert_eq!(x.len(), y.len(), "{text:?}");
                for (k, v) in x {
                    assert_close(v, &y[k], text);
                }
            }
            _ => assert_eq!(a, b, "{text:?}"),
        }
    }

    /// Every digit of an exponent counts, leading zeros included, however many
    /// there are; and a long mantissa moves the range check whatever the length of
    /// the exponent. (A fuzz finding: `1e0000001` was read as 1 and
    /// `1e-0000000400` as 1, because only the exponent's first six digits were
    /// read; and with a seven-digit negative exponent every number was taken to be
    /// in range, `1` and a million and 400 zeros `e-1000000` (1e400) too.)
    #[test]
    fn exponents_are_read_whole() {
        let one_then_zeros =
            |zeros: usize, exponent: &str| format!("1{}e{exponent}", "0".repeat(zeros));
        let cases = [
            ("1e0000001".to_string(), true),
            ("1e-0000000400".into(), true),
            ("-2.5E+0000000000000000000000002".into(), true),
            ("0.001e0000000000000000000000000311".into(), true),
            ("0.001e0000000000000000000000000312".into(), false),
            ("1e-99999999999999999999999".into(), true),
            ("1e99999999999999999999999".into(), false),
            ("0e99999999999999999999999".into(), true),
            // 1e100 and 1e400. (core's `str::parse::<f64>` calls both infinite: it
            // stops reading an exponent at 65536.)
            (one_then_zeros(1_000_100, "-1000000"), true),
            (one_then_zeros(1_000_400, "-1000000"), false),
        ];
        for (text, in_range) in &cases {
            let shown = &text[..text.len().min(40)];
            let ours = parse(text);
            assert_eq!(ours.is_ok(), *in_range, "{shown}");
            let theirs = parse_payload(text.as_bytes());
            assert_eq!(theirs.is_ok(), *in_range, "{shown}: serde_json");
            if let (Ok(a), Ok(b)) = (ours, theirs) {
                assert_close(&a.to_value(), &b, shown);
            }
        }
    }

    /// Numbers a person types are read exactly as serde_json reads them.
    #[test]
    fn short_decimals_are_exact() {
        for text in [
            "0.5",
            "-12.5e+3",
            "1e5",
            "1E-5",
            "3.14159",
            "-0.001",
            "123456.789",
            "2.5e-10",
        ] {
            let ours = parse(text).unwrap().to_value();
            assert_eq!(ours, parse_payload(text.as_bytes()).unwrap(), "{text}");
        }
    }

    /// Between f64::MAX and f64::MAX plus half an ulp a number rounds to f64::MAX:
    /// we accept it, where serde_json's fast float reader (which is not correctly
    /// rounded there) may call it out of range. At or past the half ulp it is
    /// infinite: we refuse it, where that reader may read f64::MAX (the fuzz
    /// target `parse` found `1.79769313486231588e308`). These are the known
    /// differences; core's correctly rounded parser agrees with us on each.
    #[test]
    fn numbers_just_above_max_round_down_to_it() {
        let just_below_the_tie = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791";
        for text in [
            "1.7976931348623158e308",
            "-1.797693134862315807e308",
            just_below_the_tie,
        ] {
            assert!(parse(text).is_ok(), "{text}");
        }
        for text in [
            "1.797693134862315808e308",
            "1.79769313486231588e308",
            "-1.79769313486231599e308",
            "1e309",
            "-2e308",
        ] {
            assert!(parse(text).is_err(), "{text}");
            assert!(text.parse::<f64>().unwrap().is_infinite(), "{text}");
        }
    }

    #[test]
    fn a_repeated_key_is_named_only_when_it_names_a_field() {
        // Both readers (this parser, and the serde one of `input::parse_payload`).
        let readers: [fn(&str) -> String; 2] = [
            |t| parse(t).unwrap_err().to_string(),
            |t| parse_payload(t.as_bytes()).unwrap_err().to_string(),
        ];
        for read in readers {
            let e = read(r#"{"ssn":"1","firstName":"A","ssn":"2"}"#);
            assert!(e.contains(r#"the key "ssn" appears twice"#), "{e}");
            for key in ["078-05-1120", "SSN 078-05-1120", "ssn ", "Ssn", "a\\u0007b"] {
                let e = read(&format!(r#"{{"{key}":1,"{key}":2}}"#));
                assert!(e.contains(REPEATED_UNKNOWN_KEY), "{e}");
                assert!(!e.contains(key), "{key} repeated in {e}");
            }
        }
    }

    #[test]
    fn many_keys_stay_linear_and_duplicates_are_found_late() {
        let mut text = String::from("{");
        for i in 0..50_000 {
            text.push_str(&format!("\"k{i}\":{i},"));
        }
        text.push_str("\"k7\":0}");
        let e = parse(&text).unwrap_err().to_string();
        assert!(e.contains("appears twice"), "{e}");
    }

    /// Past 16 entries a repeated key is found by the sort at the end, at the
    /// closing brace, whether its key has a number or not; with two repeated, the
    /// first in sorted order is named.
    #[test]
    fn repeats_past_sixteen_entries_are_reported_at_the_end() {
        for (key, other) in [("email", "zzz"), ("emaix", "zzz"), ("email", "aaa")] {
            let mut text = String::from("{");
            for i in 0..20 {
                let k = match i {
                    3 => key.to_string(),
                    5 => other.to_string(),
                    _ => format!("f{i}"),
                };
                text.push_str(&format!("\"{k}\":{i},"));
            }
            text.push_str(&format!("\"{other}\":1,\"{key}\":2}}"));
            let InputError::Json {
                reason,
                line,
                column,
            } = parse(&text).unwrap_err();
            assert_eq!((line, column), (1, text.len()), "{text}");
            // The first repeated key in sorted order; named only when a field's.
            let first = key.min(other);
            if keys::id_of_text(first) == UNKNOWN {
                assert_eq!(reason, REPEATED_UNKNOWN_KEY);
            } else {
                assert!(reason.contains(&format!("\"{first}\"")), "{reason}");
            }
        }
    }

    #[test]
    fn lone_surrogates_are_kept_as_bad_strings_at_their_place() {
        for raw in ["\\ud800", "a\\udc00b", "\\ud800\\u0041", "\\udbff\\ud800"] {
            let text = format!("{{\"firstName\":\"{raw}\"}}");
            let Ok(Node::Object(o)) = parse(&text) else {
                panic!("{text}")
            };
            assert_eq!(o.get("firstName"), Some(&Node::BadStr(raw)), "{text}");
        }
        assert!(parse("{\"\\ud800\":1}").is_err(), "not in a key");
    }

    #[test]
    fn errors_never_quote_values_and_say_where() {
        let e = parse("{\n  \"ssn\": 123-45-6789\n}").unwrap_err();
        let InputError::Json { reason, line, .. } = &e;
        assert_eq!(*line, 2);
        assert!(!reason.contains("6789"));
    }
}
