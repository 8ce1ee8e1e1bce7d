//! The `dwolla-validator` command: check or normalize files of Customer payloads.
//!
//! Only arguments, reading and printing live here; every rule is in the library.

use dwolla_validator::input::{records, unreadable_report, Record};
use dwolla_validator::{normalize, parse_date, today_utc, validate, Issue, Operation, Options};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
dwolla-validator: offline validation of Dwolla Customer payloads

Usage:
  dwolla-validator check [OPTIONS] [FILE ...]
  dwolla-validator normalize [FILE ...]
  dwolla-validator --help | --version

Input: one JSON object, a JSON array of objects, or NDJSON (one object per line).
With no FILE, or with '-', reads standard input.

Options for check:
  --operation create|retry   which request the payloads are for (default: create)
  --today YYYY-MM-DD         the date ages are computed on (default: today, UTC)
  --format text|json         text for people (default), json for one line per record
  --allow-unknown-fields     accept fields the payload shape does not define

Exit status: 0 when every record is valid, 1 when any is not, 2 for usage or I/O errors.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

struct Args {
    command: String,
    opts: Options,
    format: Format,
    files: Vec<String>,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let Some(command) = argv.next() else {
        return Err("missing command: use 'check' or 'normalize'".into());
    };
    match command.as_str() {
        "-h" | "--help" | "help" => return Ok(None),
        "-V" | "--version" => {
            println!("dwolla-validator {}", env!("CARGO_PKG_VERSION"));
            return Ok(None);
        }
        "check" | "normalize" => {}
        other => {
            return Err(format!(
                "unknown command '{other}': use 'check' or 'normalize'"
            ))
        }
    }
    let mut opts = Options::new(today_utc());
    let mut format = Format::Text;
    let mut files = Vec::new();
    let mut only_files = false;
    while let Some(arg) = argv.next() {
        let mut value = |name: &str| argv.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            _ if only_files => files.push(arg),
            "--" => only_files = true,
            "-h" | "--help" => return Ok(None),
            "--operation" => {
                let v = value("--operation")?;
                let op: Operation = v.parse().map_err(|e| format!("--operation: {e}"))?;
                opts = opts.operation(op);
            }
            "--today" => {
                let v = value("--today")?;
                opts.today =
                    parse_date(&v).ok_or("--today must be a real date written YYYY-MM-DD")?;
            }
            "--format" => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    _ => return Err("--format must be 'text' or 'json'".into()),
                }
            }
            "--allow-unknown-fields" => opts = opts.allow_unknown_fields(true),
            "-" => files.push(arg),
            _ if arg.starts_with('-') => return Err(format!("unknown option '{arg}'")),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push("-".into());
    }
    Ok(Some(Args {
        command,
        opts,
        format,
        files,
    }))
}

fn read_input(name: &str) -> io::Result<Vec<u8>> {
    if name == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(name)
    }
}

/// One line of `--format json`.
#[derive(Serialize)]
struct JsonLine<'a> {
    index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    valid: bool,
    errors: &'a [Issue],
    warnings: &'a [Issue],
}

struct Tally {
    records: usize,
    invalid: usize,
    by_rule: BTreeMap<String, usize>,
}

fn check(args: &Args, inputs: &[(String, Vec<u8>)], out: &mut impl Write) -> io::Result<bool> {
    let mut tally = Tally {
        records: 0,
        invalid: 0,
        by_rule: BTreeMap::new(),
    };
    let many_files = inputs.len() > 1;
    for (name, bytes) in inputs {
        for Record { line, value } in records(bytes) {
            let report = match &value {
                Ok(v) => validate(v, &args.opts),
                Err(e) => unreadable_report(e),
            };
            let index = tally.records;
            tally.records += 1;
            if !report.valid {
                tally.invalid += 1;
            }
            for e in &report.errors {
                *tally.by_rule.entry(e.rule.clone()).or_default() += 1;
            }
            match args.format {
                Format::Json => {
                    let row = JsonLine {
                        index,
                        file: many_files.then_some(name.as_str()),
                        line,
                        valid: report.valid,
                        errors: &report.errors,
                        warnings: &report.warnings,
                    };
                    serde_json::to_writer(&mut *out, &row)?;
                    writeln!(out)?;
                }
                Format::Text => {
                    if report.valid {
                        continue;
                    }
                    let place = match line {
                        Some(l) => format!("{name}:{l}"),
                        None => name.clone(),
                    };
                    writeln!(out, "{place}: record {} is invalid", index + 1)?;
                    for e in &report.errors {
                        let path = if e.path.is_empty() {
                            "(record)"
                        } else {
                            e.path.as_str()
                        };
                        writeln!(out, "  {path}: {} ({}, {})", e.message, e.code, e.rule)?;
                    }
                }
            }
        }
    }
    if args.format == Format::Text {
        let valid = tally.records - tally.invalid;
        writeln!(
            out,
            "{} record{} checked: {valid} valid, {} invalid.",
            tally.records,
            if tally.records == 1 { "" } else { "s" },
            tally.invalid
        )?;
        if !tally.by_rule.is_empty() {
            let mut counts: Vec<_> = tally.by_rule.iter().collect();
            counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let list: Vec<String> = counts.iter().map(|(r, n)| format!("{r} {n}")).collect();
            writeln!(out, "Errors by rule: {}.", list.join(", "))?;
        }
    }
    Ok(tally.invalid == 0)
}

fn normalize_all(inputs: &[(String, Vec<u8>)], out: &mut impl Write) -> io::Result<bool> {
    let mut all_ok = true;
    for (name, bytes) in inputs {
        for Record { line, value } in records(bytes) {
            match value {
                Ok(v) => {
                    serde_json::to_writer(&mut *out, &normalize(&v))?;
                    writeln!(out)?;
                }
                Err(e) => {
                    all_ok = false;
                    eprintln!("{name}:{}: skipped: the record is {e}", line.unwrap_or(1));
                }
            }
        }
    }
    Ok(all_ok)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("dwolla-validator: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut inputs = Vec::with_capacity(args.files.len());
    for name in &args.files {
        match read_input(name) {
            Ok(bytes) => inputs.push((
                if name == "-" {
                    "<stdin>".to_string()
                } else {
                    name.clone()
                },
                bytes,
            )),
            Err(e) => {
                eprintln!("dwolla-validator: cannot read {name}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if args.command == "check" {
        check(&args, &inputs, &mut out)
    } else {
        normalize_all(&inputs, &mut out)
    };
    match result.and_then(|ok| out.flush().map(|()| ok)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dwolla-validator: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}
