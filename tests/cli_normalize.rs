//! `normalize` keeps the input's key order, its values are exactly those of
//! `dwolla_validator::normalize` (only the order differs), and each line is, byte
//! for byte, what `normalize::normalize_text` writes for its record.

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

fn normalize_cli(args: &[&str], stdin: &[u8]) -> (Vec<String>, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dwolla-validator"))
        .arg("normalize")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (text.lines().map(String::from).collect(), out.status.code())
}

/// The path of every key of a JSON text, in the order written ("/a", "/a/b", "/c/0/d").
fn key_paths(text: &str) -> Vec<String> {
    struct Paths<'p> {
        at: String,
        out: &'p mut Vec<String>,
    }
    impl<'de> serde::de::DeserializeSeed<'de> for Paths<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Paths<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut i = 0;
            loop {
                let at = format!("{}/{i}", self.at);
                if seq
                    .next_element_seed(Paths {
                        at,
                        out: &mut *self.out,
                    })?
                    .is_none()
                {
                    return Ok(());
                }
                i += 1;
            }
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                let at = format!("{}/{key}", self.at);
                self.out.push(at.clone());
                map.next_value_seed(Paths {
                    at,
                    out: &mut *self.out,
                })?;
            }
            Ok(())
        }
    }
    let mut out = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(
        Paths {
            at: String::new(),
            out: &mut out,
        },
        &mut de,
    )
    .unwrap();
    out
}

