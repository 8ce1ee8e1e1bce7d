//! Verification documents: the document type, and the file checked by name,
//! declared type, size and first bytes.
//!
//! Dwolla takes colour photos or scans of an ID (`passport`, `license`, `idCard`)
//! for a person, `other` for a beneficial owner too, and `other` for a business
//! (which may also be a PDF). The file is checked without reading it all: a check
//! needs only its name, its declared MIME type, its size, and its first bytes,
//! which must carry the JPEG, PNG or PDF signature its extension promises, so a
//! renamed file is caught before the upload rather than after a review.
//!
//! | rule id | code | what it checks |
//! |---|---|---|
//! | `document_type` | Required / NotAllowed | accepted for whom the document is for |
//! | `file_name` | Required / InvalidFormat / NotAllowed | `.jpg`, `.jpeg`, `.png` (any case); `.pdf` for a business |
//! | `file_type` | Invalid | a declared MIME type agrees with the extension |
//! | `file_size` | Required / NotAllowed | not empty, at most 10,481,664 bytes |
//! | `file_signature` | Invalid | the first bytes are the format the extension names |
//! | `document_count` | NotAllowed | at most 4 uploads awaiting review per Customer |
//!
//! ```
//! use dwolla_validator::documents::{validate_document, DocumentFor, FileFacts};
//! let jpeg_head = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F'];
//! let file = FileFacts { name: "license.JPG", mime_type: Some("image/jpeg"), size: 250_000, head: Some(&jpeg_head) };
//! assert!(validate_document(Some("license"), DocumentFor::Person, &file).valid);
//!
//! let renamed = FileFacts { head: Some(b"%PDF-1.7"), ..file };
//! let r = validate_document(Some("license"), DocumentFor::Person, &renamed);
//! assert_eq!(r.errors[0].rule, "file_signature");
//! ```

use crate::messages::Msg;
use crate::report::{Code, Issue, Report};
use crate::rules::RuleInfo;
use serde_json::Value;

/// Dwolla limits a whole upload request to 10 MiB; less 4 KiB for the multipart
/// envelope, this is the largest file that fits.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024 - 4 * 1024;
/// Documents Dwolla holds awaiting review per Customer.
pub const MAX_PENDING_DOCUMENTS: u32 = 4;
/// Enough leading bytes to recognise every accepted format.
pub const SIGNATURE_BYTES: usize = 8;

/// The document rules, for the table of every rule.
pub static DOCUMENT_RULES: &[RuleInfo] = &[
    RuleInfo { id: "document_type", codes: &[Code::Required, Code::NotAllowed], summary: "passport, license or idCard for a person; also other for a beneficial owner; other for a business." },
    RuleInfo { id: "file_name", codes: &[Code::Required, Code::InvalidFormat, Code::NotAllowed], summary: "A .jpg, .jpeg or .png file (any case); a business document may be .pdf." },
    RuleInfo { id: "file_type", codes: &[Code::Invalid], summary: "A declared MIME type agrees with the file name's extension." },
    RuleInfo { id: "file_size", codes: &[Code::Required, Code::NotAllowed], summary: "Not empty, at most 10,481,664 bytes (10 MiB less 4 KiB)." },
    RuleInfo { id: "file_signature", codes: &[Code::Invalid], summary: "The first bytes are the JPEG, PNG or PDF signature the extension names." },
    RuleInfo { id: "document_count", codes: &[Code::NotAllowed], summary: "At most 4 uploads awaiting review per Customer." },
];

/// Whom a document is for; this decides which document types are accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFor {
    /// A personal Customer, or a business Customer's controller.
    Person,
    /// A beneficial owner.
    BeneficialOwner,
    /// The business itself.
    Business,
}

impl DocumentFor {
    /// Parses `personal`, `person`, `controller`, `beneficial-owner` or `business`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "personal" | "person" | "controller" => Some(DocumentFor::Person),
            "beneficial-owner" | "beneficialOwner" => Some(DocumentFor::BeneficialOwner),
            "business" => Some(DocumentFor::Business),
            _ => None,
        }
    }

    /// The document types accepted for it.
    pub fn document_types(self) -> &'static [&'static str] {
        match self {
            DocumentFor::Person => &["passport", "license", "idCard"],
            DocumentFor::BeneficialOwner => &["passport", "license", "idCard", "other"],
            DocumentFor::Business => &["other"],
        }
    }
}

