//! The bulk path: 10,000 generated NDJSON records (70% valid personal Customers,
//! 30% with one to three mistakes) from bytes to reports, beside the practical
//! floor: serde_json parsing every line into a `Value` and nothing else. One thread.
//! The bulk path is `check_path`, what `check` does on one thread (records read
//! into the parser's borrowed tree, validated as they are read). More for scale:
//! the same parse keeping every `Value`, `input::records` (the `Value` path) with
//! and without validation, and a streaming check through `parse_payload`.
//!
//! `cargo bench --bench bulk`

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dwolla_validator::{input, validate, validate_parsed, Options, Report};
use serde_json::Value;
use std::hint::black_box;

fn check_all(bytes: &[u8], opts: &Options) -> Vec<Report> {
    input::records(bytes)
        .into_iter()
        .map(|rec| match rec.value {
            Ok(v) => validate(&v, opts),
            Err(e) => input::unreadable_report(&e),
        })
        .collect()
}

/// What `check` does on one thread: each record read into the parser's borrowed
/// tree and validated as it is read; only the reports are kept.
fn check_path(bytes: &[u8], opts: &Options) -> Vec<Report> {
    let mut out = Vec::new();
    input::Piece::whole(bytes, 1).for_each_node(|_, node| {
        out.push(match node {
            Ok(n) => validate_parsed(&n, opts),
            Err(e) => input::unreadable_report(&e),
        })
    });
    out
}

fn bulk(c: &mut Criterion) {
    let bytes = common::generate_ndjson(common::N_RECORDS);
    let opts = Options::new(common::today());
    let reports = check_all(&bytes, &opts);
    assert_eq!(reports.len(), common::N_RECORDS);
    assert_eq!(
        check_path(&bytes, &opts),
        reports,
        "both paths give the same reports"
    );
    let valid = reports.iter().filter(|r| r.valid).count();
    println!(
        "bulk input: {} records, {} bytes, {} valid ({:.1}%), fnv1a {:08x}",
        reports.len(),
        bytes.len(),
        valid,
        100.0 * valid as f64 / reports.len() as f64,
        common::fnv1a(&bytes)
    );

    let mut g = c.benchmark_group("bulk");
    g.throughput(Throughput::Elements(common::N_RECORDS as u64));
    g.sample_size(20);
    g.bench_function("serde_json_parse_only", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for line in black_box(&bytes[..]).split(|&b| b == b'\n') {
                if line.is_empty() {
                    continue;
                }
                let v: Value = serde_json::from_slice(line).unwrap();
                n += black_box(&v).as_object().map_or(0, |o| o.len());
            }
            n
        })
    });
    // The same parse, every Value kept until the end, as input::records keeps them.
    g.bench_function("serde_json_parse_collect", |b| {
        b.iter(|| {
            black_box(&bytes[..])
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .map(|l| serde_json::from_slice::<Value>(l).unwrap())
                .collect::<Vec<Value>>()
        })
    });
    g.bench_function("records_only", |b| {
        b.iter(|| black_box(input::records(black_box(&bytes))))
    });
    g.bench_function("check_path", |b| {
        b.iter(|| black_box(check_path(black_box(&bytes), &opts)))
    });
    g.bench_function("records_and_validate", |b| {
        b.iter(|| black_box(check_all(black_box(&bytes), &opts)))
    });
    // Streaming: each line parsed strictly, validated and dropped before the next
    // (NDJSON only; what the bulk path would cost without holding every record).
    g.bench_function("lines_parse_payload_and_validate", |b| {
        b.iter(|| {
            black_box(&bytes[..])
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .map(|l| match input::parse_payload(l) {
                    Ok(v) => validate(&v, &opts),
                    Err(e) => input::unreadable_report(&e),
                })
                .collect::<Vec<Report>>()
        })
    });
    g.finish();
}

criterion_group!(benches, bulk);
criterion_main!(benches);
