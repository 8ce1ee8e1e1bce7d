//! Every pattern the package exports, compiled with the regex crate and held to the
//! validator's own vectors: the field catalog's HTML `pattern` (what a form puts on
//! `<input pattern>`) and every `pattern` in the JSON Schema export. Each must
//! accept every valid value of its field, and refuse every value whose failing
//! rule is one a pattern can state (the characters, the digits, a fixed format).
//! tests/js/patterns.test.mjs holds the same patterns to JS `RegExp`, as browsers
//! and Ajv compile them.

mod common;

use dwolla_validator::catalog::{field_rules, json_schema};
use dwolla_validator::rules::Constraints;
use dwolla_validator::shapes::SHAPES;
use dwolla_validator::Operation;
use regex::Regex;
use serde_json::Value;

/// Rules whose every refusal an anchored pattern over the field states. Left out:
/// lengths (the schema says those with minLength/maxLength), PO boxes, calendar
/// dates and ages, the e-mail grammar, whether a country code is assigned.
const PATTERNED: &[&str] = &[
    "forbidden_characters",
    "invisible_characters",
    "no_digits",
    "postal_code",
    "phone",
    "ssn",
    "correlation_id",
    "uuid",
    "ein",
    "region",
];

/// Which address rules apply: a field inside a US address (or one with no
/// country) takes the catalog's `constraints`, one elsewhere `constraintsOutsideUs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Branch {
    Any,
    Us,
    Elsewhere,
}

/// A pattern as it is exported, with the field it is for.
#[derive(Debug)]
struct Exported {
    /// Where it comes from, for messages.
    origin: String,
    /// The catalog path of its field (`controller/address/postalCode`).
    path: String,
    branch: Branch,
    regex: Regex,
}

/// An HTML `pattern` is whole-value JS `v`-flag syntax. Its one spelling the regex
/// crate reads otherwise: an escaped ASCII punctuation mark (`\<`, `\=`, `\!`) is
/// that mark in JS, but `\<` and `\>` are word boundaries in the regex crate and
/// some others are refused. Writing each as a hex escape keeps the meaning.
fn html_to_regex(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&p)) if p.is_ascii_punctuation() => {
                out.push_str(&format!("\\x{{{:02X}}}", p as u32));
                chars.next();
            }
            ('\\', Some(&p)) => {
                out.push('\\');
                out.push(p);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    format!("^(?:{out})$")
}

fn compile(origin: &str, pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("{origin}: {pattern:?} does not compile: {e}"))
}

fn catalog_patterns(shape: &str, op: Operation, out: &mut Vec<Exported>) {
    for f in field_rules(shape, op).unwrap() {
        let mut add = |c: &Constraints, branch: Branch| {
            if let Some(p) = &c.html_pattern {
                let origin = format!(
                    "{shape} {} catalog htmlPattern ({op:?}, {branch:?})",
                    f.path
                );
                out.push(Exported {
                    regex: compile(&origin, &html_to_regex(p)),
                    origin,
                    path: f.path.clone(),
                    branch,
                });
            }
        };
        match &f.constraints_outside_us {
            Some(elsewhere) => {
                add(&f.constraints, Branch::Us);
                add(elsewhere, Branch::Elsewhere);
            }
            None => add(&f.constraints, Branch::Any),
        }
    }
}

/// Every `pattern` in a JSON Schema document, with the property path it applies to:
/// a pattern in an `if`/`then`/`else` on `country` applies to a US address (then)
/// or one elsewhere (else).
fn schema_patterns(
    schema: &Value,
    prefix: &str,
    branch: Branch,
    origin: &str,
    out: &mut Vec<Exported>,
) {
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, sub) in props {
            let path = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}/{name}")
            };
            if let Some(p) = sub.get("pattern").and_then(Value::as_str) {
                let origin = format!("{origin} {path} schema pattern ({branch:?})");
                out.push(Exported {
                    regex: compile(&origin, p),
                    origin,
                    path: path.clone(),
                    branch,
                });
            }
            schema_patterns(sub, &path, Branch::Any, origin, out);
        }
    }
    for cond in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(then) = cond.get("then") {
            schema_patterns(then, prefix, Branch::Us, origin, out);
        }
        if let Some(otherwise) = cond.get("else") {
            schema_patterns(otherwise, prefix, Branch::Elsewhere, origin, out);
        }
    }
}

