//! The library's API over JSON text, for callers across a language boundary.
//!
//! The WebAssembly package calls these: JS hands over `JSON.stringify`'d payloads
//! and options, and gets JSON text back. Crossing as one string is cheaper than
//! walking a JS object field by field, keeps the `.wasm` small, and turns JS oddities
//! (lone surrogates, `undefined`, `NaN`) into well-defined JSON before Rust sees
//! them. Every function here is plain Rust, so native tests hold the wasm build to
//! the same answers. There is no rule logic here: it parses, calls, serializes.
//!
//! A failure that is the caller's mistake (options that are not an object, an
//! unknown operation) comes back as `{"error": "..."}`, which the JS wrapper throws
//! as a `TypeError`. An answer that is a payload (normalized, or as a form sends
//! it) is wrapped as `{"payload": ...}`, so that a payload's own `error` key is
//! never read as such a mistake.
//!
//! One answer is not JSON: the npm package's `validateCustomer` (its hot path)
//! gets [`Prepared::validate_customer_answer`], which is nothing at all for a clean
//! valid payload and otherwise the report as a [`report_tape`], length-prefixed
//! text that JS reads with `slice` in a tenth of the time `JSON.parse` takes.
//!
//! ```
//! use dwolla_validator::json_api::validate_customer_json;
//! let out = validate_customer_json(r#"{"type":"unverified","firstName":"A","lastName":"B","email":"a@b.co"}"#,
//!                                  r#"{"today":"2026-11-23"}"#);
//! assert!(out.starts_with(r#"{"valid":true"#));
//! ```

use crate::report::Report;
use crate::{normalize, options::parse_date, shapes, Operation, Options};
use serde_json::Value;

/// Options as JS passes them. Every field is optional except `today`, which the JS
/// wrapper fills in with the current UTC date when the caller leaves it out.
fn error_json(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}

/// Reads JSON text with the crate's own reader (size limit, strictness) into a
/// `Value`, for the small inputs read by key (options, a report, a document's
/// description): one reader in the `.wasm`, not serde_json's as well.
fn read_value(text: &str) -> Result<Value, Report> {
    crate::read_text(text).map(|node| node.to_value())
}

/// Reads the options object JS passes. Done by hand from a parsed value rather
/// than with serde's derive: the derive's error paths link float and string
/// formatting that would add about 20 KB to the `.wasm`, and its messages may
/// quote what they refuse.
fn parse_options(text: &str) -> Result<(Options, String), String> {
    let value = read_value(text).map_err(|_| "options must be JSON".to_string())?;
    let Value::Object(o) = value else {
        return Err("options must be an object".into());
    };
    let text_of = |key: &str| -> Result<Option<&str>, String> {
        match o.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(format!("options.{key} must be a string")),
        }
    };
    let flag_of = |key: &str| -> Result<Option<bool>, String> {
        match o.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(format!("options.{key} must be true or false")),
        }
    };
    const KNOWN: &[&str] = &[
        "operation",
        "today",
        "allowUnknownFields",
        "hints",
        "locale",
        "type",
    ];
    if let Some(k) = o.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        let shown: String = k.chars().take(40).collect();
        return Err(format!(
            "unknown option \"{shown}\": use {}",
            KNOWN.join(", ")
        ));
    }
    let today_text = text_of("today")?.ok_or("options.today is required (YYYY-MM-DD)")?;
    let today =
        parse_date(today_text).ok_or("options.today must be a real date written YYYY-MM-DD")?;
    let mut opts = Options::new(today);
    if let Some(op) = text_of("operation")? {
        opts = opts.operation(
            op.parse::<Operation>()
                .map_err(|e| format!("options.operation: {e}"))?,
        );
    }
    if let Some(allow) = flag_of("allowUnknownFields")? {
        opts = opts.allow_unknown_fields(allow);
    }
    if let Some(h) = flag_of("hints")? {
        opts = opts.hints(h);
    }
    if let Some(l) = text_of("locale")? {
        opts = opts.locale(l.parse().map_err(|e| format!("options.locale: {e}"))?);
    }
    Ok((opts, text_of("type")?.unwrap_or("personal").to_string()))
}

