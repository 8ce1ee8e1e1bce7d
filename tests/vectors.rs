//! Runs the shared vectors in tests/vectors/ natively. The JS tests run the same
//! files through the wasm package and expect the same answers.

mod common;

use dwolla_validator::{validate, validate_field, Operation};
use serde_json::Value;

#[test]
fn field_vectors() {
    let file = common::vectors("fields.json");
    let shape = file["shape"].as_str().unwrap();
    let today = file["today"].as_str().unwrap();
    let mut failures = Vec::new();
    for case in file["cases"].as_array().unwrap() {
        let [field, value, op, expected] = case.as_array().unwrap().as_slice() else {
            panic!("bad case {case}");
        };
        let opts = common::options(today, None)
            .operation(op.as_str().unwrap().parse::<Operation>().unwrap());
        let report = validate_field(shape, field.as_str().unwrap(), value, &opts);
        let got = match report.errors.first() {
            None => "valid".to_string(),
            Some(e) => format!("{} {}", e.code, e.rule),
        };
        if got != expected.as_str().unwrap() {
            failures.push(format!(
                "{field} = {value} ({op}): expected {expected}, got {got}"
            ));
        }
        assert_eq!(report.valid, report.errors.is_empty());
        assert!(report.errors.len() <= 1, "one error per field");
        // Messages never repeat the value they reject.
        if let (Some(e), Some(s)) = (report.errors.first(), value.as_str()) {
            if s.chars().count() >= 4 {
                assert!(
                    !e.message.contains(s),
                    "message echoes the value: {}",
                    e.message
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} field vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn payload_vectors() {
    let file = common::vectors("payloads.json");
    let today = file["today"].as_str().unwrap();
    let mut failures = Vec::new();
    for case in file["cases"].as_array().unwrap() {
        let opts = common::options(today, case.get("options"));
        let report = validate(&case["payload"], &opts);
        common::compare(&case["name"], &report, &case["expect"], &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} payload vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn business_kba_and_owner_vectors() {
    let file = common::vectors("business.json");
    let today = file["today"].as_str().unwrap();
    let mut failures = Vec::new();
    for case in file["cases"].as_array().unwrap() {
        let opts = common::options(today, case.get("options"));
        let report = match case.get("kind").and_then(Value::as_str) {
            Some(kind) => dwolla_validator::validate_as(kind, &case["payload"], &opts),
            None => validate(&case["payload"], &opts),
        };
        common::compare(&case["name"], &report, &case["expect"], &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} business vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn document_vectors() {
    let file = common::vectors("documents.json");
    let mut failures = Vec::new();
    for case in file["cases"].as_array().unwrap() {
        let head = unhex(case["headHex"].as_str().unwrap());
        let report =
            dwolla_validator::documents::validate_document_json(&case["document"], Some(&head));
        common::compare(&case["name"], &report, &case["expect"], &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} document vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The payload a hint vector describes: a valid personal Customer with the one
/// value under test put in, the warning's path, rule and code, and the text the
/// message must contain when a warning is expected (the suggested domain, or "").
/// tests/js/vectors.test.mjs builds the same payloads.
fn hint_payload(
    case: &Value,
) -> (
    Value,
    &'static str,
    &'static str,
    &'static str,
    Option<String>,
) {
    let mut p = serde_json::json!({"firstName": "Jane", "lastName": "Doe", "email": "jane@example.com",
        "type": "personal", "address1": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62704",
        "dateOfBirth": "1980-01-01", "ssn": "1234"});
    let flagged = case["expect"].as_bool().unwrap_or(false).then(String::new);
    let (path, rule, code, want) = match case["hint"].as_str().unwrap() {
        "zip_state" => {
            p["postalCode"] = case["zip"].clone();
            p["state"] = case["state"].clone();
            ("/postalCode", "zip_state_mismatch", "Mismatch", flagged)
        }
        "email_domain" => {
            p["email"] = Value::from(format!("jane@{}", case["domain"].as_str().unwrap()));
            (
                "/email",
                "email_domain_typo",
                "LikelyTypo",
                case["expect"].as_str().map(String::from),
            )
        }
        "ssn_never_issued" => {
            p["ssn"] = case["ssn"].clone();
            ("/ssn", "ssn_never_issued", "NeverIssued", flagged)
        }
        "phone_not_diallable" => {
            p["phone"] = case["phone"].clone();
            ("/phone", "phone_not_diallable", "NotDiallable", flagged)
        }
        other => panic!("unknown hint {other}"),
    };
    (p, path, rule, code, want)
}

#[test]
fn hint_vectors_through_validate() {
    let file = common::vectors("hints.json");
    let opts = common::options("2026-11-23", None);
    let mut failures = Vec::new();
    for case in file["cases"].as_array().unwrap() {
        let (payload, path, rule, code, want) = hint_payload(case);
        let report = validate(&payload, &opts);
        let got = report
            .warnings
            .iter()
            .find(|w| w.path == path && w.rule == rule);
        match (&want, got) {
            (None, None) => {}
            (Some(suggestion), Some(g)) => {
                if g.code.as_str() != code || !g.message.contains(suggestion.as_str()) {
                    failures.push(format!("{case}: got {g:?}"));
                }
            }
            _ => failures.push(format!("{case}: expected {want:?}, got {got:?}")),
        }
        // Warnings never change validity, and hints off means no warnings at all.
        let quiet = validate(&payload, &opts.clone().hints(false));
        assert!(quiet.warnings.is_empty());
        assert_eq!(quiet.valid, report.valid);
        assert_eq!(quiet.errors, report.errors);
    }
    assert!(
        failures.is_empty(),
        "{} hint vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_vector_in_spanish_too() {
    let file = common::vectors("payloads.json");
    let today = file["today"].as_str().unwrap();
    for case in file["cases"].as_array().unwrap() {
        let opts = common::options(today, case.get("options"));
        let en = validate(&case["payload"], &opts);
        let es = validate(
            &case["payload"],
            &opts.clone().locale(dwolla_validator::Locale::Es),
        );
        assert_eq!(en.errors.len(), es.errors.len());
        for (a, b) in en.errors.iter().zip(&es.errors) {
            assert_eq!((a.code, &a.path, &a.rule), (b.code, &b.path, &b.rule));
            assert_ne!(a.message, b.message, "{} has no Spanish message", a.rule);
        }
    }
}
