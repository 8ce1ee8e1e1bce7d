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