fn report_json(r: &Report) -> String {
    serde_json::to_string(r).unwrap_or_else(|_| error_json("could not serialize the report"))
}

/// What [`Prepared::validate_customer_answer`] gives back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Valid, with no warnings: nothing to send back.
    Clean,
    /// The report as a [`report_tape`].
    Tape(String),
    /// The report as JSON text.
    Json(String),
}

/// What a report is sent back as: nothing for a clean valid one, else a tape (JSON
/// text when the tape cannot hold it).
fn answer_for(report: Report) -> Answer {
    if report.valid && report.warnings.is_empty() {
        return Answer::Clean;
    }
    match report_tape(&report) {
        Some(tape) => Answer::Tape(tape),
        None => Answer::Json(report_json(&report)),
    }
}

/// A report as a *tape*: the text the npm package reads back with `charCodeAt`
/// and `slice` instead of `JSON.parse` (a tenth of the time on the bench
/// records' reports, and half the bytes to copy out of wasm memory).
///
/// It is `1` or `0` for `valid`; then the errors and then the warnings, each a
/// count followed by four texts per issue (code, message, path, rule). Every
/// count and every text's length is two ASCII digits of six bits each (`0` is 0,
/// `o` is 63: the character's code minus 0x30), high digit first, and a length
/// counts UTF-16 units, as JS indexes strings. No text is escaped, so nothing in
/// a key or a message can be misread. `None` when a count or a length reaches
/// 4,096 (a report of thousands of unknown keys, a key thousands of characters
/// long): such a report goes as JSON text instead.
///
/// ```
/// use dwolla_validator::json_api::report_tape;
/// use dwolla_validator::report::Report;
/// let report: Report = serde_json::from_str(r#"{"valid": false, "errors": [{"code": "Required",
///     "message": "SSN is required.", "path": "/ssn", "rule": "required"}], "warnings": []}"#).unwrap();
/// let tape = report_tape(&report).unwrap();
/// assert_eq!(tape, "0" .to_owned() + "01" + "08Required" + "0@SSN is required." + "04/ssn" + "08required" + "00");
/// ```
pub fn report_tape(report: &Report) -> Option<String> {
    const TAPE_LIMIT: usize = 1 << 12;
    fn number(out: &mut String, n: usize) -> Option<()> {
        if n >= TAPE_LIMIT {
            return None;
        }
        // Two ASCII digits of six bits each, from `0` (0x30) to `o` (0x6F).
        let digit = |six: usize| char::from(b'0' + (six & 63) as u8);
        out.push(digit(n >> 6));
        out.push(digit(n));
        Some(())
    }
    fn text(out: &mut String, s: &str) -> Option<()> {
        number(out, utf16_len(s))?;
        out.push_str(s);
        Some(())
    }
    if report.errors.len().max(report.warnings.len()) >= TAPE_LIMIT {
        return None;
    }
    let issues = report.errors.iter().chain(&report.warnings);
    let room: usize = issues
        .map(|i| i.message.len() + i.path.len() + i.rule.len() + 24)
        .sum();
    let mut out = String::with_capacity(room + 8);
    out.push(if report.valid { '1' } else { '0' });
    for list in [&report.errors, &report.warnings] {
        number(&mut out, list.len())?;
        for issue in list {
            text(&mut out, issue.code.as_str())?;
            text(&mut out, &issue.message)?;
            text(&mut out, &issue.path)?;
            text(&mut out, &issue.rule)?;
        }
    }
    Some(out)
}

/// How many UTF-16 units `s` is in JS: one per character, two for one beyond
/// U+FFFF (whose UTF-8 lead byte is 0xF0 or above).
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.bytes()
        .map(|b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0))
        .sum()
}

/// Options read once, for validating many payloads with them: what the wasm
/// package's `createValidator(options)` holds, so a hot loop does not parse its
/// options again for every payload.
#[derive(Debug, Clone)]
pub struct Prepared {
    opts: Options,
    shape: String,
}

impl Prepared {
    /// Reads options given as JSON text; `Err` is the message for a `TypeError`.
    pub fn new(options: &str) -> Result<Self, String> {
        parse_options(options).map(|(opts, shape)| Prepared { opts, shape })
    }