/// Every exported pattern of a shape, catalog and schema, for one operation.
fn exported(shape: &str, op: Operation) -> Vec<Exported> {
    let mut out = Vec::new();
    catalog_patterns(shape, op, &mut out);
    let schema = json_schema(shape, op).unwrap();
    schema_patterns(
        &schema,
        "",
        Branch::Any,
        &format!("{shape} ({op:?})"),
        &mut out,
    );
    out
}

/// The shape a vector's payload is judged as, by the same reading as `validate`.
fn shape_of(case: &Value) -> Option<&'static str> {
    if let Some(kind) = case.get("kind").and_then(Value::as_str) {
        return SHAPES.iter().map(|s| s.name).find(|n| *n == kind);
    }
    let p = case["payload"].as_object()?;
    match p.get("type").and_then(Value::as_str) {
        Some("personal") => Some("personal"),
        Some("receive-only" | "unverified") => Some("unverified"),
        Some("business") => match p.get("businessType").and_then(Value::as_str) {
            Some("soleProprietorship") => Some("business-sole-proprietorship"),
            Some("llc" | "corporation" | "partnership") => Some("business"),
            _ => None,
        },
        None if p.contains_key("address") => Some("beneficial-owner"),
        None if !p.contains_key("answers") => Some("unverified"),
        _ => None,
    }
}

/// The branch a field at `path` in `payload` takes: its address's country.
fn branch_at(payload: &Value, path: &str) -> Branch {
    let Some((dirs, _)) = path.rsplit_once('/') else {
        return Branch::Any;
    };
    let address = dirs
        .split('/')
        .try_fold(payload, |at, part| at.get(part))
        .filter(|_| dirs.ends_with("address"));
    match address
        .and_then(|a| a.get("country"))
        .and_then(Value::as_str)
    {
        _ if address.is_none() => Branch::Any,
        Some(c) if c != "US" && !c.trim().is_empty() => Branch::Elsewhere,
        _ => Branch::Us,
    }
}

/// Every string leaf of a payload, with its catalog path.
fn leaves<'a>(v: &'a Value, prefix: &str, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((prefix.to_string(), s)),
        Value::Object(m) => {
            for (k, sub) in m {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}/{k}")
                };
                leaves(sub, &path, out);
            }
        }
        _ => {}
    }
}

/// One value to hold the patterns to: `refused_by` is the rule that refuses it,
/// `None` when it is valid.
struct Sample<'a> {
    shape: &'static str,
    op: Operation,
    path: String,
    branch: Branch,
    value: &'a str,
    refused_by: Option<String>,
    name: String,
}

fn samples(files: &[Value]) -> Vec<Sample<'_>> {
    let mut out = Vec::new();
    let [fields, payloads @ ..] = files else {
        unreachable!()
    };
    let shape = SHAPES
        .iter()
        .map(|s| s.name)
        .find(|n| Some(*n) == fields["shape"].as_str())
        .unwrap();
    for case in fields["cases"].as_array().unwrap() {
        let [field, value, op, expected] = case.as_array().unwrap().as_slice() else {
            panic!("bad case {case}");
        };
        let (Some(value), Some(expected)) = (value.as_str(), expected.as_str()) else {
            continue;
        };
        out.push(Sample {
            shape,
            op: op.as_str().unwrap().parse().unwrap(),
            path: field.as_str().unwrap().to_string(),
            branch: Branch::Any,
            value,
            refused_by: (expected != "valid")
                .then(|| expected.split(' ').nth(1).unwrap().to_string()),
            name: format!("fields.json {field}"),
        });
    }
    for file in payloads {
        for case in file["cases"].as_array().unwrap() {
            let Some(shape) = shape_of(case) else {
                continue;
            };
            let op = case["options"]["operation"]
                .as_str()
                .map_or(Operation::Create, |o| o.parse().unwrap());
            let payload = &case["payload"];
            let name = case["name"].as_str().unwrap().to_string();
            if case["expect"]["valid"] == true {
                let mut found = Vec::new();
                leaves(payload, "", &mut found);
                for (path, value) in found {
                    out.push(Sample {
                        shape,
                        op,
                        branch: branch_at(payload, &path),
                        path,
                        value,
                        refused_by: None,
                        name: name.clone(),
                    });
                }
                continue;
            }
            for e in case["expect"]["errors"].as_array().unwrap() {
                let (pointer, rule) = (e[0].as_str().unwrap(), e[2].as_str().unwrap());
                let Some(value) = payload.pointer(pointer).and_then(Value::as_str) else {
                    continue;
                };
                let path = pointer.trim_start_matches('/').to_string();
                out.push(Sample {
                    shape,
                    op,
                    branch: branch_at(payload, &path),
                    path,
                    value,
                    refused_by: Some(rule.to_string()),
                    name: name.clone(),
                });
            }
        }
    }
    out
}

