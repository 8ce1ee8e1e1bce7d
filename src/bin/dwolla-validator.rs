//! The `dwolla-validator` command: check or normalize files of Customer payloads.
//!
//! Only arguments, reading and printing live here; every rule is in the library.

use dwolla_validator::documents::{
    validate_document, validate_document_count, DocumentFor, FileFacts, SIGNATURE_BYTES,
};
use dwolla_validator::input::{records, records_from, unreadable_report, Record};
use dwolla_validator::{
    normalize, parse_date, today_utc, validate, validate_as, Issue, Operation, Options, Report,
};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

const USAGE: &str = "\
dwolla-validator: offline validation of Dwolla Customer payloads

Usage:
  dwolla-validator check [OPTIONS] [FILE ...]
  dwolla-validator normalize [FILE ...]
  dwolla-validator document --type DOCUMENT_TYPE [--for WHOM] [--pending N] [--format text|json] FILE ...
  dwolla-validator statuses
  dwolla-validator rules [SHAPE] [--operation create|retry]
  dwolla-validator schema SHAPE [--operation create|retry]
  dwolla-validator --help | --version

Input: one JSON object, a JSON array of objects, or NDJSON (one object per line).
With no FILE, or with '-', reads standard input.

Options for check:
  --operation create|retry   which request the payloads are for (default: create)
  --today YYYY-MM-DD         the date ages are computed on (default: today, UTC)
  --format text|json         text for people (default), json for one line per record
  --allow-unknown-fields     accept fields the payload shape does not define
  --no-hints                 leave out the quality hints (warnings: a ZIP of another state, gmial.com, ...)
  --locale en|es             the language of messages (default: en)
  --kind KIND                check every record as KIND instead of choosing from the payload:
                             personal, unverified, business, business-sole-proprietorship,
                             controller, beneficial-owner, kba, document, or auto
                             (without a type: answers = KBA, documentType/file = a
                             document, an address object = a beneficial owner)

The check command judges each payload as a Customer, choosing the rules from its type
(and businessType); a payload without a type is an unverified Customer. Beneficial
owners, KBA answers and documents are checked only when --kind names them (or auto).

Options for document (checks real files by name, size and first bytes, not content):
  --type passport|license|idCard|other   the documentType
  --for personal|controller|beneficial-owner|business   whom it is for (default: personal)
  --pending N                documents already awaiting review (Dwolla holds at most 4)

statuses prints the verification statuses, webhook events and document failure
reasons as JSON. rules prints the field catalog (required, lengths, characters,
HTML pattern, autocomplete, inputmode) of one shape or all; schema prints a JSON
Schema (2020-12) of a shape. Shapes: personal, unverified, business,
business-sole-proprietorship, controller, beneficial-owner.