    /// Validates a payload given as JSON text; the report as JSON text.
    pub fn validate_customer(&self, payload: &str) -> String {
        report_json(&crate::validate_text(payload, &self.opts))
    }

    /// Validates a payload given as UTF-8 bytes. `None` when the payload is valid
    /// with nothing to warn about; otherwise the report as JSON text. Bytes that
    /// are not UTF-8 are a `json_syntax` report. The npm package reads the same
    /// answer as a tape: [`Prepared::validate_customer_answer`].
    pub fn validate_customer_bytes(&self, bytes: &[u8]) -> Option<String> {
        let report = self.validate_customer_report(bytes);
        (!report.valid || !report.warnings.is_empty()).then(|| report_json(&report))
    }

    /// What the npm package's `validateCustomer` gets for a payload given as UTF-8
    /// bytes: [`Answer::Clean`] for a valid payload with nothing to warn about,
    /// otherwise the report as a [`report_tape`] (as JSON text only for a report
    /// the tape cannot hold).
    pub fn validate_customer_answer(&self, bytes: &[u8]) -> Answer {
        answer_for(self.validate_customer_report(bytes))
    }

    /// [`Prepared::validate_customer_answer`] for a payload handed over by the npm
    /// package's object walk ([`crate::walked`]): `text` as UTF-8 and its marks,
    /// four little-endian bytes each ([`crate::walked::read_le`]). `None` when
    /// they are not a payload of that form; the caller then validates the
    /// payload's JSON text, which gives the same report.
    pub fn validate_walked_answer(&self, text: &[u8], marks: &[u8]) -> Option<Answer> {
        let text = std::str::from_utf8(text).ok()?;
        let node = crate::walked::read_le(text, marks)?;
        Some(answer_for(crate::validate_parsed(&node, &self.opts)))
    }

    fn validate_customer_report(&self, bytes: &[u8]) -> Report {
        match std::str::from_utf8(bytes) {
            Ok(text) => crate::validate_text(text, &self.opts),
            Err(_) if bytes.len() > crate::rules::presence::MAX_PAYLOAD_BYTES => {
                crate::too_large_report()
            }
            Err(_) => crate::input::unreadable_report(&crate::input::InputError::Json {
                reason: "invalid UTF-8".into(),
                line: 1,
                column: 1,
            }),
        }
    }

    /// Validates one field (`value` is JSON text) of the options' shape.
    pub fn validate_field(&self, field: &str, value: &str) -> String {
        report_json(&crate::validate_field_text(
            &self.shape,
            field,
            value,
            &self.opts,
        ))
    }

    /// Validates a payload (JSON text) as a named kind (see [`crate::validate_as`]).
    pub fn validate_as(&self, kind: &str, payload: &str) -> String {
        report_json(&crate::validate_text_as(kind, payload, &self.opts))
    }
}

/// Validates a payload given as JSON text; returns the report as JSON text.
pub fn validate_customer_json(payload: &str, options: &str) -> String {
    Prepared::new(options).map_or_else(|e| error_json(&e), |p| p.validate_customer(payload))
}

/// Validates one field (`value` is JSON text); returns the report as JSON text.
pub fn validate_field_json(field: &str, value: &str, options: &str) -> String {
    Prepared::new(options).map_or_else(|e| error_json(&e), |p| p.validate_field(field, value))
}

/// Validates a payload (JSON text) as a named kind (see [`crate::validate_as`]).
pub fn validate_as_json(kind: &str, payload: &str, options: &str) -> String {
    Prepared::new(options).map_or_else(|e| error_json(&e), |p| p.validate_as(kind, payload))
}

/// The payload a form would send (see [`crate::form::form_payload`]): normalized,
/// empty optional strings left out, as `{"payload": ...}` (wrapped, so that a
/// payload with an `error` key is never read as the caller's mistake). Text that
/// cannot be read gives `{"unreadable": true}`: it is sent as it is, for
/// validation to report why.
pub fn form_payload_json(payload: &str, options: &str) -> String {
    match (Prepared::new(options), read_value(payload)) {
        (Err(e), _) => error_json(&e),
        (Ok(p), Ok(v)) => {
            format!(
                r#"{{"payload":{}}}"#,
                crate::form::form_payload(&v, &p.opts)
            )
        }
        (Ok(_), Err(_)) => r#"{"unreadable":true}"#.to_string(),
    }
}

