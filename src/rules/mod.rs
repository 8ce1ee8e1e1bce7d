//! The rules: each one a small named unit with a stable id.
//!
//! A rule looks at one string value and either accepts it or says what is wrong
//! with a [`Fail`]: Dwolla's [`Code`] and a [`Msg`] that the report renders as a
//! sentence naming the field. Rules never see other fields, never read a clock
//! (*today* comes in [`Ctx`]) and never put the value they reject into a message.
//!
//! Which rules apply to which field is not decided here but in the field tables of
//! [`crate::shapes`]. Every rule is listed in [`RULES`], the table that the README's
//! rule table, the message tests and the catalog come from.
//!
//! | id | code | what it checks |
//! |---|---|---|
//! | `required` | Required | present, not `null`, not empty or blank |
//! | `string_type` | InvalidFormat | the value is a JSON string (never coerced) |
//! | `length` | InvalidFormat | length in Unicode scalar values within the field's bounds |
//! | `forbidden_characters` | InvalidFormat | none of `< > = " \` ! ? % ~ $ { } \` |
//! | `invisible_characters` | InvalidFormat | no control, zero-width or bidi characters |
//! | `unassigned_characters` | InvalidFormat | no noncharacters, unassigned or private-use code points |
//! | `no_digits` | InvalidFormat | no digits (city, title) |
//! | `po_box` | NotAllowed | not a post-office box, look-alikes included |
//! | `state` | InvalidFormat / NotAllowed | an uppercase code Dwolla accepts |
//! | `postal_code` | InvalidFormat | `NNNNN` or `NNNNN-NNNN` |
//! | `date_format` | InvalidFormat | a real `YYYY-MM-DD` date |
//! | `age_range` | NotAllowed | 18 to 125 years old on *today* |
//! | `ssn` | InvalidFormat | 4 or 9 digits; 9 on retry |
//! | `phone` | InvalidFormat | exactly 10 digits |
//! | `email` | InvalidFormat | the HTML "valid e-mail address" with a dotted domain |
//! | `ip_address` | InvalidFormat | IPv4 dotted quad or IPv6 |
//! | `correlation_id` | InvalidFormat | 1–255 of `A-Z a-z 0-9 - . _` |
//! | `uuid` | InvalidFormat | 8-4-4-4-12 hex (businessClassification) |
//! | `ein` | InvalidFormat | exactly 9 digits |
//! | `website` | InvalidFormat | an http(s) URL with a real host |
//! | `country` | InvalidFormat / NotAllowed | an assigned ISO 3166-1 alpha-2 code |
//! | `region` | InvalidFormat | outside the US, two uppercase letters or digits |
//! | `postal_code_intl` | InvalidFormat | outside the US, letters/digits with single spaces or hyphens |
//! | `one_of` | NotAllowed | one of a fixed set of values |
//! | `unknown_field` | NotAllowed | the shape defines the field |
//! | `customer_type` | Required / NotAllowed | a `type` Dwolla knows |
//! | `json_syntax` | InvalidFormat | a record read from a file is valid JSON |

use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;
use chrono::NaiveDate;

pub mod age_range;
pub mod correlation_id;
pub mod country;
pub mod customer_type;
pub mod date_of_birth;
pub mod ein;
pub mod email;
pub mod forbidden_characters;
pub mod invisible_characters;
pub mod ip_address;
pub mod length;
pub mod no_digits;
pub mod one_of;
pub mod phone;
pub mod po_box;
pub mod postal_code;
pub mod presence;
pub mod ssn;
pub mod state;
pub mod unassigned_characters;
pub mod unicode;
pub mod unknown_field;
pub mod uuid;
pub mod website;

/// What a rule may know besides the value: the operation and *today*.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    /// `create` or `retry`.
    pub operation: Operation,
    /// The date ages are computed on.
    pub today: NaiveDate,
}

