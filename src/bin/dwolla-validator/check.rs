//! `check`: validates every record of every input and prints a report for each.
//!
//! Large input is cut into pieces only at record boundaries
//! ([`dwolla_validator::input::pieces`]), each piece is read and checked on its own
//! thread, and the results are printed in input order: the number of threads never
//! changes the output.

use crate::args::Args;
use crate::output::{Failure, Outcome, Printer};
use crate::read_inputs;
use dwolla_validator::input::{pieces, unreadable_report, Piece};
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

/// Reads and validates the records of one piece, in order. Each record is read
/// into the parser's borrowed tree and validated as it is read: no
/// `serde_json::Value` is built, and only the reports are kept.
fn check_piece(args: &Args, piece: &Piece, done: &AtomicUsize) -> Vec<(Option<usize>, Report)> {
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

/// The number of threads: DWOLLA_VALIDATOR_THREADS, or one per core.
fn threads() -> usize {
    std::env::var("DWOLLA_VALIDATOR_THREADS")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .filter(|&t| t > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

pub fn run(args: &Args, out: &mut impl Write) -> Outcome {
    let inputs = read_inputs(&args.files)?;
    let mut printer = Printer::new(args.format, inputs.len() > 1);
    let threads = threads();
    let total: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let show_progress = total >= PARALLEL_BYTES && io::stderr().is_terminal();
    for (name, bytes) in &inputs {
        let parts = if bytes.len() >= PARALLEL_BYTES {
            threads
        } else {
            1
        };
        let pieces = pieces(bytes, parts);
        let done = AtomicUsize::new(0);
        let finished = AtomicBool::new(false);
        let results = std::thread::scope(|scope| {
            let bar = show_progress.then(|| scope.spawn(|| progress(&done, &finished)));
            let results = on_threads(&pieces, |piece| check_piece(args, piece, &done));
            finished.store(true, Ordering::Relaxed);
            if let Some(b) = bar {
                let _ = b.join();
            }
            results
        })
        .map_err(|WorkerPanicked| {
            Failure::Fatal(format!(
                "internal error: a worker thread failed while checking {name}; the run is incomplete"
            ))
        })?;
        for (line, report) in results.iter().flatten() {
            printer.record(out, name, *line, report)?;
        }
    }
    printer.finish(out, "record")
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
