//! `check`: validates every record of every input and prints a report for each.
//!
//! Input is read a few megabytes at a time ([`CHUNK_BYTES`]), cut only at record
//! boundaries ([`dwolla_validator::input::last_boundary`], `pieces`), each piece
//! read and checked on its own thread, and the results printed in input order
//! before the next chunk is read: memory stays bounded on a file of any size, and
//! neither the number of threads nor the chunk size changes the output.

use crate::args::Args;
use crate::output::{Failure, Outcome, Printer};
use dwolla_validator::input::{last_boundary, pieces, pieces_after, unreadable_report, Piece};
use dwolla_validator::{validate_parsed, validate_parsed_as, Report};
use std::io::{self, IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Inputs at least this large are checked on every core.
const PARALLEL_BYTES: usize = 1 << 20;

/// A worker thread panicked: its records were not checked.
#[derive(Debug, PartialEq, Eq)]
pub struct WorkerPanicked;

/// Runs `work` on each item, each on a thread of its own, and returns the results
/// in the order of the items. Every worker is joined; if any panicked, the whole
/// fails, so no record is silently dropped.
pub fn on_threads<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> Result<Vec<R>, WorkerPanicked> {
    let joined: Vec<std::thread::Result<R>> = std::thread::scope(|scope| {
        let work = &work;
        let workers: Vec<_> = items
            .iter()
            .map(|item| scope.spawn(move || work(item)))
            .collect();
        workers.into_iter().map(|w| w.join()).collect()
    });
    joined
        .into_iter()
        .map(|r| r.map_err(|_| WorkerPanicked))
        .collect()
}

/// The reports of a piece's records, each with the line it starts on.
type Checked = Vec<(Option<usize>, Report)>;

/// Reads and validates the records of one piece, in order. Each record is read
/// into the parser's borrowed tree and validated as it is read: no
/// `serde_json::Value` is built, and only the reports are kept.
fn check_piece(args: &Args, piece: &Piece, done: &AtomicUsize) -> Checked {
    let mut out = Vec::new();
    piece.for_each_node(|line, node| {
        let report = match (&node, &args.kind) {
            (Ok(n), None) => validate_parsed(n, &args.opts),
            (Ok(n), Some(kind)) => validate_parsed_as(kind, n, &args.opts),
            (Err(e), _) => {
                let mut r = unreadable_report(e);
                r.localize(args.opts.locale);
                r
            }
        };
        done.fetch_add(1, Ordering::Relaxed);
        out.push((line, report));
    });
    out
}

/// Draws "checked N records" on stderr while the workers run, when it is a terminal.
fn progress(done: &AtomicUsize, finished: &AtomicBool) {
    let mut err = io::stderr();
    while !finished.load(Ordering::Relaxed) {
        let _ = write!(
            err,
            "\rdwolla-validator: checked {} records",
            done.load(Ordering::Relaxed)
        );
        let _ = err.flush();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = write!(err, "\r\x1b[2K");
}

/// How much input is held at once: DWOLLA_VALIDATOR_CHUNK_BYTES (at least 1), or
/// [`CHUNK_BYTES`]. The tests set it small to show that it never changes the output.
fn chunk_bytes() -> usize {
    std::env::var("DWOLLA_VALIDATOR_CHUNK_BYTES")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .filter(|&t| t > 0)
        .unwrap_or(CHUNK_BYTES)
}

/// The number of threads: DWOLLA_VALIDATOR_THREADS, or one per core.
fn threads() -> usize {
    std::env::var("DWOLLA_VALIDATOR_THREADS")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .filter(|&t| t > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// How much of an input `check` holds at once: it reads about this much, checks
/// the whole records in it on every core, prints their reports and reads on. A
/// record that runs past it (or a broken one that never ends, such as a line that
/// leaves a `{` open) is read on until it ends, so the answer never depends on it.
const CHUNK_BYTES: usize = 8 << 20;

pub fn run(args: &Args, out: &mut impl Write) -> Outcome {
    let mut printer = Printer::new(args.format, args.files.len() > 1);
    let threads = threads();
    let chunk_bytes = chunk_bytes();
    let done = AtomicUsize::new(0);
    for file in &args.files {
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
                match first_non_space(&buf) {
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
            let chunk = &buf[..end];
            let parts = if chunk.len() >= PARALLEL_BYTES {
                threads
            } else {
                1
            };
            let cut = if whole_input {
                pieces(chunk, parts)
            } else {
                pieces_after(chunk, first_line, parts)
            };
            let show_progress = chunk.len() >= PARALLEL_BYTES && io::stderr().is_terminal();
            let results = check_pieces(args, &cut, &done, show_progress).map_err(|WorkerPanicked| {
                Failure::Fatal(format!(
                    "internal error: a worker thread failed while checking {name}; the run is incomplete"
                ))
            })?;
            for (line, report) in results.iter().flatten() {
                printer.record(out, &name, *line, report)?;
            }
            if eof {
                break;
            }
            first_line += chunk.iter().filter(|&&b| b == b'\n').count();
            buf.drain(..end);
            whole_input = false;
            want = chunk_bytes;
        }
    }
    printer.finish(out, "record")
}

/// Checks pieces on threads of their own, with a progress line on stderr.
fn check_pieces(
    args: &Args,
    cut: &[Piece],
    done: &AtomicUsize,
    show_progress: bool,
) -> Result<Vec<Checked>, WorkerPanicked> {
    let finished = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let bar = show_progress.then(|| scope.spawn(|| progress(done, &finished)));
        let results = on_threads(cut, |piece| check_piece(args, piece, done));
        finished.store(true, Ordering::Relaxed);
        if let Some(b) = bar {
            let _ = b.join();
        }
        results
    })
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

fn first_non_space(bytes: &[u8]) -> Option<u8> {
    bytes.iter().copied().find(|b| !b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order() {
        let items: Vec<usize> = (0..16).collect();
        assert_eq!(
            on_threads(&items, |i| i * 2),
            Ok((0..16).map(|i| i * 2).collect())
        );
    }

    #[test]
    fn a_panicking_worker_fails_the_whole_run() {
        let items: Vec<usize> = (0..8).collect();
        let run = on_threads(&items, |&i| {
            assert!(i != 3 && i != 6, "worker {i} fails");
            i
        });
        assert_eq!(run, Err(WorkerPanicked));
    }
}
