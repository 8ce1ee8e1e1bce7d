//! The properties the fuzz targets assert, one `check_*` function per target.
//!
//! This file is plain Rust over the crate's public API, `serde_json` and `chrono`:
//! the fuzz crate (`tests/fuzz`, nightly, cargo-fuzz) links it as a library, and the
//! stable integration test `tests/fuzz_regressions.rs` includes it as a module to
//! replay the seeds and every minimized finding through the very same assertions.
//!
//! Each `check_*` takes the raw fuzzer bytes and decodes them itself (no
//! `arbitrary`), so a saved input replays identically anywhere.

use chrono::NaiveDate;
use dwolla_validator::documents::{self, DocumentFor, FileFacts};
use dwolla_validator::messages::Msg;
use dwolla_validator::report::Report;
use dwolla_validator::rules::{self, Ctx, Rule};
use dwolla_validator::shapes::{self, Kind, Shape};
use dwolla_validator::{
    input, json_api, keys, normalize, parse, validate, validate_as, validate_field, Operation,
    Options, KINDS,
};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The fixed *today* every target validates on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real date")
}

const TODAY_JSON: &str = r#"{"today":"2026-11-23"}"#;
const TODAY_RETRY_JSON: &str = r#"{"today":"2026-11-23","operation":"retry"}"#;

/// Shortest input string the no-echo property looks for in messages.
pub const ECHO_MIN_CHARS: usize = 6;

// ---------------------------------------------------------------------------
// The message catalog and the report checks every target shares.
// ---------------------------------------------------------------------------

/// Labels passed to `Msg::render` outside the shape tables (documents, KBA, the
/// payload itself), as written in `src/`.
const EXTRA_LABELS: &[&str] = &[
    "",
    "The payload",
    "The kind of payload",
    "The document",
    "Type",
    "For",
    "Document type",
    "File",
    "File name",
    "File type",
    "File size",
    "This upload",
    "Answers",
    "Each answer",
    "Question id",
    "Answer id",
    "Address",
    "Passport",
    "Controller",
    "Business type",
    "Date of birth",
    "SSN",
];

fn collect_shape(
    shape: &Shape,
    labels: &mut HashSet<&'static str>,
    names: &mut HashSet<&'static str>,
) {
    for f in shape.fields {
        labels.insert(f.label);
        names.insert(f.name);
        if let Kind::Object(inner) = f.kind {
            collect_shape(inner, labels, names);
        }
    }
}

/// Every message the validator can say: each `Msg` rendered with each label, with
/// the parameters the crate uses. A message in this set is built from constants
/// only, so it cannot contain input.
fn catalog() -> &'static HashSet<String> {
    static CATALOG: OnceLock<HashSet<String>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut labels: HashSet<&'static str> = EXTRA_LABELS.iter().copied().collect();
        let mut names: HashSet<&'static str> = HashSet::new();
        for s in shapes::SHAPES {
            collect_shape(s, &mut labels, &mut names);
        }
        names.extend(rules::customer_type::KNOWN_TYPES);
        names.extend(KINDS);
        // KBA answers suggest these keys (src/kba.rs).
        names.extend(["answers", "questionId", "answerId"]);
        let allowed_lists: Vec<&'static [&'static str]> = vec![
            KINDS,
            shapes::business::BUSINESS_TYPES,
            rules::customer_type::KNOWN_TYPES,
            &["personal"],
            &["business"],
            &["receive-only", "unverified"],
            &["llc", "corporation", "partnership"],
            &["soleProprietorship"],
            &["personal", "controller", "beneficial-owner", "business"],
            DocumentFor::Person.document_types(),
            DocumentFor::BeneficialOwner.document_types(),
            DocumentFor::Business.document_types(),
        ];
        let mut msgs = vec![
            Msg::Required,
            Msg::NotString,
            Msg::ForbiddenCharacter,
            Msg::InvisibleCharacter,
            Msg::UnassignedCharacter,
            Msg::ContainsDigits,
            Msg::PoBox,
            Msg::StateCase,
            Msg::StateFormat,
            Msg::StateUnknown,
            Msg::PostalCode,
            Msg::DateFormat,
            Msg::DateNotReal,
            Msg::TooYoung {
                min: rules::age_range::MIN_AGE,
            },
            Msg::TooOld {
                max: rules::age_range::MAX_AGE,
            },
            Msg::DigitsOnly,
            Msg::SsnLength,
            Msg::SsnFull,
            Msg::SsnNine,
            Msg::PhoneLength,
            Msg::Email,
            Msg::EmailTooLong,
            Msg::IpAddress,
            Msg::CorrelationId,
            Msg::UnknownField { suggestion: None },
            Msg::TypeUnknown { suggestion: None },
            Msg::TypeRequiredForVerified,
            Msg::NotObject,
            // A lone surrogate escape, at its field (the text path only).
            Msg::NotText,
            Msg::Uuid,
            Msg::EinLength,
            Msg::Website,
            Msg::CountryFormat,
            Msg::CountryUnknown,
            Msg::Region,
            Msg::IntlPostalCode,
            Msg::Zip5,
            Msg::SsnRequiredInUs,
            Msg::PassportRequiredOutsideUs,
            Msg::ItemCount {
                exactly: dwolla_validator::kba::ANSWERS as u32,
            },
            Msg::DuplicateAnswer,
            Msg::FileNoExtension,
            Msg::FileExtension { pdf: false },
            Msg::FileExtension { pdf: true },
            Msg::FileTypeMismatch,
            Msg::FileEmpty,
            Msg::FileTooLarge {
                max: documents::MAX_FILE_BYTES,
            },
            Msg::FileSignature { pdf: false },
            Msg::FileSignature { pdf: true },
            Msg::TooManyDocuments {
                max: documents::MAX_PENDING_DOCUMENTS,
            },
            Msg::NotByteCount,
        ];
        for n in [0, 1, 2, 4, 5, 9, 10, 50, 64, 100, 254, 255] {
            msgs.push(Msg::TooLong { max: n });
            msgs.push(Msg::TooShort { min: n });
        }
        for allowed in allowed_lists {
            msgs.push(Msg::OneOf { allowed });
            msgs.push(Msg::DocumentType { allowed });
        }
        for &n in &names {
            msgs.push(Msg::UnknownField {
                suggestion: Some(n),
            });
            msgs.push(Msg::TypeUnknown {
                suggestion: Some(n),
            });
        }
        // Quality hints: a suggested popular domain, or the states a ZIP prefix serves.
        for d in dwolla_validator::hints::email_domain::POPULAR {
            msgs.push(Msg::EmailTypo { suggestion: d });
        }
        let mut zip_states: Vec<&'static [&'static str]> = Vec::new();
        for p in 0..1000 {
            if let Some(states) =
                dwolla_validator::hints::zip_state::prefix_states(&format!("{p:03}00"))
            {
                if !zip_states.contains(&states) {
                    zip_states.push(states);
                }
            }
        }
        for states in zip_states {
            msgs.push(Msg::ZipStateMismatch { states });
        }
        msgs.push(Msg::SsnNeverIssued);
        msgs.push(Msg::PhoneNotDiallable);
        let mut set = HashSet::new();
        for m in &msgs {
            for l in &labels {
                set.insert(m.render(l));
            }
        }
        set
    })
}

