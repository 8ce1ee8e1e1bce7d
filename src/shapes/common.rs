//! Field definitions shared by several shapes, so a rule for a field is written once.

use super::{Field, Kind, Presence};
use crate::hints::{EmailDomainTypo, PhoneNotDiallable, SsnNeverIssued};
use crate::messages::Msg;
use crate::rules::age_range::AgeRange;
use crate::rules::{
    correlation_id::CorrelationId, date_of_birth::DateFormat, email::Email,
    forbidden_characters::ForbiddenCharacters, invisible_characters::InvisibleCharacters,
    ip_address::IpAddress, length::Length, no_digits::NoDigits, phone::Phone, po_box::PoBox,
    postal_code::PostalCode, ssn::Ssn, state::State, unassigned_characters::UnassignedCharacters,
    Rule,
};

/// A person's name: 1–50 characters, no forbidden, invisible or unassigned characters.
pub const NAME: &[&dyn Rule] = &[
    &Length { min: 1, max: 50 },
    &ForbiddenCharacters,
    &InvisibleCharacters,
    &UnassignedCharacters,
];
/// A required street line: 1–50 characters, not a PO box, no forbidden, invisible or
/// unassigned characters.
pub const STREET: &[&dyn Rule] = &[
    &Length { min: 1, max: 50 },
    &PoBox,
    &ForbiddenCharacters,
    &InvisibleCharacters,
    &UnassignedCharacters,
];
/// An optional street line: up to 50 characters, otherwise as [`STREET`].
pub const STREET_OPTIONAL: &[&dyn Rule] = &[
    &Length { min: 0, max: 50 },
    &PoBox,
    &ForbiddenCharacters,
    &InvisibleCharacters,
    &UnassignedCharacters,
];
/// A city: 1–50 characters, no forbidden or invisible characters, no digits.
pub const CITY: &[&dyn Rule] = &[
    &Length { min: 1, max: 50 },
    &ForbiddenCharacters,
    &InvisibleCharacters,
    &NoDigits,
];
/// A date of birth: a real `YYYY-MM-DD` date, age 18 to 125.
pub const DATE_OF_BIRTH: &[&dyn Rule] = &[&DateFormat, &AgeRange];
/// A business name: 1–255 characters, no forbidden or invisible characters.
pub const BUSINESS_NAME: &[&dyn Rule] = &[
    &Length { min: 1, max: 255 },
    &ForbiddenCharacters,
    &InvisibleCharacters,
];

/// A text field with the usual "is required" message.
pub const fn text(
    name: &'static str,
    label: &'static str,
    presence: Presence,
    rules: &'static [&'static dyn Rule],
) -> Field {
    Field::new(name, label, presence, Kind::Text(rules), Msg::Required)
}

pub const FIRST_NAME: Field = text("firstName", "First name", Presence::Required, NAME);
pub const LAST_NAME: Field = text("lastName", "Last name", Presence::Required, NAME);
pub const EMAIL: Field =
    text("email", "Email", Presence::Required, &[&Email]).with_hints(&[&EmailDomainTypo]);
pub const IP_ADDRESS: Field = text("ipAddress", "IP address", Presence::Optional, &[&IpAddress]);
pub const ADDRESS1: Field = text("address1", "Address line 1", Presence::Required, STREET);
pub const ADDRESS2: Field = text(
    "address2",
    "Address line 2",
    Presence::Optional,
    STREET_OPTIONAL,
);
pub const CITY_FIELD: Field = text("city", "City", Presence::Required, CITY);
pub const STATE: Field = text("state", "State", Presence::Required, &[&State]);
pub const POSTAL_CODE: Field = text(
    "postalCode",
    "Postal code",
    Presence::Required,
    &[&PostalCode::ZIP_OR_ZIP4],
);
pub const DATE_OF_BIRTH_FIELD: Field = text(
    "dateOfBirth",
    "Date of birth",
    Presence::Required,
    DATE_OF_BIRTH,
);
pub const SSN: Field = text("ssn", "SSN", Presence::Required, &[&Ssn::LAST_FOUR_OR_FULL])
    .with_hints(&[&SsnNeverIssued]);
pub const PHONE: Field =
    text("phone", "Phone", Presence::Optional, &[&Phone]).with_hints(&[&PhoneNotDiallable]);
pub const CORRELATION_ID: Field = text(
    "correlationId",
    "Correlation ID",
    Presence::Optional,
    &[&Length { min: 1, max: 255 }, &CorrelationId],
);
pub const BUSINESS_NAME_OPTIONAL: Field = text(
    "businessName",
    "Business name",
    Presence::Optional,
    BUSINESS_NAME,
);

/// A `type` field accepting `allowed`.
pub const fn type_field(presence: Presence, allowed: &'static [&'static dyn Rule]) -> Field {
    text("type", "Type", presence, allowed)
}
