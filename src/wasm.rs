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

/// The payload a form would send (JSON text): normalized, empty optional strings left out.
#[wasm_bindgen]
pub fn form_payload_json(payload: &str, options: &str) -> String {
    crate::json_api::form_payload_json(payload, options)
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

/// Options read once, for many validations (`createValidator` in JS).
#[wasm_bindgen]
pub struct Validator {
    prepared: Result<crate::json_api::Prepared, String>,
}

#[wasm_bindgen]
impl Validator {
    /// Reads options given as JSON text. Bad options are kept as an error that
    /// [`Validator::error`] returns, so construction never throws.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &str) -> Validator {
        Validator {
            prepared: crate::json_api::Prepared::new(options),
        }
    }

    /// Why the options were refused, if they were.
    pub fn error(&self) -> Option<String> {
        self.prepared.as_ref().err().cloned()
    }

    /// Validates a payload (JSON text); the report as JSON text.
    pub fn validate_customer(&self, payload: &str) -> String {
        self.with(|p| p.validate_customer(payload))
    }

    /// Validates one field (`value` is JSON text).
    pub fn validate_field(&self, field: &str, value: &str) -> String {
        self.with(|p| p.validate_field(field, value))
    }

    /// Validates a payload (JSON text) as a named kind.
    pub fn validate_as(&self, kind: &str, payload: &str) -> String {
        self.with(|p| p.validate_as(kind, payload))
    }
}

impl Validator {
    fn with(&self, f: impl FnOnce(&crate::json_api::Prepared) -> String) -> String {
        match &self.prepared {
            Ok(p) => f(p),
            Err(e) => serde_json::json!({ "error": e }).to_string(),
        }
    }
}