/// Checks a document described in JSON text (see
/// [`crate::documents::validate_document_json`]) with the file's first bytes
/// (empty when unknown).
pub fn validate_document_json(document: &str, head: &[u8]) -> String {
    match read_value(document) {
        Ok(v) => {
            let head = (!head.is_empty()).then_some(head);
            report_json(&crate::documents::validate_document_json(&v, head))
        }
        Err(report) => report_json(&report),
    }
}

/// The field catalog of one shape (or every shape when `shape` is empty) as JSON
/// text; `operation` is `create` or `retry`.
pub fn field_rules_json(shape: &str, operation: &str) -> String {
    let Ok(op) = operation.parse::<Operation>() else {
        return error_json("operation must be \"create\" or \"retry\"");
    };
    if shape.is_empty() {
        return crate::catalog::catalog(op).to_string();
    }
    match crate::catalog::field_rules(shape, op) {
        Some(f) => serde_json::to_string(&f).unwrap_or_else(|_| error_json("could not serialize the catalog")),
        None => error_json("unknown shape: use personal, unverified, business, business-sole-proprietorship, controller or beneficial-owner"),
    }
}

/// Verification statuses, webhook events and document failure reasons as JSON text.
pub fn statuses_json() -> String {
    crate::statuses::all_json().to_string()
}

/// Normalizes a payload given as JSON text; returns the normalized payload as
/// `{"payload": ...}`: wrapped, as [`form_payload_json`]'s is, so that a payload
/// with an `error` key of its own is never read as the caller's mistake.
///
/// ```
/// use dwolla_validator::json_api::normalize_customer_json;
/// assert_eq!(normalize_customer_json(r#"{"firstName":" Jane ","error":"x"}"#),
///            r#"{"payload":{"firstName":"Jane","error":"x"}}"#);
/// assert!(normalize_customer_json("{").starts_with(r#"{"error":"#));
/// ```
pub fn normalize_customer_json(payload: &str) -> String {
    match normalize::normalize_text(payload) {
        Ok(text) => {
            const OPEN: &str = r#"{"payload":"#;
            let mut out = String::with_capacity(OPEN.len() + text.len() + 1);
            out.push_str(OPEN);
            out.push_str(&text);
            out.push('}');
            out
        }
        // What the reader said: too large, nested too deeply, ... (its messages
        // never quote the payload).
        Err(report) => error_json(&format!(
            "the payload cannot be normalized: {}",
            report
                .errors
                .first()
                .map_or("it is not valid JSON", |e| e.message.as_str())
        )),
    }
}

/// Normalizes one field's string value.
pub fn normalize_field(field: &str, value: &str) -> String {
    normalize::normalize_field(field, value)
}

/// Renders a report (JSON text) as Dwolla's HAL error body (JSON text, `null` when valid).
pub fn to_dwolla_error_json(report: &str) -> String {
    const NOT_A_REPORT: &str =
        "not a report: expected {valid, errors: [{code, message, path, rule}]}";
    // Read by hand, as the options are, to keep serde's derive out of the `.wasm`.
    // Not through `read_value`: its 10 MiB is the limit of a payload, and a report
    // the engine wrote can be larger than the payload it is about (a body of 100,000
    // unknown keys, about 1 MB, has 100,000 errors). Reading stays linear in time.
    let Ok(Value::Object(r)) = crate::parse::parse(report).map(|node| node.to_value()) else {
        return error_json(NOT_A_REPORT);
    };
    let Some(Value::Array(errors)) = r.get("errors") else {
        return error_json(NOT_A_REPORT);
    };
    let mut triples = Vec::with_capacity(errors.len());
    for e in errors {
        let field = |k: &str| e.get(k).and_then(Value::as_str);
        let (Some(code), Some(message), Some(path)) =
            (field("code"), field("message"), field("path"))
        else {
            return error_json(NOT_A_REPORT);
        };
        triples.push((code, message, path));
    }
    match crate::report::hal_body(triples.into_iter()) {
        Some(body) => serde_json::to_string(&body).unwrap_or_else(|_| error_json(NOT_A_REPORT)),
        None => "null".into(),
    }
}

