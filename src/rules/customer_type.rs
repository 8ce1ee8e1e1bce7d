//! `customer_type`: the payload's `type` is one Dwolla knows.
//!
//! `type` picks the payload shape: `personal`, `business`, `receive-only` or
//! `unverified`. Dwolla lets an unverified Customer leave `type` out, so a payload
//! without one is read as unverified, unless it carries fields only a verified
//! Customer has (`address1`, `dateOfBirth`, `ssn`, ...): then `type` is `Required`,
//! with a message that asks for `personal` or `business`. An unknown `type` is
//! `NotAllowed`, and nothing else is checked, since the shape is unknown.
//!
//! ```
//! use dwolla_validator::{validate, Options};
//! use serde_json::json;
//! let opts = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
//! let r = validate(&json!({"type": "persnal"}), &opts);
//! assert_eq!(r.errors[0].path, "/type");
//! assert_eq!(r.errors[0].code.as_str(), "NotAllowed");
//! ```

use super::RuleInfo;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "customer_type",
    codes: &[Code::Required, Code::NotAllowed, Code::InvalidFormat],
    summary: "type is personal, business, receive-only or unverified; required when verified-only fields are present.",
};

/// Every `type` Dwolla knows.
pub const KNOWN_TYPES: &[&str] = &["personal", "business", "receive-only", "unverified"];
