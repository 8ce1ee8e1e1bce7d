//! `statuses`: the verification statuses, webhook events and document failure reasons.

use crate::output::{write_pretty, Outcome};
use std::io::Write;

pub fn run(out: &mut impl Write) -> Outcome {
    write_pretty(out, &dwolla_validator::statuses::all_json())
}
