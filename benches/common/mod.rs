//! What the benchmarks share: the fixed *today*, sample payloads, and the
//! deterministic generator of personal Customer records.
//!
//! The generator is written twice, here and in `benches/node/records.mjs`, with
//! the same PRNG (mulberry32), pools and mutations, so the native and the Node
//! comparisons run on the very same records. Both print an FNV-1a digest of the
//! NDJSON they produce; `scripts/bench` checks that the two agree.

// Each bench target uses a different part of this module.
#![allow(dead_code)]

use chrono::NaiveDate;
use serde_json::Value;

/// The date every benchmark computes ages on.
pub const TODAY: &str = "2026-11-23";

/// How many records the bulk and peer benchmarks generate.
pub const N_RECORDS: usize = 10_000;

/// The PRNG seed both generators use.
pub const SEED: u32 = 0x00C0_FFEE;

/// Percentage of generated records that get one to three mistakes.
pub const INVALID_PERCENT: u32 = 30;

pub fn today() -> NaiveDate {
    dwolla_validator::parse_date(TODAY).expect("TODAY is a date")
}

/// The seed's personal verified Customer with every optional field: valid.
pub const VALID_PERSONAL: &str = r#"{"firstName":"María","lastName":"Núñez","email":"maria.nunez@example.com","ipAddress":"10.10.10.10","type":"personal","address1":"1200 Grand Ave","address2":"Apt 8","city":"Des Moines","state":"IA","postalCode":"50309-1234","dateOfBirth":"1988-02-29","ssn":"123456789","phone":"5155550134","correlationId":"abc-123"}"#;

/// A personal Customer with seven mistakes: no dot in the e-mail domain, PO box,
/// lowercase state, short ZIP, too young, SSN with dashes, an unknown field.
pub const INVALID_PERSONAL: &str = r#"{"firstName":"John","lastName":"Doe","email":"john@example","type":"personal","address1":"P.O. Box 123","city":"Some City","state":"ny","postalCode":"1110","dateOfBirth":"2015-01-01","ssn":"202-99-1516","nickname":"JD"}"#;

/// An llc with its controller (from tests/vectors/business.json): valid.
pub const BUSINESS_LLC: &str = r#"{"firstName":"Account","lastName":"Admin","email":"accountAdmin@email.com","type":"business","address1":"99-99 33rd St","city":"Some City","state":"NY","postalCode":"11101","controller":{"firstName":"John","lastName":"Controller","title":"CEO","dateOfBirth":"1980-01-31","ssn":"1234","address":{"address1":"1749 18th st","address2":"apt 12","city":"Des Moines","stateProvinceRegion":"IA","postalCode":"50266","country":"US"}},"phone":"5554321234","businessClassification":"9ed3f670-7d6f-11e3-b1ce-5404a6144203","businessType":"llc","businessName":"Jane Corp","ein":"123456789"}"#;

pub fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("sample payloads are JSON")
}

/// mulberry32: tiny, fast, and the same bit for bit in JS (`Math.imul`).
pub struct Rng(u32);

impl Rng {
    pub fn new(seed: u32) -> Self {
        Rng(seed)
    }
    pub fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        t ^ (t >> 14)
    }
    /// 0..n (n > 0).
    pub fn below(&mut self, n: u32) -> u32 {
        self.next_u32() % n
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u32) as usize]
    }
}

const FIRST: &[&str] = &[
    "John",
    "Mary",
    "José",
    "María",
    "Li",
    "Aisha",
    "Zoë",
    "Oluwaseun",
    "Anne-Marie",
    "Dmitri",
    "Priya",
    "Seán",
];
const LOCAL: &[&str] = &[
    "john",
    "mary",
    "jose",
    "maria",
    "li",
    "aisha",
    "zoe",
    "seun",
    "annemarie",
    "dmitri",
    "priya",
    "sean",
];
const LAST: &[&str] = &[
    "Doe",
    "Smith",
    "Núñez",
    "Nguyen",
    "O'Brien",
    "García",
    "Kowalski",
    "Van der Berg",
    "Okafor",
    "Schäfer",
];
const STREETS: &[&str] = &[
    "Main St",
    "Grand Ave",
    "Oak Ln",
    "Elm St",
    "Boxwood Ln",
    "Post Rd",
    "Market St",
    "Broadway",
    "Sunset Blvd",
    "Lake Shore Dr",
];
const PLACES: &[(&str, &str, &str)] = &[
    ("New York", "NY", "10001"),
    ("Des Moines", "IA", "50309"),
    ("Los Angeles", "CA", "90012"),
    ("Chicago", "IL", "60601"),
    ("Houston", "TX", "77002"),
    ("Seattle", "WA", "98101"),
    ("Miami", "FL", "33101"),
    ("Denver", "CO", "80202"),
    ("Boston", "MA", "02108"),
    ("San Juan", "PR", "00901"),
];
const DOMAINS: &[&str] = &[
    "example.com",
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "mail.example.org",
];

/// How many kinds of mistake `mutate` knows.
pub const MUTATIONS: u32 = 22;

/// One record as an ordered list of string fields (JSON key order matters for the
/// digest, and `serde_json::Value` sorts keys).
pub type Fields = Vec<(String, String)>;

fn set(r: &mut Fields, key: &str, value: String) {
    match r.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => r.push((key.to_string(), value)),
    }
}

