//! `normalize`: prints each record tidied by
//! [`dwolla_validator::normalize::normalize_node`], one per line: what
//! `normalize_text` and the npm package's `normalizeCustomer` write for it. Every
//! object's keys stay in the order the input wrote them and numbers as they were
//! written; a string holding a lone surrogate escape is handed back as written.
//!
//! Records are read as `check` reads them ([`crate::chunks`]: a few megabytes held
//! at a time, the crate's own parser, no `serde_json::Value`), and written about a
//! mebibyte of input at a time, so memory stays bounded on a stream of any length
//! and a reader that stops early (`| head`) stops the run at the next such piece.

use crate::args::Args;
use crate::chunks::{chunk_bytes, for_each_chunk};
use crate::output::{warn, Outcome};
use dwolla_validator::normalize::normalize_node;
use std::io::Write;

/// About how much input is read between two checks that the output still takes it.
const PIECE_BYTES: usize = 1 << 20;

pub fn run(args: &Args, out: &mut impl Write) -> Outcome {
    let mut all_ok = true;
    for file in &args.files {
        for_each_chunk(file, chunk_bytes(), |name, chunk| {
            for piece in chunk.pieces(chunk.len() / PIECE_BYTES + 1) {
                let mut written = Ok(());
                piece.for_each_node(|line, node| match node {
                    // Once the output is gone, the rest of the piece is only read.
                    _ if written.is_err() => {}
                    Ok(node) => written = writeln!(out, "{}", normalize_node(&node)),
                    Err(e) => {
                        all_ok = false;
                        warn(format_args!(
                            "{name}:{}: skipped: the record is {e}",
                            line.unwrap_or(1)
                        ));
                    }
                });
                written.map_err(|e| crate::output::write_failure(e, !all_ok))?;
            }
            Ok(())
        })?;
    }
    Ok(all_ok)
}