/// `true` for a `json_syntax` message: one of the fixed sentences of
/// `Msg::JsonSyntax`, with a line and column.
fn is_json_syntax_message(m: &str) -> bool {
    use dwolla_validator::messages::JsonProblem;
    let Some(rest) = m.strip_suffix(").") else {
        return false;
    };
    let Some((sentence, position)) = rest.rsplit_once(" (line ") else {
        return false;
    };
    let Some((line, column)) = position.split_once(", column ") else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let problems = [
        JsonProblem::Syntax,
        JsonProblem::Truncated,
        JsonProblem::DuplicateKey,
        JsonProblem::TooDeep,
        JsonProblem::NumberOutOfRange,
        JsonProblem::Encoding,
    ];
    digits(line)
        && digits(column)
        && problems.iter().any(|&problem| {
            let fixed = Msg::JsonSyntax {
                problem,
                line: 0,
                column: 0,
            }
            .render("The payload");
            fixed.strip_suffix(" (line 0, column 0).") == Some(sentence)
        })
}

/// Every string in `v`, keys and values, at any depth.
pub fn strings_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings_of(x, out)),
        Value::Object(m) => {
            for (k, x) in m {
                out.push(k.clone());
                strings_of(x, out);
            }
        }
        _ => {}
    }
}

/// Keeps the strings long enough for the no-echo property, without duplicates.
fn long_strings(mut v: Vec<String>) -> Vec<String> {
    v.retain(|s| s.chars().count() >= ECHO_MIN_CHARS);
    v.sort();
    v.dedup();
    v
}

/// The PII guarantee for one message: it contains none of `inputs` (strings of at
/// least [`ECHO_MIN_CHARS`] characters), unless it is a catalog message, which is
/// built from constants only (a value such as `"required"` may coincide with it).
/// A message that is neither in the catalog nor a `json_syntax` message fails too:
/// messages are documented to be built only from labels and rule constants.
fn check_message(m: &str, rule: &str, inputs: &[String], what: &str) {
    if catalog().contains(m) {
        return;
    }
    if rule == "json_syntax" && is_json_syntax_message(m) {
        return;
    }
    for v in inputs {
        assert!(
            !m.contains(v.as_str()),
            "{what}: message echoes an input value {v:?}: {m:?}"
        );
    }
    panic!("{what}: message is not from the catalog (rule {rule}): {m:?}");
}

/// Properties of every report: `valid` is exactly "no errors", at most one error
/// per path, and no message (error or warning) repeats an input string.
pub fn check_report(r: &Report, inputs: &[String], what: &str) {
    assert_eq!(
        r.valid,
        r.errors.is_empty(),
        "{what}: valid disagrees with errors: {r:?}"
    );
    let mut paths = HashSet::new();
    for e in &r.errors {
        assert!(
            paths.insert(e.path.as_str()),
            "{what}: two errors at path {:?}: {:?}",
            e.path,
            r.errors
        );
    }
    for i in r.errors.iter().chain(&r.warnings) {
        check_message(&i.message, &i.rule, inputs, what);
    }
    match r.to_dwolla_error() {
        None => assert!(r.valid, "{what}: invalid report without a Dwolla body"),
        Some(body) => {
            assert!(!r.valid, "{what}: valid report with a Dwolla body");
            assert_eq!(
                body["_embedded"]["errors"].as_array().map(Vec::len),
                Some(r.errors.len()),
                "{what}: Dwolla body lost errors"
            );
        }
    }
}

fn to_json(r: &Report) -> String {
    serde_json::to_string(r).expect("a report serializes")
}

// ---------------------------------------------------------------------------
// Target `payload`: bytes -> parse_payload / records -> validate.
// ---------------------------------------------------------------------------

fn check_parsed(v: &Value, inputs: &[String], what: &str) {
    let create = Options::new(today());
    let retry = Options::new(today()).operation(Operation::Retry);
    let lenient = Options::new(today()).allow_unknown_fields(true);
    check_report(&validate(v, &create), inputs, &format!("{what}, create"));
    check_report(&validate(v, &retry), inputs, &format!("{what}, retry"));
    check_report(
        &validate(v, &lenient),
        inputs,
        &format!("{what}, unknown fields allowed"),
    );
    // One named kind per input (validating as all nine costs 5x the throughput, and
    // `validate` already reaches every shape through `type` and the untyped keys).
    let kind = KINDS[inputs.len() % KINDS.len()];
    check_report(
        &validate_as(kind, v, &create),
        inputs,
        &format!("{what}, as {kind}"),
    );
    check_report(
        &validate_as("no-such-kind", v, &create),
        inputs,
        &format!("{what}, as an unknown kind"),
    );
}

