//! Business verified Customers, their controllers and beneficial owners.
//!
//! `businessType` picks the shape:
//!
//! * `soleProprietorship`: the account admin also gives `dateOfBirth` and `ssn`;
//!   there is no controller and `ein` is optional.
//! * `llc`, `corporation`, `partnership`: `ein` is required and so is a
//!   `controller` on create (a retry may leave the controller out, Dwolla's "retry
//!   without controller"; a controller that is there needs the full SSN on retry).
//!
//! | field | required | rules |
//! |---|---|---|
//! | firstName, lastName, email, ipAddress | as personal | the account admin |
//! | dateOfBirth, ssn | sole proprietor | as personal |
//! | address1, address2, city, state, postalCode | as personal | the business address |
//! | phone, correlationId | no | as personal |
//! | businessName | yes | 1–255, no forbidden or invisible characters |
//! | doingBusinessAs | no | as businessName |
//! | businessType | yes | `soleProprietorship`, `llc`, `corporation`, `partnership` |
//! | businessClassification | yes | a UUID |
//! | ein | except sole proprietors | 9 digits |
//! | website | no | an http(s) URL |
//! | controller | llc, corporation, partnership (create) | see [`CONTROLLER`] |
//!
//! A controller (and a beneficial owner) with a US address gives an `ssn`; one with
//! an address outside the US gives a `passport` instead. Its address has a
//! `country`: for `US` the `stateProvinceRegion` is a state code and the
//! `postalCode` a required ZIP; elsewhere the region is two uppercase letters or
//! digits and the postal code optional.

use super::common::*;
use super::{Field, Kind, Presence, Shape, When};
use crate::hints::{address_zip_state, customer_zip_state, SsnNeverIssued};
use crate::messages::Msg;
use crate::rules::{
    country::{Country, IntlPostalCode, Region},
    ein::Ein,
    forbidden_characters::ForbiddenCharacters,
    invisible_characters::InvisibleCharacters,
    length::Length,
    no_digits::NoDigits,
    one_of::OneOf,
    postal_code::PostalCode,
    ssn::Ssn,
    state::State,
    unassigned_characters::UnassignedCharacters,
    uuid::Uuid,
    website::Website,
    Rule,
};

/// Every `businessType` Dwolla knows.
pub const BUSINESS_TYPES: &[&str] = &["soleProprietorship", "llc", "corporation", "partnership"];

const US_REGION: &[&dyn Rule] = &[&State];
const OTHER_REGION: &[&dyn Rule] = &[&Region];
const OTHER_POSTAL: &[&dyn Rule] = &[&IntlPostalCode];

const REGION: Kind = Kind::ByCountry {
    us: US_REGION,
    elsewhere: OTHER_REGION,
};
const CONTROLLER_POSTAL: Kind = Kind::ByCountry {
    us: &[&PostalCode::ZIP_OR_ZIP4],
    elsewhere: OTHER_POSTAL,
};
const OWNER_POSTAL: Kind = Kind::ByCountry {
    us: &[&PostalCode::ZIP5],
    elsewhere: OTHER_POSTAL,
};

const STREET_FIELDS: [Field; 4] = [
    ADDRESS1,
    ADDRESS2,
    text(
        "address3",
        "Address line 3",
        Presence::Optional,
        STREET_OPTIONAL,
    ),
    CITY_FIELD,
];

/// The fields of an address that may be outside the US; only the postal code's
/// rules differ between a controller's and a beneficial owner's.
const fn address_fields(postal: Kind) -> [Field; 7] {
    [
        STREET_FIELDS[0],
        STREET_FIELDS[1],
        STREET_FIELDS[2],
        STREET_FIELDS[3],
        Field::new(
            "stateProvinceRegion",
            "State, province or region",
            Presence::Required,
            REGION,
            Msg::Required,
        ),
        Field::new(
            "postalCode",
            "Postal code",
            Presence::RequiredWhen(When::AddressInUs),
            postal,
            Msg::Required,
        ),
        text("country", "Country", Presence::Required, &[&Country]),
    ]
}