/// What the check needs to know about a file: never its whole content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileFacts<'a> {
    /// The file name as chosen (only its extension is used).
    pub name: &'a str,
    /// The declared MIME type, if any (`File.type` in a browser; `""` counts as none).
    pub mime_type: Option<&'a str>,
    /// The size in bytes.
    pub size: u64,
    /// The first bytes ([`SIGNATURE_BYTES`] are enough), if they were read.
    pub head: Option<&'a [u8]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jpeg,
    Png,
    Pdf,
}

impl Format {
    fn signature(self) -> &'static [u8] {
        match self {
            Format::Jpeg => &[0xFF, 0xD8, 0xFF],
            Format::Png => &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A],
            Format::Pdf => b"%PDF-",
        }
    }

    fn mime_types(self) -> &'static [&'static str] {
        match self {
            Format::Jpeg => &["image/jpeg", "image/jpg", "image/pjpeg"],
            Format::Png => &["image/png"],
            Format::Pdf => &["application/pdf"],
        }
    }
}

fn push(
    report: &mut Report,
    code: Code,
    msg: Msg,
    label: &'static str,
    path: &str,
    rule: &'static str,
) {
    report.push(Issue::from_msg(code, msg, label, path.to_string(), rule));
}

/// The format a file name's extension names, or the error to report.
fn format_of(name: &str, pdf_allowed: bool) -> Result<Format, (Code, Msg)> {
    if name.trim().is_empty() {
        return Err((Code::Required, Msg::Required));
    }
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return Err((Code::InvalidFormat, Msg::FileNoExtension));
    };
    if stem.is_empty()
        && !name.starts_with("..")
        && name.matches('.').count() == 1
        && ext.is_empty()
    {
        return Err((Code::InvalidFormat, Msg::FileNoExtension));
    }
    if ext.is_empty() {
        return Err((Code::InvalidFormat, Msg::FileNoExtension));
    }
    let refused = Err((Code::NotAllowed, Msg::FileExtension { pdf: pdf_allowed }));
    if ext.len() > 4 {
        return refused;
    }
    match ext.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => Ok(Format::Jpeg),
        "png" => Ok(Format::Png),
        "pdf" if pdf_allowed => Ok(Format::Pdf),
        _ => refused,
    }
}

/// `true` when `head` (the first bytes of a file of `size` bytes) may be `format`:
/// only the signature's bytes are looked at, never anything after them.
fn signature_matches(format: Format, head: &[u8], size: u64) -> bool {
    let sig = format.signature();
    let seen = head.len().min(sig.len());
    if head[..seen] != sig[..seen] {
        return false;
    }
    // A file shorter than its signature cannot be that format; a caller that read
    // fewer bytes than the signature gets the benefit of the doubt.
    seen == sig.len() || (size > head.len() as u64)
}

/// Checks one document before upload.
///
/// `document_type` is the `documentType` value (`None` when missing). Errors come
/// in the order: `/documentType`, `/file/name`, `/file/type`, `/file/size`, `/file`.
pub fn validate_document(
    document_type: Option<&str>,
    whom: DocumentFor,
    file: &FileFacts,
) -> Report {
    let mut report = Report::ok();
    check_document_type(document_type, whom, &mut report);
    check_file(file, whom, &mut report);
    report
}

fn check_document_type(document_type: Option<&str>, whom: DocumentFor, report: &mut Report) {
    let allowed = whom.document_types();
    match document_type {
        None => push(
            report,
            Code::Required,
            Msg::Required,
            "Document type",
            "/documentType",
            "document_type",
        ),
        Some(t) if t.trim().is_empty() => push(
            report,
            Code::Required,
            Msg::Required,
            "Document type",
            "/documentType",
            "document_type",
        ),
        Some(t) if !allowed.contains(&t) => push(
            report,
            Code::NotAllowed,
            Msg::DocumentType { allowed },
            "Document type",
            "/documentType",
            "document_type",
        ),
        Some(_) => {}
    }
}

fn check_file(file: &FileFacts, whom: DocumentFor, report: &mut Report) {
    let format = match format_of(file.name, whom == DocumentFor::Business) {
        Ok(f) => Some(f),
        Err((code, msg)) => {
            push(report, code, msg, "File name", "/file/name", "file_name");
            None
        }
    };
    if let (Some(f), Some(mime)) = (format, file.mime_type) {
        let mime = mime.trim();
        if !mime.is_empty() && !f.mime_types().iter().any(|m| m.eq_ignore_ascii_case(mime)) {
            push(
                report,
                Code::Invalid,
                Msg::FileTypeMismatch,
                "File type",
                "/file/type",
                "file_type",
            );
        }
    }
    if file.size == 0 {
        push(
            report,
            Code::Required,
            Msg::FileEmpty,
            "File",
            "/file/size",
            "file_size",
        );
    } else if file.size > MAX_FILE_BYTES {
        push(
            report,
            Code::NotAllowed,
            Msg::FileTooLarge {
                max: MAX_FILE_BYTES,
            },
            "File",
            "/file/size",
            "file_size",
        );
    }
    if let (Some(f), Some(head)) = (format, file.head) {
        if file.size > 0 && !signature_matches(f, head, file.size) {
            push(
                report,
                Code::Invalid,
                Msg::FileSignature {
                    pdf: whom == DocumentFor::Business,
                },
                "File",
                "/file",
                "file_signature",
            );
        }
    }
}