/// Target `payload`: the bytes as one payload and as a file of records; every
/// parsed value validated (create, retry, unknown fields allowed, and as a named
/// kind); the JSON-text API gives the same answer as the native one.
pub fn check_payload(data: &[u8]) {
    let parsed = input::parse_payload(data);
    let mut inputs = Vec::new();
    if let Ok(v) = &parsed {
        strings_of(v, &mut inputs);
    }
    let recs = input::records(data);
    for r in &recs {
        if let Ok(v) = &r.value {
            strings_of(v, &mut inputs);
        }
    }
    let inputs = long_strings(inputs);

    match &parsed {
        Ok(v) => check_parsed(v, &inputs, "payload"),
        Err(e) => {
            let r = input::unreadable_report(e);
            assert!(!r.valid && r.errors.len() == 1);
            check_report(&r, &inputs, "unreadable payload");
        }
    }

    // The JSON-text API (what the wasm package calls) agrees with the native one.
    if let Ok(text) = std::str::from_utf8(data) {
        for (opts_json, opts) in [
            (TODAY_JSON, Options::new(today())),
            (
                TODAY_RETRY_JSON,
                Options::new(today()).operation(Operation::Retry),
            ),
        ] {
            // The text path reads with its own parser (crate::parse): wherever
            // serde_json reads the text, the reports are identical; where it does
            // not, the text path refuses the payload too (a lone surrogate is an
            // error at its field rather than at the root).
            let from_text = json_api::validate_customer_json(text, opts_json);
            match &parsed {
                Ok(v) => assert_eq!(
                    from_text,
                    to_json(&validate(v, &opts)),
                    "validate_customer_json disagrees with validate"
                ),
                Err(_) => assert!(
                    from_text.starts_with(r#"{"valid":false"#),
                    "text serde_json refuses was accepted: {from_text}"
                ),
            }
        }
    }

    // Records: line numbers are real lines, in order; a whole-input value that is
    // not an array is the only record; an array's elements are the records.
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut last = 0;
    for r in &recs {
        if let Some(l) = r.line {
            assert!(l >= 1 && l <= lines, "record line {l} outside 1..={lines}");
            assert!(l >= last, "record lines go backwards: {l} after {last}");
            last = l;
        }
        match &r.value {
            Ok(v) => check_parsed(v, &inputs, "record"),
            Err(e) => check_report(&input::unreadable_report(e), &inputs, "unreadable record"),
        }
    }
    // `records` reads with the crate's own parser and `parse_payload` with
    // serde_json: the same values, but for doubles, which the crate's parser reads
    // within a few units in the last place (`approximate_f64`), as the `parse`
    // target allows too ("\r" and 70 nines: 9.999999999999999e69 against 1e70).
    if let Ok(v) = &parsed {
        let first = data.iter().copied().find(|b| !b.is_ascii_whitespace());
        let text = String::from_utf8_lossy(data);
        let same = |r: &input::Record, item: &Value| match &r.value {
            Ok(read) => assert_same_value(read, item, &text),
            Err(e) => panic!("{text:?}: a record of a payload serde_json reads failed: {e}"),
        };
        match (first, v) {
            (Some(b'['), Value::Array(items)) => {
                assert_eq!(recs.len(), items.len(), "array elements are the records");
                for (r, item) in recs.iter().zip(items) {
                    same(r, item);
                }
            }
            _ => {
                assert_eq!(recs.len(), 1, "one JSON value is one record");
                same(&recs[0], v);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Target `field`: (shape, field, string value) -> validate_field, and the rules.
// ---------------------------------------------------------------------------

fn field_paths(shape: &Shape, prefix: &str, out: &mut Vec<String>) {
    for f in shape.fields {
        let name = if prefix.is_empty() {
            f.name.to_string()
        } else {
            format!("{prefix}/{}", f.name)
        };
        if let Kind::Object(inner) = f.kind {
            field_paths(inner, &name, out);
        }
        out.push(name);
    }
}

/// Decodes `data` as: byte 0 = shape index (low 7 bits) and operation (high bit:
/// retry); byte 1 = field selector (below 0xE0: one of the shape's field paths,
/// nested ones included; otherwise a field name follows, ended by a NUL byte); the
/// rest is the value, as UTF-8 (lossy).
pub fn decode_field(data: &[u8]) -> Option<(&'static Shape, Operation, String, String)> {
    let (&b0, rest) = data.split_first()?;
    let (&b1, rest) = rest.split_first()?;
    let shape = shapes::SHAPES[usize::from(b0 & 0x7f) % shapes::SHAPES.len()];
    let op = if b0 & 0x80 != 0 {
        Operation::Retry
    } else {
        Operation::Create
    };
    let (field, value) = if b1 < 0xE0 {
        let mut paths = Vec::new();
        field_paths(shape, "", &mut paths);
        (paths[usize::from(b1) % paths.len()].clone(), rest)
    } else {
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        (
            String::from_utf8_lossy(&rest[..end]).into_owned(),
            rest.get(end + 1..).unwrap_or(&[]),
        )
    };
    Some((
        shape,
        op,
        field,
        String::from_utf8_lossy(value).into_owned(),
    ))
}

fn ok<R: Rule>(rule: &R, s: &str, ctx: &Ctx) -> bool {
    rule.check(s, ctx).is_ok()
}

/// Each public rule on `s`: no panic, its check agrees with its `is_*` function
/// and with a plain restatement of the rule, and a refusal's message is clean.
fn check_rules(s: &str, op: Operation) {
    use rules::*;
    let ctx = Ctx {
        operation: op,
        today: today(),
    };
    let inputs = long_strings(vec![s.to_string()]);
    let all: [&dyn Rule; 27] = [
        &age_range::AgeRange,
        &correlation_id::CorrelationId,
        &country::Country,
        &country::Region,
        &country::IntlPostalCode,
        &date_of_birth::DateFormat,
        &ein::Ein,
        &email::Email,
        &forbidden_characters::ForbiddenCharacters,
        &invisible_characters::InvisibleCharacters,
        &ip_address::IpAddress,
        &length::Length { min: 1, max: 50 },
        &length::Length { min: 0, max: 50 },
        &length::Length { min: 1, max: 255 },
        &length::Length { min: 1, max: 100 },
        &no_digits::NoDigits,
        &one_of::OneOf {
            allowed: shapes::business::BUSINESS_TYPES,
        },
        &phone::Phone,
        &po_box::PoBox,
        &postal_code::PostalCode::ZIP_OR_ZIP4,
        &postal_code::PostalCode::ZIP5,
        &ssn::Ssn::LAST_FOUR_OR_FULL,
        &ssn::Ssn::FULL,
        &state::State,
        &uuid::Uuid,
        &website::Website,
        &one_of::OneOf {
            allowed: rules::customer_type::KNOWN_TYPES,
        },
    ];
    for rule in all {
        if let Err(fail) = rule.check(s, &ctx) {
            check_message(&fail.msg.render("First name"), rule.id(), &inputs, "rule");
        }
    }

    let digits = |n: &[usize]| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let full_only = op == Operation::Retry;
    assert_eq!(
        ok(&ssn::Ssn::LAST_FOUR_OR_FULL, s, &ctx),
        digits(if full_only { &[9] } else { &[4, 9] }),
        "ssn"
    );
    assert_eq!(ok(&ssn::Ssn::FULL, s, &ctx), digits(&[9]), "ssn full");
    assert_eq!(ok(&phone::Phone, s, &ctx), digits(&[10]), "phone");
    assert_eq!(ok(&ein::Ein, s, &ctx), digits(&[9]), "ein");

    assert_eq!(ok(&state::State, s, &ctx), state::is_state_code(s), "state");
    if state::is_state_code(s) {
        assert!(s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()));
    }

    let is_email = email::is_email(s);
    assert_eq!(ok(&email::Email, s, &ctx), is_email, "email");
    if is_email {
        assert!(s.len() <= email::MAX_TOTAL);
        let domain = email::domain_of(s).expect("a valid address has a domain");
        assert!(s.ends_with(domain) && domain.contains('.'));
    }

    assert_eq!(
        ok(&website::Website, s, &ctx),
        website::is_website(s),
        "website"
    );
    if website::is_website(s) {
        let l = s.to_ascii_lowercase();
        assert!(l.starts_with("http://") || l.starts_with("https://"));
    }

    // PO boxes: ASCII case never matters.
    let po = po_box::is_po_box(s);
    assert_eq!(!ok(&po_box::PoBox, s, &ctx), po, "po_box");
    assert_eq!(
        po_box::is_po_box(&s.to_ascii_uppercase()),
        po,
        "po_box upper"
    );
    assert_eq!(
        po_box::is_po_box(&s.to_ascii_lowercase()),
        po,
        "po_box lower"
    );

    let date = date_of_birth::parse_ymd(s);
    assert_eq!(
        ok(&date_of_birth::DateFormat, s, &ctx),
        date.is_some(),
        "date"
    );
    if let Some(d) = date {
        assert_eq!(d.format("%Y-%m-%d").to_string(), s, "date round trip");
        let age = age_range::age_on(d, ctx.today);
        let in_range = (age_range::MIN_AGE as i32..=age_range::MAX_AGE as i32).contains(&age);
        assert_eq!(ok(&age_range::AgeRange, s, &ctx), in_range, "age");
    } else {
        assert!(!ok(&age_range::AgeRange, s, &ctx), "age of no date");
    }

    assert_eq!(
        ok(&postal_code::PostalCode::ZIP5, s, &ctx),
        postal_code::is_zip5(s),
        "zip5"
    );
    assert_eq!(
        ok(&postal_code::PostalCode::ZIP_OR_ZIP4, s, &ctx),
        postal_code::is_zip(s),
        "zip"
    );
    if postal_code::is_zip5(s) {
        assert!(postal_code::is_zip(s));
    }

    assert_eq!(ok(&uuid::Uuid, s, &ctx), uuid::is_uuid(s), "uuid");
    assert_eq!(
        ok(&ip_address::IpAddress, s, &ctx),
        ip_address::is_ip(s),
        "ip"
    );
    if ip_address::is_ip(s) {
        assert!(s.parse::<std::net::IpAddr>().is_ok());
    }
    assert_eq!(
        ok(&correlation_id::CorrelationId, s, &ctx),
        correlation_id::is_correlation_id(s)
    );
    assert_eq!(ok(&country::Country, s, &ctx), country::is_country_code(s));
    if country::is_country_code(s) {
        assert!(country::is_region_code(s));
    }
    assert_eq!(ok(&country::Region, s, &ctx), country::is_region_code(s));
    assert_eq!(
        ok(&country::IntlPostalCode, s, &ctx),
        country::is_intl_postal_code(s)
    );
    if country::is_intl_postal_code(s) {
        assert!(!s.is_empty() && s.len() <= 10);
    }

    // ASCII forbidden characters always count; outside ASCII, look-alikes
    // (full-width, small forms) count too, so the rule may refuse more.
    let ascii_forbidden = s.chars().any(|c| "<>=\"`!?%~${}\\".contains(c));
    let forbidden = forbidden_characters::has_forbidden(s);
    if s.is_ascii() {
        assert_eq!(forbidden, ascii_forbidden);
    } else {
        assert!(forbidden || !ascii_forbidden);
    }
    assert_eq!(
        ok(&forbidden_characters::ForbiddenCharacters, s, &ctx),
        !forbidden
    );
    let invisible = s.chars().any(invisible_characters::is_invisible);
    assert_eq!(
        ok(&invisible_characters::InvisibleCharacters, s, &ctx),
        !invisible,
        "invisible"
    );

    let n = s.chars().count();
    for (min, max) in [(1u32, 50u32), (0, 50), (1, 255), (1, 100)] {
        assert_eq!(
            ok(&length::Length { min, max }, s, &ctx),
            (min as usize..=max as usize).contains(&n),
            "length {min}..={max} of {n} chars"
        );
    }

    // Blank: only whitespace, or more generally only characters that show nothing
    // (U+2800, lone marks, format characters); never an ASCII letter or any digit.
    // (Some marks, the Arabic vowel signs, count as alphabetic in Unicode.)
    let blank = rules::presence::is_blank(s);
    if s.trim().is_empty() {
        assert!(blank, "whitespace is blank");
    }
    if blank {
        assert!(
            !s.chars()
                .any(|c| c.is_ascii_alphanumeric() || c.is_numeric()),
            "blank with a letter or digit"
        );
    }
    assert_eq!(
        ok(&rules::unassigned_characters::UnassignedCharacters, s, &ctx),
        rules::unassigned_characters::all_assigned(s)
    );

    let known: Vec<&'static str> = shapes::personal::PERSONAL.field_names().collect();
    if let Some(hit) = rules::unknown_field::suggest(s, &known) {
        assert!(known.contains(&hit));
    }
}

/// Target `field`: [`decode_field`], then `validate_field` (at most one error, no
/// echo), the same through `validate_field_json`, and every public rule.
pub fn check_field(data: &[u8]) {
    let Some((shape, op, field, value)) = decode_field(data) else {
        return;
    };
    let opts = Options::new(today()).operation(op);
    let inputs = long_strings(vec![value.clone(), field.clone()]);
    let r = validate_field(shape.name, &field, &Value::String(value.clone()), &opts);
    check_report(&r, &inputs, "validate_field");
    assert!(
        r.errors.len() <= 1,
        "more than one error for one field: {r:?}"
    );

    let opts_json = json!({"today": "2026-11-23", "operation": op.as_str(), "type": shape.name});
    assert_eq!(
        json_api::validate_field_json(
            &field,
            &Value::String(value.clone()).to_string(),
            &opts_json.to_string()
        ),
        to_json(&r),
        "validate_field_json disagrees with validate_field"
    );
    check_rules(&value, op);
}

// ---------------------------------------------------------------------------
// Target `normalize`: normalize and normalize_field are idempotent.
// ---------------------------------------------------------------------------

/// Fields `normalize_field` treats specially, plus ordinary ones.
pub const NORMALIZE_FIELDS: &[&str] = &[
    "ssn",
    "phone",
    "ein",
    "state",
    "stateProvinceRegion",
    "country",
    "firstName",
    "email",
    "",
];

fn same_shape(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(_), Value::String(_)) => true,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_shape(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, p)| y.get(k).is_some_and(|q| same_shape(p, q)))
        }
        _ => a == b,
    }
}