fn examples(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Each output line holds `normalize`'s value of its record, keys in the record's order.
fn assert_same_values_in_the_same_order(inputs: &[String], outputs: &[String]) {
    assert_eq!(inputs.len(), outputs.len());
    for (input, output) in inputs.iter().zip(outputs) {
        let expected = dwolla_validator::normalize(&serde_json::from_str(input).unwrap());
        let got: Value = serde_json::from_str(output).unwrap();
        assert_eq!(got, expected, "{input}");
        assert_eq!(key_paths(output), key_paths(input), "{input}");
    }
}

#[test]
fn the_example_files_keep_their_key_order() {
    for file in ["customers.ndjson", "business.ndjson"] {
        let path = examples(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let inputs: Vec<String> = text.lines().map(String::from).collect();
        let (outputs, status) = normalize_cli(&[&path], b"");
        assert_eq!(status, Some(0), "{file}");
        assert!(
            inputs.iter().any(|l| {
                let paths = key_paths(l);
                let mut sorted = paths.clone();
                sorted.sort();
                paths != sorted
            }),
            "{file}: the examples are not in alphabetical order, so the test can fail"
        );
        assert_same_values_in_the_same_order(&inputs, &outputs);
    }
    let pretty = examples("personal-retry.json");
    let text = std::fs::read_to_string(&pretty).unwrap();
    let (outputs, _) = normalize_cli(&[&pretty], b"");
    assert_same_values_in_the_same_order(&[text], &outputs);
}

fn messy_records() -> Vec<Value> {
    vec![
        json!({"type": "personal", "ssn": " 202-99-1516 ", "firstName": "  Mary   Ann ", "state": "ia", "zeta": [1, {"b": " x ", "a": null}], "alpha": true, "phone": "(515) 555-0100"}),
        json!({"type": "business", "controller": {"title": " CEO ", "lastName": "Lee", "address": {"stateProvinceRegion": "ia", "country": "us", "address1": " 1  Main St "}, "firstName": "Ann"}, "ein": "12-3456789", "businessName": "Cafe\u{0301}"}),
        json!({"answers": [{"question": "q2", "answer": " b "}, {"question": "q1", "answer": "a"}], "kbaId": "k"}),
        json!({"n": 1.5, "m": -3, "l": [], "k": {}, "j": "\"quoted\" \\ \u{1F600}\n\t", "i": [[{"z": 1, "y": 2}]]}),
    ]
}

#[test]
fn values_are_the_librarys_in_ndjson_pretty_and_array_input() {
    let records = messy_records();
    // The records' texts, written by hand in an order that is not alphabetical: a
    // Value's keys are sorted, so serializing `records` would lose what is tested.
    let texts: Vec<String> = [
        r#"{"type":"personal","ssn":" 202-99-1516 ","firstName":"  Mary   Ann ","state":"ia","zeta":[1,{"b":" x ","a":null}],"alpha":true,"phone":"(515) 555-0100"}"#,
        r#"{"type":"business","controller":{"title":" CEO ","lastName":"Lee","address":{"stateProvinceRegion":"ia","country":"us","address1":" 1  Main St "},"firstName":"Ann"},"ein":"12-3456789","businessName":"Cafe\u0301"}"#,
        r#"{"answers":[{"question":"q2","answer":" b "},{"question":"q1","answer":"a"}],"kbaId":"k"}"#,
        r#"{"n":1.5,"m":-3,"l":[],"k":{},"j":"\"quoted\" \\ 😀\n\t","i":[[{"z":1,"y":2}]]}"#,
    ]
    .map(String::from)
    .to_vec();
    for (text, value) in texts.iter().zip(&records) {
        assert_eq!(&serde_json::from_str::<Value>(text).unwrap(), value);
    }
    let ndjson = texts.join("\n");
    let (out, status) = normalize_cli(&[], ndjson.as_bytes());
    assert_eq!(status, Some(0));
    assert_same_values_in_the_same_order(&texts, &out);

    let pretty: Vec<String> = texts
        .iter()
        .map(|t| {
            // Pretty-print while keeping the order: indent the compact text by hand.
            t.replace(",\"", ",\n  \"").replacen('{', "{\n  ", 1)
        })
        .collect();
    let (out_pretty, _) = normalize_cli(&[], pretty.join("\n").as_bytes());
    assert_eq!(out_pretty, out, "pretty-printed input gives the same lines");

    let array = format!("[{}]", texts.join(",\n"));
    let (out_array, _) = normalize_cli(&[], array.as_bytes());
    assert_eq!(out_array, out, "an array's elements give the same lines");
}

#[test]
fn with_sorted_keys_the_output_is_serde_jsons_byte_for_byte() {
    for record in messy_records() {
        // serde_json writes a Value's keys sorted: that text is already in order.
        let text = serde_json::to_string(&record).unwrap();
        let (out, _) = normalize_cli(&[], text.as_bytes());
        let expected = serde_json::to_string(&dwolla_validator::normalize(&record)).unwrap();
        assert_eq!(out, [expected]);
    }
}

#[test]
fn unreadable_records_are_skipped_with_exit_1() {
    let (out, status) = normalize_cli(&[], b"{\"b\":1,\"a\":2}\nnot json\n{\"a\":1,\"a\":2}\n");
    assert_eq!(out, [r#"{"b":1,"a":2}"#]);
    assert_eq!(status, Some(1));
}

/// Each record's text, as the input file holds it: the vectors' payloads written
/// out in their own key order (one per line), the messy records and the examples.
fn many_record_texts() -> Vec<String> {
    let vectors: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/vectors/payloads.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let mut texts: Vec<String> = vectors["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| serde_json::to_string(&case["payload"]).unwrap())
        .collect();
    texts.extend(messy_records().iter().map(|r| r.to_string()));
    for file in ["customers.ndjson", "business.ndjson"] {
        let text = std::fs::read_to_string(examples(file)).unwrap();
        texts.extend(text.lines().map(String::from));
    }
    texts
}

#[test]
fn every_line_is_what_normalize_text_writes_for_its_record() {
    // One reading of a payload for normalizing, whichever way it comes: the CLI
    // writes, byte for byte, what the library's normalize_text (the npm package's
    // normalizeCustomer) writes for the same record.
    let texts = many_record_texts();
    assert!(texts.len() > 40, "{} records", texts.len());
    let (out, status) = normalize_cli(&[], texts.join("\n").as_bytes());
    assert_eq!(status, Some(0));
    let expected: Vec<String> = texts
        .iter()
        .map(|t| dwolla_validator::normalize::normalize_text(t).unwrap())
        .collect();
    assert_eq!(out, expected);
}

#[test]
fn numbers_are_written_as_they_came_and_lone_surrogates_are_handed_back() {
    let seventy_nines = "9".repeat(70);
    let input = format!(
        "{{\"firstName\":\" Jo \",\"n\":[1.50,1e2,-0.0,{seventy_nines}]}}\n{{\"lastName\":\" D\\ud800 \",\"ssn\":\"202-99-1516\"}}\n"
    );
    let (out, status) = normalize_cli(&[], input.as_bytes());
    assert_eq!(status, Some(0), "both records read");
    assert_eq!(
        out,
        [
            format!("{{\"firstName\":\"Jo\",\"n\":[1.50,1e2,-0.0,{seventy_nines}]}}"),
            r#"{"lastName":" D\ud800 ","ssn":"202991516"}"#.to_string(),
        ]
    );
}

#[test]
fn input_past_a_piece_is_read_whole_records_at_a_time() {
    // The CLI reads about a mebibyte at a time, cut where `check` cuts: past that,
    // and with a broken line and a pretty-printed record among the lines, every
    // record still comes out once, in order, as normalize_text writes it.
    let texts = many_record_texts();
    let mut input = String::new();
    let mut expected = Vec::new();
    let mut i = 0;
    while input.len() < 3 << 20 {
        let t = &texts[i % texts.len()];
        match i % 997 {
            500 => input.push_str("{\"broken\": \n"),
            600 => {
                input.push_str(&t.replace(",\"", ",\n  \""));
                input.push('\n');
                expected.push(dwolla_validator::normalize::normalize_text(t).unwrap());
            }
            _ => {
                input.push_str(t);
                input.push('\n');
                expected.push(dwolla_validator::normalize::normalize_text(t).unwrap());
            }
        }
        i += 1;
    }
    let (out, status) = normalize_cli(&[], input.as_bytes());
    assert_eq!(status, Some(1), "the broken lines are skipped");
    assert_eq!(out.len(), expected.len());
    assert!(out == expected, "the lines differ from normalize_text's");
}
