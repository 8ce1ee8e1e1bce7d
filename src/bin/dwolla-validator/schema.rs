//! `schema SHAPE`: a JSON Schema (2020-12) of a shape, from the rules.

use crate::args::Args;
use crate::output::{write_pretty, Outcome};
use crate::rules::{needs_a_shape, shape};
use std::io::Write;

pub fn run(args: &Args, out: &mut impl Write) -> Outcome {
    match shape(args).and_then(|s| dwolla_validator::catalog::json_schema(s, args.opts.operation)) {
        Some(v) => write_pretty(out, &v),
        None => Err(needs_a_shape(args)),
    }
}