/// Equal values, numbers compared as doubles (the JSON API writes numbers as they
/// were sent, serde_json in its own form: `1E2` and `100.0`).
fn same_values(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_values(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, p)| y.get(k).is_some_and(|q| same_values(p, q)))
        }
        _ => a == b,
    }
}

/// Target `normalize`: the bytes as a JSON payload (`normalize` is idempotent,
/// keeps keys and non-string values, and the JSON API agrees) and as a string
/// (`normalize_field` is idempotent for each field, and its output is trimmed with
/// single inner spaces).
pub fn check_normalize(data: &[u8]) {
    if let Ok(v) = input::parse_payload(data) {
        let once = normalize::normalize(&v);
        let twice = normalize::normalize(&once);
        assert_eq!(twice, once, "normalize is not idempotent");
        assert!(same_shape(&v, &once), "normalize changed more than strings");
        if let Ok(text) = std::str::from_utf8(data) {
            // The JSON API keeps the payload's key order and its numbers as
            // written; read back, its values are normalize's.
            let out = json_api::normalize_customer_json(text);
            let wrapped = input::parse_payload(out.as_bytes()).expect("normalize writes JSON");
            let reread = &wrapped["payload"];
            assert!(
                same_values(reread, &once),
                "normalize_customer_json disagrees with normalize"
            );
        }
    }
    let s = String::from_utf8_lossy(data);
    for field in NORMALIZE_FIELDS {
        let once = normalize::normalize_field(field, &s);
        let twice = normalize::normalize_field(field, &once);
        assert_eq!(twice, once, "normalize_field({field:?}) is not idempotent");
        assert_eq!(
            once.trim(),
            once,
            "normalize_field({field:?}) left outer space"
        );
        assert!(
            !once.contains("  "),
            "normalize_field({field:?}) left a double space"
        );
    }
    // For one field per input (all of them would halve the throughput): the JSON
    // API agrees, and inside a payload the field normalizes as it does on its own.
    let field = NORMALIZE_FIELDS[data.len() % NORMALIZE_FIELDS.len()];
    let once = normalize::normalize_field(field, &s);
    assert_eq!(json_api::normalize_field(field, &s), once);
    let mut m = serde_json::Map::new();
    m.insert(field.to_string(), Value::String(s.to_string()));
    let obj = normalize::normalize(&Value::Object(m));
    assert_eq!(obj[field], Value::String(once));
}

