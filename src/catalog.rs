//! The field catalog and JSON Schema export, generated from the rules themselves.
//!
//! Every rule describes what it requires ([`crate::rules::Rule::describe`]); the
//! catalog walks a payload shape's field table and asks each field's rules, so it
//! can never drift from what `validate` enforces. For each field it gives whether
//! it is required, its length bounds, its allowed characters in words, an HTML
//! `pattern` where one exists, and suggested `autocomplete` and `inputmode` values.
//!
//! ```
//! use dwolla_validator::{catalog, Operation};
//! let fields = catalog::field_rules("personal", Operation::Create).unwrap();
//! let ssn = fields.iter().find(|f| f.path == "ssn").unwrap();
//! assert_eq!(ssn.constraints.html_pattern.as_deref(), Some("[0-9]{4}|[0-9]{9}"));
//! assert_eq!(ssn.inputmode, Some("numeric"));
//!
//! let schema = catalog::json_schema("personal", Operation::Retry).unwrap();
//! assert_eq!(schema["properties"]["ssn"]["pattern"], "^(?:[0-9]{9})$");
//! ```
//!
//! The JSON Schema (2020-12) says what a schema can: types, lengths, patterns,
//! enums, required fields, no unknown fields, and the US/elsewhere conditions of
//! a controller's address and identity (`if`/`then`/`else`). What it cannot say
//! (a real calendar date, an age on *today*, PO boxes, look-alike characters, the
//! hints) is left to `validate`, and said so in each field's `description`.

use crate::options::Operation;
use crate::rules::Constraints;
use crate::shapes::{shape_named, Field, Kind, Presence, Shape, When};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// When a field is required, in the catalog's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Required {
    /// Always.
    Yes,
    /// Never.
    No,
    /// When the address is in the US (or gives no country).
    IfInUs,
    /// When the address is outside the US.
    IfOutsideUs,
}

/// One field of a payload shape, as a form or an API spec would use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRule {
    /// The field's path in the payload: `ssn`, `controller/address/postalCode`.
    pub path: String,
    /// How messages name it.
    pub label: &'static str,
    /// Whether it must be there. A field inside an object that a person gives
    /// only outside the US (a passport) is required only there, whatever the
    /// passport's own table says; inside an object that is optional everywhere (a
    /// controller on retry), it says what that object needs when it is given.
    pub required: Required,
    /// What its rules require (for an address field that depends on the country,
    /// the US rules).
    pub constraints: Constraints,
    /// What its rules require for an address outside the US, when that differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constraints_outside_us: Option<Constraints>,
    /// Ids of the rules that check it, in order.
    pub rules: Vec<&'static str>,
    /// A suggested HTML `autocomplete` value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<&'static str>,
    /// A suggested HTML `inputmode` value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inputmode: Option<&'static str>,
}

fn describe(rules: &[&dyn crate::rules::Rule], op: Operation) -> Constraints {
    let mut c = Constraints::default();
    for r in rules {
        r.describe(op, &mut c);
    }
    c.finish()
}

/// Suggested `autocomplete` and `inputmode` for a field, by its name. These are
/// about the person filling a form in, not about validity, so they are not rules.
fn input_hints(name: &str, in_address: bool) -> (Option<&'static str>, Option<&'static str>) {
    match name {
        "firstName" => (Some("given-name"), None),
        "lastName" => (Some("family-name"), None),
        "email" => (Some("email"), Some("email")),
        "address1" => (Some("address-line1"), None),
        "address2" => (Some("address-line2"), None),
        "address3" => (Some("address-line3"), None),
        "city" => (Some("address-level2"), None),
        "state" | "stateProvinceRegion" => (Some("address-level1"), None),
        "postalCode" if in_address => (Some("postal-code"), None),
        "postalCode" => (Some("postal-code"), Some("numeric")),
        "country" => (Some("country"), None),
        "dateOfBirth" => (Some("bday"), Some("numeric")),
        "ssn" | "ein" => (Some("off"), Some("numeric")),
        "phone" => (Some("tel-national"), Some("tel")),
        "businessName" | "doingBusinessAs" => (Some("organization"), None),
        "title" => (Some("organization-title"), None),
        "website" => (Some("url"), Some("url")),
        "ipAddress" | "correlationId" | "businessClassification" | "number" => (Some("off"), None),
        _ => (None, None),
    }
}