Large NDJSON input (1 MiB or more) is checked on every core, in the same order as
on one; DWOLLA_VALIDATOR_THREADS=N sets the number of threads. A progress count is
shown on stderr when it is a terminal.

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
    kind: Option<String>,
    document_type: Option<String>,
    document_for: String,
    pending: usize,
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
        "check" | "normalize" | "document" | "statuses" | "rules" | "schema" => {}
        other => {
            return Err(format!(
                "unknown command '{other}': use 'check', 'normalize', 'document' or 'statuses'"
            ))
        }
    }
    let mut opts = Options::new(today_utc());
    let mut format = Format::Text;
    let mut files = Vec::new();
    let mut only_files = false;
    let mut kind = None;
    let mut document_type = None;
    let mut document_for = "personal".to_string();
    let mut pending = 0;
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
            "--no-hints" => opts = opts.hints(false),
            "--locale" => {
                let l = value("--locale")?;
                opts = opts.locale(l.parse().map_err(|e| format!("--locale: {e}"))?);
            }
            "--kind" => {
                let k = value("--kind")?;
                if !dwolla_validator::KINDS.contains(&k.as_str()) {
                    return Err(format!(
                        "--kind must be one of: {}",
                        dwolla_validator::KINDS.join(", ")
                    ));
                }
                kind = Some(k);
            }
            "--type" => document_type = Some(value("--type")?),
            "--for" => {
                let w = value("--for")?;
                if DocumentFor::parse(&w).is_none() {
                    return Err(
                        "--for must be personal, controller, beneficial-owner or business".into(),
                    );
                }
                document_for = w;
            }
            "--pending" => {
                pending = value("--pending")?
                    .parse()
                    .map_err(|_| "--pending must be a whole number")?;
            }
            "-" => files.push(arg),
            _ if arg.starts_with('-') => return Err(format!("unknown option '{arg}'")),
            _ => files.push(arg),
        }
    }
    if command == "document" && files.is_empty() {
        return Err("document needs at least one FILE".into());
    }
    if files.is_empty() {
        files.push("-".into());
    }
    Ok(Some(Args {
        command,
        opts,
        format,
        files,
        kind,
        document_type,
        document_for,
        pending,
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

/// Prints reports as they come and keeps the counts for the summary.
struct Printer {
    format: Format,
    many_files: bool,
    records: usize,
    invalid: usize,
    errors_by_rule: BTreeMap<String, usize>,
    warnings_by_rule: BTreeMap<String, usize>,
}

impl Printer {
    fn new(format: Format, many_files: bool) -> Self {
        Printer {
            format,
            many_files,
            records: 0,
            invalid: 0,
            errors_by_rule: BTreeMap::new(),
            warnings_by_rule: BTreeMap::new(),
        }
    }

    fn record(
        &mut self,
        out: &mut impl Write,
        name: &str,
        line: Option<usize>,
        report: &Report,
    ) -> io::Result<()> {
        let index = self.records;
        self.records += 1;
        if !report.valid {
            self.invalid += 1;
        }
        for e in &report.errors {
            *self.errors_by_rule.entry(e.rule.clone()).or_default() += 1;
        }
        for w in &report.warnings {
            *self.warnings_by_rule.entry(w.rule.clone()).or_default() += 1;
        }
        match self.format {
            Format::Json => {
                let row = JsonLine {
                    index,
                    file: self.many_files.then_some(name),
                    line,
                    valid: report.valid,
                    errors: &report.errors,
                    warnings: &report.warnings,
                };
                serde_json::to_writer(&mut *out, &row)?;
                writeln!(out)
            }
            Format::Text => {
                if report.valid && report.warnings.is_empty() {
                    return Ok(());
                }
                let place = match line {
                    Some(l) => format!("{name}:{l}"),
                    None => name.to_string(),
                };
                let verdict = if report.valid {
                    "is valid, with hints"
                } else {
                    "is invalid"
                };
                writeln!(out, "{place}: record {} {verdict}", index + 1)?;
                for (kind, list) in [("error", &report.errors), ("hint", &report.warnings)] {
                    for e in list {
                        let path = if e.path.is_empty() {
                            "(record)"
                        } else {
                            e.path.as_str()
                        };
                        writeln!(
                            out,
                            "  {kind} {path}: {} ({}, {})",
                            e.message, e.code, e.rule
                        )?;
                    }
                }
                Ok(())
            }
        }
    }

    fn finish(&self, out: &mut impl Write, noun: &str) -> io::Result<bool> {
        if self.format == Format::Text {
            writeln!(
                out,
                "{} {noun}{} checked: {} valid, {} invalid.",
                self.records,
                if self.records == 1 { "" } else { "s" },
                self.records - self.invalid,
                self.invalid
            )?;
            for (what, counts) in [
                ("Errors", &self.errors_by_rule),
                ("Hints", &self.warnings_by_rule),
            ] {
                if !counts.is_empty() {
                    let mut counts: Vec<_> = counts.iter().collect();
                    counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                    let list: Vec<String> =
                        counts.iter().map(|(r, n)| format!("{r} {n}")).collect();
                    writeln!(out, "{what} by rule: {}.", list.join(", "))?;
                }
            }
        }
        Ok(self.invalid == 0)
    }
}

/// Inputs at least this large are checked on every core.
const PARALLEL_BYTES: usize = 1 << 20;

/// Validates the records of one input, in order.
fn check_records(
    args: &Args,
    bytes: &[u8],
    first_line: usize,
    done: &AtomicUsize,
) -> Vec<(Option<usize>, Report)> {
    records_from(bytes, first_line)
        .into_iter()
        .map(|Record { line, value }| {
            let report = match (&value, &args.kind) {
                (Ok(v), None) => validate(v, &args.opts),
                (Ok(v), Some(kind)) => validate_as(kind, v, &args.opts),
                (Err(e), _) => unreadable_report(e),
            };
            done.fetch_add(1, Ordering::Relaxed);
            (line, report)
        })
        .collect()
}

/// Splits NDJSON into about `parts` pieces at line ends, with each piece's first
/// line number. Only for input whose first line is a whole JSON value (so every
/// record is one line); anything else is one piece, read as a whole.
fn split_ndjson(bytes: &[u8], parts: usize) -> Vec<(&[u8], usize)> {
    let first_line_end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    let one_per_line = bytes.len() >= PARALLEL_BYTES
        && parts > 1
        && bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && dwolla_validator::input::parse_payload(&bytes[..first_line_end]).is_ok();
    if !one_per_line {
        return vec![(bytes, 1)];
    }
    let mut pieces = Vec::with_capacity(parts);
    let (mut start, mut line) = (0, 1);
    let target = bytes.len() / parts + 1;
    while start < bytes.len() {
        let mut end = (start + target).min(bytes.len());
        end = bytes[end..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| end + i + 1);
        pieces.push((&bytes[start..end], line));
        line += bytes[start..end].iter().filter(|&&b| b == b'\n').count();
        start = end;
    }
    pieces
}

/// Draws "checked N records" on stderr while the workers run, when it is a terminal.
fn progress(done: &AtomicUsize, finished: &AtomicBool) {
    let mut err = io::stderr();
    while !finished.load(Ordering::Relaxed) {
        let _ = write!(
            err,
            "\rdwolla-validator: checked {} records",
            done.load(Ordering::Relaxed)
        );
        let _ = err.flush();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = write!(err, "\r\x1b[2K");
}

fn check(args: &Args, inputs: &[(String, Vec<u8>)], out: &mut impl Write) -> io::Result<bool> {
    let mut printer = Printer::new(args.format, inputs.len() > 1);
    // DWOLLA_VALIDATOR_THREADS pins the number of threads (1 for a one-core run).
    let cores = std::env::var("DWOLLA_VALIDATOR_THREADS")
        .ok()
        .and_then(|t| t.parse::<usize>().ok())
        .filter(|&t| t > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let total: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let show_progress = total >= PARALLEL_BYTES && io::stderr().is_terminal();
    for (name, bytes) in inputs {
        let done = AtomicUsize::new(0);
        let finished = AtomicBool::new(false);
        let pieces = split_ndjson(bytes, cores);
        // Each piece is checked on its own thread; results are joined in input
        // order, so the output is the same as a single-threaded run.
        let results: Vec<Vec<(Option<usize>, Report)>> = std::thread::scope(|scope| {
            let bar = show_progress.then(|| scope.spawn(|| progress(&done, &finished)));
            let workers: Vec<_> = pieces
                .iter()
                .map(|&(piece, first_line)| {
                    let done = &done;
                    scope.spawn(move || check_records(args, piece, first_line, done))
                })
                .collect();
            let results = workers
                .into_iter()
                .map(|w| w.join().unwrap_or_default())
                .collect();
            finished.store(true, Ordering::Relaxed);
            if let Some(b) = bar {
                let _ = b.join();
            }
            results
        });
        for (line, report) in results.iter().flatten() {
            printer.record(out, name, *line, report)?;
        }
    }
    printer.finish(out, "record")
}

/// Reads a file's size and first bytes, never the rest of it.
fn file_facts(path: &str) -> io::Result<(u64, Vec<u8>)> {
    let mut f = std::fs::File::open(path)?;
    let size = f.metadata()?.len();
    let mut head = Vec::with_capacity(SIGNATURE_BYTES);
    (&mut f)
        .take(SIGNATURE_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok((size, head))
}

fn document(args: &Args, out: &mut impl Write) -> Result<bool, String> {
    let whom = DocumentFor::parse(&args.document_for).unwrap_or(DocumentFor::Person);
    let mut printer = Printer::new(args.format, args.files.len() > 1);
    let io_err = |e: io::Error| format!("cannot write output: {e}");
    let mut count = validate_document_count(args.files.len(), args.pending);
    count.localize(args.opts.locale);
    if !count.valid {
        printer
            .record(out, "(upload)", None, &count)
            .map_err(io_err)?;
    }
    for path in &args.files {
        let (size, head) = file_facts(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let name = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let facts = FileFacts {
            name: &name,
            mime_type: None,
            size,
            head: Some(&head),
        };
        let mut report = validate_document(args.document_type.as_deref(), whom, &facts);
        report.localize(args.opts.locale);
        printer.record(out, path, None, &report).map_err(io_err)?;
    }
    printer.finish(out, "document").map_err(io_err)
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

/// `rules [SHAPE]` and `schema SHAPE`: the catalog and schema, from the rules.
fn print_catalog(args: &Args) -> ExitCode {
    use dwolla_validator::catalog;
    let op = args.opts.operation;
    let shape = args.files.first().filter(|s| *s != "-");
    let out = match (args.command.as_str(), shape) {
        ("rules", None) => Some(catalog::catalog(op)),
        ("rules", Some(s)) => {
            catalog::field_rules(s, op).and_then(|f| serde_json::to_value(f).ok())
        }
        (_, Some(s)) => catalog::json_schema(s, op),
        (_, None) => None,
    };
    match out {
        Some(v) => {
            println!("{v:#}");
            ExitCode::SUCCESS
        }
        None => {
            let names: Vec<&str> = dwolla_validator::shapes::SHAPES
                .iter()
                .map(|s| s.name)
                .collect();
            eprintln!(
                "dwolla-validator: {} needs a shape: {}",
                args.command,
                names.join(", ")
            );
            ExitCode::from(2)
        }
    }
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
    if args.command == "statuses" {
        println!("{:#}", dwolla_validator::statuses::all_json());
        return ExitCode::SUCCESS;
    }
    if args.command == "rules" || args.command == "schema" {
        return print_catalog(&args);
    }
    if args.command == "document" {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        return match document(&args, &mut out)
            .and_then(|ok| out.flush().map(|()| ok).map_err(|e| e.to_string()))
        {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(msg) => {
                eprintln!("dwolla-validator: {msg}");
                ExitCode::from(2)
            }
        };
    }
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
