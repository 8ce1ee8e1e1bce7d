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
//! * [`parse`]: the borrowed JSON reader; [`keys`]: the field names the engine
//!   knows, numbered so that a lookup compares one byte.
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
mod const_text;
pub mod documents;
pub mod form;
pub mod hints;
pub mod input;
pub mod json_api;
pub mod kba;
pub mod keys;
pub mod messages;
pub mod normalize;
pub mod options;
pub mod parse;
mod payload;
pub mod registry;
pub mod report;
pub mod request;
pub mod rules;
pub mod shapes;
pub mod statuses;
pub mod walked;
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

/// Validates a payload given as JSON text: the fast path, and the one every
/// text-taking entry point (the npm package, the CLI, a server) uses.
///
/// The text is read once into a tree that borrows its strings ([`parse`]), with no
/// `serde_json::Value` built, and judged by the same engine as [`validate`], so
/// the report is the one `validate` gives for the parsed value. On top of that:
/// text larger than [`rules::presence::MAX_PAYLOAD_BYTES`] (Dwolla's 10 MiB
/// request limit) is refused before it is parsed (`payload_size`), text that is not
/// JSON is one `json_syntax` error at `""`, and a string holding a lone surrogate
/// escape is a `well_formed_text` error at its own field.
///
/// ```
/// use dwolla_validator::{validate_text, Options};
/// let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
/// let r = validate_text(r#"{"firstName":"\ud800","lastName":"Doe","email":"j@example.com"}"#, &opts);
/// assert_eq!(r.errors[0].path, "/firstName");
/// assert_eq!(r.errors[0].rule, "well_formed_text");
/// assert_eq!(validate_text("[1,", &opts).errors[0].rule, "json_syntax");
/// ```
pub fn validate_text(text: &str, opts: &Options) -> Report {
    match read_text(text) {
        Ok(node) => in_locale(shapes::validate_payload(&node, opts), opts),
        Err(report) => in_locale(report, opts),
    }
}

/// Validates a payload already read by [`parse::parse`] (or
/// [`input::Piece::for_each_node`]): the report [`validate_text`] gives for its text.
///
/// ```
/// use dwolla_validator::{parse::parse, validate_parsed, Options};
/// let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
/// let node = parse(r#"{"firstName":"Jane","lastName":"Doe","email":"jane@example.com"}"#).unwrap();
/// assert!(validate_parsed(&node, &opts).valid);
/// ```
pub fn validate_parsed(payload: &parse::Node<'_>, opts: &Options) -> Report {
    in_locale(shapes::validate_payload(payload, opts), opts)
}

/// [`validate_as`] for a payload already read by [`parse::parse`].
pub fn validate_parsed_as(kind: &str, payload: &parse::Node<'_>, opts: &Options) -> Report {
    validate_node_as(kind, payload, opts)
}

/// [`validate_as`] for a payload given as JSON text (see [`validate_text`]).
pub fn validate_text_as(kind: &str, text: &str, opts: &Options) -> Report {
    match read_text(text) {
        Ok(node) => validate_node_as(kind, &node, opts),
        Err(report) => in_locale(report, opts),
    }
}

/// [`validate_field`] for a value given as JSON text (see [`validate_text`]).
pub fn validate_field_text(shape: &str, field: &str, text: &str, opts: &Options) -> Report {
    match read_text(text) {
        Ok(node) => validate_field_of(shape, field, &node, opts),
        Err(report) => in_locale(report, opts),
    }
}

#[doc(inline)]
pub use input::{read_text, too_large_report};

fn in_locale(mut report: Report, opts: &Options) -> Report {
    if opts.locale != Locale::En {
        report.localize(opts.locale);
    }
    report
}

/// Validates a payload as a named kind, when it cannot be told from the payload:
/// a shape name (`personal`, `unverified`, `business`,
/// `business-sole-proprietorship`, `controller`, `beneficial-owner`), `kba`,
/// `document`, `customer` (choose from `type`, as [`validate`] does), or `auto`:
/// like `customer`, except that a payload without `type` is taken for KBA answers
/// when it has `answers`, a document when it has `documentType` or `file`, and a
/// beneficial owner when it has an `address` object. Only `auto` guesses: every
/// Customer entry point judges a payload as a Customer.
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
    validate_node_as(kind, payload, opts)
}

fn validate_node_as<P: shapes::Payload>(kind: &str, payload: &P, opts: &Options) -> Report {
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
    "auto",
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
    validate_field_of(shape, field, value, opts)
}

fn validate_field_of<P: shapes::Payload>(
    shape: &str,
    field: &str,
    value: &P,
    opts: &Options,
) -> Report {
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
