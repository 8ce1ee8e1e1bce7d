//! Runs the shared hint vectors in tests/vectors/hints.json through the hint
//! functions. The phone cases are also cross-checked against libphonenumber-js by
//! tests/js/hints-crosscheck.test.mjs.

mod common;

use dwolla_validator::hints::{email_domain, phone_nanp, ssn_issued, zip_state};
use serde_json::Value;

fn text<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("case {case} has no string {key}"))
}

#[test]
fn hints_vectors_all_pass() {
    let file = common::vectors("hints.json");
    let mut failures = Vec::new();
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for case in file["cases"].as_array().expect("cases") {
        let hint = text(case, "hint");
        *counts.entry(hint).or_default() += 1;
        let expect = &case["expect"];
        let got = match hint {
            "zip_state" => Value::Bool(zip_state::mismatch(text(case, "zip"), text(case, "state"))),
            "email_domain" => email_domain::suggest(text(case, "domain"))
                .map_or(Value::Null, |d| Value::String(d.to_string())),
            "ssn_never_issued" => Value::Bool(ssn_issued::never_issued(text(case, "ssn"))),
            "phone_not_diallable" => Value::Bool(phone_nanp::not_diallable(text(case, "phone"))),
            other => panic!("unknown hint {other}"),
        };
        if &got != expect {
            failures.push(format!("{case}: got {got}"));
        }
    }
    for (hint, min) in [
        ("zip_state", 20),
        ("email_domain", 25),
        ("ssn_never_issued", 15),
        ("phone_not_diallable", 20),
    ] {
        assert!(
            counts.get(hint).copied().unwrap_or(0) >= min,
            "too few {hint} cases"
        );
    }
    assert!(
        failures.is_empty(),
        "{} hint vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
