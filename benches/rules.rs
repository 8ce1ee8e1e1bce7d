//! One benchmark per rule (and per quality hint) on short, typical input: what a
//! field costs when it is right, which is what a valid Customer pays.
//!
//! `cargo bench --bench rules`

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use dwolla_validator::hints::{email_domain, phone_nanp, ssn_issued, zip_state};
use dwolla_validator::rules::{
    age_range::AgeRange, correlation_id::CorrelationId, country, date_of_birth::DateFormat,
    ein::Ein, email::Email, forbidden_characters::ForbiddenCharacters,
    invisible_characters::InvisibleCharacters, ip_address::IpAddress, length::Length,
    no_digits::NoDigits, one_of::OneOf, phone::Phone, po_box::PoBox, postal_code::PostalCode,
    presence, ssn::Ssn, state::State, unknown_field, uuid::Uuid, website::Website, Ctx, Rule,
};
use dwolla_validator::Operation;
use std::hint::black_box;

fn ctx() -> Ctx {
    Ctx {
        operation: Operation::Create,
        today: common::today(),
    }
}

/// Every rule as (bench name, rule, typical value).
fn cases() -> Vec<(&'static str, &'static dyn Rule, &'static str)> {
    const NAME_LEN: Length = Length { min: 1, max: 50 };
    const TYPE: OneOf = OneOf {
        allowed: &["personal"],
    };
    vec![
        ("length", &NAME_LEN, "María"),
        ("forbidden_characters", &ForbiddenCharacters, "Anne-Marie"),
        (
            "forbidden_characters_non_ascii",
            &ForbiddenCharacters,
            "María Núñez",
        ),
        ("invisible_characters", &InvisibleCharacters, "María Núñez"),
        ("no_digits", &NoDigits, "Des Moines"),
        ("po_box", &PoBox, "1200 Grand Ave"),
        ("po_box_hit", &PoBox, "P.O. Box 123"),
        ("state", &State, "IA"),
        ("postal_code", &PostalCode::ZIP_OR_ZIP4, "50309-1234"),
        ("date_format", &DateFormat, "1988-02-29"),
        ("age_range", &AgeRange, "1988-02-29"),
        ("ssn", &Ssn::LAST_FOUR_OR_FULL, "123456789"),
        ("phone", &Phone, "5155550134"),
        ("email", &Email, "maria.nunez@example.com"),
        ("ip_address_v4", &IpAddress, "10.10.10.10"),
        ("ip_address_v6", &IpAddress, "2001:db8::1"),
        ("correlation_id", &CorrelationId, "abc-123"),
        ("one_of", &TYPE, "personal"),
        ("uuid", &Uuid, "9ed3f670-7d6f-11e3-b1ce-5404a6144203"),
        ("ein", &Ein, "123456789"),
        ("website", &Website, "https://www.example.com/about"),
        ("country", &country::Country, "US"),
        ("region", &country::Region, "GB"),
        ("postal_code_intl", &country::IntlPostalCode, "SW1A 1AA"),
    ]
}

fn rules(c: &mut Criterion) {
    let ctx = ctx();
    let mut g = c.benchmark_group("rule");
    for (name, rule, value) in cases() {
        // A typical value passes, except the one deliberate PO box.
        assert_eq!(
            rule.check(value, &ctx).is_ok(),
            name != "po_box_hit",
            "{name}"
        );
        g.bench_function(name, |b| {
            b.iter(|| black_box(rule.check(black_box(value), black_box(&ctx))))
        });
    }
    g.bench_function("required_is_blank", |b| {
        b.iter(|| black_box(presence::is_blank(black_box("John"))))
    });
    // The personal shape's own field names, not a copy of them.
    let personal_keys: Vec<&'static str> = dwolla_validator::shapes::shape_named("personal")
        .expect("the personal shape")
        .field_names()
        .collect();
    g.bench_function("unknown_field_suggest", |b| {
        b.iter(|| black_box(unknown_field::suggest(black_box("zip"), &personal_keys)))
    });
    g.finish();

    let mut g = c.benchmark_group("hint");
    g.bench_function("zip_state", |b| {
        b.iter(|| black_box(zip_state::mismatch(black_box("50309"), black_box("IA"))))
    });
    g.bench_function("email_domain", |b| {
        b.iter(|| black_box(email_domain::suggest(black_box("example.com"))))
    });
    g.bench_function("ssn_issued", |b| {
        b.iter(|| black_box(ssn_issued::never_issued(black_box("123456789"))))
    });
    g.bench_function("phone_nanp", |b| {
        b.iter(|| black_box(phone_nanp::not_diallable(black_box("5155550134"))))
    });
    g.finish();
}

criterion_group!(benches, rules);
criterion_main!(benches);
