//! `normalize_field(path, value)` (npm `normalizeField`) is what normalizing a
//! payload (npm `normalizeCustomer`) does to the value at that path, for every
//! field path the catalog lists, of every shape, nested ones included.

use dwolla_validator::catalog::field_rules;
use dwolla_validator::normalize::{normalize, normalize_field, normalize_text};
use dwolla_validator::shapes::SHAPES;
use dwolla_validator::Operation;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Every field path of every shape's catalog, on create and retry, each once.
fn catalog_paths() -> Vec<String> {
    let mut paths: Vec<String> = SHAPES
        .iter()
        .flat_map(|s| {
            [Operation::Create, Operation::Retry]
                .into_iter()
                .flat_map(|op| field_rules(s.name, op).unwrap())
        })
        .map(|f| f.path)
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// A payload holding `value` at `path`, and nothing else.
fn payload_with(path: &str, value: &str) -> Value {
    path.rsplit('/')
        .fold(json!(value), |inner, key| json!({ key: inner }))
}

fn at<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('/').fold(v, |v, k| &v[k])
}

/// Both ways the payload is normalized (a `Value`, and JSON text as npm's
/// `normalizeCustomer` does), read back at `path`.
fn normalized_at(path: &str, value: &str) -> (Value, Value) {
    let payload = payload_with(path, value);
    let by_value = at(&normalize(&payload), path).clone();
    let text = normalize_text(&payload.to_string()).unwrap();
    let by_text = at(&serde_json::from_str(&text).unwrap(), path).clone();
    (by_value, by_text)
}

const VALUES: &[&str] = &[
    " 202-99-1516 ",
    "12-34",
    "(515) 555-0100",
    "12-3456789",
    "ny",
    " us ",
    "  Mary   Ann ",
    "Jose\u{301}",
    "\u{212B}ngstr\u{f6}m",
    "",
    "   ",
];

#[test]
fn every_catalog_path_normalizes_as_the_payload_does() {
    let paths = catalog_paths();
    assert!(
        paths.iter().any(|p| p.matches('/').count() >= 2),
        "nested paths listed"
    );
    let mut failures = Vec::new();
    let mut field_specific = 0;
    for path in &paths {
        for value in VALUES {
            let (by_value, by_text) = normalized_at(path, value);
            let by_field = json!(normalize_field(path, value));
            if by_field != by_value || by_field != by_text {
                failures.push(format!(
                    "{path} {value:?}: normalize_field {by_field}, normalize {by_value}, normalize_text {by_text}"
                ));
            }
            // The same path written as a JSON pointer, as validate_field takes it.
            if json!(normalize_field(&format!("/{path}"), value)) != by_value {
                failures.push(format!("/{path} {value:?}"));
            }
            field_specific += usize::from(by_value != json!(normalize_field("", value)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The nested ssn, region and country paths among them, not only top-level ones.
    assert!(
        field_specific > 20,
        "{field_specific} field-specific results"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The same for any value made of what people type into these fields.
    #[test]
    fn any_value_at_any_catalog_path(
        path in prop::sample::select(catalog_paths()),
        value in "[0-9a-zA-Z \\-()\t\u{a0}\u{301}\u{e9}]{0,16}",
    ) {
        let (by_value, by_text) = normalized_at(&path, &value);
        let by_field = json!(normalize_field(&path, &value));
        prop_assert_eq!(&by_field, &by_value, "{} {:?}", path, value);
        prop_assert_eq!(&by_field, &by_text, "{} {:?}", path, value);
    }
}
