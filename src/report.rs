//! What a validation returns: [`Report`], its [`Issue`]s and their [`Code`]s.
//!
//! The shape is Dwolla's own: each error is `{code, message, path}` where `path`
//! is a JSON pointer (`/firstName`, `/controller/address/city`), plus the id of
//! the rule that produced it (`rule`), so a UI can localize and a team can count.
//!
//! A report can be rendered as the exact body Dwolla answers with, so a server can
//! reply the way Dwolla would:
//!
//! ```
//! use dwolla_validator::{validate, Options};
//! use serde_json::json;
//!
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! let report = validate(&json!({"type": "unverified", "lastName": "Doe", "email": "j@example.com"}),
//!                       &Options::new(today));
//! let body = report.to_dwolla_error().expect("the report has errors");
//! assert_eq!(body["code"], "ValidationError");
//! assert_eq!(body["_embedded"]["errors"][0]["path"], "/firstName");
//! assert_eq!(body["_embedded"]["errors"][0]["code"], "Required");
//! ```

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// Dwolla's validation error codes.
///
/// * `Required`: the field is missing, `null`, empty or blank.
/// * `InvalidFormat`: wrong JSON type, length, characters or pattern.
/// * `NotAllowed`: well-formed but not accepted (age out of range, PO box, unknown
///   state, unknown enum value, unknown field).
/// * `Invalid`: anything else.
///
/// Warnings (quality hints) use codes of our own, which Dwolla never sends:
/// `LikelyTypo`, `Mismatch`, `NeverIssued`, `NotDiallable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Code {
    /// Missing, `null`, empty or blank.
    Required,
    /// Wrong type, length, characters or pattern.
    InvalidFormat,
    /// Well-formed but not accepted.
    NotAllowed,
    /// Anything else.
    Invalid,
    /// Warning (ours, not Dwolla's): a near miss of a common value (`gmial.com`).
    LikelyTypo,
    /// Warning: two fields that disagree (a ZIP from another state).
    Mismatch,
    /// Warning: a number the issuer never issues (SSN area 666).
    NeverIssued,
    /// Warning: a phone number that cannot be dialled.
    NotDiallable,
}

impl Code {
    /// The code as Dwolla spells it (`"InvalidFormat"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Required => "Required",
            Code::InvalidFormat => "InvalidFormat",
            Code::NotAllowed => "NotAllowed",
            Code::Invalid => "Invalid",
            Code::LikelyTypo => "LikelyTypo",
            Code::Mismatch => "Mismatch",
            Code::NeverIssued => "NeverIssued",
            Code::NotDiallable => "NotDiallable",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with one field.
///
/// `message` is one English sentence that says what is wrong and how to fix it. It
/// never repeats the rejected value: these are SSNs and birth dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// Dwolla's error code.
    pub code: Code,
    /// What is wrong and how to fix it.
    pub message: String,
    /// JSON pointer to the field (`""` is the whole payload).
    pub path: String,
    /// Stable snake_case id of the rule that produced this issue (see
    /// [`crate::rules::RULES`]). Borrowed for the crate's own rules, whose ids are
    /// static: one allocation fewer per issue.
    pub rule: Cow<'static, str>,
    /// What the message was built from, so it can be said in another language.
    #[serde(skip)]
    pub(crate) source: Option<(crate::messages::Msg, &'static str)>,
}

impl Issue {
    /// An issue of your own, for checks a server adds beside the validator's.
    /// Its message is kept as given (it is not translated by [`Report::localize`]).
    pub fn new(
        code: Code,
        message: impl Into<String>,
        path: impl Into<String>,
        rule: impl Into<Cow<'static, str>>,
    ) -> Self {
        Issue {
            code,
            message: message.into(),
            path: path.into(),
            rule: rule.into(),
            source: None,
        }
    }

    /// An issue whose message is `msg` said of the field labelled `label`.
    pub(crate) fn from_msg(
        code: Code,
        msg: crate::messages::Msg,
        label: &'static str,
        path: String,
        rule: &'static str,
    ) -> Self {
        Issue {
            code,
            message: msg.render(label),
            path,
            rule: Cow::Borrowed(rule),
            source: Some((msg, label)),
        }
    }
}

/// The result of validating a payload or a field.
///
/// `valid` is `true` exactly when `errors` is empty. Errors come in the order of the
/// payload shape's fields, at most one per path (the first rule that fails).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Report {
    /// `true` when there are no errors.
    pub valid: bool,
    /// What the Dwolla API would refuse.
    pub errors: Vec<Issue>,
    /// Well-formed data that is likely wrong (quality hints). Warnings never change
    /// `valid` and never enter the Dwolla error body.
    #[serde(default)]
    pub warnings: Vec<Issue>,
}

/// The fixed top-level message of Dwolla's `ValidationError` body.
pub const DWOLLA_VALIDATION_MESSAGE: &str =
    "Validation error(s) present. See embedded errors list for more details.";