// ---------------------------------------------------------------------------
// Target `document`: name, MIME type, size and first bytes.
// ---------------------------------------------------------------------------

/// A decoded `document` input.
#[derive(Debug)]
pub struct DocumentInput {
    /// `documentType`, if given.
    pub document_type: Option<String>,
    /// File name.
    pub name: String,
    /// Declared MIME type, if given.
    pub mime: Option<String>,
    /// Size in bytes.
    pub size: u64,
    /// First bytes, if read.
    pub head: Option<Vec<u8>>,
}

/// Decodes `data` as: byte 0 = flags (bits 0-2 document type: none, passport,
/// license, idCard, other, "", " ", or a NUL-ended string after the MIME type;
/// bit 3 a MIME type is given; bit 4 the head is given); bytes 1-8 = size (u64
/// little-endian, missing bytes are 0); then the file name, NUL, the MIME type,
/// NUL, [the document type, NUL,] and the remaining bytes are the head.
pub fn decode_document(data: &[u8]) -> Option<DocumentInput> {
    let (&flags, rest) = data.split_first()?;
    let mut size = [0u8; 8];
    let n = rest.len().min(8);
    size[..n].copy_from_slice(&rest[..n]);
    let mut rest = &rest[n..];
    let mut take = || {
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let s = String::from_utf8_lossy(&rest[..end]).into_owned();
        rest = rest.get(end + 1..).unwrap_or(&[]);
        s
    };
    let name = take();
    let mime = take();
    let document_type = match flags & 7 {
        0 => None,
        1 => Some("passport".to_string()),
        2 => Some("license".to_string()),
        3 => Some("idCard".to_string()),
        4 => Some("other".to_string()),
        5 => Some(String::new()),
        6 => Some(" ".to_string()),
        _ => Some(take()),
    };
    Some(DocumentInput {
        document_type,
        name,
        mime: (flags & 8 != 0).then_some(mime),
        size: u64::from_le_bytes(size),
        head: (flags & 16 != 0).then(|| rest.to_vec()),
    })
}

