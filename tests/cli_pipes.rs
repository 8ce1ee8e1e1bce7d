//! A reader that closes stdout early (`dwolla-validator ... | head -1`): every
//! command stops quietly, without a panic or a message, with the status the README
//! documents: 1 when an invalid record was already seen, otherwise 141.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};

const VALID: &str = r#"{"firstName":"John","lastName":"Doe","email":"johndoe@email.net","type":"personal","address1":"99-99 33rd St","city":"Some City","state":"NY","postalCode":"11101","dateOfBirth":"1970-01-01","ssn":"1234"}"#;
const INVALID: &str = r#"{"firstName":"John","type":"personal"}"#;
const BROKEN_PIPE: i32 = 141;

fn examples(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn bin(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dwolla-validator"));
    c.args(args)
        .env("DWOLLA_VALIDATOR_THREADS", "2")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// The write end of a pipe whose read end is already closed: the first write the
/// command makes fails with a broken pipe, however small its output.
fn closed_pipe() -> Stdio {
    let mut cat = Command::new("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("cat");
    let write_end = cat.stdin.take().unwrap();
    cat.kill().unwrap();
    cat.wait().unwrap();
    Stdio::from(write_end)
}

fn feed(child: &mut std::process::Child, input: Vec<u8>) -> std::thread::JoinHandle<()> {
    let mut stdin = child.stdin.take().unwrap();
    // The command may stop before reading it all; that is not the test's concern.
    std::thread::spawn(move || drop(stdin.write_all(&input)))
}

/// Runs a command into a pipe that was closed before it started.
fn into_closed_pipe(args: &[&str], input: &str) -> Output {
    let mut child = bin(args).stdout(closed_pipe()).spawn().unwrap();
    let writer = feed(&mut child, input.as_bytes().to_vec());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Runs a command, reads one line of its output, then closes the pipe.
fn read_one_line(args: &[&str], input: &[u8]) -> (String, Output) {
    let mut child = bin(args).stdout(Stdio::piped()).spawn().unwrap();
    let writer = feed(&mut child, input.to_vec());
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (first, out)
}

fn assert_quiet(out: &Output, status: i32, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(status), "{what}: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{what}: {stderr}"
    );
}

fn lines(record: &str, n: usize) -> String {
    format!("{record}\n").repeat(n)
}

#[test]
fn every_command_into_a_pipe_closed_before_it_writes() {
    let png = examples("documents/id-card.png");
    let renamed = examples("documents/id-card-renamed.jpg");
    let cases: [(&[&str], String, i32); 14] = [
        (&["statuses"], String::new(), BROKEN_PIPE),
        (&["rules"], String::new(), BROKEN_PIPE),
        (&["rules", "business"], String::new(), BROKEN_PIPE),
        (&["schema", "personal"], String::new(), BROKEN_PIPE),
        (&["--help"], String::new(), BROKEN_PIPE),
        (&["--version"], String::new(), BROKEN_PIPE),
        (&["check"], lines(VALID, 3), BROKEN_PIPE),
        (&["check", "--format", "json"], lines(VALID, 3), BROKEN_PIPE),
        (&["check"], lines(INVALID, 3), 1),
        (&["check", "--format", "json"], lines(INVALID, 3), 1),
        (&["normalize"], lines(VALID, 3), BROKEN_PIPE),
        (&["normalize"], format!("not json\n{VALID}\n"), 1),
        (
            &["document", "--type", "idCard", &png],
            String::new(),
            BROKEN_PIPE,
        ),
        (
            &["document", "--type", "idCard", &renamed],
            String::new(),
            1,
        ),
    ];
    for (args, input, status) in cases {
        let out = into_closed_pipe(args, &input);
        assert_quiet(&out, status, &format!("{args:?}"));
        if status == BROKEN_PIPE {
            assert!(out.stderr.is_empty(), "{args:?}: no message at all");
        }
    }
}

#[test]
fn check_into_a_reader_that_stops_after_one_line() {
    // Much more output than a pipe holds, so the command is still writing.
    let valid = lines(VALID, 20_000);
    let (first, out) = read_one_line(&["check", "--format", "json"], valid.as_bytes());
    assert!(first.contains("\"valid\":true"), "{first}");
    assert_quiet(&out, BROKEN_PIPE, "all valid so far: not finished, not 0");

    let mut mixed = lines(INVALID, 1);
    mixed.push_str(&valid);
    let (_, out) = read_one_line(&["check", "--format", "json"], mixed.as_bytes());
    assert_quiet(&out, 1, "an invalid record was seen");

    let invalid = lines(INVALID, 20_000);
    let (first, out) = read_one_line(&["check"], invalid.as_bytes());
    assert!(first.contains("is invalid"), "{first}");
    assert_quiet(&out, 1, "text output, invalid records");
}

#[test]
fn normalize_into_a_reader_that_stops_after_one_line() {
    let valid = lines(VALID, 20_000);
    let (first, out) = read_one_line(&["normalize"], valid.as_bytes());
    assert!(first.starts_with("{\"firstName\":\"John\""), "{first}");
    assert_quiet(&out, BROKEN_PIPE, "normalize");

    let with_bad = format!("not json\n{valid}");
    let (_, out) = read_one_line(&["normalize"], with_bad.as_bytes());
    assert_quiet(&out, 1, "normalize skipped a record");
}

#[test]
fn document_and_catalogs_into_a_reader_that_stops_after_one_line() {
    let png = examples("documents/id-card.png");
    let many: Vec<&str> = std::iter::repeat_n(png.as_str(), 2_000).collect();
    let mut args = vec!["document", "--type", "idCard", "--format", "json"];
    args.extend(&many);
    // Two thousand files at once are too many (Dwolla holds 4): the first line says so.
    let (first, out) = read_one_line(&args, b"");
    assert!(first.contains("document_count"), "{first}");
    assert_quiet(&out, 1, "document");

    for args in [&["rules"][..], &["statuses"], &["schema", "business"]] {
        let (first, out) = read_one_line(args, b"");
        assert_eq!(first, "{\n", "{args:?}");
        // The output may fit in the pipe before it is closed: then it simply ends.
        let status = out.status.code();
        assert!(
            status == Some(0) || status == Some(BROKEN_PIPE),
            "{args:?}: {status:?}"
        );
        assert_quiet(&out, status.unwrap(), &format!("{args:?}"));
    }
}

/// `check` and `normalize` read a stream a few megabytes at a time: the first
/// record's line comes out while the input is still open (an endless `yes | ...`
/// is read as it comes, never held whole). The writer keeps stdin open until the
/// line has arrived, so a command that read its input to the end first would
/// never answer; the test gives up after a minute.
#[test]
fn a_stream_that_has_not_ended_is_answered_as_it_comes() {
    for (args, first) in [
        (
            &["check", "--format", "json"][..],
            r#"{"index":0,"line":1,"valid":true"#,
        ),
        (&["normalize"], r#"{"firstName":"John""#),
    ] {
        let mut child = bin(args)
            .env("DWOLLA_VALIDATOR_CHUNK_BYTES", "65536")
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (line_tx, line_rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut line = String::new();
            BufReader::new(stdout).read_line(&mut line).unwrap();
            line_tx.send(line).unwrap();
        });
        // More than a chunk of records, and the stream left open. The command
        // may stop once its one line was read: a failed write is not the concern.
        let _ = stdin.write_all(lines(VALID, 1000).as_bytes());
        let _ = stdin.flush();
        let line = line_rx.recv_timeout(std::time::Duration::from_secs(60));
        drop(stdin);
        let line = line.unwrap_or_else(|_| panic!("{args:?}: no line before the input ended"));
        assert!(line.starts_with(first), "{args:?}: {line}");
        reader.join().unwrap();
        child.wait().unwrap();
    }
}
