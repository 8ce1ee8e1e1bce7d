//! Payload shapes: which fields a payload has, and which rules apply to each.
//!
//! A shape is a table, not code: each [`Field`] names its JSON key, a label for
//! messages, whether it is required, and either the rules its string value must
//! pass (in order; the first that fails is reported) or the shape of the object
//! it holds. The engine here walks a shape over a JSON object:
//!
//! 1. for each field, in table order: missing or `null` is `Required` when the
//!    field is required; a value of the wrong JSON type is `InvalidFormat`; a blank
//!    string in a required field is `Required`; then the field's rules run;
//! 2. unless unknown fields are allowed, every key the shape does not define is
//!    `NotAllowed`, with a "did you mean";
//! 3. the shape's cross-field checks run (a business's controller, say).
//!
//! [`validate`](crate::validate) picks the shape from the payload's `type`.

use crate::messages::Msg;
use crate::options::Options;
use crate::report::{pointer, Code, Issue, Report};
use crate::rules::{self, presence, Ctx, Fail, Rule};
use serde_json::{Map, Value};

mod common;
pub mod personal;
pub mod unverified;

/// When a field must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Always required.
    Required,
    /// May be left out or `null`.
    Optional,
}

/// What a field holds.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A string that must pass these rules, in order.
    Text(&'static [&'static dyn Rule]),
    /// An object of this shape.
    Object(&'static Shape),
}

/// One field of a payload shape.
#[derive(Clone, Copy)]
pub struct Field {
    /// The JSON key (`"postalCode"`).
    pub name: &'static str,
    /// How messages name it (`"Postal code"`).
    pub label: &'static str,
    /// Whether it must be present.
    pub presence: Presence,
    /// What it holds.
    pub kind: Kind,
}

/// A check that needs several fields of one object (which of ssn or passport, ...).
pub type CrossCheck = fn(obj: &Map<String, Value>, base: &str, ctx: &Ctx, report: &mut Report);

/// The fields of one payload (or nested object) shape.
pub struct Shape {
    /// Stable name (`"personal"`).
    pub name: &'static str,
    /// The fields, in the order errors are reported.
    pub fields: &'static [Field],
    /// Checks across fields, run after the fields.
    pub cross: Option<CrossCheck>,
}

impl Shape {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The names of every field, in order.
    pub fn field_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|f| f.name)
    }
}

impl std::fmt::Debug for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shape").field("name", &self.name).finish()
    }
}

/// Every top-level shape, by name: what [`shape_named`] looks up.
pub static SHAPES: &[&Shape] = &[&personal::PERSONAL, &unverified::UNVERIFIED];

/// The shape named `name` (`"personal"`, `"unverified"`).
pub fn shape_named(name: &str) -> Option<&'static Shape> {
    SHAPES.iter().copied().find(|s| s.name == name)
}

pub(crate) fn issue(code: Code, msg: Msg, label: &str, path: String, rule: &str) -> Issue {
    Issue {
        code,
        message: msg.render(label),
        path,
        rule: rule.to_string(),
    }
}

fn fail_issue(fail: Fail, field: &Field, path: String, rule: &str) -> Issue {
    issue(fail.code, fail.msg, field.label, path, rule)
}

/// Checks one field's value (`None` when the key is absent) and reports at most one
/// issue at `path`; an object field reports its own fields' issues.
pub(crate) fn check_field(
    field: &Field,
    value: Option<&Value>,
    path: String,
    opts: &Options,
    report: &mut Report,
) {
    let ctx = Ctx {
        operation: opts.operation,
        today: opts.today,
    };
    let required = field.presence == Presence::Required;
    let value = match value {
        None | Some(Value::Null) => {
            if required {
                report.push(issue(
                    Code::Required,
                    Msg::Required,
                    field.label,
                    path,
                    presence::REQUIRED.id,
                ));
            }
            return;
        }
        Some(v) => v,
    };
    match (field.kind, value) {
        (Kind::Text(rules), Value::String(s)) => {
            if required && presence::is_blank(s) {
                report.push(issue(
                    Code::Required,
                    Msg::Required,
                    field.label,
                    path,
                    presence::REQUIRED.id,
                ));
                return;
            }
            for rule in rules {
                if let Err(fail) = rule.check(s, &ctx) {
                    report.push(fail_issue(fail, field, path, rule.id()));
                    return;
                }
            }
        }
        (Kind::Object(shape), Value::Object(m)) => check_object(shape, m, &path, opts, report),
        (Kind::Text(_), _) => {
            report.push(issue(
                Code::InvalidFormat,
                Msg::NotString,
                field.label,
                path,
                presence::STRING_TYPE.id,
            ));
        }
        (Kind::Object(_), _) => {
            report.push(issue(
                Code::InvalidFormat,
                Msg::NotObject,
                field.label,
                path,
                presence::STRING_TYPE.id,
            ));
        }
    }
}

