//! Runs the `dwolla-validator` binary on files and stdin and checks output and exit codes.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dwolla-validator"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // A command that fails on its arguments exits without reading stdin: the write
    // may then meet a closed pipe, which is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

const VALID: &str = r#"{"firstName":"John","lastName":"Doe","email":"johndoe@email.net","type":"personal","address1":"99-99 33rd St","city":"Some City","state":"NY","postalCode":"11101","dateOfBirth":"1970-01-01","ssn":"1234"}"#;

fn examples(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn valid_object_on_stdin_exits_0() {
    let out = run(&["check", "--today", "2026-11-23"], VALID.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 record checked: 1 valid, 0 invalid."));
}

#[test]
fn json_format_one_line_per_record_with_bad_lines_reported() {
    let input = format!("{VALID}\nthis is not json\n\n{{\"type\":\"personal\"}}\n[1,2\n");
    let out = run(
        &["check", "--format", "json", "--today", "2026-11-23", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["index"], 0);
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[0]["errors"], serde_json::json!([]));
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["errors"][0]["code"], "InvalidFormat");
    assert_eq!(lines[1]["errors"][0]["path"], "");
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["errors"][0]["path"], "/firstName");
    assert_eq!(lines[3]["line"], 5);
    for l in &lines {
        for e in l["errors"].as_array().unwrap() {
            assert!(e["code"].is_string() && e["message"].is_string() && e["path"].is_string());
        }
    }
}

#[test]
fn json_array_input() {
    let input = format!("[{VALID}, 7, {{\"type\":\"business-ish\"}}]");
    let out = run(&["check", "--format", "json"], input.as_bytes());
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["errors"][0]["path"], "");
    assert_eq!(lines[2]["errors"][0]["path"], "/type");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn retry_operation_needs_full_ssn() {
    let out = run(
        &["check", "--operation", "retry", "--format", "json"],
        VALID.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["errors"][0]["path"], "/ssn");
    assert_eq!(lines[0]["errors"][0]["rule"], "ssn");
}

#[test]
fn today_pins_the_age() {
    // Born 1970-01-01: 17 on 1987-12-31.
    let out = run(
        &["check", "--format", "json", "--today", "1987-12-31"],
        VALID.as_bytes(),
    );
    assert_eq!(json_lines(&out)[0]["errors"][0]["rule"], "age_range");
}

#[test]
fn allow_unknown_fields_flag() {
    let with_extra = VALID.replace("\"ssn\"", "\"nickname\":\"JD\",\"ssn\"");
    assert_eq!(
        run(&["check"], with_extra.as_bytes()).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "--allow-unknown-fields"], with_extra.as_bytes())
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn examples_file_is_checked_with_a_summary() {
    let out = run(
        &[
            "check",
            "--today",
            "2026-11-23",
            &examples("customers.ndjson"),
        ],
        b"",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the examples include invalid payloads"
    );
    assert!(
        text.contains("10 records checked: 4 valid, 6 invalid."),
        "{text}"
    );
    assert!(text.contains("/address1:"), "{text}");
    assert!(text.contains("Errors by rule:"), "{text}");
    // Text output never repeats the rejected values.
    assert!(
        !text.contains("202-99-1516") && !text.contains("2015-06-01"),
        "{text}"
    );
}