fn pad(n: u32, width: usize) -> String {
    format!("{n:0width$}")
}

fn mutate(r: &mut Fields, rng: &mut Rng, which: u32) {
    let n = 1 + rng.below(999);
    match which {
        0 => set(r, "ssn", "202-99-1516".into()),
        1 => set(r, "address1", format!("PO Box {n}")),
        2 => set(r, "address1", format!("P.O. Box {n}")),
        3 => set(r, "address1", format!("Р.О. Вох {n}")), // Cyrillic look-alikes
        4 => set(r, "postalCode", "1234".into()),
        5 => set(r, "dateOfBirth", "2015-05-05".into()),
        6 => set(r, "dateOfBirth", "1990-02-30".into()),
        7 => set(r, "email", "john.example.com".into()),
        8 => set(r, "email", "john@localhost".into()),
        9 => set(r, "firstName", "<script>".into()),
        10 => set(r, "firstName", "Jo\u{200B}hn".into()),
        11 => set(r, "lastName", "x".repeat(51)),
        12 => set(r, "state", "XX".into()),
        13 => set(r, "state", "ny".into()),
        14 => set(r, "city", "Springfield 2".into()),
        15 => set(r, "phone", "555-0100".into()),
        16 => r.retain(|(k, _)| k != "email"),
        17 => set(r, "nickname", "Johnny".into()),
        18 => set(r, "ipAddress", "999.1.1.1".into()),
        19 => set(r, "correlationId", "bad id!".into()),
        20 => set(r, "ssn", "12345".into()),
        _ => set(r, "dateOfBirth", "1890-01-01".into()),
    }
}

/// One personal Customer: valid, or (INVALID_PERCENT of the time) with 1–3 mistakes.
pub fn record(rng: &mut Rng) -> Fields {
    let mut r: Fields = Vec::with_capacity(16);
    let i = rng.below(FIRST.len() as u32) as usize;
    let mut put = |k: &str, v: String| r.push((k.to_string(), v));
    put("firstName", FIRST[i].to_string());
    put("lastName", rng.pick(LAST).to_string());
    let num = rng.below(1000);
    let domain = rng.pick(DOMAINS);
    put("email", format!("{}{num}@{domain}", LOCAL[i]));
    if rng.below(2) == 0 {
        let ip = if rng.below(5) == 0 {
            format!("2001:db8::{:x}", rng.below(65535) + 1)
        } else {
            let a = 1 + rng.below(223);
            let b = rng.below(256);
            let c = rng.below(256);
            let d = 1 + rng.below(254);
            format!("{a}.{b}.{c}.{d}")
        };
        put("ipAddress", ip);
    }
    put("type", "personal".to_string());
    let house = 1 + rng.below(9999);
    put("address1", format!("{house} {}", rng.pick(STREETS)));
    if rng.below(4) == 0 {
        put("address2", format!("Apt {}", 1 + rng.below(300)));
    }
    let (city, state, zip) = PLACES[rng.below(PLACES.len() as u32) as usize];
    put("city", city.to_string());
    put("state", state.to_string());
    let zip = if rng.below(10) < 3 {
        format!("{zip}-{}", pad(rng.below(10_000), 4))
    } else {
        zip.to_string()
    };
    put("postalCode", zip);
    let y = 1946 + rng.below(60);
    let m = 1 + rng.below(12);
    let d = 1 + rng.below(28);
    put("dateOfBirth", format!("{y}-{}-{}", pad(m, 2), pad(d, 2)));
    let ssn = if rng.below(2) == 0 {
        pad(rng.below(10_000), 4)
    } else {
        pad(rng.below(1_000_000_000), 9)
    };
    put("ssn", ssn);
    if rng.below(10) < 6 {
        let area = 2 + rng.below(8);
        let a2 = rng.below(100);
        let ex = 2 + rng.below(8);
        let rest = rng.below(1_000_000);
        put("phone", format!("{area}{}{ex}{}", pad(a2, 2), pad(rest, 6)));
    }
    if rng.below(10) < 3 {
        put(
            "correlationId",
            format!("req-{}.{}", rng.below(1_000_000), rng.below(1000)),
        );
    }
    if rng.below(100) < INVALID_PERCENT {
        let k = 1 + rng.below(3);
        for _ in 0..k {
            let which = rng.below(MUTATIONS);
            mutate(&mut r, rng, which);
        }
    }
    r
}

/// One record as a JSON object, keys in order.
pub fn to_json(r: &Fields) -> String {
    let mut s = String::with_capacity(320);
    s.push('{');
    for (i, (k, v)) in r.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&serde_json::to_string(k).expect("a string serializes"));
        s.push(':');
        s.push_str(&serde_json::to_string(v).expect("a string serializes"));
    }
    s.push('}');
    s
}

/// `n` records, one JSON object per line.
pub fn generate_lines(n: usize) -> Vec<String> {
    let mut rng = Rng::new(SEED);
    (0..n).map(|_| to_json(&record(&mut rng))).collect()
}

/// The same records as NDJSON bytes (each line ends in `\n`).
pub fn generate_ndjson(n: usize) -> Vec<u8> {
    let mut out = String::new();
    for line in generate_lines(n) {
        out.push_str(&line);
        out.push('\n');
    }
    out.into_bytes()
}

/// FNV-1a (32 bits) of the bytes: the digest both generators print.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811C_9DC5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
