//! No reported text ever contains a value from the input: these are SSNs and birth
//! dates. Every vector file runs here, in both languages, with hints on, and each
//! error and warning message (and the report's Debug output) is searched for every
//! string value of the input.

mod common;

use dwolla_validator::{validate, validate_as, validate_field, Locale, Report};
use serde_json::Value;

/// Keys whose values are personal data. Enumerations (`type`, `state`, `country`,
/// `businessType`, `documentType`) are left out: their allowed values are named in
/// messages on purpose ("Type must be one of: personal").
const SENSITIVE: &[&str] = &[
    "firstName",
    "lastName",
    "email",
    "ipAddress",
    "address1",
    "address2",
    "address3",
    "city",
    "postalCode",
    "dateOfBirth",
    "ssn",
    "phone",
    "correlationId",
    "businessName",
    "doingBusinessAs",
    "ein",
    "website",
    "title",
    "number",
    "questionId",
    "answerId",
    "name",
];

/// Every sensitive string in a JSON value (a bare string counts: a field vector's
/// value), long enough to be a meaningful leak.
fn strings(v: &Value, sensitive: bool, out: &mut Vec<String>) {
    match v {
        Value::String(s) if sensitive && s.trim().chars().count() >= 4 => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, sensitive, out)),
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| strings(x, SENSITIVE.contains(&k.as_str()), out)),
        _ => {}
    }
}

fn assert_no_leak(input: &Value, report: &Report, what: &str) {
    let mut secrets = Vec::new();
    strings(input, true, &mut secrets);
    // The Debug output of each issue, less its path: a path names fields (a value
    // `business` is in the path `/businessType`), never values.
    let debug: String = report
        .errors
        .iter()
        .chain(&report.warnings)
        .map(|i| {
            let mut without_path = i.clone();
            without_path.path.clear();
            format!("{without_path:?}")
        })
        .collect();
    for s in &secrets {
        for issue in report.errors.iter().chain(&report.warnings) {
            assert!(
                !issue.message.contains(s.as_str()),
                "{what}: message repeats {s:?}: {}",
                issue.message
            );
        }
        assert!(
            !debug.contains(s.as_str()),
            "{what}: Debug output repeats {s:?}"
        );
    }
}

#[test]
fn no_vector_leaks_its_values() {
    let mut checked = 0;
    for locale in [Locale::En, Locale::Es] {
        for name in ["payloads.json", "business.json"] {
            let file = common::vectors(name);
            let today = file["today"].as_str().unwrap();
            for case in file["cases"].as_array().unwrap() {
                let opts = common::options(today, case.get("options")).locale(locale);
                let report = match case.get("kind").and_then(Value::as_str) {
                    Some(kind) => validate_as(kind, &case["payload"], &opts),
                    None => validate(&case["payload"], &opts),
                };
                assert_no_leak(&case["payload"], &report, case["name"].as_str().unwrap());
                checked += 1;
            }
        }
        let fields = common::vectors("fields.json");
        for case in fields["cases"].as_array().unwrap() {
            let opts = common::options("2026-11-23", None).locale(locale);
            let report = validate_field("personal", case[0].as_str().unwrap(), &case[1], &opts);
            assert_no_leak(&case[1], &report, &case.to_string());
            checked += 1;
        }
        let docs = common::vectors("documents.json");
        for case in docs["cases"].as_array().unwrap() {
            let mut report =
                dwolla_validator::documents::validate_document_json(&case["document"], None);
            report.localize(locale);
            assert_no_leak(&case["document"], &report, case["name"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn hint_payloads_do_not_leak_either() {
    // The hints read the most sensitive fields (SSN, e-mail, phone): their messages
    // name a suggested domain or a state, never the value.
    let hints = common::vectors("hints.json");
    for case in hints["cases"].as_array().unwrap() {
        let mut p = serde_json::json!({"firstName": "Jane", "lastName": "Doe", "email": "jane.doe@example.com",
            "type": "personal", "address1": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62704",
            "dateOfBirth": "1980-01-01", "ssn": "1234"});
        for (k, field) in [("ssn", "ssn"), ("phone", "phone"), ("zip", "postalCode")] {
            if let Some(v) = case.get(k) {
                p[field] = v.clone();
            }
        }
        if let Some(d) = case.get("domain").and_then(Value::as_str) {
            p["email"] = Value::from(format!("jane.doe@{d}"));
        }
        for locale in [Locale::En, Locale::Es] {
            let opts = common::options("2026-11-23", None).locale(locale);
            assert_no_leak(&p, &validate(&p, &opts), &case.to_string());
        }
    }
}

#[test]
fn typed_requests_redact_themselves_in_debug() {
    let c = dwolla_validator::request::PersonalCustomer {
        first_name: "Jane".into(),
        ssn: "202991516".into(),
        date_of_birth: "1979-04-01".into(),
        ..Default::default()
    };
    let debug = format!("{c:?} {c:#?}");
    assert!(
        !debug.contains("202991516") && !debug.contains("1979-04-01"),
        "{debug}"
    );
}
