//! The native peer comparison: the personal Customer rules written with `garde`
//! (derive on a struct that serde deserializes from the same JSON), against this
//! crate, on the same 10,000 generated records (`common::generate_lines`).
//!
//! What garde expresses directly: lengths in characters (`length(chars, ...)`),
//! `email` (HTML5 grammar), `ip`, regex `pattern`s (ZIP, SSN, phone,
//! correlationId, `type`). Required fields, "a JSON string, never coerced", and
//! unknown fields come from serde (`deny_unknown_fields`, no `Option` on required
//! fields). The rest are plain custom functions (`custom(...)`), as a garde user
//! would write them, and simpler than ours:
//!
//! * PO box: one ASCII, case-insensitive regex (`PO_BOX`). No look-alike letters
//!   (Cyrillic, Greek, full-width, `0` for `O` is kept), no invisible characters
//!   between letters. Kept (not left out), so the peer does that work too.
//! * forbidden characters: the 13 ASCII characters; no full-width look-alikes.
//! * invisible characters: the same table of ranges as ours, copied.
//! * blank names, no digits in city, e-mail domain has a dot, state list, a real
//!   `YYYY-MM-DD` date and age 18–125 on a fixed *today* (passed as garde context).
//!
//! Not done by the peer at all: Dwolla's error codes, paths and messages, the
//! duplicate-key check of our strict parser. (Quality hints are not called by
//! `validate` yet on this branch, so neither side computes them.) serde stops at the first missing or mistyped field, so an
//! invalid record gets fewer errors from the peer than from ours.
//!
//! Before measuring it prints how often the two agree on valid/invalid, and why
//! they differ. `cargo bench --bench peer_native`

mod common;

use chrono::{Datelike, NaiveDate};
use criterion::{criterion_group, Criterion, Throughput};
use dwolla_validator::{input, validate, Options};
use garde::Validate;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::LazyLock;

/// What the custom rules need to know: the date ages are computed on.
pub struct PeerCtx {
    today: NaiveDate,
}

/// A personal verified Customer as a garde user would declare it.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(PeerCtx))]
pub struct PeerPersonal {
    #[garde(
        length(chars, min = 1, max = 50),
        custom(not_blank),
        custom(no_forbidden),
        custom(no_invisible)
    )]
    first_name: String,
    #[garde(
        length(chars, min = 1, max = 50),
        custom(not_blank),
        custom(no_forbidden),
        custom(no_invisible)
    )]
    last_name: String,
    #[garde(email, length(max = 254), custom(dotted_domain))]
    email: String,
    #[garde(ip)]
    ip_address: Option<String>,
    #[serde(rename = "type")]
    #[garde(pattern(r"^personal$"))]
    kind: String,
    #[garde(
        length(chars, min = 1, max = 50),
        custom(not_blank),
        custom(not_po_box),
        custom(no_forbidden),
        custom(no_invisible)
    )]
    address1: String,
    #[garde(
        length(chars, max = 50),
        custom(not_po_box),
        custom(no_forbidden),
        custom(no_invisible)
    )]
    address2: Option<String>,
    #[garde(
        length(chars, min = 1, max = 50),
        custom(not_blank),
        custom(no_forbidden),
        custom(no_invisible),
        custom(no_digits)
    )]
    city: String,
    #[garde(custom(state_code))]
    state: String,
    #[garde(pattern(r"^[0-9]{5}(?:-[0-9]{4})?$"))]
    postal_code: String,
    #[garde(custom(date_and_age))]
    date_of_birth: String,
    #[garde(pattern(r"^(?:[0-9]{4}|[0-9]{9})$"))]
    ssn: String,
    #[garde(pattern(r"^[0-9]{10}$"))]
    phone: Option<String>,
    #[garde(pattern(r"^[A-Za-z0-9._-]{1,255}$"))]
    correlation_id: Option<String>,
}

/// `String` and `Option<String>` alike for the custom rules (`None` passes).
trait MaybeStr {
    fn maybe_str(&self) -> Option<&str>;
}
impl MaybeStr for String {
    fn maybe_str(&self) -> Option<&str> {
        Some(self)
    }
}
impl MaybeStr for Option<String> {
    fn maybe_str(&self) -> Option<&str> {
        self.as_deref()
    }
}

fn rule(ok: bool, message: &str) -> garde::Result {
    if ok {
        Ok(())
    } else {
        Err(garde::Error::new(message))
    }
}

fn not_blank<T: MaybeStr>(v: &T, _: &PeerCtx) -> garde::Result {
    rule(
        v.maybe_str().is_none_or(|s| !s.trim().is_empty()),
        "must not be blank",
    )
}

const FORBIDDEN: &[char] = &[
    '<', '>', '=', '"', '`', '!', '?', '%', '~', '$', '{', '}', '\\',
];

fn no_forbidden<T: MaybeStr>(v: &T, _: &PeerCtx) -> garde::Result {
    rule(
        v.maybe_str().is_none_or(|s| !s.contains(FORBIDDEN)),
        "has a forbidden character",
    )
}

/// The same ranges as `rules::invisible_characters`.
const INVISIBLE: &[(u32, u32)] = &[
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0xFFFD, 0xFFFD),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

fn no_invisible<T: MaybeStr>(v: &T, _: &PeerCtx) -> garde::Result {
    let invisible = |c: char| {
        let c = c as u32;
        INVISIBLE.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
    };
    rule(
        v.maybe_str().is_none_or(|s| !s.chars().any(invisible)),
        "has an invisible character",
    )
}

fn no_digits<T: MaybeStr>(v: &T, _: &PeerCtx) -> garde::Result {
    rule(
        v.maybe_str()
            .is_none_or(|s| !s.chars().any(char::is_numeric)),
        "must not contain digits",
    )
}

