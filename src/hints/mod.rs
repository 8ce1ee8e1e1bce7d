//! Quality hints: data that is well-formed but likely wrong.
//!
//! Dwolla accepts every payload that passes [`crate::rules`], but some of them still
//! describe no real person: a New York ZIP with a California state, an address at
//! `gmial.com`, an SSN the SSA never issues, a phone number no one can dial. The
//! Customer is created, identity verification fails, and the Customer lands in
//! `retry` (one more try with the full SSN, then documents or suspension). These
//! hints catch such data before it is sent, as warnings that never change `valid`.
//!
//! Each hint is a pure function on `&str` that allocates nothing and only speaks when
//! it is sure; malformed input is left to the rules, which report it as an error.
//!
//! | module | function | flags |
//! |---|---|---|
//! | [`zip_state`] | [`zip_state::mismatch`] | a ZIP whose 3-digit prefix belongs to another state |
//! | [`email_domain`] | [`email_domain::suggest`] | a near miss of a popular mailbox domain (`gmial.com`) |
//! | [`ssn_issued`] | [`ssn_issued::never_issued`] | area 000, 666, 9xx; group 00; serial 0000 |
//! | [`phone_nanp`] | [`phone_nanp::not_diallable`] | area code or exchange starting 0/1, N11 or N9X area code, 555-0100–0199 |
//!
//! ```
//! use dwolla_validator::hints;
//! assert!(hints::zip_state::mismatch("10001", "CA"));
//! assert_eq!(hints::email_domain::suggest("gmial.com"), Some("gmail.com"));
//! assert!(hints::ssn_issued::never_issued("666123456"));
//! assert!(hints::phone_nanp::not_diallable("2125550150"));
//! ```

pub mod email_domain;
pub mod phone_nanp;
pub mod ssn_issued;
pub mod zip_state;

use crate::keys::{key, Key};
use crate::messages::Msg;
use crate::payload::JsonObject;
use crate::report::{pointer, Code, Issue, Report};
use crate::rules::RuleInfo;

/// The hints, for the table of every rule. Their codes are ours, not Dwolla's:
/// warnings never enter Dwolla's error body.
pub static HINT_RULES: &[RuleInfo] = &[
    RuleInfo { id: "zip_state_mismatch", codes: &[Code::Mismatch], summary: "The ZIP's 3-digit prefix belongs to another state or territory (warning at postalCode)." },
    RuleInfo { id: "email_domain_typo", codes: &[Code::LikelyTypo], summary: "The e-mail domain is a near miss of a popular mailbox domain (gmial.com)." },
    RuleInfo { id: "ssn_never_issued", codes: &[Code::NeverIssued], summary: "The SSN has an area, group or serial the SSA never issues (000, 666, 9xx; 00; 0000)." },
    RuleInfo { id: "phone_not_diallable", codes: &[Code::NotDiallable], summary: "The phone number cannot be dialled in the NANP (0/1 starts, N11, N9X, 555-01xx)." },
];

/// A warning a hint gives about one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Warn {
    /// One of the warning codes.
    pub code: Code,
    /// What to say.
    pub msg: Msg,
}

/// A hint on one field's value, run only once the value has passed its rules.
pub trait Hint: Sync {
    /// The hint's stable snake_case id.
    fn id(&self) -> &'static str;
    /// A warning about `value`, if it is likely wrong.
    fn check(&self, value: &str) -> Option<Warn>;
}

/// `email`: a near miss of a popular mailbox domain.
#[derive(Debug, Clone, Copy)]
pub struct EmailDomainTypo;

impl Hint for EmailDomainTypo {
    fn id(&self) -> &'static str {
        "email_domain_typo"
    }
    fn check(&self, value: &str) -> Option<Warn> {
        let domain = crate::rules::email::domain_of(value)?;
        let suggestion = email_domain::suggest(domain)?;
        Some(Warn {
            code: Code::LikelyTypo,
            msg: Msg::EmailTypo { suggestion },
        })
    }
}

/// `ssn`: never issued by the SSA.
#[derive(Debug, Clone, Copy)]
pub struct SsnNeverIssued;

impl Hint for SsnNeverIssued {
    fn id(&self) -> &'static str {
        "ssn_never_issued"
    }
    fn check(&self, value: &str) -> Option<Warn> {
        ssn_issued::never_issued(value).then_some(Warn {
            code: Code::NeverIssued,
            msg: Msg::SsnNeverIssued,
        })
    }
}

/// `phone`: not diallable in the NANP.
#[derive(Debug, Clone, Copy)]
pub struct PhoneNotDiallable;

impl Hint for PhoneNotDiallable {
    fn id(&self) -> &'static str {
        "phone_not_diallable"
    }
    fn check(&self, value: &str) -> Option<Warn> {
        phone_nanp::not_diallable(value).then_some(Warn {
            code: Code::NotDiallable,
            msg: Msg::PhoneNotDiallable,
        })
    }
}

/// A hint across the fields of one object, run after its fields were checked.
pub type ObjectHint = fn(obj: &dyn JsonObject, base: &str, report: &mut Report);

fn zip_state(obj: &dyn JsonObject, base: &str, state_key: Key<'_>, report: &mut Report) {
    let (Some(zip), Some(state)) = (obj.text(key!("postalCode")), obj.text(state_key)) else {
        return;
    };
    // Only well-formed values are compared; a field with an error has said enough.
    let has_error = |key: &str| {
        report.errors.iter().any(|e| {
            e.path.len() == base.len() + 1 + key.len()
                && e.path.starts_with(base)
                && e.path[base.len()..].strip_prefix('/') == Some(key)
        })
    };
    if !zip_state::mismatch(zip, state) || has_error("postalCode") || has_error(state_key.name()) {
        return;
    }
    let states = zip_state::prefix_states(zip).unwrap_or(&[]);
    let path = pointer(base, "postalCode");
    report.warn(Issue::from_msg(
        Code::Mismatch,
        Msg::ZipStateMismatch { states },
        "Postal code",
        path,
        "zip_state_mismatch",
    ));
}

/// `postalCode` vs `state` of a Customer (personal, or a business address).
pub fn customer_zip_state(obj: &dyn JsonObject, base: &str, report: &mut Report) {
    zip_state(obj, base, key!("state"), report);
}

/// `postalCode` vs `stateProvinceRegion` of a controller's or owner's US address.
pub fn address_zip_state(obj: &dyn JsonObject, base: &str, report: &mut Report) {
    let in_us = obj.text(key!("country")) == Some("US");
    if in_us {
        zip_state(obj, base, key!("stateProvinceRegion"), report);
    }
}
