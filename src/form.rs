//! What a form would send: the payload the form-facing surfaces judge.
//!
//! A browser form sends `""` for an input nobody touched, so a signup form with an
//! empty, optional phone input would never pass [`validate`](crate::validate),
//! which judges the payload as the API would (`"phone": ""` is an error there).
//! The surfaces made for forms (the npm package's Standard Schema object and its
//! whole-form checks) judge [`form_payload`] instead: the payload
//! [normalized](crate::normalize()) and every optional string field that is empty
//! or blank left out, nested objects (a controller, an address) included. An
//! optional object whose every input was left untouched (a US controller's
//! passport sent as `{"number": "", "country": ""}`, or `{}`) is left out the same
//! way, at any depth. A required field that is empty stays, so it is reported as
//! `Required` (a passport abroad, too); so does a blank `type`, which picks the
//! shape rather than being one of its fields.
//!
//! Which fields are optional comes from the shape's field table, chosen from
//! `type` exactly as `validate` chooses it; nothing here is a second copy of it.
//!
//! ```
//! use dwolla_validator::{form::form_payload, validate, Options};
//! use serde_json::json;
//! let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
//! let typed = json!({"type": "unverified", "firstName": " Ann ", "lastName": "Lee",
//!                    "email": "ann@example.com", "phone": "", "correlationId": "  "});
//! assert!(!validate(&typed, &opts).valid);            // the API refuses "phone": ""
//! let sent = form_payload(&typed, &opts);
//! assert_eq!(sent, json!({"type": "unverified", "firstName": "Ann", "lastName": "Lee",
//!                         "email": "ann@example.com"}));
//! assert!(validate(&sent, &opts).valid);
//! ```

use crate::options::Options;
use crate::rules::presence::is_blank;
use crate::shapes::{self, Kind, Shape};
use serde_json::{Map, Value};

/// The payload a form would send for `payload`: normalized, with every empty or
/// blank optional string field, and every optional object holding nothing else,
/// left out (at any depth). A payload whose shape
/// cannot be told (no object, an unknown `type`) is only normalized, so
/// `validate` still explains what is wrong with it.
pub fn form_payload(payload: &Value, opts: &Options) -> Value {
    let mut sent = crate::normalize(payload);
    if let Value::Object(obj) = &mut sent {
        if let Ok(shape) = shapes::dispatch(obj) {
            leave_out_untouched(shape, obj, opts);
        }
    }
    sent
}

fn leave_out_untouched(shape: &Shape, obj: &mut Map<String, Value>, opts: &Options) {
    // Decided on the object as it stands, before anything is removed, since a
    // condition reads its siblings (the country of an address).
    let untouched: Vec<&str> = shape
        .fields
        .iter()
        .filter(|f| obj.get(f.name).is_some_and(|v| is_untouched(f.kind, v)))
        .filter(|f| !f.presence.required_in(obj, opts))
        .map(|f| f.name)
        .collect();
    if !untouched.is_empty() {
        // Rebuilt by insertion rather than with `remove`: the map's removal code
        // added 5.4 KB to the `.wasm` (203.7 -> 198.4 KB), insertion is linked anyway.
        for (key, value) in std::mem::take(obj) {
            if !untouched.contains(&key.as_str()) {
                obj.insert(key, value);
            }
        }
    }
    for f in shape.fields {
        if let (Kind::Object(inner), Some(Value::Object(child))) = (f.kind, obj.get_mut(f.name)) {
            leave_out_untouched(inner, child, opts);
        }
    }
}