/// ASCII only, case-insensitive: PO Box, P.O. Box, P0 B0X, POB, PO Drawer, Post
/// (Office) Box, Postal Box, a line that is only "Box 12". The same regex as
/// `benches/node/peer.mjs`.
pub const PO_BOX: &str = r"(?i)(?:^|[^a-z])(?:p[\s.\-]*[o0][\s.\-]*(?:b[o0]x|drawer|b)(?:[^a-z]|$)|post(?:al)?[\s.\-]*(?:office[\s.\-]*)?b[o0]x(?:[^a-z]|$))|^\s*b[o0]x\s*#?\s*\d+\s*$";
static PO_BOX_RE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(PO_BOX).expect("PO_BOX is a regex"));

fn not_po_box<T: MaybeStr>(v: &T, _: &PeerCtx) -> garde::Result {
    rule(
        v.maybe_str().is_none_or(|s| !PO_BOX_RE.is_match(s)),
        "must not be a PO box",
    )
}

fn dotted_domain(v: &str, _: &PeerCtx) -> garde::Result {
    rule(
        v.rsplit_once('@').is_some_and(|(_, d)| d.contains('.')),
        "the domain needs a dot",
    )
}

const STATES: [&str; 57] = [
    "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID",
    "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND",
    "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX",
    "UM", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY",
];

fn state_code(v: &str, _: &PeerCtx) -> garde::Result {
    rule(STATES.contains(&v), "not a state code")
}

static DATE_RE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").expect("a regex"));

fn date_and_age(v: &str, ctx: &PeerCtx) -> garde::Result {
    if !DATE_RE.is_match(v) {
        return Err(garde::Error::new("must be YYYY-MM-DD"));
    }
    let Ok(born) = NaiveDate::parse_from_str(v, "%Y-%m-%d") else {
        return Err(garde::Error::new("not a real date"));
    };
    let t = ctx.today;
    let mut age = t.year() - born.year();
    if (t.month(), t.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    rule((18..=125).contains(&age), "age must be 18 to 125")
}

fn peer_from_value(v: &Value, ctx: &PeerCtx) -> Result<(), String> {
    match PeerPersonal::deserialize(v) {
        Ok(p) => p.validate_with(ctx).map_err(|r| r.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

fn peer_from_text(line: &str, ctx: &PeerCtx) -> Result<(), String> {
    match serde_json::from_str::<PeerPersonal>(line) {
        Ok(p) => p.validate_with(ctx).map_err(|r| r.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// Prints how often the peer and ours agree on valid/invalid, and where not, which
/// of our rules the peer missed (or which records only the peer refused).
fn agreement(lines: &[String], values: &[Value], opts: &Options, ctx: &PeerCtx) {
    let mut same = 0;
    let mut only_ours: BTreeMap<String, usize> = BTreeMap::new();
    let mut only_peer: BTreeMap<String, usize> = BTreeMap::new();
    let mut valid = 0;
    for (line, v) in lines.iter().zip(values) {
        let ours = validate(v, opts);
        let peer = peer_from_value(v, ctx);
        assert_eq!(peer.is_ok(), peer_from_text(line, ctx).is_ok());
        valid += usize::from(ours.valid);
        if ours.valid == peer.is_ok() {
            same += 1;
        } else if ours.valid {
            *only_peer.entry(peer.unwrap_err()).or_default() += 1;
        } else {
            let rules: Vec<&str> = ours.errors.iter().map(|e| e.rule.as_ref()).collect();
            *only_ours.entry(rules.join("+")).or_default() += 1;
        }
    }
    let n = lines.len();
    let bytes: Vec<u8> = lines
        .iter()
        .flat_map(|l| l.bytes().chain([b'\n']))
        .collect();
    println!(
        "peer_native records: {n}, fnv1a {:08x}, valid (ours) {valid}",
        common::fnv1a(&bytes)
    );
    println!(
        "peer_native agreement: {same}/{n} = {:.2}% on valid/invalid",
        100.0 * same as f64 / n as f64
    );
    for (rules, k) in &only_ours {
        println!("  refused by ours only ({k}): {rules}");
    }
    for (why, k) in &only_peer {
        println!("  refused by garde only ({k}): {why}");
    }
}

fn peer(c: &mut Criterion) {
    let lines = common::generate_lines(common::N_RECORDS);
    let values: Vec<Value> = lines.iter().map(|l| common::parse(l)).collect();
    let opts = Options::new(common::today());
    let ctx = PeerCtx {
        today: common::today(),
    };
    agreement(&lines, &values, &opts, &ctx);

    let mut g = c.benchmark_group("peer_native");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.sample_size(20);
    g.bench_function("ours_from_value", |b| {
        b.iter(|| {
            values
                .iter()
                .filter(|v| black_box(validate(v, &opts)).valid)
                .count()
        })
    });
    g.bench_function("garde_from_value", |b| {
        b.iter(|| {
            values
                .iter()
                .filter(|v| black_box(peer_from_value(v, &ctx)).is_ok())
                .count()
        })
    });
    g.bench_function("ours_from_text", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| black_box(dwolla_validator::validate_text(l, &opts)).valid)
                .count()
        })
    });
    g.bench_function("ours_from_text_via_value", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| match input::parse_payload(l.as_bytes()) {
                    Ok(v) => black_box(validate(&v, &opts)).valid,
                    Err(_) => false,
                })
                .count()
        })
    });
    g.bench_function("garde_from_text", |b| {
        b.iter(|| {
            lines
                .iter()
                .filter(|l| black_box(peer_from_text(l, &ctx)).is_ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, peer);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
