//! Receive-only and unverified Customers (`"type": "receive-only"` or
//! `"unverified"`, or no `type` at all).
//!
//! | field | required | rules |
//! |---|---|---|
//! | firstName, lastName | yes | 1–50 characters, no forbidden or invisible characters |
//! | email | yes | e-mail address |
//! | type | no | `receive-only` or `unverified` |
//! | businessName | no | 1–255, no forbidden or invisible characters |
//! | ipAddress | no | IPv4 or IPv6 |
//! | phone | no | 10 digits |
//! | correlationId | no | 1–255 of `A-Z a-z 0-9 - . _` |

use super::common::*;
use super::{Presence, Shape};
use crate::rules::one_of::OneOf;

/// The receive-only and unverified Customer.
pub static UNVERIFIED: Shape = Shape {
    name: "unverified",
    fields: &[
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
        type_field(
            Presence::Optional,
            &[&OneOf {
                allowed: &["receive-only", "unverified"],
            }],
        ),
        BUSINESS_NAME_OPTIONAL,
        IP_ADDRESS,
        PHONE,
        CORRELATION_ID,
    ],
    hints: &[],
};