impl Report {
    /// A report with no errors.
    pub fn ok() -> Self {
        Report {
            valid: true,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, issue: Issue) {
        self.valid = false;
        self.errors.push(issue);
    }

    /// Adds a warning; `valid` is untouched.
    pub(crate) fn warn(&mut self, issue: Issue) {
        self.warnings.push(issue);
    }

    /// Re-renders every message in `locale` (messages are first built in English).
    pub fn localize(&mut self, locale: crate::options::Locale) {
        for issue in self.errors.iter_mut().chain(self.warnings.iter_mut()) {
            if let Some((msg, label)) = issue.source {
                issue.message = msg.render_in(label, locale);
            }
        }
    }

    /// The first error at `path`, if any.
    pub fn error_at(&self, path: &str) -> Option<&Issue> {
        self.errors.iter().find(|e| e.path == path)
    }

    /// Dwolla's HAL `ValidationError` body for this report, or `None` when it is valid.
    ///
    /// The body is exactly what Dwolla sends with an HTTP 400: a top-level `code` and
    /// `message`, and the errors under `_embedded.errors`, each with empty `_links`.
    /// The `rule` ids are ours, not Dwolla's, so they are left out.
    pub fn to_dwolla_error(&self) -> Option<serde_json::Value> {
        self.hal().and_then(|b| serde_json::to_value(b).ok())
    }

    /// The same body as JSON text, with its keys in the order Dwolla sends them
    /// (`code`, `message`, `_embedded`; in each error `code`, `message`, `path`,
    /// `_links`), for a server that wants to answer byte for byte as Dwolla does.
    ///
    /// ```
    /// # use dwolla_validator::{validate, Options};
    /// # let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    /// let r = validate(&serde_json::json!({"type": "unverified", "firstName": "A", "lastName": "B"}), &opts);
    /// assert!(r.to_dwolla_error_json().unwrap().starts_with(r#"{"code":"ValidationError","message":"#));
    /// ```
    pub fn to_dwolla_error_json(&self) -> Option<String> {
        self.hal().and_then(|b| serde_json::to_string(&b).ok())
    }

    fn hal(&self) -> Option<HalBody<'_>> {
        hal_body(
            self.errors
                .iter()
                .map(|e| (e.code.as_str(), e.message.as_str(), e.path.as_str())),
        )
    }
}

/// One error of Dwolla's HAL body, fields in Dwolla's order.
#[derive(Serialize)]
struct HalError<'a> {
    code: &'a str,
    message: &'a str,
    path: &'a str,
    #[serde(rename = "_links")]
    links: Empty,
}

#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
struct HalEmbedded<'a> {
    errors: Vec<HalError<'a>>,
}

/// Dwolla's HAL `ValidationError` body, keys in the order Dwolla sends them.
#[derive(Serialize)]
pub(crate) struct HalBody<'a> {
    code: &'static str,
    message: &'static str,
    #[serde(rename = "_embedded")]
    embedded: HalEmbedded<'a>,
}

/// Dwolla's HAL body for errors given as (code, message, path), or `None` when
/// there are none. The one place that shape is written.
pub(crate) fn hal_body<'a>(
    errors: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
) -> Option<HalBody<'a>> {
    let errors: Vec<HalError<'a>> = errors
        .map(|(code, message, path)| HalError {
            code,
            message,
            path,
            links: Empty {},
        })
        .collect();
    if errors.is_empty() {
        return None;
    }
    Some(HalBody {
        code: "ValidationError",
        message: DWOLLA_VALIDATION_MESSAGE,
        embedded: HalEmbedded { errors },
    })
}

/// Appends one JSON-pointer segment to `base`, escaping `~` and `/` as RFC 6901 says.
pub(crate) fn pointer(base: &str, segment: &str) -> String {
    let mut out = String::with_capacity(base.len() + segment.len() + 1);
    out.push_str(base);
    out.push('/');
    // Runs without `~` or `/` (field names: all of them) are copied whole.
    let mut rest = segment;
    while let Some(at) = rest.bytes().position(|b| b == b'~' || b == b'/') {
        out.push_str(&rest[..at]);
        out.push_str(if rest.as_bytes()[at] == b'~' {
            "~0"
        } else {
            "~1"
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        assert_eq!(pointer("", "a/b~c"), "/a~1b~0c");
        assert_eq!(pointer("/controller", "address"), "/controller/address");
        assert_eq!(pointer("", "~~//é~"), "/~0~0~1~1é~0");
        assert_eq!(pointer("", ""), "/");
    }

    #[test]
    fn valid_report_has_no_dwolla_body() {
        assert!(Report::ok().to_dwolla_error().is_none());
    }

    #[test]
    fn dwolla_body_has_exact_shape() {
        let mut r = Report::ok();
        r.push(Issue::from_msg(
            Code::Required,
            crate::messages::Msg::Required,
            "First name",
            "/firstName".into(),
            "required",
        ));
        let body = r.to_dwolla_error().unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "code": "ValidationError",
                "message": DWOLLA_VALIDATION_MESSAGE,
                "_embedded": {"errors": [{"code": "Required", "message": "First name is required.", "path": "/firstName", "_links": {}}]}
            })
        );
    }
}
