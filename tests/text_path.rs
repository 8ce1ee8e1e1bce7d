//! The text path (`validate_text`: our own borrowed parser, no `serde_json::Value`)
//! gives the very report that `validate` gives for the same payload parsed by
//! serde_json: on every vector, written with random escapes, whitespace and key
//! order, and on arbitrary JSON text. What only the text path does (lone
//! surrogates at their field, the 10 MiB cap) is tested here too.

mod common;

use dwolla_validator::input::parse_payload;
use dwolla_validator::parse::parse;
use dwolla_validator::rules::presence::MAX_PAYLOAD_BYTES;
use dwolla_validator::{
    validate, validate_as, validate_field, validate_field_text, validate_text, validate_text_as,
    Locale, Options,
};
use proptest::prelude::*;
use serde_json::Value;

/// Writes `v` as JSON text, choosing for each character of each string whether to
/// escape it, for each object a key order, and whitespace between tokens, from
/// `choices` (a stream of random bytes).
fn write_scrambled(v: &Value, choices: &mut impl Iterator<Item = u8>, out: &mut String) {
    let ws = |n: u8, out: &mut String| {
        out.push_str([" ", "", "\n  ", "\t", "", "\r\n"][usize::from(n % 6)]);
    };
    match v {
        Value::String(s) => write_string(s, choices, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                ws(choices.next().unwrap_or(0), out);
                write_scrambled(item, choices, out);
            }
            out.push(']');
        }
        Value::Object(m) => {
            let mut entries: Vec<(&String, &Value)> = m.iter().collect();
            // A rotation and maybe a reversal: a different order each time.
            let n = entries.len().max(1);
            entries.rotate_left(usize::from(choices.next().unwrap_or(0)) % n);
            if choices.next().unwrap_or(0) % 2 == 0 {
                entries.reverse();
            }
            out.push('{');
            for (i, (k, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                ws(choices.next().unwrap_or(0), out);
                write_string(k, choices, out);
                ws(choices.next().unwrap_or(0), out);
                out.push(':');
                write_scrambled(item, choices, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(s: &str, choices: &mut impl Iterator<Item = u8>, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        let escape = choices.next().unwrap_or(0) % 4 == 0;
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if escape => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Every payload of the vector files with the options it is checked with.
fn vector_payloads() -> Vec<(String, Value, Options, Option<String>)> {
    let mut all = Vec::new();
    for file in ["payloads.json", "business.json"] {
        let f = common::vectors(file);
        let today = f["today"].as_str().unwrap();
        for case in f["cases"].as_array().unwrap() {
            let opts = common::options(today, case.get("options"));
            let kind = case.get("kind").and_then(Value::as_str).map(String::from);
            all.push((
                case["name"].as_str().unwrap().to_string(),
                case["payload"].clone(),
                opts,
                kind,
            ));
        }
    }
    all
}

#[test]
fn every_vector_gives_the_same_report_from_text() {
    let payloads = vector_payloads();
    assert!(payloads.len() > 50);
    for (name, payload, opts, kind) in &payloads {
        for locale in [Locale::En, Locale::Es] {
            let opts = opts.clone().locale(locale);
            let text = payload.to_string();
            let (from_value, from_text) = match kind {
                Some(k) => (
                    validate_as(k, payload, &opts),
                    validate_text_as(k, &text, &opts),
                ),
                None => (validate(payload, &opts), validate_text(&text, &opts)),
            };
            assert_eq!(from_value, from_text, "{name}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any escapes, whitespace and key order: the same report as the value.
    #[test]
    fn scrambled_vectors_give_the_same_report(index in 0usize..1000, noise in proptest::collection::vec(any::<u8>(), 4096)) {
        let payloads = vector_payloads();
        let (name, payload, opts, kind) = &payloads[index % payloads.len()];
        let mut text = String::new();
        write_scrambled(payload, &mut noise.into_iter().cycle(), &mut text);
        let reparsed = parse_payload(text.as_bytes()).expect("scrambled text is JSON");
        prop_assert_eq!(&reparsed, payload, "{}", text);
        let (from_value, from_text) = match kind {
            Some(k) => (validate_as(k, payload, opts), validate_text_as(k, &text, opts)),
            None => (validate(payload, opts), validate_text(&text, opts)),
        };
        prop_assert_eq!(from_value, from_text, "{}: {}", name, text);
    }

    /// On arbitrary text, the two readers accept the same inputs and read the same
    /// values (lone surrogate escapes aside, which only ours accepts).
    #[test]
    fn both_readers_accept_the_same_text(text in r#"[\[\]{}",:0-9a-z\\ .eE+-]{0,40}"#) {
        let ours = parse(&text);
        let theirs = parse_payload(text.as_bytes());
        if !text.contains("\\u") {
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}", text);
        }
        if let (Ok(a), Ok(b)) = (ours, theirs) {
            prop_assert_eq!(a.to_value(), b);
        }
    }
}

#[test]
fn a_lone_surrogate_is_reported_at_its_field_in_every_entry_point() {
    let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    let text =
        r#"{"type":"unverified","firstName":"Jo\ud800","lastName":"Doe","email":"jo@example.com"}"#;
    let r = validate_text(text, &opts);
    assert_eq!(r.errors.len(), 1, "{r:?}");
    assert_eq!(r.errors[0].path, "/firstName");
    assert_eq!(r.errors[0].rule, "well_formed_text");
    assert_eq!(r.errors[0].code.as_str(), "InvalidFormat");
    let nested = r#"{"firstName":"A","lastName":"B","email":"a@b.co","type":"business","businessType":"llc","businessName":"X","businessClassification":"9ed3f670-7d6f-11e3-b1ce-5404a6144203","ein":"123456789","address1":"1 Main St","city":"Ames","state":"IA","postalCode":"50010","controller":{"firstName":"\udc00","lastName":"Lee","title":"CEO","dateOfBirth":"1980-01-01","ssn":"1234","address":{"address1":"1 Main St","city":"Ames","stateProvinceRegion":"IA","postalCode":"50010","country":"US"}}}"#;
    let r = validate_text(nested, &opts);
    assert_eq!(r.errors[0].path, "/controller/firstName", "{r:?}");
    let field = validate_field_text("personal", "lastName", r#""\ud83d""#, &opts);
    assert_eq!(field.errors[0].path, "/lastName");
    assert_eq!(field.errors[0].rule, "well_formed_text");
    // A whole pair is a character like any other.
    let pair = validate_field_text("personal", "lastName", r#""Doe\ud83d\ude00""#, &opts);
    assert_eq!(
        pair,
        validate_field("personal", "lastName", &Value::from("Doe\u{1F600}"), &opts)
    );
}

#[test]
fn text_over_the_request_limit_is_refused_before_parsing() {
    let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    // Not even JSON: the size is judged first, so nothing is parsed.
    let huge = "[".repeat(MAX_PAYLOAD_BYTES + 1);
    let r = validate_text(&huge, &opts);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].rule, "payload_size");
    assert_eq!(r.errors[0].path, "");
    // Exactly at the limit it is read (and here found to be a string, not an object).
    let at_limit = format!("\"{}\"", "a".repeat(MAX_PAYLOAD_BYTES - 2));
    assert_eq!(
        validate_text(&at_limit, &opts).errors[0].rule,
        "object_type"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// `normalize_text` (what `normalizeCustomer` runs) gives the values that
    /// `normalize` gives, in the payload's own key order, whatever the escapes.
    #[test]
    fn normalize_text_agrees_with_normalize(index in 0usize..1000, noise in proptest::collection::vec(any::<u8>(), 4096)) {
        let payloads = vector_payloads();
        let (_, payload, _, _) = &payloads[index % payloads.len()];
        let mut text = String::new();
        write_scrambled(payload, &mut noise.into_iter().cycle(), &mut text);
        let out = dwolla_validator::normalize::normalize_text(&text).expect("JSON");
        let reread = parse_payload(out.as_bytes()).expect("normalize_text writes JSON");
        prop_assert_eq!(reread, dwolla_validator::normalize(payload));
        // Key order: the keys of the output's top level come in the input's order.
        let (Ok(dwolla_validator::parse::Node::Object(a)), Ok(dwolla_validator::parse::Node::Object(b))) = (parse(&text), parse(&out)) else {
            return Ok(());
        };
        let order = |o: &dwolla_validator::parse::Obj| o.iter().map(|(k, _)| k.to_string()).collect::<Vec<_>>();
        prop_assert_eq!(order(&a), order(&b));
    }
}

#[test]
fn normalize_text_keeps_what_it_cannot_read_and_refuses_huge_text() {
    let out =
        dwolla_validator::normalize::normalize_text(r#"{"lastName":" Do\udc00e ","state":"ia"}"#)
            .unwrap();
    assert_eq!(out, r#"{"lastName":" Do\udc00e ","state":"IA"}"#);
    let huge = " ".repeat(MAX_PAYLOAD_BYTES + 1);
    let e = dwolla_validator::normalize::normalize_text(&huge).unwrap_err();
    assert_eq!(e.errors[0].rule, "payload_size");
}
