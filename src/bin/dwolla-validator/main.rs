//! The `dwolla-validator` command: check or normalize files of Customer payloads.
//!
//! Only arguments, reading and printing live here; every rule is in the library.
//! One module per command; `output` holds what they share (the report printer and
//! how a command ends), `args` the usage and the argument parser.

mod args;
mod check;
mod chunks;
mod document;
mod normalize;
mod output;
mod rules;
mod schema;
mod statuses;

use args::{parse_args, Command, Parsed, USAGE};
use output::{warn, write_failure, Failure, Outcome, BROKEN_PIPE};
use std::io::{self, Write};
use std::process::ExitCode;

fn run(argv: impl Iterator<Item = String>, out: &mut impl Write) -> Outcome {
    let args = match parse_args(argv).map_err(Failure::Usage)? {
        Parsed::Run(args) => args,
        Parsed::Help => {
            return write!(out, "{USAGE}")
                .map(|()| true)
                .map_err(|e| write_failure(e, false))
        }
        Parsed::Version => {
            return writeln!(out, "dwolla-validator {}", env!("CARGO_PKG_VERSION"))
                .map(|()| true)
                .map_err(|e| write_failure(e, false))
        }
    };
    match args.command {
        Command::Check => check::run(&args, out),
        Command::Normalize => normalize::run(&args, out),
        Command::Document => document::run(&args, out),
        Command::Statuses => statuses::run(out),
        Command::Rules => rules::run(&args, out),
        Command::Schema => schema::run(&args, out),
    }
}

fn main() -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = run(std::env::args().skip(1), &mut out).and_then(|all_valid| match out.flush() {
        Ok(()) => Ok(all_valid),
        Err(e) => Err(write_failure(e, !all_valid)),
    });
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) | Err(Failure::StdoutClosed { invalid_seen: true }) => ExitCode::from(1),
        Err(Failure::StdoutClosed {
            invalid_seen: false,
        }) => ExitCode::from(BROKEN_PIPE),
        Err(Failure::Usage(msg)) => {
            warn(format_args!("dwolla-validator: {msg}\n\n{USAGE}"));
            ExitCode::from(2)
        }
        Err(Failure::Fatal(msg)) => {
            warn(format_args!("dwolla-validator: {msg}"));
            ExitCode::from(2)
        }
    }
}