fn required_of(p: Presence, op: Operation) -> Required {
    match p {
        Presence::Required => Required::Yes,
        Presence::Optional => Required::No,
        Presence::RequiredOnCreate if op == Operation::Create => Required::Yes,
        Presence::RequiredOnCreate => Required::No,
        Presence::RequiredWhen(When::AddressInUs | When::PersonInUs) => Required::IfInUs,
        Presence::RequiredWhen(When::PersonOutsideUs) => Required::IfOutsideUs,
    }
}

/// When a field is required, given that the objects it is in are required `outer`
/// (what [`collect`] carries down): a field of a passport, which a person gives
/// only outside the US, is required only outside the US however required it is
/// within the passport.
fn within(outer: Required, inner: Required) -> Required {
    match (outer, inner) {
        (Required::Yes, r) | (r, Required::Yes) => r,
        (Required::No, _) | (_, Required::No) => Required::No,
        (a, b) if a == b => a,
        // Required only in the US and only outside it: never. No shape has such a
        // field; tests/catalog_required.rs would catch one that did.
        _ => Required::No,
    }
}

/// The condition an object field passes on to the fields inside it: its own when
/// it depends on where the person is (a passport), none otherwise. An object that
/// is optional wherever the person is (a controller on retry) is described as
/// given: its fields say what a controller that is there needs, since no value of
/// [`Required`] says "when the object is given".
fn passed_down(outer: Required, object: Required) -> Required {
    match object {
        Required::IfInUs | Required::IfOutsideUs => within(outer, object),
        Required::Yes | Required::No => outer,
    }
}

fn collect(
    shape: &Shape,
    prefix: &str,
    in_address: bool,
    outer: Required,
    op: Operation,
    out: &mut Vec<FieldRule>,
) {
    for f in shape.fields {
        let path = if prefix.is_empty() {
            f.name.to_string()
        } else {
            format!("{prefix}/{}", f.name)
        };
        let (rules, elsewhere): (
            &[&dyn crate::rules::Rule],
            Option<&[&dyn crate::rules::Rule]>,
        ) = match f.kind {
            Kind::Text(r) => (r, None),
            Kind::ByCountry { us, elsewhere } => (us, Some(elsewhere)),
            Kind::Object(inner) => {
                let outer = passed_down(outer, required_of(f.presence, op));
                collect(
                    inner,
                    &path,
                    in_address || f.name == "address",
                    outer,
                    op,
                    out,
                );
                continue;
            }
        };
        let (autocomplete, inputmode) = input_hints(f.name, in_address);
        out.push(FieldRule {
            path,
            label: f.label,
            required: within(outer, required_of(f.presence, op)),
            constraints: describe(rules, op),
            constraints_outside_us: elsewhere.map(|r| describe(r, op)),
            rules: rules
                .iter()
                .chain(elsewhere.unwrap_or(&[]).iter())
                .map(|r| r.id())
                .collect(),
            autocomplete,
            inputmode,
        });
    }
}

/// Every field of the shape named `shape` (see [`crate::shapes::SHAPES`]), nested
/// fields included, in order.
pub fn field_rules(shape: &str, op: Operation) -> Option<Vec<FieldRule>> {
    let s = shape_named(shape)?;
    let mut out = Vec::new();
    collect(s, "", false, Required::Yes, op, &mut out);
    Some(out)
}

/// The catalog of every shape: `{shape name: [field rules]}`.
pub fn catalog(op: Operation) -> Value {
    let mut m = Map::new();
    for s in crate::shapes::SHAPES {
        let mut fields = Vec::new();
        collect(s, "", false, Required::Yes, op, &mut fields);
        m.insert(
            s.name.to_string(),
            serde_json::to_value(fields).unwrap_or(Value::Null),
        );
    }
    Value::Object(m)
}

fn string_schema(c: &Constraints, field: &Field, op: Operation) -> Value {
    let mut s = Map::new();
    // An optional field may be null (it is then absent); a required one may not.
    let nullable = required_of(field.presence, op) != Required::Yes;
    s.insert(
        "type".into(),
        if nullable {
            json!(["string", "null"])
        } else {
            json!("string")
        },
    );
    if let Some(n) = c.min_length {
        s.insert("minLength".into(), json!(n));
    }
    if let Some(n) = c.max_length {
        s.insert("maxLength".into(), json!(n));
    }
    if let Some(e) = c.enumeration {
        let mut values: Vec<Value> = e.iter().map(|v| json!(v)).collect();
        if nullable {
            values.push(Value::Null);
        }
        s.insert("enum".into(), Value::Array(values));
    }
    if let Some(p) = &c.schema_pattern {
        s.insert("pattern".into(), json!(format!("^(?:{p})$")));
    }
    if let Some(f) = c.format {
        // "ip" is not a JSON Schema format; the pattern-free description says it.
        if f != "ip" {
            s.insert("format".into(), json!(f));
        }
    }
    s.insert(
        "description".into(),
        json!(format!("{}: {}.", field.label, c.words.join("; "))),
    );
    Value::Object(s)
}