#[test]
fn every_exported_pattern_compiles_and_agrees_with_the_vectors() {
    let files = ["fields.json", "payloads.json", "business.json"].map(common::vectors);
    let mut compiled = 0;
    let mut accepted = 0;
    let mut refused = 0;
    let mut failures = Vec::new();
    for op in [Operation::Create, Operation::Retry] {
        for shape in SHAPES.iter().map(|s| s.name) {
            let patterns = exported(shape, op);
            compiled += patterns.len();
            for s in samples(&files)
                .iter()
                .filter(|s| s.shape == shape && s.op == op)
            {
                let applies = patterns.iter().filter(|p| {
                    p.path == s.path && (p.branch == Branch::Any || p.branch == s.branch)
                });
                for p in applies {
                    let matches = p.regex.is_match(s.value);
                    match &s.refused_by {
                        None if !matches => failures.push(format!(
                            "{}: {} refuses the valid {:?}",
                            s.name, p.origin, s.value
                        )),
                        None => accepted += 1,
                        Some(rule) if PATTERNED.contains(&rule.as_str()) => {
                            if matches {
                                failures.push(format!(
                                    "{}: {} accepts {:?}, which {rule} refuses",
                                    s.name, p.origin, s.value
                                ));
                            }
                            refused += 1;
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The counts keep the test honest: it compared something of each kind.
    assert!(compiled > 100, "compiled {compiled}");
    assert!(accepted > 300, "accepted {accepted}");
    assert!(refused > 60, "refused {refused}");
    eprintln!(
        "{compiled} patterns compiled; {accepted} valid values accepted, {refused} refusals held"
    );
}

#[test]
fn the_schema_patterns_are_the_catalogs() {
    // The JSON Schema's patterns are the catalog's schemaPattern, anchored: one
    // source, so the JS test of the catalog covers what Ajv runs.
    for op in [Operation::Create, Operation::Retry] {
        for shape in SHAPES.iter().map(|s| s.name) {
            let fields = field_rules(shape, op).unwrap();
            let mut in_schema = Vec::new();
            schema_patterns(
                &json_schema(shape, op).unwrap(),
                "",
                Branch::Any,
                shape,
                &mut in_schema,
            );
            assert!(!in_schema.is_empty(), "{shape}");
            for p in in_schema {
                let f = fields
                    .iter()
                    .find(|f| f.path == p.path)
                    .unwrap_or_else(|| panic!("{}", p.origin));
                let c = match p.branch {
                    Branch::Elsewhere => f.constraints_outside_us.as_ref().unwrap(),
                    _ => &f.constraints,
                };
                let want = format!("^(?:{})$", c.schema_pattern.as_deref().unwrap());
                assert_eq!(p.regex.as_str(), want, "{}", p.origin);
            }
        }
    }
}

#[test]
fn html_escapes_keep_their_meaning() {
    let r = Regex::new(&html_to_regex(r"[^\<\>\=\\0-9]*")).unwrap();
    assert!(r.is_match("Main St"));
    for bad in ["a<b", "a>b", "a=b", "a\\b", "a1"] {
        assert!(!r.is_match(bad), "{bad}");
    }
}