const CONTROLLER_ADDRESS_FIELDS: [Field; 7] = address_fields(CONTROLLER_POSTAL);
const OWNER_ADDRESS_FIELDS: [Field; 7] = address_fields(OWNER_POSTAL);

/// A controller's address, US or international.
pub static CONTROLLER_ADDRESS: Shape = Shape {
    name: "controller-address",
    fields: &CONTROLLER_ADDRESS_FIELDS,
    hints: &[address_zip_state],
};

/// A beneficial owner's address: as a controller's, but a US postal code is the
/// 5-digit ZIP.
pub static OWNER_ADDRESS: Shape = Shape {
    name: "beneficial-owner-address",
    fields: &OWNER_ADDRESS_FIELDS,
    hints: &[address_zip_state],
};

/// A passport: its number and issuing country.
pub static PASSPORT: Shape = Shape {
    name: "passport",
    fields: &[
        text(
            "number",
            "Passport number",
            Presence::Required,
            &[
                &Length { min: 1, max: 255 },
                &ForbiddenCharacters,
                &InvisibleCharacters,
            ],
        ),
        text(
            "country",
            "Passport country",
            Presence::Required,
            &[&Country],
        ),
    ],
    hints: &[],
};

/// A person's address and identity document: an SSN when the address is in the US,
/// a passport when it is not. Only the address shape and the SSN rule differ
/// between a controller and a beneficial owner.
const fn identity_fields(address: &'static Shape, ssn: &'static [&'static dyn Rule]) -> [Field; 3] {
    [
        Field::new(
            "address",
            "Address",
            Presence::Required,
            Kind::Object(address),
            Msg::Required,
        ),
        Field::new(
            "ssn",
            "SSN",
            Presence::RequiredWhen(When::PersonInUs),
            Kind::Text(ssn),
            Msg::SsnRequiredInUs,
        )
        .with_hints(&[&SsnNeverIssued]),
        Field::new(
            "passport",
            "Passport",
            Presence::RequiredWhen(When::PersonOutsideUs),
            Kind::Object(&PASSPORT),
            Msg::PassportRequiredOutsideUs,
        ),
    ]
}

const CONTROLLER_IDENTITY: [Field; 3] =
    identity_fields(&CONTROLLER_ADDRESS, &[&Ssn::LAST_FOUR_OR_FULL]);
const OWNER_IDENTITY: [Field; 3] = identity_fields(&OWNER_ADDRESS, &[&Ssn::FULL]);

/// A controller's title: 1–100 characters, no digits.
const TITLE: &[&dyn Rule] = &[
    &Length { min: 1, max: 100 },
    &ForbiddenCharacters,
    &InvisibleCharacters,
    &NoDigits,
];

/// The controller of an llc, corporation or partnership.
pub static CONTROLLER: Shape = Shape {
    name: "controller",
    fields: &[
        FIRST_NAME,
        LAST_NAME,
        text("title", "Title", Presence::Required, TITLE),
        DATE_OF_BIRTH_FIELD,
        CONTROLLER_IDENTITY[0],
        CONTROLLER_IDENTITY[1],
        CONTROLLER_IDENTITY[2],
    ],
    hints: &[],
};

/// A beneficial owner's name: as a person's name, and no digits.
const OWNER_NAME: &[&dyn Rule] = &[
    &Length { min: 1, max: 50 },
    &ForbiddenCharacters,
    &InvisibleCharacters,
    &UnassignedCharacters,
    &NoDigits,
];

/// A beneficial owner (`POST /customers/{id}/beneficial-owners`).
pub static BENEFICIAL_OWNER: Shape = Shape {
    name: "beneficial-owner",
    fields: &[
        text("firstName", "First name", Presence::Required, OWNER_NAME),
        text("lastName", "Last name", Presence::Required, OWNER_NAME),
        DATE_OF_BIRTH_FIELD,
        OWNER_IDENTITY[0],
        OWNER_IDENTITY[1],
        OWNER_IDENTITY[2],
    ],
    hints: &[],
};

const TYPE_BUSINESS: Field = type_field(
    Presence::Required,
    &[&OneOf {
        allowed: &["business"],
    }],
);
const BUSINESS_NAME_FIELD: Field = text(
    "businessName",
    "Business name",
    Presence::Required,
    BUSINESS_NAME,
);
const DBA: Field = text(
    "doingBusinessAs",
    "Doing business as",
    Presence::Optional,
    BUSINESS_NAME,
);
const CLASSIFICATION: Field = text(
    "businessClassification",
    "Business classification",
    Presence::Required,
    &[&Uuid],
);
const WEBSITE: Field = text("website", "Website", Presence::Optional, &[&Website]);
const CONTROLLER_FIELD: Field = Field::new(
    "controller",
    "Controller",
    Presence::RequiredOnCreate,
    Kind::Object(&CONTROLLER),
    Msg::Required,
);

/// An llc, corporation or partnership, with its controller.
pub static BUSINESS: Shape = Shape {
    name: "business",
    fields: &[
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
        IP_ADDRESS,
        TYPE_BUSINESS,
        ADDRESS1,
        ADDRESS2,
        CITY_FIELD,
        STATE,
        POSTAL_CODE,
        PHONE,
        CORRELATION_ID,
        BUSINESS_NAME_FIELD,
        DBA,
        text(
            "businessType",
            "Business type",
            Presence::Required,
            &[&OneOf {
                allowed: &["llc", "corporation", "partnership"],
            }],
        ),
        CLASSIFICATION,
        text("ein", "EIN", Presence::Required, &[&Ein]),
        WEBSITE,
        CONTROLLER_FIELD,
    ],
    hints: &[customer_zip_state],
};

/// A sole proprietorship: the admin gives a date of birth and SSN; no controller.
pub static BUSINESS_SOLE_PROPRIETORSHIP: Shape = Shape {
    name: "business-sole-proprietorship",
    fields: &[
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
        IP_ADDRESS,
        TYPE_BUSINESS,
        DATE_OF_BIRTH_FIELD,
        SSN,
        ADDRESS1,
        ADDRESS2,
        CITY_FIELD,
        STATE,
        POSTAL_CODE,
        PHONE,
        CORRELATION_ID,
        BUSINESS_NAME_FIELD,
        DBA,
        text(
            "businessType",
            "Business type",
            Presence::Required,
            &[&OneOf {
                allowed: &["soleProprietorship"],
            }],
        ),
        CLASSIFICATION,
        text("ein", "EIN", Presence::Optional, &[&Ein]),
        WEBSITE,
    ],
    hints: &[customer_zip_state],
};

/// A business whose `businessType` is missing or unknown: that field's error is
/// reported, and every other business field is checked as far as it can be
/// without knowing which kind of business it is.
static BUSINESS_UNKNOWN_TYPE: Shape = Shape {
    name: "business-unknown-type",
    fields: &[
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
        IP_ADDRESS,
        TYPE_BUSINESS,
        text(
            "dateOfBirth",
            "Date of birth",
            Presence::Optional,
            DATE_OF_BIRTH,
        ),
        text("ssn", "SSN", Presence::Optional, &[&Ssn::LAST_FOUR_OR_FULL])
            .with_hints(&[&SsnNeverIssued]),
        ADDRESS1,
        ADDRESS2,
        CITY_FIELD,
        STATE,
        POSTAL_CODE,
        PHONE,
        CORRELATION_ID,
        BUSINESS_NAME_FIELD,
        DBA,
        text(
            "businessType",
            "Business type",
            Presence::Required,
            &[&OneOf {
                allowed: BUSINESS_TYPES,
            }],
        ),
        CLASSIFICATION,
        text("ein", "EIN", Presence::Optional, &[&Ein]),
        WEBSITE,
        Field::new(
            "controller",
            "Controller",
            Presence::Optional,
            Kind::Object(&CONTROLLER),
            Msg::Required,
        ),
    ],
    hints: &[customer_zip_state],
};

/// The business shape for a payload's `businessType` value.
pub fn for_business_type(business_type: Option<&str>) -> &'static Shape {
    match business_type {
        Some("soleProprietorship") => &BUSINESS_SOLE_PROPRIETORSHIP,
        Some("llc" | "corporation" | "partnership") => &BUSINESS,
        _ => &BUSINESS_UNKNOWN_TYPE,
    }
}
