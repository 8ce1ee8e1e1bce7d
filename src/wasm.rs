//! wasm-bindgen exports: thin wrappers over [`crate::json_api`], no rule logic.
//!
//! The hand-written `pkg/index.js` turns JS values into JSON text, calls these,
//! and parses the answer, so the JS API takes and returns plain objects.

use wasm_bindgen::prelude::wasm_bindgen;

/// Validates a payload (JSON text) with options (JSON text); returns JSON text.
#[wasm_bindgen]
pub fn validate_customer_json(payload: &str, options: &str) -> String {
    crate::json_api::validate_customer_json(payload, options)
}

/// Validates one field; `value` is JSON text.
#[wasm_bindgen]
pub fn validate_field_json(field: &str, value: &str, options: &str) -> String {
    crate::json_api::validate_field_json(field, value, options)
}

/// Normalizes a payload (JSON text); returns JSON text.
#[wasm_bindgen]
pub fn normalize_customer_json(payload: &str) -> String {
    crate::json_api::normalize_customer_json(payload)
}

/// Normalizes one field's string value.
#[wasm_bindgen]
pub fn normalize_field(field: &str, value: &str) -> String {
    crate::json_api::normalize_field(field, value)
}

/// Renders a report (JSON text) as Dwolla's HAL error body (JSON text or `null`).
#[wasm_bindgen]
pub fn to_dwolla_error_json(report: &str) -> String {
    crate::json_api::to_dwolla_error_json(report)
}

/// The payload shape names `validateField` accepts.
#[wasm_bindgen]
pub fn shape_names_json() -> String {
    crate::json_api::shape_names_json()
}

/// Validates a payload (JSON text) as a named kind.
#[wasm_bindgen]
pub fn validate_as_json(kind: &str, payload: &str, options: &str) -> String {
    crate::json_api::validate_as_json(kind, payload, options)
}

/// Checks a document (JSON text) with the file's first bytes: only those bytes
/// cross into wasm, never the whole file.
#[wasm_bindgen]
pub fn validate_document_json(document: &str, head: &[u8]) -> String {
    crate::json_api::validate_document_json(document, head)
}

/// Statuses, events and failure reasons as JSON text.
#[wasm_bindgen]
pub fn statuses_json() -> String {
    crate::json_api::statuses_json()
}

/// The field catalog of a shape (all shapes when empty) as JSON text.
#[wasm_bindgen]
pub fn field_rules_json(shape: &str, operation: &str) -> String {
    crate::json_api::field_rules_json(shape, operation)
}
