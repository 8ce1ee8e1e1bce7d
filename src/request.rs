//! Typed request structs, for servers that build payloads in Rust.
//!
//! They serialize to exactly the JSON Dwolla expects (camelCase keys, optional
//! fields left out when `None`), so [`crate::validate_request`] checks what would
//! be sent. Their `Debug` output hides the SSN and the date of birth.
//!
//! ```
//! use dwolla_validator::{request::PersonalCustomer, validate_request, Options};
//! let jane = PersonalCustomer {
//!     first_name: "Jane".into(),
//!     last_name: "Doe".into(),
//!     email: "jane@example.com".into(),
//!     address1: "99-99 33rd St".into(),
//!     city: "Some City".into(),
//!     state: "NY".into(),
//!     postal_code: "11101".into(),
//!     date_of_birth: "1970-01-01".into(),
//!     ssn: "1234".into(),
//!     ..Default::default()
//! };
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! assert!(validate_request(&jane, &Options::new(today)).valid);
//! assert!(!format!("{jane:?}").contains("1970"));
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

/// A personal verified Customer (`type` is always `personal`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonalCustomer {
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// E-mail address.
    pub email: String,
    /// The Customer's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// Always `"personal"`.
    #[serde(rename = "type", default = "personal")]
    pub customer_type: String,
    /// Street line 1.
    pub address1: String,
    /// Street line 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    /// City.
    pub city: String,
    /// Two-letter state code.
    pub state: String,
    /// ZIP or ZIP+4.
    pub postal_code: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    /// Last 4 or all 9 digits.
    pub ssn: String,
    /// 10 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Your own id for the Customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
}

fn personal() -> String {
    "personal".to_string()
}

impl Default for PersonalCustomer {
    fn default() -> Self {
        PersonalCustomer {
            first_name: String::new(),
            last_name: String::new(),
            email: String::new(),
            ip_address: None,
            customer_type: personal(),
            address1: String::new(),
            address2: None,
            city: String::new(),
            state: String::new(),
            postal_code: String::new(),
            date_of_birth: String::new(),
            ssn: String::new(),
            phone: None,
            correlation_id: None,
        }
    }
}

impl fmt::Debug for PersonalCustomer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersonalCustomer")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("email", &self.email)
            .field("city", &self.city)
            .field("state", &self.state)
            .field("date_of_birth", &"<redacted>")
            .field("ssn", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// A receive-only or unverified Customer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnverifiedCustomer {
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// E-mail address.
    pub email: String,
    /// `"receive-only"`, `"unverified"`, or `None` (unverified).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub customer_type: Option<String>,
    /// Business name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// The Customer's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// 10 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Your own id for the Customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
}