/// Target `document`: for each whom, the verdict with the head cut to its first
/// 8 bytes equals the verdict with the whole head; without the head only the
/// signature error can go; the JSON form and the JSON-text API agree; and the
/// report properties hold, whatever the size.
pub fn check_document(data: &[u8]) {
    let Some(d) = decode_document(data) else {
        return;
    };
    let mut inputs = vec![d.name.clone()];
    inputs.extend(d.mime.clone());
    inputs.extend(d.document_type.clone());
    let inputs = long_strings(inputs);
    let dt = d.document_type.as_deref();
    for (whom, for_name) in [
        (DocumentFor::Person, "personal"),
        (DocumentFor::BeneficialOwner, "beneficial-owner"),
        (DocumentFor::Business, "business"),
    ] {
        let facts = FileFacts {
            name: &d.name,
            mime_type: d.mime.as_deref(),
            size: d.size,
            head: d.head.as_deref(),
        };
        let full = documents::validate_document(dt, whom, &facts);
        check_report(&full, &inputs, "validate_document");

        if let Some(head) = &d.head {
            let cut = &head[..head.len().min(documents::SIGNATURE_BYTES)];
            let short = documents::validate_document(
                dt,
                whom,
                &FileFacts {
                    head: Some(cut),
                    ..facts
                },
            );
            assert_eq!(
                short, full,
                "bytes past the signature changed the verdict ({whom:?})"
            );
        }
        let headless = documents::validate_document(
            dt,
            whom,
            &FileFacts {
                head: None,
                ..facts
            },
        );
        let mut without_signature = full.errors.clone();
        without_signature.retain(|e| e.rule != "file_signature");
        assert_eq!(
            headless.errors, without_signature,
            "the head changed more than the signature check"
        );

        // The JSON form of the same document gives the same report.
        let mut file = json!({"name": d.name, "size": d.size});
        if let Some(m) = &d.mime {
            file["type"] = json!(m);
        }
        let mut doc = json!({"for": for_name, "file": file});
        if let Some(t) = dt {
            doc["documentType"] = json!(t);
        }
        let from_json = documents::validate_document_json(&doc, d.head.as_deref());
        assert_eq!(
            from_json, full,
            "validate_document_json disagrees ({whom:?})"
        );

        let head = d.head.as_deref().unwrap_or(&[]);
        let api_head = (!head.is_empty()).then_some(head);
        let expected = documents::validate_document(
            dt,
            whom,
            &FileFacts {
                head: api_head,
                ..facts
            },
        );
        assert_eq!(
            json_api::validate_document_json(&doc.to_string(), head),
            to_json(&expected),
            "json_api::validate_document_json disagrees ({whom:?})"
        );
    }
}

// ---------------------------------------------------------------------------
// Target `parse`: the text path's own reader (crate::parse) against serde_json's.
// ---------------------------------------------------------------------------

/// Every reason `parse::parse` gives, but the repeated key's (which names the key).
const PARSE_REASONS: &[&str] = &[
    "trailing characters",
    "EOF while parsing a value",
    "expected value",
    "recursion limit exceeded",
    "invalid number",
    "number out of range",
    "EOF while parsing a string",
    "control character (\\u0000-\\u001F) found while parsing a string",
    "invalid escape",
    "EOF while parsing a list",
    "expected `,` or `]`",
    "EOF while parsing an object",
    "key must be a string",
    "lone surrogate in a key",
    "expected `:`",
    "expected `,` or `}`",
    "a key that is not a field appears twice in one object; send each key once",
];

/// Doubles read by `parse` may differ from a correctly rounded reading in the last
/// few units in the last place (`approximate_f64` in src/parse.rs): a relative
/// 1e-14, the same sign, and both finite.
fn close_doubles(x: f64, y: f64) -> bool {
    x.is_finite()
        && y.is_finite()
        && x.is_sign_negative() == y.is_sign_negative()
        && (x == y || ((x - y) / y).abs() < 1e-14)
}