fn object_schema(shape: &Shape, op: Operation) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    let mut conditions: Vec<Value> = Vec::new();
    for f in shape.fields {
        let schema = match f.kind {
            Kind::Text(r) => string_schema(&describe(r, op), f, op),
            Kind::Object(inner) => {
                let mut o = object_schema(inner, op);
                if required_of(f.presence, op) != Required::Yes {
                    o["type"] = json!(["object", "null"]);
                }
                o
            }
            Kind::ByCountry { us, elsewhere } => {
                // The default (US) rules here; the country condition below narrows it.
                let (u, e) = (
                    string_schema(&describe(us, op), f, op),
                    string_schema(&describe(elsewhere, op), f, op),
                );
                conditions.push(json!({
                    "if": {"properties": {"country": {"const": "US"}}},
                    "then": {"properties": {f.name: u}},
                    "else": {"properties": {f.name: e}}
                }));
                json!({"type": ["string", "null"]})
            }
        };
        props.insert(f.name.to_string(), schema);
        match required_of(f.presence, op) {
            Required::Yes => required.push(f.name),
            Required::No => {}
            Required::IfInUs => conditions.push(us_condition(f, true)),
            Required::IfOutsideUs => conditions.push(us_condition(f, false)),
        }
    }
    let mut s = json!({
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": false,
    });
    if !conditions.is_empty() {
        s["allOf"] = Value::Array(conditions);
    }
    s
}

/// `if` the object's (or its address's) country is US `then`/`else` require `f`.
fn us_condition(f: &Field, when_us: bool) -> Value {
    let in_us = match f.presence {
        Presence::RequiredWhen(When::AddressInUs) => {
            json!({"properties": {"country": {"const": "US"}}})
        }
        _ => json!({"properties": {"address": {"properties": {"country": {"const": "US"}}}}}),
    };
    let need = json!({"required": [f.name]});
    if when_us {
        json!({"if": in_us, "then": need})
    } else {
        json!({"if": in_us, "else": need})
    }
}

/// A JSON Schema (2020-12) for the shape named `shape`, from the same rules.
pub fn json_schema(shape: &str, op: Operation) -> Option<Value> {
    let s = shape_named(shape)?;
    let mut schema = object_schema(s, op);
    let obj = schema.as_object_mut()?;
    obj.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    obj.insert(
        "title".into(),
        json!(format!("Dwolla {} payload ({})", s.name, op.as_str())),
    );
    obj.insert(
        "description".into(),
        json!("Generated by dwolla-validator from its rules. A schema cannot check real calendar dates, ages, PO boxes or look-alike characters; validate() does."),
    );
    Some(schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_catalog_follows_the_rules() {
        let f = field_rules("personal", Operation::Create).unwrap();
        let get = |p: &str| f.iter().find(|x| x.path == p).unwrap();
        assert_eq!(get("firstName").constraints.max_length, Some(50));
        assert_eq!(get("firstName").required, Required::Yes);
        assert_eq!(get("phone").required, Required::No);
        assert_eq!(
            get("state").constraints.enumeration.map(<[_]>::len),
            Some(57)
        );
        assert!(get("city").constraints.words.contains(&"no digits"));
        assert!(get("address1").rules.contains(&"po_box"));
        assert_eq!(get("postalCode").autocomplete, Some("postal-code"));
    }

    #[test]
    fn nested_and_conditional_fields() {
        let f = field_rules("business", Operation::Create).unwrap();
        let zip = f
            .iter()
            .find(|x| x.path == "controller/address/postalCode")
            .unwrap();
        assert_eq!(zip.required, Required::IfInUs);
        assert!(zip.constraints_outside_us.is_some());
        let retry = field_rules("business", Operation::Retry).unwrap();
        assert_eq!(
            retry
                .iter()
                .find(|x| x.path == "controller/ssn")
                .unwrap()
                .constraints
                .html_pattern
                .as_deref(),
            Some("[0-9]{9}")
        );
    }

    #[test]
    fn schema_shape() {
        let s = json_schema("personal", Operation::Create).unwrap();
        assert_eq!(s["additionalProperties"], false);
        assert!(s["required"].as_array().unwrap().contains(&json!("ssn")));
        assert!(json_schema("nope", Operation::Create).is_none());
        let c = catalog(Operation::Create);
        assert!(c["beneficial-owner"].as_array().unwrap().len() > 5);
    }
}
