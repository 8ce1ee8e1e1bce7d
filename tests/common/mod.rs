//! Helpers shared by the integration tests: reading the vector files.

#![allow(dead_code)]

use dwolla_validator::{parse_date, Operation, Options};
use serde_json::Value;
use std::path::PathBuf;

pub fn vectors(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Options from a vector's `options` object and the file's default `today`.
pub fn options(file_today: &str, opts: Option<&Value>) -> Options {
    let today = opts
        .and_then(|o| o.get("today"))
        .and_then(Value::as_str)
        .unwrap_or(file_today);
    let mut o = Options::new(parse_date(today).expect("vector today"));
    if let Some(op) = opts
        .and_then(|o| o.get("operation"))
        .and_then(Value::as_str)
    {
        o = o.operation(op.parse::<Operation>().expect("vector operation"));
    }
    if let Some(allow) = opts
        .and_then(|o| o.get("allowUnknownFields"))
        .and_then(Value::as_bool)
    {
        o = o.allow_unknown_fields(allow);
    }
    o
}

/// Compares a report with a vector's `expect` (`{valid, errors: [[path, code, rule]]}`),
/// adding a line to `failures` when they differ.
pub fn compare(
    name: &Value,
    report: &dwolla_validator::Report,
    expect: &Value,
    failures: &mut Vec<String>,
) {
    let got: Vec<Value> = report
        .errors
        .iter()
        .map(|e| serde_json::json!([e.path, e.code.as_str(), e.rule]))
        .collect();
    if report.valid != expect["valid"].as_bool().unwrap()
        || Value::Array(got.clone()) != expect["errors"]
    {
        failures.push(format!(
            "{name}: expected {}, got {}",
            expect["errors"],
            Value::Array(got)
        ));
    }
}
