//! wasm-bindgen exports: thin wrappers over [`crate::json_api`], no rule logic.
//!
//! The hand-written `pkg/index.js` turns JS values into JSON text, calls these,
//! and parses the answer (JSON text, or for [`Validator::validate_input`] a
//! report tape), so the JS API takes and returns plain objects.

use wasm_bindgen::prelude::wasm_bindgen;

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

/// The keys the engine numbers ([`crate::keys::KNOWN`]), as a JSON array: the
/// object walk sends a known key as its number ([`crate::walked::known_key`]).
#[wasm_bindgen]
pub fn known_keys_json() -> String {
    serde_json::to_string(crate::keys::KNOWN).unwrap_or_default()
}

/// The payload shape names `validateField` accepts.
#[wasm_bindgen]
pub fn shape_names_json() -> String {
    crate::json_api::shape_names_json()
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

/// Options read once, for many validations (`createValidator` in JS), with the
/// buffer the JS side writes payloads into (`TextEncoder.encodeInto`), so a call
/// copies the payload once and a clean valid record sends no text back.
#[wasm_bindgen]
pub struct Validator {
    prepared: Result<crate::json_api::Prepared, String>,
    input: Vec<u8>,
    report: String,
}

/// The most bytes the JS side ever asks [`Validator::input_buffer`] for: just past
/// Dwolla's request limit, so text that does not fit is known to be too large.
#[wasm_bindgen]
pub fn max_input_bytes() -> usize {
    crate::rules::presence::MAX_PAYLOAD_BYTES + 4
}

#[wasm_bindgen]
impl Validator {
    /// Reads options given as JSON text. Bad options are kept as an error that
    /// [`Validator::error`] returns, so construction never throws.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &str) -> Validator {
        Validator {
            prepared: crate::json_api::Prepared::new(options),
            input: Vec::new(),
            report: String::new(),
        }
    }

    /// A buffer of at least `capacity` bytes (at most [`max_input_bytes`]) for the
    /// next payload, as a pointer into wasm memory. Zeroed when it grows, so Rust
    /// never reads bytes that nobody wrote.
    pub fn input_buffer(&mut self, capacity: usize) -> *mut u8 {
        let capacity = capacity.min(max_input_bytes());
        if self.input.len() < capacity {
            self.input.resize(capacity, 0);
        }
        self.input.as_mut_ptr()
    }

    /// Validates the first `len` bytes of the input buffer as a Customer: 0 when
    /// the payload is valid with no warnings; 1 when [`Validator::take_report`]
    /// holds the report as a tape ([`crate::json_api::report_tape`]); 2 when it
    /// holds JSON text (a report too large for a tape, or the options' error).
    pub fn validate_input(&mut self, len: usize) -> u32 {
        use crate::json_api::Answer;
        let bytes = &self.input[..len.min(self.input.len())];
        let answer = match &self.prepared {
            Ok(p) => p.validate_customer_answer(bytes),
            Err(e) => Answer::Json(serde_json::json!({ "error": e }).to_string()),
        };
        self.keep(answer)
    }

    /// Validates a payload the JS object walk wrote into the input buffer
    /// ([`crate::walked`]): its text in the first `text_len` bytes, and `n_marks`
    /// marks (32-bit, little-endian) from byte `marks_at` on. The answers of
    /// [`Validator::validate_input`], and 3 when the buffer holds no payload of
    /// that form or the options were refused: then the JS side sends the
    /// payload's JSON text instead, whose answer says so.
    pub fn validate_walked(&mut self, text_len: usize, marks_at: usize, n_marks: usize) -> u32 {
        let Ok(p) = &self.prepared else {
            return 3;
        };
        let marks_end = n_marks.checked_mul(4).and_then(|n| n.checked_add(marks_at));
        let (Some(text), Some(marks)) = (
            self.input.get(..text_len),
            marks_end.and_then(|end| self.input.get(marks_at..end)),
        ) else {
            return 3;
        };
        match p.validate_walked_answer(text, marks) {
            Some(answer) => self.keep(answer),
            None => 3,
        }
    }

    /// The report of the last [`Validator::validate_input`] that returned 1 (a
    /// tape) or 2 (JSON text).
    pub fn take_report(&mut self) -> String {
        std::mem::take(&mut self.report)
    }

    /// Why the options were refused, if they were.
    pub fn error(&self) -> Option<String> {
        self.prepared.as_ref().err().cloned()
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

    /// Keeps a report for [`Validator::take_report`] and says how it is kept.
    fn keep(&mut self, answer: crate::json_api::Answer) -> u32 {
        use crate::json_api::Answer;
        match answer {
            Answer::Clean => 0,
            Answer::Tape(tape) => {
                self.report = tape;
                1
            }
            Answer::Json(text) => {
                self.report = text;
                2
            }
        }
    }
}