/// Walks `shape` over `obj`, whose JSON pointer is `base` (`""` at the top).
pub(crate) fn check_object(
    shape: &Shape,
    obj: &Map<String, Value>,
    base: &str,
    opts: &Options,
    report: &mut Report,
) {
    for field in shape.fields {
        check_field(
            field,
            obj.get(field.name),
            pointer(base, field.name),
            opts,
            report,
        );
    }
    if !opts.allow_unknown_fields {
        for key in obj.keys() {
            if shape.field(key).is_none() {
                let known: Vec<&'static str> = shape.field_names().collect();
                let suggestion = rules::unknown_field::suggest(key, &known);
                report.push(issue(
                    Code::NotAllowed,
                    Msg::UnknownField { suggestion },
                    "",
                    pointer(base, key),
                    rules::unknown_field::INFO.id,
                ));
            }
        }
    }
    if let Some(cross) = shape.cross {
        let ctx = Ctx {
            operation: opts.operation,
            today: opts.today,
        };
        cross(obj, base, &ctx, report);
    }
}

/// Fields that only a verified Customer has: their presence without a `type` means
/// the `type` was forgotten, not that the payload is an unverified Customer.
const VERIFIED_ONLY: &[&str] = &[
    "address1",
    "address2",
    "city",
    "state",
    "postalCode",
    "dateOfBirth",
    "ssn",
    "businessType",
    "businessClassification",
    "ein",
    "controller",
    "doingBusinessAs",
    "website",
];

/// Which shape a payload's `type` selects, or the error at `/type`.
pub(crate) fn dispatch(obj: &Map<String, Value>) -> Result<&'static Shape, Issue> {
    const LABEL: &str = "Type";
    let path = || "/type".to_string();
    let id = rules::customer_type::INFO.id;
    let looks_verified = || VERIFIED_ONLY.iter().any(|k| obj.contains_key(*k));
    match obj.get("type") {
        None | Some(Value::Null) => {
            if looks_verified() {
                Err(issue(
                    Code::Required,
                    Msg::TypeRequiredForVerified,
                    LABEL,
                    path(),
                    id,
                ))
            } else {
                Ok(&unverified::UNVERIFIED)
            }
        }
        Some(Value::String(t)) => match t.as_str() {
            "personal" => Ok(&personal::PERSONAL),
            "receive-only" | "unverified" => Ok(&unverified::UNVERIFIED),
            _ if presence::is_blank(t) => {
                let msg = if looks_verified() {
                    Msg::TypeRequiredForVerified
                } else {
                    Msg::Required
                };
                Err(issue(Code::Required, msg, LABEL, path(), id))
            }
            _ => {
                let suggestion =
                    rules::unknown_field::suggest(t, rules::customer_type::KNOWN_TYPES);
                Err(issue(
                    Code::NotAllowed,
                    Msg::TypeUnknown { suggestion },
                    LABEL,
                    path(),
                    id,
                ))
            }
        },
        Some(_) => Err(issue(
            Code::InvalidFormat,
            Msg::NotString,
            LABEL,
            path(),
            presence::STRING_TYPE.id,
        )),
    }
}

/// Validates a whole payload: dispatch on `type`, then walk the shape.
pub(crate) fn validate_payload(payload: &Value, opts: &Options) -> Report {
    let mut report = Report::ok();
    let Value::Object(obj) = payload else {
        report.push(issue(
            Code::InvalidFormat,
            Msg::NotObject,
            "The payload",
            String::new(),
            presence::STRING_TYPE.id,
        ));
        return report;
    };
    match dispatch(obj) {
        Ok(shape) => check_object(shape, obj, "", opts, &mut report),
        Err(e) => report.push(e),
    }
    report
}

/// Validates one field of `shape` by name, for feedback as a person types.
pub(crate) fn validate_field(shape: &Shape, name: &str, value: &Value, opts: &Options) -> Report {
    let mut report = Report::ok();
    let path = pointer("", name);
    match shape.field(name) {
        Some(field) => check_field(field, Some(value), path, opts, &mut report),
        None => {
            let known: Vec<&'static str> = shape.field_names().collect();
            let suggestion = rules::unknown_field::suggest(name, &known);
            report.push(issue(
                Code::NotAllowed,
                Msg::UnknownField { suggestion },
                "",
                path,
                rules::unknown_field::INFO.id,
            ));
        }
    }
    report
}