/// Why a rule refused a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fail {
    /// Dwolla's code for this failure.
    pub code: Code,
    /// Which sentence to show.
    pub msg: Msg,
}

impl Fail {
    /// A failure with `code` and message `msg`.
    pub const fn new(code: Code, msg: Msg) -> Self {
        Fail { code, msg }
    }
}

/// One rule over one string value.
pub trait Rule: Sync {
    /// The rule's stable snake_case id (`"po_box"`).
    fn id(&self) -> &'static str;
    /// Accepts `value` or says why not.
    fn check(&self, value: &str, ctx: &Ctx) -> Result<(), Fail>;
    /// Adds what the rule requires to a field's constraints, for the field catalog
    /// and the JSON Schema export: each rule describes itself, so the catalog is
    /// never a second copy of the rules.
    fn describe(&self, op: Operation, c: &mut Constraints);
}

/// What a field's rules require, in forms a form or a schema can use.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Constraints {
    /// Fewest characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Most characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// What the value may hold, in words.
    pub words: Vec<&'static str>,
    /// The accepted values, when there is a fixed set.
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub enumeration: Option<&'static [&'static str]>,
    /// A JSON Schema `format` that fits (`email`, `date`, `ip`, `uri`, `uuid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// A whole-value pattern for HTML's `pattern` attribute (JS `v` flag syntax).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html_pattern: Option<String>,
    /// The same pattern in JSON Schema's (ECMA-262 `u` flag) syntax, unanchored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema_pattern: Option<String>,
    #[serde(skip)]
    excluded: (String, String),
}

impl Constraints {
    /// Sets the format pattern: written so that it means the same with the `v`
    /// flag (HTML) and the `u` flag (JSON Schema).
    pub fn set_pattern(&mut self, pattern: &str) {
        self.html_pattern = Some(pattern.to_string());
        self.schema_pattern = Some(pattern.to_string());
    }

    /// Adds characters the value may not contain (as the inside of a character class).
    pub fn exclude(&mut self, html: &str, schema: &str) {
        self.excluded.0.push_str(html);
        self.excluded.1.push_str(schema);
    }

    /// Turns excluded characters into a pattern when no format pattern was given.
    pub(crate) fn finish(mut self) -> Self {
        if self.html_pattern.is_none() && !self.excluded.0.is_empty() {
            let (html, schema) = &self.excluded;
            self.html_pattern = Some(format!("[^{html}]*"));
            self.schema_pattern = Some(format!("[^{schema}]*"));
        }
        self
    }
}

/// A rule's entry in the table of every rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable snake_case id.
    pub id: &'static str,
    /// The code or codes it reports.
    pub codes: &'static [Code],
    /// One line a user can read.
    pub summary: &'static str,
}

/// Every rule the engine has, in the order of the README's table.
pub static RULES: &[RuleInfo] = &[
    presence::REQUIRED,
    presence::STRING_TYPE,
    presence::OBJECT_TYPE,
    presence::WELL_FORMED_TEXT,
    length::INFO,
    forbidden_characters::INFO,
    invisible_characters::INFO,
    unassigned_characters::INFO,
    no_digits::INFO,
    po_box::INFO,
    state::INFO,
    postal_code::INFO,
    date_of_birth::INFO,
    age_range::INFO,
    ssn::INFO,
    phone::INFO,
    email::INFO,
    ip_address::INFO,
    correlation_id::INFO,
    uuid::INFO,
    ein::INFO,
    website::INFO,
    country::INFO,
    country::REGION,
    country::POSTAL_INTL,
    one_of::INFO,
    unknown_field::INFO,
    customer_type::INFO,
    presence::JSON_SYNTAX,
    presence::PAYLOAD_SIZE,
];

/// `true` when every byte of `s` is an ASCII digit (and `s` is not empty).
pub(crate) fn all_ascii_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
pub(crate) fn ctx() -> Ctx {
    Ctx {
        operation: Operation::Create,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}
