//! The ZIP-prefix table of `hints::zip_state` against a real data set: the count of
//! ZIP codes per state for each 3-digit prefix in the `zipcodes` npm package
//! (`tests/vectors/zip-prefixes.json`, written by `scripts/gen-zip-fixture.mjs`).
//!
//! It fails if any real (prefix, state) pair would be flagged, and prints how far
//! the table and the data agree. Run with `--nocapture` to see the report.

mod common;

use dwolla_validator::hints::zip_state::{mismatch, prefix_states};
use std::collections::BTreeSet;

/// Prefixes where the table deliberately lists more states than the data: the
/// Census 2010 ZIP tabulation areas that straddle a state line (the data gives each
/// ZIP one state), and Wake Island (96898, a Minor Outlying Island, `UM`).
const WIDER_THAN_DATA: [&str; 13] = [
    "028", "422", "592", "636", "717", "811", "845", "860", "865", "880", "894", "968", "976",
];

#[test]
fn hints_zip_never_flags_a_real_pair_and_agrees_with_the_data() {
    let file = common::vectors("zip-prefixes.json");
    let prefixes = file["prefixes"].as_object().expect("prefixes");
    assert!(prefixes.len() > 900, "the fixture looks truncated");

    let mut flagged = Vec::new();
    let mut same = 0;
    let mut wider = Vec::new();
    let mut other = Vec::new();
    for (prefix, counts) in prefixes {
        let counts = counts.as_object().expect("counts");
        let data: BTreeSet<&str> = counts.keys().map(String::as_str).collect();
        for state in &data {
            for tail in ["00", "01", "50", "99", "01-0001", "99-9999"] {
                let zip = format!("{prefix}{tail}");
                if mismatch(&zip, state) {
                    flagged.push(format!("{zip} {state} ({} real ZIPs)", counts[*state]));
                }
            }
        }
        let table: BTreeSet<&str> = prefix_states(&format!("{prefix}01"))
            .unwrap_or(&[])
            .iter()
            .copied()
            .collect();
        if table == data {
            same += 1;
        } else if table.is_superset(&data) {
            wider.push(format!("{prefix}: table {table:?}, data {data:?}"));
        } else {
            other.push(format!("{prefix}: table {table:?}, data {data:?}"));
        }
    }
    // Prefixes the table assigns that the data has no ZIP in.
    let table_only: Vec<String> = (0..1000)
        .map(|p| format!("{p:03}"))
        .filter(|p| !prefixes.contains_key(p) && prefix_states(&format!("{p}01")).is_some())
        .collect();

    println!(
        "{} of {} prefixes in {} ({} ZIPs): the table gives the same states as the data",
        same,
        prefixes.len(),
        file["source"],
        file["zips"]
    );
    println!("{} where the table lists more states:", wider.len());
    for w in &wider {
        println!("  {w}");
    }
    println!("{} where the table lacks a state of the data:", other.len());
    for o in &other {
        println!("  {o}");
    }
    println!(
        "{} prefixes the table assigns with no ZIP in the data: {table_only:?}",
        table_only.len()
    );

    assert!(
        flagged.is_empty(),
        "{} real ZIP/state pairs would be flagged:\n{}",
        flagged.len(),
        flagged.join("\n")
    );
    assert!(other.is_empty(), "the table disagrees with the data");
    assert!(table_only.is_empty(), "the table assigns unused prefixes");
    let wider_prefixes: Vec<&str> = wider.iter().map(|w| &w[..3]).collect();
    assert_eq!(
        wider_prefixes, WIDER_THAN_DATA,
        "only the documented prefixes list more states than the data"
    );
}
