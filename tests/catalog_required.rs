//! The catalog's `required` says what validation requires, for every field path of
//! every shape, on create and on retry, for a person in the US and one abroad.
//!
//! For each situation a full valid payload is cut down to a minimal valid one by
//! validation alone (a field goes when the payload stays valid without it). Then
//! each catalog path is removed from that minimal payload: validation reports
//! `Required` at the path exactly when the catalog's `required` holds in that
//! situation (`yes`; `ifInUs` for a US person; `ifOutsideUs` for one abroad).
//!
//! One exception, which the catalog documents: an object that validation lets go
//! in the US and abroad alike (a controller on retry) is kept in the minimal
//! payload, since the catalog describes the fields of such an object as given.

use dwolla_validator::catalog::{field_rules, Required};
use dwolla_validator::shapes::SHAPES;
use dwolla_validator::{parse_date, validate_as, Code, Operation, Options};
use serde_json::{json, Value};

fn opts(op: Operation) -> Options {
    Options::new(parse_date("2026-11-23").unwrap()).operation(op)
}

fn address(us: bool) -> Value {
    if us {
        json!({"address1": "1749 18th St", "address2": "Apt 2", "address3": "Rear",
               "city": "Des Moines", "stateProvinceRegion": "IA", "postalCode": "50266", "country": "US"})
    } else {
        json!({"address1": "1 High St", "address2": "Flat 2", "address3": "Rear",
               "city": "London", "stateProvinceRegion": "GB", "postalCode": "SW1A 1AA", "country": "GB"})
    }
}

/// A person's identity: both an SSN and a passport, so that the minimal payload
/// is what validation keeps of them.
fn identity(person: &mut Value, us: bool) {
    person["address"] = address(us);
    person["ssn"] = json!("202991516");
    person["passport"] = json!({"number": "X1234567", "country": if us { "US" } else { "GB" }});
}

fn controller(us: bool) -> Value {
    let mut c = json!({"firstName": "John", "lastName": "Roe", "title": "CEO", "dateOfBirth": "1980-01-31"});
    identity(&mut c, us);
    c
}

fn customer(kind: &str) -> Value {
    let mut p = json!({"firstName": "Jane", "lastName": "Doe", "email": "jane@example.com",
        "ipAddress": "10.0.0.1", "phone": "5155550100", "correlationId": "abc-123"});
    if kind == "unverified" {
        p["type"] = json!("unverified");
        p["businessName"] = json!("Jane Corp");
        return p;
    }
    for (k, v) in [
        ("address1", "99-99 33rd St"),
        ("address2", "Suite 1"),
        ("city", "Des Moines"),
        ("state", "IA"),
        ("postalCode", "50309"),
    ] {
        p[k] = json!(v);
    }
    if kind == "personal" {
        p["type"] = json!("personal");
        p["dateOfBirth"] = json!("1980-01-31");
        p["ssn"] = json!("202991516");
        return p;
    }
    p["type"] = json!("business");
    p["businessName"] = json!("Jane Corp");
    p["doingBusinessAs"] = json!("Jane's");
    p["businessClassification"] = json!("9ed3f670-7d6f-11e3-b1ce-5404a6144203");
    p["ein"] = json!("123456789");
    p["website"] = json!("https://www.example.com");
    p
}

/// A full valid payload of `shape`, the person in the US or not.
fn full(shape: &str, us: bool) -> Value {
    match shape {
        "personal" | "unverified" => customer(shape),
        "business" => {
            let mut p = customer("business");
            p["businessType"] = json!("llc");
            p["controller"] = controller(us);
            p
        }
        "business-sole-proprietorship" => {
            let mut p = customer("business");
            p["businessType"] = json!("soleProprietorship");
            p["dateOfBirth"] = json!("1980-01-31");
            p["ssn"] = json!("202991516");
            p
        }
        "controller" => controller(us),
        "beneficial-owner" => {
            let mut o = json!({"firstName": "Ann", "lastName": "Lee", "dateOfBirth": "1980-01-31"});
            identity(&mut o, us);
            o
        }
        other => panic!("no full payload for shape {other}: add one"),
    }
}

