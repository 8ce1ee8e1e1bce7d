//! The personal verified Customer (`"type": "personal"`).
//!
//! | field | required | rules |
//! |---|---|---|
//! | firstName, lastName | yes | 1–50 characters, no forbidden or invisible characters |
//! | email | yes | e-mail address |
//! | ipAddress | no | IPv4 or IPv6 |
//! | type | yes | `personal` |
//! | address1 | yes | 1–50, not a PO box, no forbidden or invisible characters |
//! | address2 | no | up to 50, as address1 |
//! | city | yes | 1–50, no forbidden or invisible characters, no digits |
//! | state | yes | a state code Dwolla accepts |
//! | postalCode | yes | ZIP or ZIP+4 |
//! | dateOfBirth | yes | `YYYY-MM-DD`, 18 to 125 years old |
//! | ssn | yes | 4 or 9 digits; 9 on retry |
//! | phone | no | 10 digits |
//! | correlationId | no | 1–255 of `A-Z a-z 0-9 - . _` |

use super::common::*;
use super::{Presence, Shape};
use crate::hints::customer_zip_state;
use crate::rules::one_of::OneOf;

/// The personal verified Customer.
pub static PERSONAL: Shape = Shape {
    name: "personal",
    fields: &[
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
        IP_ADDRESS,
        type_field(
            Presence::Required,
            &[&OneOf {
                allowed: &["personal"],
            }],
        ),
        ADDRESS1,
        ADDRESS2,
        CITY_FIELD,
        STATE,
        POSTAL_CODE,
        DATE_OF_BIRTH_FIELD,
        SSN,
        PHONE,
        CORRELATION_ID,
    ],
    hints: &[customer_zip_state],
};
