//! `check`: validates every record of every input and prints a report for each.
//!
//! Input is read a few megabytes at a time ([`crate::chunks`]), cut only at record
//! boundaries, each piece read and checked on its own thread, and the results
//! printed in input order before the next pieces are read: memory stays bounded on
//! a file of any size, and neither the number of threads nor the chunk size
//! changes the output. A chunk checked on one thread is printed record by record,
//! as it is read.

use crate::args::Args;
use crate::chunks::{chunk_bytes, for_each_chunk};
use crate::output::{Failure, Outcome, Printer};
use dwolla_validator::input::{unreadable_report, InputError, Piece};
use dwolla_validator::parse::Node;
use dwolla_validator::{validate_parsed, validate_parsed_as, Report};
use std::io::{self, IsTerminal, Write};
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
    piece.for_each_node(|line, node| out.push((line, report_of(args, &node, done))));
    out
}

/// The report of one record as read (or of why it could not be read).
fn report_of(args: &Args, node: &Result<Node<'_>, InputError>, done: &AtomicUsize) -> Report {
    let report = match (node, &args.kind) {
        (Ok(n), None) => validate_parsed(n, &args.opts),
        (Ok(n), Some(kind)) => validate_parsed_as(kind, n, &args.opts),
        (Err(e), _) => {
            let mut r = unreadable_report(e);
            r.localize(args.opts.locale);
            r
        }
    };
    done.fetch_add(1, Ordering::Relaxed);
    report
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

/// The number of threads: DWOLLA_VALIDATOR_THREADS, or one per core.
fn threads() -> usize {
    std::env::var("DWOLLA_VALIDATOR_THREADS")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .filter(|&t| t > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

pub fn run(args: &Args, out: &mut impl Write) -> Outcome {
    let mut printer = Printer::new(args.format, args.files.len() > 1);
    let threads = threads();
    let done = AtomicUsize::new(0);
    for file in &args.files {
        for_each_chunk(file, chunk_bytes(), |name, chunk| {
            let workers = if chunk.len() >= PARALLEL_BYTES {
                threads
            } else {
                1
            };
            let show_progress = workers > 1 && io::stderr().is_terminal();
            // Pieces are checked `workers` at a time, and their reports printed
            // before the next are read, so only so many reports are held.
            for group in chunk.pieces(workers).chunks(workers) {
                if let [piece] = group {
                    // One piece: printed as it is read, nothing held. A panic here
                    // fails the run as a worker's does.
                    catching(name, || {
                        check_and_print(args, piece, &done, &mut printer, out, name)
                    })?;
                    continue;
                }
                let results = check_pieces(args, group, &done, show_progress)
                    .map_err(|WorkerPanicked| incomplete(name))?;
                for (line, report) in results.iter().flatten() {
                    printer.record(out, name, *line, report)?;
                }
            }
            Ok(())
        })?;
    }
    printer.finish(out, "record")
}

/// The failure of a run in which checking panicked: some records were not checked.
fn incomplete(name: &str) -> Failure {
    Failure::Fatal(format!(
        "internal error: checking {name} failed; the run is incomplete"
    ))
}

/// Runs `work` on this thread; a panic in it is the run's failure ([`incomplete`]),
/// as a worker thread's is, never a bare panic and exit 101.
fn catching<R>(name: &str, work: impl FnOnce() -> Result<R, Failure>) -> Result<R, Failure> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err(incomplete(name)))
}

/// Checks the records of one piece on this thread, printing each report as soon
/// as its record is read.
fn check_and_print(
    args: &Args,
    piece: &Piece,
    done: &AtomicUsize,
    printer: &mut Printer,
    out: &mut impl Write,
    name: &str,
) -> Result<(), Failure> {
    let mut printed = Ok(());
    piece.for_each_node(|line, node| {
        // Once the output is gone, the rest of the piece is only read.
        if printed.is_ok() {
            let report = report_of(args, &node, done);
            printed = printer.record(out, name, line, &report);
        }
    });
    printed
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
    fn a_panic_on_this_thread_fails_the_run_as_a_workers_does() {
        let run: Result<(), Failure> = catching("in.ndjson", || panic!("a rule failed"));
        assert_eq!(run, Err(incomplete("in.ndjson")));
        assert_eq!(catching("in.ndjson", || Ok(7)), Ok(7));
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
