//! Reading payloads from bytes: one JSON object, a JSON array of them, or NDJSON.
//!
//! The command-line tool and the bulk benchmarks read files of payloads through
//! here. A record that is not valid JSON is kept as an [`InputError`] with its line
//! number, so one bad line never stops a run.
//!
//! ```
//! use dwolla_validator::input::records;
//! let recs = records(b"{\"a\":1}\nnot json\n\n{\"b\":2}\n");
//! assert_eq!(recs.len(), 3);
//! assert_eq!(recs[1].line, Some(2));
//! assert!(recs[1].value.is_err());
//! assert_eq!(recs[2].line, Some(4));
//! ```

use crate::messages::{JsonProblem, Msg};
use crate::report::{Code, Issue, Report};
use serde_json::Value;

mod segment;
pub use segment::{last_boundary, pieces, pieces_after, without_bom, Piece};

use crate::parse::error_at;
#[doc(inline)]
pub use crate::parse::InputError;

impl InputError {
    fn from_serde(e: &serde_json::Error) -> Self {
        // serde_json's messages end in " at line L column C"; keep only the reason,
        // which names what was expected and never repeats the input.
        let text = e.to_string();
        let reason = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        InputError::Json {
            reason,
            line: e.line(),
            column: e.column(),
        }
    }
}

/// A JSON value parsed strictly: an object with the same key twice is an error.
///
/// serde_json keeps the last of duplicate keys; another parser may keep the first.
/// Two parsers that disagree about `{"ssn":"1234","ssn":"12"}` let bad data through
/// one of them, so the validator refuses such a payload outright.
struct StrictValue(Value);

impl<'de> serde::Deserialize<'de> for StrictValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(StrictValue(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(crate::parse::repeated_key_reason(
                    &key,
                )));
            }
            let StrictValue(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Parses one payload from bytes. Invalid UTF-8, invalid JSON, nesting deeper than
/// 128 levels, numbers out of range (`1e999`) and duplicate keys are errors.
pub fn parse_payload(bytes: &[u8]) -> Result<Value, InputError> {
    serde_json::from_slice::<StrictValue>(bytes)
        .map(|StrictValue(v)| v)
        .map_err(|e| InputError::from_serde(&e))
}

/// What [`parse_record`] says of a record larger than Dwolla's request limit.
const TOO_LARGE: &str = "the record is larger than 10 MiB, Dwolla's limit for one request";

/// Parses one record of a file: [`parse_payload`], after refusing a record larger
/// than [`crate::rules::presence::MAX_PAYLOAD_BYTES`] without parsing it (its
/// report is the `payload_size` one, see [`unreadable_report`]).
pub fn parse_record(bytes: &[u8]) -> Result<Value, InputError> {
    if bytes.len() > crate::rules::presence::MAX_PAYLOAD_BYTES {
        return Err(InputError::Json {
            reason: TOO_LARGE.to_string(),
            line: 1,
            column: 1,
        });
    }
    parse_payload(bytes)
}

/// Reads one record of a file with the crate's own parser ([`crate::parse`]), as
/// `check` does: a record larger than [`crate::rules::presence::MAX_PAYLOAD_BYTES`]
/// is refused unread, bytes that are not UTF-8 are an error at the first bad byte,
/// and the rest is [`crate::parse::parse`] (as strict as [`parse_payload`], except
/// that a lone surrogate escape is a [`crate::parse::Node::BadStr`], reported at
/// its own field by the validator).
pub fn parse_node_record(bytes: &[u8]) -> Result<crate::parse::Node<'_>, InputError> {
    if bytes.len() > crate::rules::presence::MAX_PAYLOAD_BYTES {
        return Err(InputError::Json {
            reason: TOO_LARGE.to_string(),
            line: 1,
            column: 1,
        });
    }
    crate::parse::parse(utf8(bytes)?)
}

/// The bytes as text, or an error at the first byte that is not UTF-8.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        error_at(
            bytes,
            e.valid_up_to(),
            "invalid UTF-8 (the text must be UTF-8)",
        )
    })
}

/// Reads a payload's text, or says why it cannot be read: too large (checked
/// before parsing, so a huge text costs no more than its length) or not JSON.
pub fn read_text(text: &str) -> Result<crate::parse::Node<'_>, Report> {
    if text.len() > crate::rules::presence::MAX_PAYLOAD_BYTES {
        return Err(too_large_report());
    }
    crate::parse::parse(text).map_err(|e| unreadable_report(&e))
}

/// The report for a payload larger than [`crate::rules::presence::MAX_PAYLOAD_BYTES`].
pub fn too_large_report() -> Report {
    let mut r = Report::ok();
    r.push(Issue::from_msg(
        Code::NotAllowed,
        Msg::PayloadTooLarge {
            limit_mib: (crate::rules::presence::MAX_PAYLOAD_BYTES >> 20) as u32,
        },
        "The payload",
        String::new(),
        crate::rules::presence::PAYLOAD_SIZE.id,
    ));
    r
}

