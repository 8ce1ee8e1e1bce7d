//! `document`: checks real files by name, size and first bytes, never the rest.

use crate::args::Args;
use crate::output::{Failure, Outcome, Printer};
use dwolla_validator::documents::{
    validate_document, validate_document_count, FileFacts, MAX_FILE_BYTES, SIGNATURE_BYTES,
};
use std::io::{self, Read, Write};

/// Reads a file's size and first bytes, never the rest of it. A stream that is not
/// a regular file (a FIFO, `/dev/stdin`) has no size to ask for: it is read and
/// counted, but only until it is past what Dwolla takes (an endless one, such as
/// `/dev/zero`, is then too large, not read for ever).
fn file_facts(path: &str) -> io::Result<(u64, Vec<u8>)> {
    let mut f = std::fs::File::open(path)?;
    let meta = f.metadata()?;
    let mut head = Vec::with_capacity(SIGNATURE_BYTES);
    (&mut f)
        .take(SIGNATURE_BYTES as u64)
        .read_to_end(&mut head)?;
    let size = if meta.is_file() {
        meta.len()
    } else {
        let past_the_limit = MAX_FILE_BYTES + 1 - head.len() as u64;
        head.len() as u64 + io::copy(&mut f.take(past_the_limit), &mut io::sink())?
    };
    Ok((size, head))
}

pub fn run(args: &Args, out: &mut impl Write) -> Outcome {
    let mut printer = Printer::new(args.format, args.files.len() > 1);
    let mut count = validate_document_count(args.files.len(), args.pending);
    count.localize(args.opts.locale);
    if !count.valid {
        printer.about_the_run(out, "upload", &count)?;
    }
    for path in &args.files {
        let (size, head) =
            file_facts(path).map_err(|e| Failure::Fatal(format!("cannot read {path}: {e}")))?;
        let name = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let facts = FileFacts {
            name: &name,
            mime_type: None,
            size,
            head: Some(&head),
        };
        let mut report =
            validate_document(args.document_type.as_deref(), args.document_for, &facts);
        report.localize(args.opts.locale);
        printer.record(out, path, None, &report)?;
    }
    printer.finish(out, "document")
}
