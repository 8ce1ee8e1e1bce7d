//! Properties that hold for every input, checked with proptest.

use chrono::{Datelike, NaiveDate};
use dwolla_validator::normalize::{normalize, normalize_field};
use dwolla_validator::{validate, validate_field, Operation, Options};
use proptest::prelude::*;
use serde_json::{json, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn opts() -> Options {
    Options::new(today())
}

/// Arbitrary JSON, a few levels deep, with odd strings.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".*".prop_map(Value::from),
        "[0-9 ()+-]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    Just("type".to_string()),
                    Just("ssn".to_string()),
                    Just("firstName".to_string()),
                    Just("address1".to_string()),
                    Just("dateOfBirth".to_string()),
                    ".{0,8}"
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn valid_personal() -> Value {
    json!({"firstName": "John", "lastName": "Doe", "email": "johndoe@email.net", "type": "personal",
           "address1": "99-99 33rd St", "city": "Some City", "state": "NY", "postalCode": "11101",
           "dateOfBirth": "1970-01-01", "ssn": "1234"})
}

const FORBIDDEN: &[char] = &[
    '<', '>', '=', '"', '`', '!', '?', '%', '~', '$', '{', '}', '\\',
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics_and_is_consistent(v in arb_json(), ty in prop_oneof![Just("personal"), Just("unverified"), Just("receive-only"), Just("business"), Just("x")]) {
        let r = validate(&v, &opts());
        prop_assert_eq!(r.valid, r.errors.is_empty());
        // With a type forced in, the personal/unverified paths run too.
        if let Value::Object(mut m) = v {
            m.insert("type".into(), json!(ty));
            let r = validate(&Value::Object(m), &opts().operation(Operation::Retry));
            prop_assert_eq!(r.valid, r.errors.is_empty());
            let mut paths: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
            let n = paths.len();
            paths.sort();
            paths.dedup();
            prop_assert_eq!(paths.len(), n, "at most one error per path");
        }
    }

    #[test]
    fn any_five_ascii_digits_is_a_zip(zip in "[0-9]{5}") {
        prop_assert!(validate_field("personal", "postalCode", &json!(zip), &opts()).valid);
    }

    #[test]
    fn other_digit_counts_are_not(zip in "[0-9]{0,4}|[0-9]{6,12}") {
        let r = validate_field("personal", "postalCode", &json!(zip), &opts());
        prop_assert!(!r.valid);
    }

    #[test]
    fn zip_plus_four(zip in "[0-9]{5}-[0-9]{4}") {
        prop_assert!(validate_field("personal", "postalCode", &json!(zip), &opts()).valid);
    }

    #[test]
    fn a_forbidden_character_anywhere_is_refused(
        before in "[A-Za-z '-]{0,20}", c in prop::sample::select(FORBIDDEN), after in "[A-Za-z '-]{0,20}",
        field in prop::sample::select(&["firstName", "lastName", "address1", "address2", "city"][..]),
    ) {
        let name = format!("{before}{c}{after}");
        let r = validate_field("personal", field, &json!(name), &opts());
        prop_assert!(!r.valid);
        prop_assert!(!r.errors[0].message.contains(&name) || name.trim().len() < 2);
    }

    #[test]
    fn birthday_boundaries(days in 0i64..(365 * 150)) {
        let born = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
        let dob = born.format("%Y-%m-%d").to_string();
        for (years, min_ok) in [(18, true), (125, true)] {
            // The day a person turns `years` (29 Feb birthdays: 1 March in common years).
            let anniversary = NaiveDate::from_ymd_opt(born.year() + years, born.month(), born.day())
                .unwrap_or_else(|| NaiveDate::from_ymd_opt(born.year() + years, 3, 1).unwrap());
            let on = Options::new(anniversary);
            let r = validate_field("personal", "dateOfBirth", &json!(dob), &on);
            prop_assert_eq!(r.valid, min_ok, "{} on {}", dob, anniversary);
            if years == 18 {
                let before = Options::new(anniversary.pred_opt().unwrap());
                prop_assert!(!validate_field("personal", "dateOfBirth", &json!(dob), &before).valid);
            }
        }
        // 126th birthday: too old; the day before, still 125.
        let t126 = NaiveDate::from_ymd_opt(born.year() + 126, born.month(), born.day())
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(born.year() + 126, 3, 1).unwrap());
        prop_assert!(!validate_field("personal", "dateOfBirth", &json!(dob), &Options::new(t126)).valid);
        prop_assert!(validate_field("personal", "dateOfBirth", &json!(dob), &Options::new(t126.pred_opt().unwrap())).valid);
    }

    #[test]
    fn normalize_is_idempotent(v in arb_json()) {
        let once = normalize(&v);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn normalize_field_is_idempotent(field in prop::sample::select(&["ssn", "phone", "ein", "state", "firstName"][..]), s in ".{0,30}") {
        let once = normalize_field(field, &s);
        prop_assert_eq!(normalize_field(field, &once), once);
    }

    #[test]
    fn formatted_ssn_that_normalize_fixes_then_passes(
        d in "[0-9]{9}", sep in prop::sample::select(&["-", " ", "", " - "][..]), bracket in any::<bool>(),
    ) {
        let formatted = format!("{}{}{sep}{}{sep}{}", if bracket { "(" } else { "" }, &d[..3], &d[3..5], &d[5..]);
        let formatted = if bracket { formatted.replacen(&d[..3], &format!("{})", &d[..3]), 1) } else { formatted };
        let mut p = valid_personal();
        p["ssn"] = json!(formatted);
        let fixed = normalize(&p);
        prop_assert_eq!(fixed["ssn"].as_str().unwrap(), d.as_str());
        prop_assert!(validate(&fixed, &opts().operation(Operation::Retry)).valid);
    }

    #[test]
    fn formatted_phone_that_normalize_fixes_then_passes(a in "[2-9][0-9]{2}", b in "[2-9][0-9]{2}", c in "[0-9]{4}", style in 0usize..4) {
        let formatted = match style {
            0 => format!("({a}) {b}-{c}"),
            1 => format!("{a}-{b}-{c}"),
            2 => format!(" {a} {b} {c} "),
            _ => format!("{a}{b}{c}"),
        };
        let mut p = valid_personal();
        p["phone"] = json!(formatted);
        let fixed = normalize(&p);
        prop_assert!(validate(&fixed, &opts()).valid, "{:?}", fixed["phone"]);
    }

    #[test]
    fn messages_never_contain_the_value(field in prop::sample::select(&["ssn", "dateOfBirth", "phone", "firstName", "email", "postalCode", "address1"][..]), s in "[0-9A-Za-z@./ -]{6,40}") {
        let r = validate_field("personal", field, &json!(s), &opts());
        for e in &r.errors {
            prop_assert!(!e.message.contains(&s), "{}", e.message);
        }
    }
}
