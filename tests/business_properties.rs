//! Properties of the business, document and status rules.

use dwolla_validator::documents::{validate_document, DocumentFor, FileFacts, SIGNATURE_BYTES};
use dwolla_validator::statuses::{status_for_event, STATUSES};
use dwolla_validator::{validate, Operation, Options};
use proptest::prelude::*;
use serde_json::{json, Value};

fn opts() -> Options {
    Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
}

fn llc(controller: Value) -> Value {
    json!({"firstName": "Account", "lastName": "Admin", "email": "admin@example.com", "type": "business",
           "address1": "99-99 33rd St", "city": "Some City", "state": "NY", "postalCode": "11101",
           "businessClassification": "9ed3f670-7d6f-11e3-b1ce-5404a6144203", "businessType": "llc",
           "businessName": "Jane Corp", "ein": "123456789", "controller": controller})
}

fn controller(country: &str, ssn: Option<&str>, passport: bool) -> Value {
    let mut c = json!({"firstName": "John", "lastName": "Controller", "title": "CEO", "dateOfBirth": "1980-01-31",
    "address": if country == "US" {
        json!({"address1": "1749 18th st", "city": "Des Moines", "stateProvinceRegion": "IA", "postalCode": "50266", "country": "US"})
    } else {
        json!({"address1": "1 High St", "city": "Somewhere", "stateProvinceRegion": country, "country": country})
    }});
    if let Some(s) = ssn {
        c["ssn"] = json!(s);
    }
    if passport {
        c["passport"] = json!({"number": "X1234567", "country": country});
    }
    c
}

const SIGNATURES: &[(&str, &[u8])] = &[
    ("jpg", &[0xFF, 0xD8, 0xFF]),
    ("png", &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]),
    ("pdf", b"%PDF-"),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A US controller needs an SSN, one abroad a passport; whichever it lacks is
    /// the one reported, at its path, and nothing else is.
    #[test]
    fn controller_ssn_vs_passport(
        country in prop::sample::select(&["US", "GB", "DE", "CA", "MX"][..]),
        has_ssn in any::<bool>(), has_passport in any::<bool>(),
        ssn in "[0-9]{4}|[0-9]{9}", retry in any::<bool>(),
    ) {
        let c = controller(country, has_ssn.then_some(ssn.as_str()), has_passport);
        let op = if retry { Operation::Retry } else { Operation::Create };
        let r = validate(&llc(c), &opts().operation(op));
        let paths: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
        let us = country == "US";
        let mut expected = Vec::new();
        if us && !has_ssn {
            expected.push("/controller/ssn");
        }
        if us && has_ssn && retry && ssn.len() == 4 {
            expected.push("/controller/ssn");
        }
        if !us && has_ssn && retry && ssn.len() == 4 {
            expected.push("/controller/ssn");
        }
        if !us && !has_passport {
            expected.push("/controller/passport");
        }
        prop_assert_eq!(paths, expected);
    }

    /// The verdict on a file depends on its name, size and signature bytes only:
    /// whatever follows the signature changes nothing.
    #[test]
    fn verdict_ignores_bytes_after_the_signature(
        which in 0usize..3, tail_a in prop::collection::vec(any::<u8>(), 0..32),
        tail_b in prop::collection::vec(any::<u8>(), 0..32), size in 1u64..20_000_000,
        for_business in any::<bool>(),
    ) {
        let (ext, sig) = SIGNATURES[which];
        let name = format!("scan.{ext}");
        let whom = if for_business { DocumentFor::Business } else { DocumentFor::Person };
        let doc_type = if for_business { "other" } else { "passport" };
        let head = |tail: &[u8]| {
            let mut h = sig.to_vec();
            h.extend_from_slice(tail);
            h.truncate(SIGNATURE_BYTES.max(sig.len()));
            h
        };
        let (a, b) = (head(&tail_a), head(&tail_b));
        let ra = validate_document(Some(doc_type), whom, &FileFacts { name: &name, mime_type: None, size, head: Some(&a) });
        let rb = validate_document(Some(doc_type), whom, &FileFacts { name: &name, mime_type: None, size, head: Some(&b) });
        prop_assert_eq!(&ra, &rb);
        prop_assert!(ra.errors.iter().all(|e| e.rule != "file_signature"));
    }

    /// Any head that does not start with the extension's signature is caught.
    #[test]
    fn wrong_signature_is_caught(which in 0usize..3, head in prop::collection::vec(any::<u8>(), 8..16)) {
        let (ext, sig) = SIGNATURES[which];
        prop_assume!(!head.starts_with(sig));
        let name = format!("scan.{ext}");
        let r = validate_document(Some("other"), DocumentFor::Business, &FileFacts { name: &name, mime_type: None, size: 10_000, head: Some(&head) });
        prop_assert!(r.errors.iter().any(|e| e.rule == "file_signature"));
    }
}

#[test]
fn every_status_has_an_event_and_capabilities() {
    for s in STATUSES {
        assert!(!s.event.is_empty(), "{}", s.status);
        assert!(!s.next_step.is_empty(), "{}", s.status);
        assert_eq!(status_for_event(s.event), Some(s.status));
        // Only a verified Customer may send.
        assert_eq!(s.can_send, s.status == "verified", "{}", s.status);
    }
}