/// `ours == theirs`, numbers compared with [`close_doubles`] when either is a
/// double (an integer must be the same integer).
fn assert_same_value(ours: &Value, theirs: &Value, text: &str) {
    match (ours, theirs) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (a, b) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!(
                x.is_f64() && y.is_f64() && close_doubles(a, b),
                "{text:?}: number {x} read, serde_json reads {y}"
            );
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{text:?}: array lengths");
            x.iter()
                .zip(y)
                .for_each(|(p, q)| assert_same_value(p, q, text));
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(x.len(), y.len(), "{text:?}: object sizes");
            for (k, p) in x {
                let q = y
                    .get(k)
                    .unwrap_or_else(|| panic!("{text:?}: key {k:?} missing"));
                assert_same_value(p, q, text);
            }
        }
        _ => assert_eq!(ours, theirs, "{text:?}"),
    }
}

/// Calls `f` on every node of the tree, parents first.
fn each_node<'a>(node: &'a parse::Node<'a>, f: &mut impl FnMut(&'a parse::Node<'a>)) {
    f(node);
    match node {
        parse::Node::Array(items) => items.iter().for_each(|n| each_node(n, f)),
        parse::Node::Object(o) => o.iter().for_each(|(_, n)| each_node(n, f)),
        _ => {}
    }
}

/// Where `part`, a slice of `text`, starts in it.
fn offset_in(text: &str, part: &str) -> usize {
    let at = part.as_ptr() as usize - text.as_ptr() as usize;
    assert!(
        at + part.len() <= text.len(),
        "a node's text is not a slice of the input"
    );
    at
}

/// `text` with the two things only `parse` reads made plain, in place and at the
/// same length: each lone-surrogate string's inside becomes `x`s, each number
/// that reads as ±f64::MAX becomes `0` and spaces. `None` when there is neither.
fn masked(text: &str, node: &parse::Node<'_>) -> Option<String> {
    let mut spans: Vec<(usize, usize, u8)> = Vec::new();
    each_node(node, &mut |n| match n {
        parse::Node::BadStr(raw) => spans.push((offset_in(text, raw), raw.len(), b'x')),
        parse::Node::Number(t) if t.parse::<f64>().is_ok_and(|v| v.abs() == f64::MAX) => {
            spans.push((offset_in(text, t), t.len(), b' '))
        }
        _ => {}
    });
    if spans.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for (at, len, fill) in spans {
        bytes[at..at + len].fill(fill);
        if fill == b' ' {
            bytes[at] = b'0';
        }
    }
    Some(String::from_utf8(bytes).expect("ASCII over whole characters"))
}

