//! Reading an input a few megabytes at a time, cut only where a record ends, for
//! the commands that read records (`check`, `normalize`).
//!
//! A chunk of about [`CHUNK_BYTES`] is read and cut at its last record boundary
//! ([`dwolla_validator::input::last_boundary`]); what follows the boundary waits for
//! the next chunk. A record that runs past a chunk (or a broken one that never
//! ends, such as a line that leaves a `{` open) is read on until it ends, so the
//! chunk size never changes an answer. An input that starts with `[` may be one
//! JSON array, which only the whole input can tell: it is read whole.

use crate::output::Failure;
use dwolla_validator::input::{
    first_non_space, last_boundary, pieces, pieces_after, without_bom, Piece,
};
use std::io::{self, Read};

/// How much of an input is held at once (see the module documentation).
pub const CHUNK_BYTES: usize = 8 << 20;

/// About this many lines go in one piece: a piece's reports are held until it is
/// printed, and a report is far larger than a short bad line (`x`), so a chunk of
/// many lines is cut into more pieces. They are cut evenly by bytes (and only at
/// line breaks), so the bound holds for lines of even length; short lines beside
/// a very long one share a piece, and memory is then bounded by the chunk's size.
const LINES_PER_PIECE: usize = 16 << 10;

/// How much input is held at once: DWOLLA_VALIDATOR_CHUNK_BYTES (at least 1), or
/// [`CHUNK_BYTES`]. The tests set it small to show that it never changes the output.
pub fn chunk_bytes() -> usize {
    std::env::var("DWOLLA_VALIDATOR_CHUNK_BYTES")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .filter(|&t| t > 0)
        .unwrap_or(CHUNK_BYTES)
}

/// A run of whole records of one input.
pub struct Chunk<'a> {
    bytes: &'a [u8],
    /// The line of the input that the chunk starts on.
    first_line: usize,
    /// The chunk is the whole input from its start (it may be one JSON array).
    whole_input: bool,
}

impl<'a> Chunk<'a> {
    /// How many bytes the chunk holds.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The chunk cut into at least `parts` pieces (more when it has many lines,
    /// see [`LINES_PER_PIECE`]), in order. However it is cut, its pieces read as
    /// the same records.
    pub fn pieces(&self, parts: usize) -> Vec<Piece<'a>> {
        let lines = self.bytes.iter().filter(|&&b| b == b'\n').count();
        let parts = parts.max(lines / LINES_PER_PIECE + 1);
        if self.whole_input {
            pieces(self.bytes, parts)
        } else {
            pieces_after(self.bytes, self.first_line, parts)
        }
    }
}

/// Reads `file` (`-` for stdin) a chunk at a time and hands each chunk to `each`,
/// in order, with the name to show for the input.
pub fn for_each_chunk(
    file: &str,
    chunk_bytes: usize,
    mut each: impl FnMut(&str, Chunk<'_>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let (name, mut input) = open(file)?;
    let cannot_read = |e: io::Error| Failure::Fatal(format!("cannot read {file}: {e}"));
    let mut buf = Vec::new();
    let mut first_line = 1;
    let mut whole_input = true;
    let mut want = chunk_bytes;
    let mut eof = false;
    loop {
        if !eof {
            eof = fill(&mut input, &mut buf, want).map_err(cannot_read)?;
        }
        if whole_input && !eof {
            match first_non_space(without_bom(&buf)) {
                // It may be one JSON array, which only the whole input can tell.
                Some(b'[') => {
                    input.read_to_end(&mut buf).map_err(cannot_read)?;
                    eof = true;
                }
                // Only white space so far: whether it is an array is still open.
                None => {
                    want = grown(buf.len(), chunk_bytes);
                    continue;
                }
                Some(_) => {}
            }
        }
        let end = if eof {
            buf.len()
        } else {
            last_boundary(&buf).unwrap_or(0)
        };
        if end == 0 && !eof {
            // No record ends in what was read: read on.
            want = grown(buf.len(), chunk_bytes);
            continue;
        }
        let bytes = &buf[..end];
        each(
            &name,
            Chunk {
                bytes,
                first_line,
                whole_input,
            },
        )?;
        if eof {
            return Ok(());
        }
        first_line += bytes.iter().filter(|&&b| b == b'\n').count();
        buf.drain(..end);
        whole_input = false;
        want = chunk_bytes;
    }
}

/// How much to hold when what is held holds no whole record: twice as much (and a
/// chunk more), so that finding where a very long record ends scans it a bounded
/// number of times in all, not once per chunk.
fn grown(held: usize, chunk_bytes: usize) -> usize {
    held.saturating_mul(2).max(held.saturating_add(chunk_bytes))
}

/// A file, or stdin for `-`, with the name to show for it.
fn open(file: &str) -> Result<(String, Box<dyn Read>), Failure> {
    if file == "-" {
        return Ok(("<stdin>".to_string(), Box::new(io::stdin().lock())));
    }
    let f = std::fs::File::open(file)
        .map_err(|e| Failure::Fatal(format!("cannot read {file}: {e}")))?;
    Ok((file.to_string(), Box::new(f)))
}

/// Reads until `buf` holds at least `want` bytes; true at the end of the input.
fn fill(input: &mut impl Read, buf: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    while buf.len() < want {
        let need = (want - buf.len()) as u64;
        if input.by_ref().take(need).read_to_end(buf)? == 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line of every record a run of pieces reads, and whether it read.
    fn read(pieces: &[Piece]) -> Vec<(Option<usize>, bool)> {
        let mut out = Vec::new();
        for p in pieces {
            p.for_each_node(|line, node| out.push((line, node.is_ok())));
        }
        out
    }

    /// A chunk of many short lines (a bad line's report is hundreds of times its
    /// size) is cut into pieces of a bounded number of lines, which read as the
    /// same records as the chunk read whole.
    #[test]
    fn many_short_lines_are_cut_into_pieces_of_bounded_lines() {
        let text = "x\n{}\n".repeat(50_000).into_bytes();
        for whole_input in [true, false] {
            let chunk = Chunk {
                bytes: &text,
                first_line: 1,
                whole_input,
            };
            let cut = chunk.pieces(1);
            assert!(
                cut.len() >= 100_000 / LINES_PER_PIECE,
                "{} pieces",
                cut.len()
            );
            for p in &cut {
                let lines = p.bytes.iter().filter(|&&b| b == b'\n').count();
                assert!(lines <= 2 * LINES_PER_PIECE, "{lines} lines in a piece");
            }
            let records = read(&cut);
            assert_eq!(records.len(), 100_000);
            assert_eq!(records, read(&[Piece::whole(&text, 1)]));
        }
    }
}