/// The report for a record that could not be read: one `InvalidFormat` error at
/// the root (`""`) from the `json_syntax` rule. Line and column are within the record.
pub fn unreadable_report(e: &InputError) -> Report {
    let InputError::Json {
        reason,
        line,
        column,
    } = e;
    if reason == TOO_LARGE {
        return too_large_report();
    }
    // The parser's reason is English prose; what the person is told is one of a few
    // kinds of problem, so it can be said in every language.
    let problem = if reason.contains("appears twice") {
        JsonProblem::DuplicateKey
    } else if reason.contains("recursion limit") {
        JsonProblem::TooDeep
    } else if reason.contains("number out of range") {
        JsonProblem::NumberOutOfRange
    } else if reason.contains("EOF") {
        JsonProblem::Truncated
    } else if reason.contains("unicode")
        || reason.contains("UTF-8")
        || reason.contains("surrogate")
        || reason.contains("escape")
    {
        JsonProblem::Encoding
    } else {
        JsonProblem::Syntax
    };
    let at = |n: &usize| u32::try_from(*n).unwrap_or(u32::MAX);
    let msg = Msg::JsonSyntax {
        problem,
        line: at(line),
        column: at(column),
    };
    let mut r = Report::ok();
    r.push(Issue::from_msg(
        Code::InvalidFormat,
        msg,
        "The payload",
        String::new(),
        crate::rules::presence::JSON_SYNTAX.id,
    ));
    r
}

/// One record read from input.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The 1-based line the record starts on (`None` for elements of a JSON array).
    pub line: Option<usize>,
    /// The payload, or why it could not be read.
    pub value: Result<Value, InputError>,
}

/// `true` for JSON's white space: space, tab, line feed and carriage return. Not
/// `u8::is_ascii_whitespace`, which also takes a form feed (`\x0c`), which JSON
/// does not: between records it would pass in a file and fail in a request body.
pub fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The first byte that is not [JSON white space](is_json_space).
pub fn first_non_space(bytes: &[u8]) -> Option<u8> {
    bytes.iter().copied().find(|&b| !is_json_space(b))
}

/// Splits input into records.
///
/// * Input that is one JSON array (its first character is `[`): each element is a
///   record (with no line number).
/// * Otherwise the input is cut at *record boundaries*: line breaks after which
///   every `{` and `[` opened is closed again (outside strings). The text between
///   two boundaries is read as a sequence of JSON values, each value a record: one
///   object per line (NDJSON), a pretty-printed object over many lines, or several
///   objects on one line.
/// * Text between two boundaries that does not read is cut again before every line
///   that starts in its first column with anything but `}` or `]`, and each part
///   that still does not read is one record with an error. So every NDJSON line
///   that is not valid JSON is its own bad record, and a broken pretty-printed
///   object (its inner lines indented, as every pretty-printer writes them) is one.
///   Blank lines are skipped.
///
/// Numbers are read as the crate's own parser reads them: integers that fit 64
/// bits exactly, other numbers as the nearest double when their significant
/// digits fit in 2^53 and their decimal exponent is within 22 (every number a
/// person types), within a few units in the last place beyond that (a mantissa of
/// 70 nines reads as 9.999999999999999e69, not 1e70). [`parse_payload`] reads with
/// serde_json, correctly rounded. A Customer's fields are strings, so a number
/// in one is refused whatever its value.
///
/// Line numbers, in records and in error messages, are those of the whole input.
/// [`pieces`] cuts input at record boundaries only, so reading the pieces one by one
/// gives exactly the records of reading the whole.
///
/// ```
/// use dwolla_validator::input::records;
/// let three_broken_lines = records(b"not json\n{\"a\":\n[1,2\n");
/// assert_eq!(three_broken_lines.len(), 3);
/// assert!(three_broken_lines.iter().all(|r| r.value.is_err()));
/// let one_broken_object = records(b"{\n  \"a\": 1,\n  \"b\" 2\n}\n");
/// assert_eq!(one_broken_object.len(), 1);
/// ```
pub fn records(bytes: &[u8]) -> Vec<Record> {
    records_from(bytes, 1)
}

