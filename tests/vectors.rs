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
        let got: Vec<Value> = report
            .errors
            .iter()
            .map(|e| serde_json::json!([e.path, e.code.as_str(), e.rule]))
            .collect();
        let expect = &case["expect"];
        if report.valid != expect["valid"].as_bool().unwrap()
            || Value::Array(got.clone()) != expect["errors"]
        {
            failures.push(format!(
                "{}: expected {}, got {}",
                case["name"],
                expect["errors"],
                Value::Array(got)
            ));
        }
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
        let got: Vec<Value> = report
            .errors
            .iter()
            .map(|e| serde_json::json!([e.path, e.code.as_str(), e.rule]))
            .collect();
        let expect = &case["expect"];
        if report.valid != expect["valid"].as_bool().unwrap()
            || Value::Array(got.clone()) != expect["errors"]
        {
            failures.push(format!(
                "{}: expected {}, got {}",
                case["name"],
                expect["errors"],
                Value::Array(got)
            ));
        }
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
        let got: Vec<Value> = report
            .errors
            .iter()
            .map(|e| serde_json::json!([e.path, e.code.as_str(), e.rule]))
            .collect();
        let expect = &case["expect"];
        if report.valid != expect["valid"].as_bool().unwrap()
            || Value::Array(got.clone()) != expect["errors"]
        {
            failures.push(format!(
                "{}: expected {}, got {}",
                case["name"],
                expect["errors"],
                Value::Array(got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} document vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
