//! Verification statuses as data: what each means, what the Customer may do, and
//! what comes next; the webhook events that announce them; the reasons a document
//! fails, for display.
//!
//! ```
//! use dwolla_validator::statuses::{status_info, status_for_event, Receive};
//! let retry = status_info("retry").unwrap();
//! assert!(!retry.can_send);
//! assert_eq!(retry.can_receive, Receive::HeldPending);
//! assert_eq!(status_for_event("customer_reverification_needed"), Some("retry"));
//! ```

use serde::Serialize;

/// Whether a Customer in a status can receive funds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Receive {
    /// Yes.
    Yes,
    /// Yes, but funds are held pending until the Customer is verified.
    HeldPending,
    /// No.
    No,
}

/// One verification status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusInfo {
    /// The status as Dwolla names it.
    pub status: &'static str,
    /// The webhook event that announces it.
    pub event: &'static str,
    /// May the Customer send funds?
    pub can_send: bool,
    /// May the Customer receive funds?
    pub can_receive: Receive,
    /// May the Customer add and verify a bank?
    pub can_add_bank: bool,
    /// What happens next, for display.
    pub next_step: &'static str,
    /// Which Customers can be in it.
    pub applies_to: &'static str,
}

/// The statuses of a verified Customer (RULES.md's table). `kba` applies to
/// personal Customers only; its capabilities are taken to be those of `retry`.
pub static STATUSES: &[StatusInfo] = &[
    StatusInfo { status: "verified", event: "customer_verified", can_send: true, can_receive: Receive::Yes, can_add_bank: true, next_step: "None: the Customer is verified.", applies_to: "personal, business" },
    StatusInfo { status: "retry", event: "customer_reverification_needed", can_send: false, can_receive: Receive::HeldPending, can_add_bank: true, next_step: "One retry with corrected details and the full 9-digit SSN; if that fails, the status becomes document, kba or suspended.", applies_to: "personal, business" },
    StatusInfo { status: "kba", event: "customer_kba_verification_needed", can_send: false, can_receive: Receive::HeldPending, can_add_bank: true, next_step: "One KBA session: answer 4 questions; 3 right answers pass.", applies_to: "personal" },
    StatusInfo { status: "document", event: "customer_verification_document_needed", can_send: false, can_receive: Receive::HeldPending, can_add_bank: true, next_step: "Upload a colour photo or scan of an identifying document for review.", applies_to: "personal, business" },
    StatusInfo { status: "suspended", event: "customer_suspended", can_send: false, can_receive: Receive::No, can_add_bank: false, next_step: "Contact Dwolla support.", applies_to: "personal, business" },
    StatusInfo { status: "deactivated", event: "customer_deactivated", can_send: false, can_receive: Receive::No, can_add_bank: false, next_step: "Reactivate the Customer (event customer_activated).", applies_to: "personal, business, receive-only, unverified" },
];

/// The status of every receive-only and unverified Customer: they are not
/// identity-verified, so none of the verified statuses above applies to them.
pub const UNVERIFIED_STATUS: &str = "unverified";

/// A beneficial owner's own statuses.
pub static BENEFICIAL_OWNER_STATUSES: &[(&str, &str)] = &[
    ("verified", "The beneficial owner is verified."),
    (
        "document",
        "Upload an identifying document for the beneficial owner.",
    ),
    (
        "incomplete",
        "The beneficial owner's details could not be verified; correct and retry them.",
    ),
];

/// Webhook events and the status they move a Customer to (`None`: the status
/// does not change, or depends on what came before).
pub static EVENTS: &[(&str, Option<&str>)] = &[
    ("customer_created", None),
    ("customer_verified", Some("verified")),
    ("customer_reverification_needed", Some("retry")),
    ("customer_kba_verification_needed", Some("kba")),
    ("customer_kba_verification_passed", Some("verified")),
    ("customer_kba_verification_failed", Some("document")),
    ("customer_verification_document_needed", Some("document")),
    ("customer_verification_document_uploaded", None),
    ("customer_verification_document_approved", None),
    ("customer_verification_document_failed", Some("document")),
    ("customer_suspended", Some("suspended")),
    ("customer_deactivated", Some("deactivated")),
    ("customer_activated", None),
];