/// [`records`] for an input whose first line is numbered `first_line`.
pub fn records_from(bytes: &[u8], first_line: usize) -> Vec<Record> {
    Piece::whole(bytes, first_line).records()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte that might pass for white space, before, after and between
    /// records and on a line of its own: a file of records takes it exactly when
    /// one request body ([`read_text`]) does, so `check` and `validate_text` agree.
    #[test]
    fn records_take_the_white_space_a_single_payload_takes() {
        let record = r#"{"a":1}"#;
        for b in (0u8..=0x20).chain([0x7f, 0x85, 0xa0]) {
            let c = char::from(b);
            let taken = read_text(&format!("{c}{record}{c}")).is_ok();
            assert_eq!(taken, is_json_space(b), "byte {b:#04x}");
            for text in [
                format!("{record}{c}"),
                format!("{c}{record}"),
                format!("{record}{c}\n{record}"),
                format!("{record}\n{c}\n{record}"),
            ] {
                let r = records(text.as_bytes());
                assert_eq!(
                    r.iter().all(|r| r.value.is_ok()),
                    taken,
                    "byte {b:#04x} in {text:?}"
                );
            }
        }
    }

    /// A byte-order mark that starts a file is a mark of the file: the records
    /// read as they do without it, NDJSON or one array, whole or in pieces. Anywhere
    /// else, and in a payload on its own, it is not JSON.
    #[test]
    fn a_byte_order_mark_that_starts_a_file_is_left_out() {
        const BOM: &str = "\u{feff}";
        for text in [
            "{\"a\":1}\n{\"b\":2}\n",
            "[{\"a\":1}, {\"b\":2}]",
            " \n{\n  \"a\": 1\n}\n",
        ] {
            let marked = format!("{BOM}{text}");
            assert_eq!(
                records(marked.as_bytes()),
                records(text.as_bytes()),
                "{text:?}"
            );
            let cut: Vec<Record> = pieces(marked.as_bytes(), 3)
                .iter()
                .flat_map(Piece::records)
                .collect();
            assert_eq!(cut, records(text.as_bytes()), "{text:?}");
        }
        let second = format!("{{\"a\":1}}\n{BOM}{{\"b\":2}}\n");
        let r = records(second.as_bytes());
        assert!(r[0].value.is_ok() && r[1].value.is_err());
        // Read in two runs, the second starting on line 2: the same records.
        let at = second.find('\n').unwrap() + 1;
        let mut runs = records_from(&second.as_bytes()[..at], 1);
        runs.extend(records_from(&second.as_bytes()[at..], 2));
        assert_eq!(runs, r);
        // Two marks: one is the file's, the other is not JSON, however the input is cut.
        let twice = format!("{BOM}{BOM}{{\"a\":1}}\n{{\"b\":2}}\n");
        for parts in [1, 2, 3] {
            let cut: Vec<Record> = pieces(twice.as_bytes(), parts)
                .iter()
                .flat_map(Piece::records)
                .collect();
            assert_eq!(cut, records(twice.as_bytes()), "{parts} parts");
            assert!(
                cut[0].value.is_err() && cut[1].value.is_ok(),
                "{parts} parts"
            );
        }
        assert!(read_text(&format!("{BOM}{{\"a\":1}}")).is_err());
    }

    #[test]
    fn one_pretty_object() {
        let r = records(b"\n{\n  \"a\": 1\n}\n");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].line, Some(2));
        assert!(r[0].value.is_ok());
    }

    #[test]
    fn array_elements() {
        let r = records(b"[{\"a\":1}, 2, {\"b\":3}]");
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].value, Ok(Value::from(2)));
    }

    #[test]
    fn broken_pretty_object_is_one_record() {
        let r = records(b"{\n  \"a\": 1,\n  \"b\" 2\n}\n");
        assert_eq!(r.len(), 1);
        assert!(r[0].value.is_err());
    }

    #[test]
    fn ndjson_with_bad_line_and_invalid_utf8() {
        let r = records(b"{\"a\":1}\n{\"b\":\"\xff\"}\n{\"c\":3}\n");
        assert_eq!(r.len(), 3);
        assert!(r[0].value.is_ok());
        assert!(r[1].value.is_err());
        assert_eq!(r[2].line, Some(3));
    }

    #[test]
    fn errors_do_not_quote_input() {
        let r = records(b"{\"ssn\": 123-45-6789}\n{\"x\":1}");
        let msg = r[0].value.clone().unwrap_err().to_string();
        assert!(!msg.contains("6789"), "{msg}");
    }

    #[test]
    fn empty_input() {
        assert!(records(b"").is_empty());
        assert!(records(b" \n \n").is_empty());
    }
}

#[cfg(test)]
mod strict_tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_an_error_at_any_depth() {
        for text in [
            r#"{"ssn":"1234","ssn":"12"}"#,
            r#"{"controller":{"ssn":"1","ssn":"2"}}"#,
            r#"[{"a":1},{"b":1,"b":1}]"#,
        ] {
            let e = parse_payload(text.as_bytes()).unwrap_err().to_string();
            assert!(e.contains("twice"), "{text}: {e}");
            assert!(!e.contains("1234"), "{e}");
        }
        assert!(parse_payload(br#"{"a":{"x":1},"b":{"x":1}}"#).is_ok());
    }

    #[test]
    fn hostile_documents() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_payload(deep.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("recursion limit"));
        assert!(parse_payload(b"{\"n\": 1e999}").is_err());
        assert!(parse_payload(b"{\"n\": -1e999}").is_err());
        assert!(parse_payload(b"{\"s\": \"\\ud800\"}").is_err());
        assert!(parse_payload(b"{\"s\": \"a\xffb\"}").is_err());
        assert!(records(&vec![b' '; 1_000_000]).is_empty());
        let r = records(format!("{}\n{{\"a\":1}}\n", " ".repeat(1_000_000)).as_bytes());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].line, Some(2));
    }

    #[test]
    fn duplicate_key_in_ndjson_is_reported_for_its_line_only() {
        let r = records(b"{\"a\":1}\n{\"a\":1,\"a\":2}\n{\"b\":2}\n");
        assert_eq!(r.len(), 3);
        assert!(r[0].value.is_ok() && r[1].value.is_err() && r[2].value.is_ok());
    }
}