#[test]
fn several_files_are_numbered_together() {
    let out = run(
        &[
            "check",
            "--format",
            "json",
            &examples("personal-retry.json"),
            &examples("customers.ndjson"),
        ],
        b"",
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 11);
    assert_eq!(lines[10]["index"], 10);
    assert!(lines[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("personal-retry.json"));
}

#[test]
fn usage_and_io_errors_exit_2() {
    for args in [
        vec!["check", "--operation", "update"],
        vec!["check", "--today", "2026-02-30"],
        vec!["check", "--format", "xml"],
        vec!["check", "--bogus"],
        vec!["frobnicate"],
        vec![],
        vec!["check", "/no/such/file.json"],
    ] {
        let out = run(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn help_exits_0() {
    let out = run(&["--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage:"));
}

#[test]
fn empty_input_is_zero_records() {
    let out = run(&["check"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 records checked"));
}

#[test]
fn normalize_prints_fixed_payloads() {
    let messy =
        r#"{"firstName":"  John  ","state":"ny","ssn":"202-99-1516","phone":"(515) 555-0100"}"#;
    let out = run(&["normalize"], messy.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let v = &json_lines(&out)[0];
    assert_eq!(v["firstName"], "John");
    assert_eq!(v["state"], "NY");
    assert_eq!(v["ssn"], "202991516");
    assert_eq!(v["phone"], "5155550100");
}

#[test]
fn invalid_utf8_record_is_reported_and_the_run_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"firstName\":\"\xff\xfe\"}\n");
    input.extend_from_slice(VALID.as_bytes());
    let out = run(&["check", "--format", "json"], &input);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["valid"], false);
    assert_eq!(lines[1]["valid"], true);
}

#[test]
fn business_examples_choose_their_rules() {
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-23",
            &examples("business.ndjson"),
        ],
        b"",
    );
    let lines = json_lines(&out);
    let valid: Vec<bool> = lines
        .iter()
        .map(|l| l["valid"].as_bool().unwrap())
        .collect();
    assert_eq!(valid, [true, true, true, false, false]);
    assert_eq!(lines[3]["errors"][0]["path"], "/ein");
}

/// Beneficial owners and KBA answers are checked only when the caller names the
/// kind: `--kind beneficial-owner`, `--kind kba`, or `--kind auto`, which guesses
/// from the keys of a payload without `type`. Without it they are Customers.
#[test]
fn owners_and_kba_answers_are_checked_only_when_named() {
    let verdicts = |args: &[&str]| -> Vec<(bool, String)> {
        let mut all = vec!["check", "--format", "json", "--today", "2026-11-23"];
        all.extend_from_slice(args);
        json_lines(&run(&all, b""))
            .iter()
            .map(|l| {
                let first = l["errors"][0]["rule"].as_str().unwrap_or("").to_string();
                (l["valid"].as_bool().unwrap(), first)
            })
            .collect()
    };
    let (owners, kba) = (examples("owners.ndjson"), examples("kba.ndjson"));
    let named_owner = verdicts(&["--kind", "beneficial-owner", &owners]);
    assert_eq!(named_owner[0], (true, String::new()));
    assert_eq!(named_owner[1], (false, "ssn".to_string()));
    let named_kba = verdicts(&["--kind", "kba", &kba]);
    assert_eq!(named_kba[1], (false, "duplicate_answer".to_string()));
    // --kind auto guesses each record's kind, so one run over both files agrees.
    let auto = verdicts(&["--kind", "auto", &owners, &kba]);
    assert_eq!(auto, [named_owner, named_kba].concat());
    // As Customers (no --kind), none of them passes.
    let as_customers = verdicts(&[&owners, &kba]);
    assert!(as_customers.iter().all(|(valid, _)| !valid));
    assert_eq!(as_customers[0].1, "customer_type");
    assert_eq!(as_customers[2].1, "required");
}

#[test]
fn kind_flag_checks_as_that_kind() {
    let owner = r#"{"firstName":"Ann","lastName":"Lee","dateOfBirth":"1980-01-01","address":{"address1":"1 Main St","city":"Ames","stateProvinceRegion":"IA","postalCode":"50010","country":"US"}}"#;
    let out = run(
        &["check", "--kind", "beneficial-owner", "--format", "json"],
        owner.as_bytes(),
    );
    assert_eq!(json_lines(&out)[0]["errors"][0]["path"], "/ssn");
    assert_eq!(
        run(&["check", "--kind", "martian"], owner.as_bytes())
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn document_command_reads_only_what_it_needs() {
    let docs = |f: &str| examples(&format!("documents/{f}"));
    let out = run(
        &[
            "document",
            "--type",
            "idCard",
            "--format",
            "json",
            &docs("id-card.png"),
            &docs("id-card-renamed.jpg"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["errors"][0]["rule"], "file_signature");
    let pdf = run(
        &[
            "document",
            "--type",
            "other",
            "--for",
            "business",
            &docs("business-certificate.pdf"),
        ],
        b"",
    );
    assert_eq!(pdf.status.code(), Some(0));
    let person_pdf = run(
        &[
            "document",
            "--type",
            "passport",
            &docs("business-certificate.pdf"),
        ],
        b"",
    );
    assert_eq!(person_pdf.status.code(), Some(1));
    // One file, with four uploads already awaiting review: the upload is refused.
    let image = docs("id-card.png");
    let too_many_with = |format: &str| {
        run(
            &[
                "document",
                "--format",
                format,
                "--type",
                "idCard",
                "--pending",
                "4",
                &image,
            ],
            b"",
        )
    };
    let too_many = too_many_with("text");
    let said = String::from_utf8_lossy(&too_many.stdout);
    assert!(said.contains("document_count"));
    // The upload as a whole is refused; the one file is still one document.
    assert_eq!(too_many.status.code(), Some(1));
    assert!(
        said.contains("1 document checked: 1 valid, 0 invalid."),
        "{said}"
    );
    let as_json = too_many_with("json");
    let rows = json_lines(&as_json);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["upload"], true);
    assert_eq!(rows[0]["errors"][0]["rule"], "document_count");
    assert_eq!(
        (rows[1]["index"].as_u64(), rows[1]["valid"].as_bool()),
        (Some(0), Some(true))
    );
    assert_eq!(
        run(&["document", "--type", "idCard", "/no/such.png"], b"")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["document", "--type", "idCard"], b"").status.code(),
        Some(2)
    );
}

#[test]
fn statuses_command_prints_the_data() {
    let out = run(&["statuses"], b"");
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["statuses"][0]["status"], "verified");
    assert_eq!(v["documentFailureReasons"].as_array().unwrap().len(), 12);
}

#[test]
fn large_input_on_many_threads_gives_the_same_output_in_the_same_order() {
    let mut input = String::new();
    for i in 0..12_000 {
        let record = match i % 5 {
            0 => VALID.replace("\"1234\"", "\"12-34\""),
            1 => VALID.replace("99-99 33rd St", "PO Box 7"),
            2 if i % 1000 == 2 => "{\"broken\": ".to_string(),
            _ => VALID.to_string(),
        };
        input.push_str(&record);
        input.push('\n');
    }
    assert!(input.len() > 1 << 20, "large enough to be split");
    let run_with = |threads: &str| {
        let mut child = bin()
            .args(["check", "--format", "json", "--today", "2026-11-23"])
            .env("DWOLLA_VALIDATOR_THREADS", threads)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let data = input.clone();
        let writer = std::thread::spawn(move || stdin.write_all(data.as_bytes()));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        out
    };
    let one = run_with("1");
    let four = run_with("4");
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(one.stdout, four.stdout);
    let lines = json_lines(&four);
    assert_eq!(lines.len(), 12_000);
    assert!(lines
        .iter()
        .enumerate()
        .all(|(i, l)| l["index"] == i && l["line"] == i + 1));
    assert_eq!(lines[11_002]["errors"][0]["rule"], "json_syntax");
    assert!(lines[11_002]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("line 11003"));
}

#[test]
fn a_line_of_a_million_spaces_and_a_huge_field() {
    let mut input = " ".repeat(1_000_000);
    input.push('\n');
    // 9 MiB: under the 10 MiB limit on one record, so it is read and judged.
    input.push_str(&VALID.replace("\"John\"", &format!("\"{}\"", "J".repeat(9 * 1024 * 1024))));
    input.push('\n');
    let out = run(&["check", "--format", "json"], input.as_bytes());
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "the blank line is not a record");
    assert_eq!(lines[0]["line"], 2);
    assert_eq!(lines[0]["errors"][0]["rule"], "length");
    assert!(out.stdout.len() < 10_000, "the huge value is not echoed");
}

/// A record over Dwolla's 10 MiB request limit is refused before it is parsed,
/// with its own report, and the records after it are still checked (issue 13).
#[test]
fn a_record_over_ten_mib_is_refused_and_the_rest_still_checked() {
    let mut input = format!(
        "{{\"type\":\"unverified\",\"firstName\":\"{}\",\"lastName\":\"B\",\"email\":\"a@b.co\"}}\n",
        "a".repeat(10 * 1024 * 1024)
    )
    .into_bytes();
    input.extend_from_slice(VALID.as_bytes());
    input.push(b'\n');
    let out = run(&["check", "--format", "json"], &input);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["errors"][0]["rule"], "payload_size");
    assert_eq!(lines[0]["errors"][0]["path"], "");
    assert_eq!(lines[1]["valid"], true);
    assert_eq!(out.status.code(), Some(1));
}

/// `check` reads records with the validator's own parser: a lone surrogate is
/// reported at its field (as `validate_text` and the npm package report it), not
/// as a broken record, and a record that is not JSON is told in the chosen locale.
#[test]
fn check_reads_like_the_text_path() {
    let surrogate = VALID.replace(r#""firstName":"John""#, r#""firstName":"Jo\ud800hn""#);
    let input = format!("{surrogate}\nnot json\n");
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-23",
            "--locale",
            "es",
        ],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    let first = &lines[0]["errors"][0];
    assert_eq!(first["path"], "/firstName", "{first}");
    assert_eq!(first["rule"], "well_formed_text");
    let opts = dwolla_validator::Options::new(dwolla_validator::parse_date("2026-11-23").unwrap())
        .locale(dwolla_validator::Locale::Es);
    // The record is on line 2 of the file: the same text one line down.
    let expected = dwolla_validator::validate_text("\nnot json", &opts);
    assert_eq!(
        lines[1]["errors"][0]["message"],
        expected.errors[0].message.as_str()
    );
    let english = dwolla_validator::validate_text(
        "not json",
        &dwolla_validator::Options::new(dwolla_validator::parse_date("2026-11-23").unwrap()),
    );
    assert_ne!(
        expected.errors[0].message, english.errors[0].message,
        "the message is in Spanish"
    );
}

/// Keys are input: an unknown one can hold a line break, a terminal escape or a
/// pasted SSN. The text report writes each issue on its own line with what shows
/// nothing escaped, and no message (stdout or stderr) repeats a key that is not a
/// field's name.
#[test]
fn keys_of_any_content_stay_on_their_line_and_unknown_ones_are_not_repeated() {
    let key = r#"x\n1 record checked: 1 valid, 0 invalid.\n\u001b[2J\u202e"#;
    let record = format!(
        r#"{{"{key}":1,"firstName":"A","lastName":"B","email":"a@b.co","type":"unverified"}}"#
    );
    let out = run(&["check", "--today", "2026-11-23"], record.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[1].starts_with(r"  error /x\u{a}1 record checked"),
        "{text}"
    );
    assert!(lines[1].ends_with("(NotAllowed, unknown_field)"), "{text}");
    assert!(lines[2].starts_with("1 record checked: 0 valid, 1 invalid."));
    assert!(!text.contains(['\u{1b}', '\u{202e}']), "{text:?}");

    // A key given twice: `check` and `normalize` say so without repeating it.
    let secret = "SSN 078-05-1120";
    let twice = format!(r#"{{"firstName":"A","{secret}":1,"{secret}":2}}"#);
    for args in [
        &["check"][..],
        &["check", "--format", "json"],
        &["normalize"],
    ] {
        let out = run(args, twice.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        for stream in [&out.stdout, &out.stderr] {
            let s = String::from_utf8_lossy(stream);
            assert!(!s.contains("078-05-1120"), "{args:?}: {s}");
        }
    }
    let out = run(&["normalize"], twice.as_bytes());
    assert!(String::from_utf8_lossy(&out.stderr).contains("appears twice"));
}

/// A file saved with a UTF-8 byte-order mark (Windows tools, spreadsheets) is read
/// as the same file without it, in any chunk size, NDJSON or one array.
#[test]
fn a_file_that_starts_with_a_byte_order_mark_reads_as_without_it() {
    for text in [
        format!("{VALID}\n{VALID}\n"),
        format!("[{VALID},\n{VALID}]"),
    ] {
        let marked = format!("\u{feff}{text}");
        for chunk in ["64", "100000"] {
            let answer = |input: &str| {
                let mut c = bin();
                c.env("DWOLLA_VALIDATOR_CHUNK_BYTES", chunk);
                c.args(["check", "--today", "2026-11-23", "--format", "json"])
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped());
                let mut child = c.spawn().unwrap();
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(input.as_bytes())
                    .unwrap();
                child.wait_with_output().unwrap()
            };
            let (plain, bom) = (answer(&text), answer(&marked));
            assert_eq!(
                bom.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&bom.stdout)
            );
            assert_eq!(bom.stdout, plain.stdout, "chunk {chunk}");
            assert_eq!(json_lines(&bom).len(), 2);
        }
    }
}

/// A document handed over as a stream (a FIFO: `<(curl ...)`, a pipe) has no size
/// to ask the file system for: it is read to its end and counted, so a real image
/// is not "empty".
#[test]
fn a_document_given_as_a_stream_is_measured_by_reading_it() {
    let dir = std::env::temp_dir().join(format!("dv-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("id-card.png");
    let _ = std::fs::remove_file(&fifo);
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let image = std::fs::read(format!(
        "{}/examples/documents/id-card.png",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, image).unwrap())
    };
    let out = run(
        &[
            "document",
            "--type",
            "idCard",
            "--format",
            "json",
            fifo.to_str().unwrap(),
        ],
        b"",
    );
    writer.join().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let rows = json_lines(&out);
    assert_eq!(
        rows[0]["valid"],
        true,
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(0));
}