/// Checks that uploading `new` documents, with `pending` already awaiting review,
/// stays within Dwolla's limit of [`MAX_PENDING_DOCUMENTS`].
pub fn validate_document_count(new: usize, pending: usize) -> Report {
    let mut report = Report::ok();
    if new.saturating_add(pending) > MAX_PENDING_DOCUMENTS as usize {
        push(
            &mut report,
            Code::NotAllowed,
            Msg::TooManyDocuments {
                max: MAX_PENDING_DOCUMENTS,
            },
            "This upload",
            "",
            "document_count",
        );
    }
    report
}

/// Checks a document described in JSON, as the CLI and JS read it:
/// `{"documentType": "passport", "for": "personal", "file": {"name": "id.jpg", "type": "image/jpeg", "size": 123456}}`.
/// `for` defaults to `personal`; `head` is the file's first bytes when known.
pub fn validate_document_json(doc: &Value, head: Option<&[u8]>) -> Report {
    let mut report = Report::ok();
    let Value::Object(obj) = doc else {
        push(
            &mut report,
            Code::InvalidFormat,
            Msg::NotObject,
            "The document",
            "",
            "string_type",
        );
        return report;
    };
    let whom = match obj.get("for") {
        None | Some(Value::Null) => Some(DocumentFor::Person),
        Some(Value::String(s)) => DocumentFor::parse(s),
        Some(_) => None,
    };
    let Some(whom) = whom else {
        let allowed = &["personal", "controller", "beneficial-owner", "business"];
        push(
            &mut report,
            Code::NotAllowed,
            Msg::OneOf { allowed },
            "For",
            "/for",
            "one_of",
        );
        return report;
    };
    match obj.get("documentType") {
        None | Some(Value::Null) => check_document_type(None, whom, &mut report),
        Some(Value::String(s)) => check_document_type(Some(s), whom, &mut report),
        Some(_) => push(
            &mut report,
            Code::InvalidFormat,
            Msg::NotString,
            "Document type",
            "/documentType",
            "string_type",
        ),
    }
    match obj.get("file") {
        Some(Value::Object(file)) => {
            let size = file.get("size").and_then(Value::as_u64);
            let facts = FileFacts {
                name: file.get("name").and_then(Value::as_str).unwrap_or(""),
                mime_type: file.get("type").and_then(Value::as_str),
                // An unreadable size is reported below, not also as "empty".
                size: size.unwrap_or(1),
                head,
            };
            check_file(&facts, whom, &mut report);
            if size.is_none() {
                push(
                    &mut report,
                    Code::InvalidFormat,
                    Msg::NotByteCount,
                    "File size",
                    "/file/size",
                    "file_size",
                );
            }
        }
        None | Some(Value::Null) => push(
            &mut report,
            Code::Required,
            Msg::Required,
            "File",
            "/file",
            "required",
        ),
        Some(_) => push(
            &mut report,
            Code::InvalidFormat,
            Msg::NotObject,
            "File",
            "/file",
            "string_type",
        ),
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE1, 0, 0, 0, 0];
    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

    fn facts<'a>(name: &'a str, size: u64, head: &'a [u8]) -> FileFacts<'a> {
        FileFacts {
            name,
            mime_type: None,
            size,
            head: Some(head),
        }
    }

    fn rules(r: &Report) -> Vec<&str> {
        r.errors.iter().map(|e| e.rule.as_ref()).collect()
    }

    #[test]
    fn document_types_by_whom() {
        let f = facts("id.png", 10, PNG);
        assert!(validate_document(Some("idCard"), DocumentFor::Person, &f).valid);
        assert_eq!(
            rules(&validate_document(Some("other"), DocumentFor::Person, &f)),
            ["document_type"]
        );
        assert!(validate_document(Some("other"), DocumentFor::BeneficialOwner, &f).valid);
        assert!(validate_document(Some("other"), DocumentFor::Business, &f).valid);
        assert_eq!(
            rules(&validate_document(
                Some("passport"),
                DocumentFor::Business,
                &f
            )),
            ["document_type"]
        );
        assert_eq!(
            validate_document(None, DocumentFor::Person, &f).errors[0].code,
            Code::Required
        );
    }

    #[test]
    fn extensions() {
        for ok in ["a.jpg", "a.JPEG", "scan.Png", "my.id.jpg"] {
            assert!(
                validate_document(
                    Some("passport"),
                    DocumentFor::Person,
                    &facts(
                        ok,
                        10,
                        if ok.to_lowercase().ends_with("png") {
                            PNG
                        } else {
                            JPEG
                        }
                    )
                )
                .valid,
                "{ok}"
            );
        }
        for bad in ["noext", "a.", "a.gif", "a.pdf", "a.heic", "a.jpg.exe"] {
            let r = validate_document(Some("passport"), DocumentFor::Person, &facts(bad, 10, JPEG));
            assert_eq!(rules(&r), ["file_name"], "{bad}");
        }
        let pdf = validate_document(
            Some("other"),
            DocumentFor::Business,
            &facts("cert.PDF", 10, b"%PDF-1.4"),
        );
        assert!(pdf.valid);
    }

    #[test]
    fn sizes() {
        let r = validate_document(
            Some("passport"),
            DocumentFor::Person,
            &facts("a.jpg", 0, &[]),
        );
        assert_eq!(r.errors[0].code, Code::Required);
        assert!(
            validate_document(
                Some("passport"),
                DocumentFor::Person,
                &facts("a.jpg", MAX_FILE_BYTES, JPEG)
            )
            .valid
        );
        let r = validate_document(
            Some("passport"),
            DocumentFor::Person,
            &facts("a.jpg", MAX_FILE_BYTES + 1, JPEG),
        );
        assert_eq!(rules(&r), ["file_size"]);
        assert_eq!(r.errors[0].code, Code::NotAllowed);
    }

    #[test]
    fn renamed_files_are_caught() {
        let r = validate_document(
            Some("passport"),
            DocumentFor::Person,
            &facts("a.jpg", 100, PNG),
        );
        assert_eq!(rules(&r), ["file_signature"]);
        // A person's document may not be a PDF: the message does not offer one.
        assert!(
            !r.errors[0].message.contains("PDF"),
            "{}",
            r.errors[0].message
        );
        let r = validate_document(
            Some("other"),
            DocumentFor::Business,
            &facts("a.pdf", 100, JPEG),
        );
        assert_eq!(rules(&r), ["file_signature"]);
        assert!(
            r.errors[0].message.contains("PDF"),
            "{}",
            r.errors[0].message
        );
        // Too short to be a PNG at all.
        let r = validate_document(
            Some("passport"),
            DocumentFor::Person,
            &facts("a.png", 4, &PNG[..4]),
        );
        assert_eq!(rules(&r), ["file_signature"]);
        // Without the first bytes the signature is not judged.
        let f = FileFacts {
            head: None,
            ..facts("a.png", 100, &[])
        };
        assert!(validate_document(Some("passport"), DocumentFor::Person, &f).valid);
    }

    #[test]
    fn declared_type_must_agree() {
        let f = FileFacts {
            mime_type: Some("image/png"),
            ..facts("a.jpg", 100, JPEG)
        };
        assert_eq!(
            rules(&validate_document(
                Some("passport"),
                DocumentFor::Person,
                &f
            )),
            ["file_type"]
        );
        let f = FileFacts {
            mime_type: Some(""),
            ..facts("a.jpg", 100, JPEG)
        };
        assert!(validate_document(Some("passport"), DocumentFor::Person, &f).valid);
    }

    #[test]
    fn pending_count() {
        assert!(validate_document_count(4, 0).valid);
        assert!(validate_document_count(1, 3).valid);
        assert!(!validate_document_count(2, 3).valid);
        assert!(!validate_document_count(usize::MAX, usize::MAX).valid);
    }

    #[test]
    fn json_form() {
        let doc = serde_json::json!({"documentType": "license", "file": {"name": "dl.jpg", "type": "image/jpeg", "size": 2048}});
        assert!(validate_document_json(&doc, Some(JPEG)).valid);
        let doc = serde_json::json!({"documentType": "license", "for": "business", "file": {"name": "dl.jpg", "size": -1}});
        let r = validate_document_json(&doc, None);
        assert_eq!(rules(&r), ["document_type", "file_size"]);
        let r = validate_document_json(&serde_json::json!({"documentType": "passport"}), None);
        assert_eq!(
            r.errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(),
            ["/file"]
        );
        let r = validate_document_json(&serde_json::json!({}), None);
        assert_eq!(
            r.errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(),
            ["/documentType", "/file"]
        );
    }
}
