//! Whole Customers: a valid personal one, an invalid one (seven errors), a business
//! llc with its controller. From a parsed `serde_json::Value` (the native API),
//! from JSON text to a report (`validate_text`, the borrowed parser), the same
//! through serde_json's strict reader and a `Value` (the path before it), and from
//! JSON text to JSON text (`json_api::validate_customer_json`, what the wasm
//! package runs per call), with the parse alone beside them for scale.
//!
//! `cargo bench --bench customer`

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use dwolla_validator::{input, json_api, validate, validate_field, Options};
use serde_json::Value;
use std::hint::black_box;

fn customer(c: &mut Criterion) {
    let opts = Options::new(common::today());
    let payloads = [
        ("valid_personal", common::VALID_PERSONAL, true, 0),
        ("invalid_personal", common::INVALID_PERSONAL, false, 7),
        ("business_llc", common::BUSINESS_LLC, true, 0),
    ];
    let options_json = format!(r#"{{"today":"{}"}}"#, common::TODAY);

    let mut g = c.benchmark_group("customer");
    for (name, text, valid, errors) in payloads {
        let value = common::parse(text);
        let r = validate(&value, &opts);
        assert_eq!(r.valid, valid, "{name}: {:?}", r.errors);
        assert_eq!(r.errors.len(), errors, "{name}: {:?}", r.errors);

        g.bench_function(format!("{name}/value"), |b| {
            b.iter(|| black_box(validate(black_box(&value), &opts)))
        });
        g.bench_function(format!("{name}/parse_only"), |b| {
            b.iter(|| black_box(serde_json::from_str::<Value>(black_box(text)).unwrap()))
        });
        g.bench_function(format!("{name}/strict_parse_and_validate"), |b| {
            b.iter(|| {
                let v = input::parse_payload(black_box(text.as_bytes())).unwrap();
                black_box(validate(&v, &opts))
            })
        });
        assert_eq!(dwolla_validator::validate_text(text, &opts), r, "{name}");
        g.bench_function(format!("{name}/text"), |b| {
            b.iter(|| black_box(dwolla_validator::validate_text(black_box(text), &opts)))
        });
        g.bench_function(format!("{name}/json_text"), |b| {
            b.iter(|| {
                black_box(json_api::validate_customer_json(
                    black_box(text),
                    black_box(&options_json),
                ))
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("field");
    let zip = Value::String("50309-1234".into());
    g.bench_function("validate_field_postal_code", |b| {
        b.iter(|| {
            black_box(validate_field(
                "personal",
                "postalCode",
                black_box(&zip),
                &opts,
            ))
        })
    });
    let addr = Value::String("1200 Grand Ave".into());
    g.bench_function("validate_field_address1", |b| {
        b.iter(|| {
            black_box(validate_field(
                "personal",
                "address1",
                black_box(&addr),
                &opts,
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, customer);
criterion_main!(benches);
