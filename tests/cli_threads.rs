//! The number of threads never changes the answer: the same inputs, large enough
//! to be split (1 MiB or more), checked with DWOLLA_VALIDATOR_THREADS=1, 2, 4 and
//! 16 give byte-identical stdout and the same exit status, and so does reading
//! them a chunk at a time, in chunks from one byte to more than the input.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const VALID: &str = r#"{"firstName":"John","lastName":"Doe","email":"johndoe@email.net","type":"personal","address1":"99-99 33rd St","city":"Some City","state":"NY","postalCode":"11101","dateOfBirth":"1970-01-01","ssn":"1234"}"#;

fn pretty(record: &str) -> String {
    let v: Value = serde_json::from_str(record).unwrap();
    serde_json::to_string_pretty(&v).unwrap()
}

fn check(input: &[u8], threads: usize, format: &str) -> Output {
    check_in_chunks(input, threads, format, None)
}

/// `check` holding at most about `chunk_bytes` of input at once (the default, 8 MiB,
/// when `None`).
fn check_in_chunks(
    input: &[u8],
    threads: usize,
    format: &str,
    chunk_bytes: Option<usize>,
) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dwolla-validator"));
    if let Some(bytes) = chunk_bytes {
        command.env("DWOLLA_VALIDATOR_CHUNK_BYTES", bytes.to_string());
    }
    let mut child = command
        .args(["check", "--today", "2026-11-23", "--format", format])
        .env("DWOLLA_VALIDATOR_THREADS", threads.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

/// Checks `input` on 1, 2, 4 and 16 threads, in both formats, asserts they agree
/// byte for byte, and returns the one-thread text output and status.
fn same_on_every_thread_count(what: &str, input: &[u8]) -> (String, Option<i32>) {
    assert!(input.len() > 1 << 20, "{what}: large enough to be split");
    let mut text = None;
    for format in ["json", "text"] {
        let one = check(input, 1, format);
        assert!(
            one.stderr.is_empty(),
            "{what}: {}",
            String::from_utf8_lossy(&one.stderr)
        );
        // Neither the number of threads nor how much of the input is held at once
        // (from one byte, every record read on until it ends, to more than the
        // input) changes the output.
        let threads = [2, 4, 16].map(|t| (t, None));
        let chunks = [1, 777, 64 << 10, 600 << 10, 4 << 20].map(|c| (2, Some(c)));
        for (threads, chunk) in threads.into_iter().chain(chunks) {
            let run = format!("{what}, {format}, {threads} threads, chunks of {chunk:?} bytes");
            let other = check_in_chunks(input, threads, format, chunk);
            assert_eq!(other.status.code(), one.status.code(), "{run}");
            assert!(other.stdout == one.stdout, "{run}: differs from one thread");
        }
        if format == "text" {
            text = Some((String::from_utf8(one.stdout).unwrap(), one.status.code()));
        }
    }
    text.unwrap()
}

fn summary(text: &str) -> &str {
    text.lines()
        .find(|l| l.contains("checked:"))
        .unwrap_or_default()
}

#[test]
fn one_line_and_pretty_printed_records_mixed() {
    // The case of issue 13: every third record pretty-printed.
    let pretty_valid = pretty(VALID);
    let mut input = String::new();
    for i in 0..6_000 {
        input.push_str(if i % 3 == 0 { &pretty_valid } else { VALID });
        input.push('\n');
    }
    let (text, status) = same_on_every_thread_count("mixed", input.as_bytes());
    assert_eq!(
        summary(&text),
        "6000 records checked: 6000 valid, 0 invalid."
    );
    assert_eq!(status, Some(0));
}

#[test]
fn broken_lines_among_one_line_and_pretty_printed_records() {
    let pretty_valid = pretty(VALID);
    let pretty_broken = pretty_valid.replacen("\"lastName\":", "\"lastName\"", 1);
    let tricky = VALID.replace("Some City", "Some } City ] \\\" {[");
    let broken = [
        "{\"broken\": ",
        "not json at all",
        "{\"s\": \"an unterminated string",
        "[1,2",
        "}",
        "{\"a\":1,\"a\":2}",
    ];
    let mut input = String::new();
    let mut expected_records = 0;
    for i in 0..7_000 {
        let record = match i % 7 {
            0 => pretty_valid.as_str(),
            1 if i % 140 == 1 => pretty_broken.as_str(),
            2 if i % 70 == 2 => broken[(i / 70) % broken.len()],
            3 => tricky.as_str(),
            4 if i % 350 == 4 => "",
            _ => VALID,
        };
        // A lone "}" continues the record before it (a pretty-printer's last line).
        if !record.is_empty() && record != "}" {
            expected_records += 1;
        }
        input.push_str(record);
        input.push('\n');
    }
    // Three broken lines in a row: three records.
    input.push_str("{\"x\":\nnot json\n[[[\n");
    expected_records += 3;
    let (text, status) = same_on_every_thread_count("broken", input.as_bytes());
    assert_eq!(status, Some(1));
    let count: usize = summary(&text).split(' ').next().unwrap().parse().unwrap();
    assert_eq!(count, expected_records, "{}", summary(&text));
}

#[test]
fn an_array_and_several_values_on_a_line() {
    let array = format!("[{}]", vec![VALID; 6_000].join(",\n"));
    let (text, status) = same_on_every_thread_count("array", array.as_bytes());
    assert_eq!(
        summary(&text),
        "6000 records checked: 6000 valid, 0 invalid."
    );
    assert_eq!(status, Some(0));

    let pairs = format!("{VALID} {VALID}\n").repeat(3_000);
    let (text, _) = same_on_every_thread_count("pairs", pairs.as_bytes());
    assert_eq!(
        summary(&text),
        "6000 records checked: 6000 valid, 0 invalid."
    );

    let broken_array = format!("{}\n", &array[..array.len() - 1]);
    let (_, status) = same_on_every_thread_count("broken array", broken_array.as_bytes());
    assert_eq!(status, Some(1));
}