/// The names of the payload shapes `validateField` accepts as `type`.
pub fn shape_names_json() -> String {
    let names: Vec<&str> = shapes::SHAPES.iter().map(|s| s.name).collect();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Code, Issue};

    const OPTS: &str = r#"{"today":"2026-11-23"}"#;

    /// Reads a tape back as the npm package does: by UTF-16 units.
    fn read_tape(tape: &str) -> (bool, Vec<[String; 4]>, Vec<[String; 4]>) {
        let units: Vec<u16> = tape.encode_utf16().collect();
        let number = |at: &mut usize| {
            let n = usize::from(units[*at] - 0x30) << 6 | usize::from(units[*at + 1] - 0x30);
            *at += 2;
            n
        };
        let mut at = 1;
        let mut lists = Vec::new();
        for _ in 0..2 {
            let mut issues = Vec::new();
            for _ in 0..number(&mut at) {
                issues.push(std::array::from_fn(|_| {
                    let n = number(&mut at);
                    let t = String::from_utf16(&units[at..at + n]).expect("whole characters");
                    at += n;
                    t
                }));
            }
            lists.push(issues);
        }
        assert_eq!(at, units.len(), "nothing after the warnings");
        let warnings = lists.pop().unwrap();
        (units[0] == u16::from(b'1'), lists.pop().unwrap(), warnings)
    }

    fn fields(list: &[Issue]) -> Vec<[String; 4]> {
        list.iter()
            .map(|i| {
                [
                    i.code.as_str().into(),
                    i.message.clone(),
                    i.path.clone(),
                    i.rule.to_string(),
                ]
            })
            .collect()
    }

    proptest::proptest! {
        /// Any report survives the tape: texts with quotes, backslashes, NUL, the
        /// characters a format might use as separators (U+001E, U+001F), the
        /// digits' own range (`0`, `a`), characters beyond U+FFFF (two UTF-16
        /// units) and U+FFFF. Lengths past 63 (the high digit) and the 4,096
        /// limit are `reports_past_the_tape_limit_go_as_json`'s.
        #[test]
        fn tapes_read_back_as_the_report(
            issues in proptest::collection::vec(
                (proptest::bool::ANY, "[a0o\"\\\\\u{0}\u{1e}\u{1f}\u{7fff}\u{e9}\u{ffff}\u{1f600}/~]{0,12}",
                 "[a/\u{1f}\u{1f600}]{0,8}", "[a_\u{0}]{0,6}"),
                0..6,
            ),
        ) {
            let mut report = Report::ok();
            for (warn, message, path, rule) in issues {
                let issue = Issue::new(Code::InvalidFormat, message, path, rule);
                if warn { report.warn(issue) } else { report.push(issue) }
            }
            let (valid, errors, warnings) = read_tape(&report_tape(&report).unwrap());
            proptest::prop_assert_eq!(valid, report.valid);
            proptest::prop_assert_eq!(errors, fields(&report.errors));
            proptest::prop_assert_eq!(warnings, fields(&report.warnings));
        }
    }

    /// The wasm package's answer holds the very report its JSON answer does, on
    /// every payload of the shared vectors and on the reports that have warnings.
    #[test]
    fn answers_are_the_json_reports() {
        let p = Prepared::new(OPTS).unwrap();
        let vectors: Value =
            serde_json::from_str(include_str!("../tests/vectors/payloads.json")).unwrap();
        let mut payloads: Vec<String> = Vec::new();
        collect_objects(&vectors, &mut payloads);
        payloads.push(
            r#"{"type":"unverified","firstName":"A","lastName":"B","email":"a@gmial.com"}"#.into(),
        );
        payloads.push("{\"\u{1f600}\":1,\"firstName\":\"\\ud800\"}".into());
        payloads.push("not json".into());
        let mut taped = 0;
        for payload in &payloads {
            let json: Report = serde_json::from_str(&p.validate_customer(payload)).unwrap();
            match p.validate_customer_answer(payload.as_bytes()) {
                Answer::Clean => assert!(json.valid && json.warnings.is_empty(), "{payload}"),
                Answer::Tape(tape) => {
                    taped += 1;
                    let (valid, errors, warnings) = read_tape(&tape);
                    assert_eq!(valid, json.valid, "{payload}");
                    assert_eq!(errors, fields(&json.errors), "{payload}");
                    assert_eq!(warnings, fields(&json.warnings), "{payload}");
                }
                Answer::Json(text) => panic!("a report too large for a tape: {text}"),
            }
        }
        assert!(taped >= 10, "only {taped} reports were taped");
    }

    /// A report the tape cannot hold (a text or a list of 4,096 or more) still
    /// crosses, as JSON text; one just below the limit goes as a tape. Both sides
    /// of the limit exactly: at 4,096 the two digits would wrap to `00`.
    #[test]
    fn reports_past_the_tape_limit_go_as_json() {
        let p = Prepared::new(OPTS).unwrap();
        let unverified = r#""type":"unverified","firstName":"A","lastName":"B","email":"a@b.co""#;
        let with_key = |key: &str| format!(r#"{{{unverified},"{key}":1}}"#);
        let answer = |payload: &str| p.validate_customer_answer(payload.as_bytes());
        let as_json = |payload: &str| match answer(payload) {
            Answer::Json(text) => assert_eq!(text, p.validate_customer(payload)),
            other => panic!("{other:?}"),
        };
        // The path is `/` and the key, in UTF-16 units: 4,095 fit, 4,096 do not,
        // whether the units are one byte each or an astral character's two.
        assert!(matches!(
            answer(&with_key(&"k".repeat(4094))),
            Answer::Tape(_)
        ));
        as_json(&with_key(&"k".repeat(4095)));
        assert!(matches!(
            answer(&with_key(&format!("kk{}", "\u{1f600}".repeat(2046)))),
            Answer::Tape(_)
        ));
        as_json(&with_key(&format!("k{}", "\u{1f600}".repeat(2047))));
        // 4,095 unknown keys are 4,095 issues, a tape; 4,096 are JSON.
        let keys = |n: usize| {
            let keys: Vec<String> = (0..n).map(|i| format!(r#""k{i}":1"#)).collect();
            format!("{{{unverified},{}}}", keys.join(","))
        };
        match answer(&keys(4095)) {
            Answer::Tape(tape) => assert_eq!(read_tape(&tape).1.len(), 4095),
            other => panic!("{other:?}"),
        }
        as_json(&keys(4096));
    }

    /// Every object in a vectors file, as JSON text.
    fn collect_objects(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(p @ Value::Object(_)) = m.get("payload") {
                    out.push(p.to_string());
                }
                m.values().for_each(|x| collect_objects(x, out));
            }
            Value::Array(items) => items.iter().for_each(|x| collect_objects(x, out)),
            _ => {}
        }
    }

    #[test]
    fn options_errors_are_reported_not_panicked() {
        for bad in [
            "",
            "[]",
            "7",
            r#"{"today":"2026-13-01"}"#,
            r#"{"today":"2026-11-23","operation":"update"}"#,
            r#"{"today":"2026-11-23","colour":1}"#,
            "{}",
        ] {
            let out = validate_customer_json("{}", bad);
            assert!(out.starts_with(r#"{"error":"#), "{bad} -> {out}");
        }
    }

    #[test]
    fn broken_payload_json_is_a_report() {
        let out = validate_customer_json("{\"ssn\": 12-34", OPTS);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["valid"], false);
        assert_eq!(v["errors"][0]["rule"], "json_syntax");
        assert!(!out.contains("12-34"));
    }

    #[test]
    fn field_uses_the_shape_option() {
        let out = validate_field_json(
            "businessName",
            "\"Acme\"",
            r#"{"today":"2026-11-23","type":"unverified"}"#,
        );
        assert!(out.starts_with(r#"{"valid":true"#), "{out}");
    }

    #[test]
    fn bytes_path_answers_none_only_for_a_clean_valid_payload() {
        let p = Prepared::new(OPTS).unwrap();
        let valid = r#"{"type":"unverified","firstName":"A","lastName":"B","email":"a@b.co"}"#;
        assert_eq!(p.validate_customer_bytes(valid.as_bytes()), None);
        assert_eq!(p.validate_customer(valid), report_json(&Report::ok()));
        // A warning (gmial.com) is not clean: the report crosses.
        let hinted = valid.replace("a@b.co", "a@gmial.com");
        let out = p.validate_customer_bytes(hinted.as_bytes()).unwrap();
        assert_eq!(out, p.validate_customer(&hinted));
        let invalid = r#"{"type":"unverified"}"#;
        assert_eq!(
            p.validate_customer_bytes(invalid.as_bytes()).unwrap(),
            p.validate_customer(invalid)
        );
        let not_utf8 = p
            .validate_customer_bytes(b"{\"firstName\":\"\xff\"}")
            .unwrap();
        assert!(not_utf8.contains("json_syntax"), "{not_utf8}");
    }

    #[test]
    fn every_report_the_engine_writes_renders_as_a_hal_body() {
        // About 1 MB of payload, over 10 MiB of report: the report's size is not
        // a payload's, so it is not refused as one.
        let keys: Vec<String> = (0..100_000).map(|i| format!("\"k{i}\":0")).collect();
        let body = format!("{{\"firstName\":\"Jane\",{}}}", keys.join(","));
        assert!(body.len() < 1_200_000);
        let report = validate_customer_json(&body, OPTS);
        assert!(report.len() > crate::rules::presence::MAX_PAYLOAD_BYTES);
        let hal: Value = serde_json::from_str(&to_dwolla_error_json(&report)).unwrap();
        let errors = hal["_embedded"]["errors"].as_array().unwrap();
        let expected: Value = serde_json::from_str(&report).unwrap();
        assert_eq!(errors.len(), expected["errors"].as_array().unwrap().len());
        assert!(errors.len() > 100_000);
    }

    #[test]
    fn a_normalized_payload_is_never_read_as_an_error() {
        // A payload may have a key of any name, `error` and `valid` included: it
        // comes back inside `payload`, and only the caller's mistakes come back as
        // `{"error": ...}`.
        for payload in [
            r#"{"error":" SSN 123-45-6789 "}"#,
            r#"{"error":"x","valid":true}"#,
            r#"{"payload":{"error":"x"}}"#,
            r#"{"unreadable":true}"#,
        ] {
            let out: Value = serde_json::from_str(&normalize_customer_json(payload)).unwrap();
            let expected: Value =
                serde_json::from_str(&crate::normalize::normalize_text(payload).unwrap()).unwrap();
            assert_eq!(out, serde_json::json!({ "payload": expected }), "{payload}");
        }
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let large = format!(
            r#"{{"a":"{}"}}"#,
            "x".repeat(crate::rules::presence::MAX_PAYLOAD_BYTES)
        );
        for (broken, why) in [
            ("{", "ends before the JSON is complete"),
            ("[1,]", "(line 1, column 4)"),
            ("\"\\ud800", "(line 1, column"),
            (deep.as_str(), "nested more than 128 levels deep"),
            (large.as_str(), "larger than 10 MiB"),
        ] {
            let out: Value = serde_json::from_str(&normalize_customer_json(broken)).unwrap();
            let said = out["error"].as_str().unwrap();
            assert!(
                said.starts_with("the payload cannot be normalized: "),
                "{said}"
            );
            assert!(said.contains(why), "{said}");
            assert_eq!(out.as_object().unwrap().len(), 1, "{out}");
        }
    }

    #[test]
    fn dwolla_error_round_trip() {
        let report = validate_customer_json(r#"{"type":"unverified"}"#, OPTS);
        let body: Value = serde_json::from_str(&to_dwolla_error_json(&report)).unwrap();
        assert_eq!(body["code"], "ValidationError");
        assert_eq!(body["_embedded"]["errors"].as_array().unwrap().len(), 3);
        assert_eq!(
            to_dwolla_error_json(r#"{"valid":true,"errors":[]}"#),
            "null"
        );
        assert!(to_dwolla_error_json("[]").contains("error"));
    }
}