/// The bytes of the number token that `e` calls out of range (the parser reports
/// it just past the number), or `None` for another error.
fn out_of_range_number(text: &str, e: &input::InputError) -> Option<std::ops::Range<usize>> {
    let input::InputError::Json {
        reason,
        line,
        column,
    } = e;
    if reason != "number out of range" {
        return None;
    }
    let line_start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    let end = line_start + column - 1;
    let start = text[..end]
        .rfind(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
        .map_or(0, |i| i + 1);
    Some(start..end)
}

/// A number token as read: finite, and within a few ulps of the correctly rounded
/// double (core's parser), whether `to_value` holds it as an integer or a double.
fn check_number(token: &str, value: &Value) {
    let exact: f64 = token.parse().expect("core reads every JSON number");
    assert!(
        exact.is_finite(),
        "{token:?} accepted, but it is out of range"
    );
    let Value::Number(n) = value else {
        panic!("{token:?} read as {value:?}")
    };
    let read = n.as_f64().expect("a number");
    assert!(
        close_doubles(read, exact),
        "{token:?} read as {read:e}, it is {exact:e}"
    );
}

/// The JSON number grammar, whole.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// A refusal: one of the fixed reasons (a repeated key is named only when it is a
/// field's name), at a line and column inside the text.
fn check_parse_error(e: &input::InputError, text: &str) {
    let input::InputError::Json {
        reason,
        line,
        column,
    } = e;
    let repeated_key = reason
        .strip_prefix("the key \"")
        .and_then(|r| r.strip_suffix("\" appears twice in one object; send each field once"));
    match repeated_key {
        // Only a field's own name is repeated back: any other key is input.
        Some(key) => assert!(
            keys::KNOWN.contains(&key),
            "a key that names no field is repeated: {reason:?}"
        ),
        None => assert!(
            PARSE_REASONS.contains(&reason.as_str()),
            "a reason outside the parser's fixed set: {reason:?}"
        ),
    }
    let lines: Vec<&[u8]> = text.as_bytes().split(|&b| b == b'\n').collect();
    assert!(
        (1..=lines.len()).contains(line),
        "line {line} outside 1..={}",
        lines.len()
    );
    let width = lines[line - 1].len();
    assert!(
        (1..=width + 1).contains(column),
        "column {column} outside 1..={} of line {line}",
        width + 1
    );
}

/// Target `parse`: for any UTF-8 text, `parse::parse` never panics and accepts
/// exactly what `input::parse_payload` (serde_json, strict) accepts, except
/// strings with a lone surrogate escape (`Node::BadStr`) and numbers near
/// f64::MAX plus half an ulp, where serde_json's fast float reader is not
/// correctly rounded: those just below it round down to f64::MAX (we accept,
/// serde_json may refuse), and some at or past it are infinite (we refuse as out
/// of range, serde_json may read f64::MAX); core's correctly rounded parser
/// settles which. Where both read the text they read the same
/// value; refusals say only fixed reasons at a real position. Then the text path
/// over it: `validate_text`, `validate_text_as` and `validate_field_text` give
/// clean reports (the first the very report `validate` gives for serde_json's
/// value), and `normalize_text`'s output reads back and is a fixed point.
pub fn check_parse(data: &[u8]) {
    use dwolla_validator::parse::Node;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = parse::parse(text);
    let theirs = input::parse_payload(data);
    // Set when serde_json reads as f64::MAX a number that is out of range.
    let mut serde_rounds_down = false;
    match (&ours, &theirs) {
        (Ok(node), Ok(value)) => {
            each_node(node, &mut |n| {
                assert!(
                    !matches!(n, Node::BadStr(_)),
                    "{text:?}: a lone surrogate where serde_json reads none"
                )
            });
            assert_same_value(&node.to_value(), value, text);
        }
        (Ok(node), Err(e)) => {
            let plain = masked(text, node).unwrap_or_else(|| {
                panic!("{text:?}: accepted, serde_json refuses it ({e}) for no known reason")
            });
            let value = input::parse_payload(plain.as_bytes()).unwrap_or_else(|e| {
                panic!("{plain:?}: serde_json refuses more than the known differences: {e}")
            });
            let plain_node = parse::parse(&plain).expect("the masked text reads");
            assert_same_value(&plain_node.to_value(), &value, &plain);
        }
        (Err(e), Ok(_)) => {
            let number = out_of_range_number(text, e)
                .filter(|n| text[n.clone()].parse::<f64>().is_ok_and(f64::is_infinite))
                .unwrap_or_else(|| panic!("{text:?}: refused ({e}), serde_json reads it"));
            // That number aside, the two agree: the text with 0 in its place
            // passes the whole property.
            check_parse(format!("{}0{}", &text[..number.start], &text[number.end..]).as_bytes());
            serde_rounds_down = true;
        }
        (Err(_), Err(_)) => {}
    }
    if let Err(e) = &ours {
        check_parse_error(e, text);
    }

    // Numbers: accepted exactly when finite, and read within a few ulps.
    let mut inputs = Vec::new();
    if let Ok(node) = &ours {
        each_node(node, &mut |n| match n {
            Node::Number(t) => check_number(t, &n.to_value()),
            Node::BadStr(raw) => {
                // Kept as written, so that it is written back as it came.
                let again = format!("\"{raw}\"");
                assert_eq!(parse::parse(&again).ok(), Some(Node::BadStr(raw)));
            }
            _ => {}
        });
        strings_of(&node.to_value(), &mut inputs);
    }
    let token = text.trim_matches([' ', '\t', '\n', '\r']);
    if is_json_number(token) {
        let finite = token.parse::<f64>().is_ok_and(f64::is_finite);
        assert_eq!(ours.is_ok(), finite, "{token:?}: accepted or not");
    }
    let inputs = long_strings(inputs);

    // The text path over the same text.
    let opts = Options::new(today());
    let report = dwolla_validator::validate_text(text, &opts);
    check_report(&report, &inputs, "validate_text");
    if let (Ok(v), false) = (&theirs, serde_rounds_down) {
        assert_eq!(
            report,
            validate(v, &opts),
            "validate_text disagrees with validate"
        );
    }
    let kind = KINDS[data.len() % KINDS.len()];
    check_report(
        &dwolla_validator::validate_text_as(kind, text, &opts),
        &inputs,
        &format!("validate_text_as {kind}"),
    );
    let shape = shapes::SHAPES[data.len() % shapes::SHAPES.len()];
    let field = &shape.fields[data.len() % shape.fields.len()];
    let one = dwolla_validator::validate_field_text(shape.name, field.name, text, &opts);
    check_report(&one, &inputs, "validate_field_text");
    // A nested object (an address, a passport) is judged field by field.
    if !matches!(field.kind, Kind::Object(_)) {
        assert!(
            one.errors.len() <= 1,
            "more than one error for one field: {one:?}"
        );
    }

    match normalize::normalize_text(text) {
        Ok(out) => {
            assert!(ours.is_ok(), "normalize_text read text parse refuses");
            if let Err(e) = parse::parse(&out) {
                panic!("normalize_text wrote {out:?}, which is not JSON: {e}");
            }
            assert_eq!(
                normalize::normalize_text(&out).ok().as_deref(),
                Some(out.as_str()),
                "normalize_text is not idempotent"
            );
        }
        Err(r) => {
            assert!(ours.is_err(), "normalize_text refused text parse reads");
            check_report(&r, &inputs, "normalize_text");
        }
    }
}

/// The `walked` target's input: a text (its length in the first two bytes, then
/// its UTF-8) and marks (two bytes each, a little-endian `i16`, so the known-key
/// marks from -100 down are reachable as well as `OPEN` to `NUMBER` and lengths).
pub fn decode_walked(data: &[u8]) -> Option<(&str, Vec<i32>)> {
    let (len, rest) = data.split_first_chunk::<2>()?;
    let len = usize::from(u16::from_le_bytes(*len));
    let text = std::str::from_utf8(rest.get(..len)?).ok()?;
    let marks = rest[len..]
        .chunks_exact(2)
        .map(|m| i32::from(i16::from_le_bytes([m[0], m[1]])))
        .collect();
    Some((text, marks))
}

/// `walked::read` on any text and marks: never a panic; what it accepts is a tree
/// that JSON could have said (no lone surrogate, read back the same from its own
/// JSON text), and the engine gives that tree and its JSON text the same report.
pub fn check_walked(data: &[u8]) {
    let Some((text, marks)) = decode_walked(data) else {
        return;
    };
    let Some(node) = dwolla_validator::walked::read(text, &marks) else {
        return;
    };
    assert!(
        matches!(node, parse::Node::Object(_)),
        "{text:?} {marks:?}: a payload that is not an object"
    );
    each_node(&node, &mut |n| {
        assert!(
            !matches!(n, parse::Node::BadStr(_)),
            "{text:?} {marks:?}: a lone surrogate"
        )
    });
    let json = node.to_value().to_string();
    let again = parse::parse(&json).unwrap_or_else(|e| {
        panic!("{text:?} {marks:?}: its JSON text {json:?} does not read: {e}")
    });
    assert_same_value(&again.to_value(), &node.to_value(), &json);
    let opts = Options::new(today());
    assert_eq!(
        dwolla_validator::validate_parsed(&node, &opts),
        dwolla_validator::validate_text(&json, &opts),
        "{text:?} {marks:?}: the tree and its JSON text get different reports"
    );
}
