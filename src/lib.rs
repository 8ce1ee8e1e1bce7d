//! Offline validation of the payloads that create and verify Dwolla Customers.
//!
//! One engine, natively and in WebAssembly, so a signup form and the server behind
//! it give the very same answers. It enforces every field rule of Dwolla's Customer
//! guides (names, PO boxes, states, ZIPs, ages, SSNs, phones, e-mail, IP addresses,
//! correlation ids) and reports errors in Dwolla's own shape and codes.
//!
//! # Two layers
//!
//! * [`validate`] judges a payload exactly as it would be sent: strict, nothing
//!   silently fixed. A payload it accepts is not refused by the API for format.
//! * [`normalize()`] is the helpful layer a form calls first: trims, collapses
//!   spaces, uppercases the state, strips the dashes from `202-99-1516`. It never
//!   guesses.
//!
//! # A first example
//!
//! ```
//! use dwolla_validator::{validate, Code, Operation, Options};
//! use serde_json::json;
//!
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! let payload = json!({
//!     "firstName": "John", "lastName": "Doe", "email": "johndoe@email.net",
//!     "type": "personal", "address1": "PO Box 12", "city": "Some City",
//!     "state": "NY", "postalCode": "11101", "dateOfBirth": "1970-01-01",
//!     "ssn": "1234"
//! });
//!
//! let report = validate(&payload, &Options::new(today));
//! assert!(!report.valid);
//! assert_eq!(report.errors[0].path, "/address1");
//! assert_eq!(report.errors[0].code, Code::NotAllowed);
//!
//! // On retry the full SSN is needed too.
//! let retry = validate(&payload, &Options::new(today).operation(Operation::Retry));
//! assert_eq!(retry.errors[1].path, "/ssn");
//! ```
//!
//! # Where to look
//!
//! * [`rules`]: every rule, one module each, with its id and examples.
//! * [`shapes`]: which fields each payload has and which rules apply to each.
//! * [`report`]: the report, Dwolla's codes and the HAL error body.
//! * [`normalize`](mod@normalize): the helpful layer.
//! * [`request`]: typed request structs.
//! * [`hints`]: quality hints, warnings about data that is well-formed but likely
//!   wrong (a ZIP of another state, `gmial.com`), on by default.
//! * [`documents`], [`kba`], [`statuses`]: documents, KBA answers, statuses as data.
//! * [`messages`]: every sentence, in English and Spanish ([`Locale`]).
//!
//! Nothing reads a clock or global state: *today* and the operation arrive in
//! [`Options`]. Messages never contain the value they reject.

#![deny(missing_docs)]

pub mod catalog;
pub mod documents;
pub mod form;
pub mod hints;
pub mod input;
pub mod json_api;
pub mod kba;
pub mod messages;
pub mod normalize;
pub mod options;
pub mod report;
pub mod request;
pub mod rules;
pub mod shapes;
pub mod statuses;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use messages::Msg;
pub use normalize::normalize;
#[cfg(not(target_arch = "wasm32"))]
pub use options::today_utc;
pub use options::{parse_date, Locale, Operation, Options};
pub use report::{Code, Issue, Report};

use serde::Serialize;
use serde_json::Value;

/// Validates a whole payload, choosing its shape from `type`.
pub fn validate(payload: &Value, opts: &Options) -> Report {
    in_locale(shapes::validate_payload(payload, opts), opts)
}

fn in_locale(mut report: Report, opts: &Options) -> Report {
    if opts.locale != Locale::En {
        report.localize(opts.locale);
    }
    report
}

/// Validates a payload as a named kind, when it cannot be told from the payload:
/// a shape name (`personal`, `unverified`, `business`,
/// `business-sole-proprietorship`, `controller`, `beneficial-owner`), `kba`,
/// `document`, or `customer` (choose from `type`, as [`validate`] does).
///
/// ```
/// use dwolla_validator::{validate_as, Options};
/// use serde_json::json;
/// let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
/// let owner = json!({"firstName": "Ann", "lastName": "Lee", "dateOfBirth": "1980-01-01", "ssn": "123456789",
///     "address": {"address1": "1 Main St", "city": "Ames", "stateProvinceRegion": "IA", "postalCode": "50010", "country": "US"}});
/// assert!(validate_as("beneficial-owner", &owner, &opts).valid);
/// ```
pub fn validate_as(kind: &str, payload: &Value, opts: &Options) -> Report {
    let report = shapes::validate_as(kind, payload, opts).unwrap_or_else(|| {
        let mut r = Report::ok();
        r.push(shapes::issue(
            Code::NotAllowed,
            Msg::OneOf { allowed: KINDS },
            "The kind of payload",
            String::new(),
            rules::one_of::INFO.id,
        ));
        r
    });
    in_locale(report, opts)
}

/// Every kind [`validate_as`] accepts.
pub const KINDS: &[&str] = &[
    "customer",
    "personal",
    "unverified",
    "business",
    "business-sole-proprietorship",
    "controller",
    "beneficial-owner",
    "kba",
    "document",
];

/// Validates a typed request (any `Serialize` value, such as
/// [`request::PersonalCustomer`]) as the JSON it serializes to.
pub fn validate_request<T: Serialize>(request: &T, opts: &Options) -> Report {
    match serde_json::to_value(request) {
        Ok(v) => validate(&v, opts),
        Err(_) => validate(&Value::Null, opts),
    }
}

/// Validates one field of a payload shape by name, for feedback as a person types.
///
/// `shape` is a shape name from [`shapes::SHAPES`] (`"personal"`, `"unverified"`).
/// An unknown shape or field name is reported as `NotAllowed` at the field's path.
///
/// ```
/// use dwolla_validator::{validate_field, Options};
/// use serde_json::json;
/// let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
/// let r = validate_field("personal", "postalCode", &json!("5031"), &opts);
/// assert_eq!(r.errors[0].code.as_str(), "InvalidFormat");
/// assert!(validate_field("personal", "postalCode", &json!("50314"), &opts).valid);
/// ```
pub fn validate_field(shape: &str, field: &str, value: &Value, opts: &Options) -> Report {
    let report = match shapes::shape_named(shape) {
        Some(s) => shapes::validate_field(s, field, value, opts),
        None => {
            let mut r = Report::ok();
            r.push(shapes::issue(
                Code::NotAllowed,
                Msg::TypeUnknown {
                    suggestion: rules::unknown_field::suggest(
                        shape,
                        rules::customer_type::KNOWN_TYPES,
                    ),
                },
                "Type",
                "/type".to_string(),
                rules::customer_type::INFO.id,
            ));
            r
        }
    };
    in_locale(report, opts)
}