/// Every path in `v` (objects and their keys, parents first).
fn paths(v: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    if let Value::Object(m) = v {
        for (k, v) in m {
            prefix.push(k.clone());
            out.push(prefix.clone());
            paths(v, prefix, out);
            prefix.pop();
        }
    }
}

fn all_paths(v: &Value) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    paths(v, &mut Vec::new(), &mut out);
    out
}

/// `v` without the value at `path` (unchanged when it is not there).
fn without(v: &Value, path: &[String]) -> Value {
    let mut v = v.clone();
    let (last, dirs) = path.split_last().unwrap();
    let mut at = &mut v;
    for d in dirs {
        match at.get_mut(d) {
            Some(next) => at = next,
            None => return v,
        }
    }
    if let Some(m) = at.as_object_mut() {
        m.remove(last);
    }
    v
}

fn valid(shape: &str, v: &Value, op: Operation) -> bool {
    validate_as(shape, v, &opts(op)).valid
}

/// The minimal valid payload that validation leaves of `full`, never removing a
/// path in `kept`.
fn minimal(shape: &str, full: &Value, kept: &[Vec<String>], op: Operation) -> Value {
    let mut at = full.clone();
    'again: loop {
        for p in all_paths(&at) {
            if kept.contains(&p) {
                continue;
            }
            let smaller = without(&at, &p);
            if valid(shape, &smaller, op) {
                at = smaller;
                continue 'again;
            }
        }
        return at;
    }
}

#[test]
fn catalog_required_is_what_validation_requires() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut conditional = 0;
    for shape in SHAPES.iter().map(|s| s.name) {
        for op in [Operation::Create, Operation::Retry] {
            let fields = field_rules(shape, op).unwrap();
            let (us_full, abroad_full) = (full(shape, true), full(shape, false));
            for (name, payload) in [("US", &us_full), ("abroad", &abroad_full)] {
                assert!(
                    valid(shape, payload, op),
                    "{shape} {op:?} {name}: {:?}",
                    validate_as(shape, payload, &opts(op)).errors
                );
            }
            // Objects validation lets go wherever the person is: kept (see above).
            let kept: Vec<Vec<String>> = all_paths(&us_full)
                .into_iter()
                .filter(|p| {
                    [&us_full, &abroad_full].iter().all(|full| {
                        let at = p.iter().try_fold(*full, |v, k| v.get(k));
                        at.is_some_and(Value::is_object) && valid(shape, &without(full, p), op)
                    })
                })
                .collect();
            for (us, full) in [(true, &us_full), (false, &abroad_full)] {
                let min = minimal(shape, full, &kept, op);
                for f in &fields {
                    let path: Vec<String> = f.path.split('/').map(str::to_string).collect();
                    let report = validate_as(shape, &without(&min, &path), &opts(op));
                    let pointer = format!("/{}", f.path);
                    let by_validation = report
                        .errors
                        .iter()
                        .any(|e| e.path == pointer && e.code == Code::Required);
                    let by_catalog = match f.required {
                        Required::Yes => true,
                        Required::No => false,
                        Required::IfInUs => us,
                        Required::IfOutsideUs => !us,
                    };
                    conditional += usize::from(matches!(
                        f.required,
                        Required::IfInUs | Required::IfOutsideUs
                    ));
                    if by_validation != by_catalog {
                        failures.push(format!(
                            "{shape} {op:?} {}: catalog says {:?}, validation {} it",
                            f.path,
                            f.required,
                            if by_validation {
                                "requires"
                            } else {
                                "does not require"
                            },
                        ));
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        checked > 400 && conditional > 40,
        "{checked} checked, {conditional} conditional"
    );
}
