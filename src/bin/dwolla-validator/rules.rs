//! `rules [SHAPE]`: the field catalog of one shape or of all, from the rules.

use crate::args::Args;
use crate::output::{write_pretty, Failure, Outcome};
use dwolla_validator::catalog;
use std::io::Write;

/// The shape a catalog command names (its first word after the command).
pub fn shape(args: &Args) -> Option<&str> {
    args.files.first().map(String::as_str).filter(|s| *s != "-")
}

/// The error for a missing or unknown shape, naming the shapes there are.
pub fn needs_a_shape(args: &Args) -> Failure {
    let names: Vec<&str> = dwolla_validator::shapes::SHAPES
        .iter()
        .map(|s| s.name)
        .collect();
    Failure::Fatal(format!(
        "{} needs a shape: {}",
        args.command.name(),
        names.join(", ")
    ))
}

pub fn run(args: &Args, out: &mut impl Write) -> Outcome {
    let op = args.opts.operation;
    let value = match shape(args) {
        None => Some(catalog::catalog(op)),
        Some(s) => catalog::field_rules(s, op).and_then(|f| serde_json::to_value(f).ok()),
    };
    match value {
        Some(v) => write_pretty(out, &v),
        None => Err(needs_a_shape(args)),
    }
}