/// Whether `value` is what a form sends for inputs nobody touched, for a field
/// that holds `kind`: an empty or blank string for a text field; for an object
/// field (a passport), an object whose every key is one of its fields and holds
/// such a value in turn (so `{}` too). Anything else (a number, `null`, a key the
/// shape does not know) was typed or sent on purpose, and stays for `validate`.
fn is_untouched(kind: Kind, value: &Value) -> bool {
    match (kind, value) {
        (Kind::Text(_) | Kind::ByCountry { .. }, Value::String(s)) => is_blank(s),
        (Kind::Object(inner), Value::Object(m)) => m
            .iter()
            .all(|(key, v)| inner.field(key).is_some_and(|f| is_untouched(f.kind, v))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{field_rules, Required};
    use crate::options::Operation;
    use crate::{parse_date, validate};
    use serde_json::json;

    fn opts() -> Options {
        Options::new(parse_date("2026-11-23").unwrap())
    }

    fn vectors(name: &str) -> Value {
        let path = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// The field-table shape `validate` would pick for a payload, by name.
    fn shape_name(payload: &Value) -> Option<&'static str> {
        shapes::dispatch(payload.as_object()?).ok().map(|s| s.name)
    }

    /// The object that holds the field at a catalog path
    /// (`controller/address/address2`), when the objects on the way are there.
    fn parent_of<'a>(
        payload: &'a mut Value,
        path: &'a str,
    ) -> Option<(&'a mut Map<String, Value>, &'a str)> {
        let (dirs, name) = path.rsplit_once('/').unwrap_or(("", path));
        let mut at = payload;
        for part in dirs.split('/').filter(|p| !p.is_empty()) {
            at = at.get_mut(part)?;
        }
        Some((at.as_object_mut()?, name))
    }

    /// Every valid payload vector, with each optional field of its shape (from
    /// the catalog) set to what an untouched input sends: the API's `validate`
    /// refuses some of these, the form's payload is valid every time, and it is
    /// the vector itself (normalized).
    #[test]
    fn untouched_optional_inputs_never_block_a_valid_form() {
        let mut checked = 0;
        let mut strict_refused = 0;
        for file in ["payloads.json", "business.json"] {
            let v = vectors(file);
            for case in v["cases"].as_array().unwrap() {
                if case["expect"]["valid"] != true || case.get("options").is_some() {
                    continue;
                }
                let payload = &case["payload"];
                let Some(shape) = shape_name(payload) else {
                    continue;
                };
                if crate::validate(payload, &opts()).valid {
                    let Some(fields) = field_rules(shape, Operation::Create) else {
                        continue;
                    };
                    // `type` picks the shape: blank, it stays, and is reported.
                    for f in fields
                        .iter()
                        .filter(|f| f.required == Required::No && f.path != "type")
                    {
                        for untouched in ["", "   "] {
                            let mut typed = payload.clone();
                            let mut expected = payload.clone();
                            let Some((obj, name)) = parent_of(&mut typed, &f.path) else {
                                continue;
                            };
                            obj.insert(name.to_string(), json!(untouched));
                            if let Some((obj, name)) = parent_of(&mut expected, &f.path) {
                                obj.remove(name);
                            }
                            strict_refused += usize::from(!validate(&typed, &opts()).valid);
                            let sent = form_payload(&typed, &opts());
                            let report = validate(&sent, &opts());
                            assert!(
                                report.valid,
                                "{} with {} = {untouched:?}: {:?}",
                                case["name"], f.path, report.errors
                            );
                            assert_eq!(
                                sent,
                                crate::normalize(&expected),
                                "{} {}",
                                case["name"],
                                f.path
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "checked {checked}");
        assert!(strict_refused > 20, "strict refused {strict_refused}");
    }

    /// What a form sends for an object whose inputs nobody touched, in every way
    /// it might: `{}`, every input `""`, every input blank, and the same with the
    /// objects inside it left out or, at any depth, made the same way.
    fn untouched_objects(shape: &Shape) -> Vec<Value> {
        let mut out = vec![json!({})];
        for blank in ["", "   ", "\u{a0}\t"] {
            for nested in [false, true] {
                let mut m = Map::new();
                for f in shape.fields {
                    match f.kind {
                        Kind::Object(inner) if nested => {
                            // The deepest variant: all of it untouched.
                            let deepest = untouched_objects(inner).pop().unwrap();
                            m.insert(f.name.to_string(), deepest);
                        }
                        Kind::Object(_) => {}
                        _ => {
                            m.insert(f.name.to_string(), json!(blank));
                        }
                    }
                }
                out.push(Value::Object(m));
            }
        }
        out
    }

    /// Every object the payload holds at a path, with the shape it is checked
    /// against: the payload itself first (`[]`), then nested ones.
    fn objects_in(
        shape: &'static Shape,
        at: &Value,
        path: Vec<String>,
        out: &mut Vec<(Vec<String>, &'static Shape)>,
    ) {
        out.push((path.clone(), shape));
        for f in shape.fields {
            if let (Kind::Object(inner), Some(child @ Value::Object(_))) = (f.kind, at.get(f.name))
            {
                let mut p = path.clone();
                p.push(f.name.to_string());
                objects_in(inner, child, p, out);
            }
        }
    }

    fn at_path<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Map<String, Value> {
        path.iter()
            .fold(v, |v, k| v.get_mut(k).unwrap())
            .as_object_mut()
            .unwrap()
    }

    /// Every optional object field (validation lets the vector go without it) of
    /// every valid vector, at any depth and on create and retry, set to what a
    /// form sends for its untouched inputs: the form's payload is the vector
    /// without it (normalized), and valid, though the API's `validate` refuses it.
    #[test]
    fn untouched_optional_objects_are_left_out() {
        let mut checked = 0;
        let mut strict_refused = 0;
        let mut fields = std::collections::BTreeSet::new();
        for file in ["payloads.json", "business.json"] {
            let v = vectors(file);
            for case in v["cases"].as_array().unwrap() {
                let mut o = opts();
                match case["options"].as_object() {
                    None => {}
                    Some(m) if m.keys().all(|k| k == "operation") => {
                        o = o.operation(m["operation"].as_str().unwrap().parse().unwrap());
                    }
                    Some(_) => continue,
                }
                let payload = &case["payload"];
                if case["expect"]["valid"] != true || !validate(payload, &o).valid {
                    continue;
                }
                let Some(shape) = payload.as_object().and_then(|m| shapes::dispatch(m).ok()) else {
                    continue;
                };
                let mut objects = Vec::new();
                objects_in(shape, payload, Vec::new(), &mut objects);
                for (parent, parent_shape) in objects {
                    for f in parent_shape.fields {
                        let Kind::Object(inner) = f.kind else {
                            continue;
                        };
                        let mut expected = payload.clone();
                        at_path(&mut expected, &parent).remove(f.name);
                        if !validate(&expected, &o).valid {
                            continue; // required here
                        }
                        for untouched in untouched_objects(inner) {
                            let mut typed = payload.clone();
                            at_path(&mut typed, &parent)
                                .insert(f.name.to_string(), untouched.clone());
                            strict_refused += usize::from(!validate(&typed, &o).valid);
                            let sent = form_payload(&typed, &o);
                            let name = format!(
                                "{} {}/{} = {untouched}",
                                case["name"],
                                parent.join("/"),
                                f.name
                            );
                            assert_eq!(sent, crate::normalize(&expected), "{name}");
                            assert!(validate(&sent, &o).valid, "{name}");
                            fields.insert(
                                parent
                                    .iter()
                                    .map(String::as_str)
                                    .chain([f.name])
                                    .collect::<Vec<_>>()
                                    .join("/"),
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        // A controller's (and a business's controller's) passport, and the
        // controller itself on retry.
        assert!(
            fields.contains("controller/passport") && fields.contains("controller"),
            "{fields:?}"
        );
        assert!(
            checked > 20 && strict_refused > 10,
            "checked {checked}, strict refused {strict_refused}"
        );
    }

    /// Only what a form sends for untouched inputs goes: a passport with a
    /// number typed, one holding a key its shape does not know, or a value that is
    /// not a string stays, for `validate` to report.
    #[test]
    fn a_touched_or_odd_object_stays() {
        let with = |passport: Value| {
            json!({"type": "business", "businessType": "llc", "controller": {
                "address": {"country": "US"}, "ssn": "1234", "passport": passport}})
        };
        for passport in [
            json!({"number": "X1", "country": ""}),
            json!({"number": "", "country": "", "extra": ""}),
            json!({"number": null, "country": ""}),
            json!({"number": 5}),
            json!(""),
        ] {
            let sent = form_payload(&with(passport.clone()), &opts());
            assert!(sent["controller"].get("passport").is_some(), "{passport}");
        }
        // Abroad a passport is required: left empty, it stays and is reported.
        let abroad = json!({"type": "business", "businessType": "llc", "controller": {
            "address": {"country": "GB"}, "passport": {"number": "", "country": ""}}});
        let sent = form_payload(&abroad, &opts());
        assert_eq!(
            sent["controller"]["passport"],
            json!({"number": "", "country": ""})
        );
    }

    #[test]
    fn required_fields_stay_so_they_are_reported() {
        let typed = json!({"type": "personal", "firstName": "", "lastName": "Lee", "email": "a@b.co",
            "address1": "1 Main St", "address2": "", "city": "Ames", "state": "ia", "postalCode": "50010",
            "dateOfBirth": "1980-01-01", "ssn": "12-34", "phone": " "});
        let sent = form_payload(&typed, &opts());
        assert_eq!(sent["firstName"], "");
        assert_eq!(sent["state"], "IA");
        assert_eq!(sent["ssn"], "1234");
        assert!(sent.get("address2").is_none() && sent.get("phone").is_none());
        let r = validate(&sent, &opts());
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.errors[0].path, "/firstName");
    }

    #[test]
    fn conditions_read_the_object_the_field_is_in() {
        // A postal code is optional outside the US and required in it.
        let controller = |country: &str| {
            json!({"type": "business", "businessType": "llc", "controller": {"address":
                {"address1": "1 High St", "city": "London", "stateProvinceRegion": "GB", "postalCode": "", "country": country}}})
        };
        let abroad = form_payload(&controller("GB"), &opts());
        assert!(abroad["controller"]["address"].get("postalCode").is_none());
        let home = form_payload(&controller("US"), &opts());
        assert_eq!(home["controller"]["address"]["postalCode"], "");
    }

    #[test]
    fn what_cannot_be_dispatched_is_only_normalized() {
        for payload in [
            json!(null),
            json!([" a "]),
            json!({"type": "martian", "phone": ""}),
            json!(" x "),
        ] {
            assert_eq!(form_payload(&payload, &opts()), crate::normalize(&payload));
        }
        // Values that are not strings are the API's to refuse, never dropped.
        let odd = json!({"type": "unverified", "phone": 5, "ipAddress": null, "correlationId": []});
        assert_eq!(form_payload(&odd, &opts()), odd);
    }

    #[test]
    fn over_json_text() {
        use crate::json_api::form_payload_json;
        let o = r#"{"today":"2026-11-23"}"#;
        assert_eq!(
            form_payload_json(
                r#"{"firstName":"A","lastName":"B","email":"a@b.co","phone":""}"#,
                o
            ),
            r#"{"payload":{"email":"a@b.co","firstName":"A","lastName":"B"}}"#
        );
        // A payload's own `error` key is data, not a failure.
        assert_eq!(
            form_payload_json(r#"{"error":"x"}"#, o),
            r#"{"payload":{"error":"x"}}"#
        );
        // Unreadable text is sent as it is, for validation to explain; bad options are the caller's.
        assert_eq!(
            form_payload_json("{\"a\":1,\"a\":2}", o),
            r#"{"unreadable":true}"#
        );
        assert!(form_payload_json("{}", "[]").starts_with(r#"{"error":"#));
    }
}