/// Why Dwolla rejected a document, with its description for display.
pub static DOCUMENT_FAILURE_REASONS: &[(&str, &str)] = &[
    (
        "ForeignPassportNotAllowed",
        "The passport's country of origin was not the United States of America",
    ),
    (
        "ScanNotReadable",
        "Image blurry, too dark, or obscured by glare",
    ),
    ("ScanNotUploaded", "Scan not uploaded"),
    ("ScanIdExpired", "ID is expired"),
    (
        "ScanIdTypeNotSupported",
        "ID may be a military ID, firearm license, or other unsupported ID type",
    ),
    ("ScanIdUnrecognized", "ID is not recognized"),
    ("ScanNameMismatch", "Name mismatch"),
    ("ScanDobMismatch", "Date of birth mismatch"),
    (
        "ScanFailedOther",
        "ID may be fraudulent or a generic example ID image",
    ),
    (
        "BusinessDocNotSupported",
        "The document is not a type accepted for verifying a business",
    ),
    (
        "BusinessNameMismatch",
        "The business name on the document does not match the Customer's",
    ),
    (
        "BusinessTypeMismatch",
        "The business type on the document does not match the Customer's",
    ),
];

/// The status named `status`.
pub fn status_info(status: &str) -> Option<&'static StatusInfo> {
    STATUSES.iter().find(|s| s.status == status)
}

/// The status a webhook event moves a Customer to, if it decides one.
pub fn status_for_event(event: &str) -> Option<&'static str> {
    EVENTS
        .iter()
        .find(|(e, _)| *e == event)
        .and_then(|(_, s)| *s)
}

/// The description of a document failure reason.
pub fn failure_reason(reason: &str) -> Option<&'static str> {
    DOCUMENT_FAILURE_REASONS
        .iter()
        .find(|(r, _)| *r == reason)
        .map(|(_, d)| *d)
}

/// Everything above as one JSON value (for the CLI and the wasm package).
pub fn all_json() -> serde_json::Value {
    serde_json::json!({
        "statuses": STATUSES,
        "unverifiedStatus": UNVERIFIED_STATUS,
        "beneficialOwnerStatuses": BENEFICIAL_OWNER_STATUSES.iter().map(|(s, d)| serde_json::json!({"status": s, "nextStep": d})).collect::<Vec<_>>(),
        "events": EVENTS.iter().map(|(e, s)| serde_json::json!({"event": e, "status": s})).collect::<Vec<_>>(),
        "documentFailureReasons": DOCUMENT_FAILURE_REASONS.iter().map(|(r, d)| serde_json::json!({"reason": r, "description": d})).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_event_and_the_event_maps_back() {
        for s in STATUSES {
            assert_eq!(status_for_event(s.event), Some(s.status), "{}", s.status);
            assert!(!s.next_step.is_empty());
        }
    }

    #[test]
    fn capabilities_follow_rules_md() {
        let v = status_info("verified").unwrap();
        assert!(v.can_send && v.can_add_bank && v.can_receive == Receive::Yes);
        for held in ["retry", "kba", "document"] {
            let s = status_info(held).unwrap();
            assert!(
                !s.can_send && s.can_add_bank && s.can_receive == Receive::HeldPending,
                "{held}"
            );
        }
        for off in ["suspended", "deactivated"] {
            let s = status_info(off).unwrap();
            assert!(
                !s.can_send && !s.can_add_bank && s.can_receive == Receive::No,
                "{off}"
            );
        }
        assert_eq!(status_info("kba").unwrap().applies_to, "personal");
    }

    #[test]
    fn twelve_failure_reasons() {
        assert_eq!(DOCUMENT_FAILURE_REASONS.len(), 12);
        assert_eq!(failure_reason("ScanIdExpired"), Some("ID is expired"));
    }
}
