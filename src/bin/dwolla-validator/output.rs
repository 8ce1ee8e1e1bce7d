//! Writing results: the report printer, and how a command ends.
//!
//! Every write to stdout returns its error; none panics. A reader that closes
//! stdout early (`| head`) stops the command quietly, with the status the work
//! reached (see [`Failure::StdoutClosed`]).

use crate::args::Format;
use dwolla_validator::rules::invisible_characters::is_invisible;
use dwolla_validator::{Issue, Report};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// A path as the text report shows it. An unknown field's path holds its key as
/// sent, which can hold anything: a line break and a made-up summary line, or a
/// terminal's escape sequence. Every character that shows nothing (controls,
/// zero-width and bidi ones: `invisible_characters`' own set) and the backslash
/// are written as `\u{..}` escapes, so each issue stays on its one line and looks
/// as it is. `--format json` escapes them as JSON does.
fn shown_path(path: &str) -> Cow<'_, str> {
    let hidden = |c: char| c == '\\' || is_invisible(c);
    if !path.chars().any(hidden) {
        return Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len() + 8);
    for c in path.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Why a command stopped before its end.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// The reader closed stdout. Exit 1 if an invalid record was already seen, else
    /// [`BROKEN_PIPE`]: the work was not finished, so 0 ("all valid") would be false.
    StdoutClosed { invalid_seen: bool },
    /// A usage error: the message and the usage, exit 2.
    Usage(String),
    /// An I/O or internal error: the message, exit 2.
    Fatal(String),
}

/// The status of a command stopped by a closed pipe: 128 + SIGPIPE (13), what a
/// shell reports for a tool that the signal ended.
pub const BROKEN_PIPE: u8 = 141;

/// The failure for an error writing to stdout.
pub fn write_failure(e: io::Error, invalid_seen: bool) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::StdoutClosed { invalid_seen }
    } else {
        Failure::Fatal(format!("cannot write output: {e}"))
    }
}

/// A command's end: `Ok(true)` when everything was valid.
pub type Outcome = Result<bool, Failure>;

/// Writes a line to stderr. A closed stderr is ignored: there is nowhere left to say so.
pub fn warn(line: std::fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// Writes a JSON value pretty-printed, then a line break.
pub fn write_pretty(out: &mut impl Write, value: &serde_json::Value) -> Outcome {
    writeln!(out, "{value:#}")
        .map(|()| true)
        .map_err(|e| write_failure(e, false))
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
pub struct Printer {
    format: Format,
    many_files: bool,
    records: usize,
    invalid: usize,
    /// Something about the whole run (not one of its records) was refused.
    refused: bool,
    errors_by_rule: BTreeMap<Cow<'static, str>, usize>,
    warnings_by_rule: BTreeMap<Cow<'static, str>, usize>,
}

impl Printer {
    pub fn new(format: Format, many_files: bool) -> Self {
        Printer {
            format,
            many_files,
            records: 0,
            invalid: 0,
            refused: false,
            errors_by_rule: BTreeMap::new(),
            warnings_by_rule: BTreeMap::new(),
        }
    }

    /// The failure for a write error, with what this printer has seen.
    pub fn failure(&self, e: io::Error) -> Failure {
        write_failure(e, self.invalid > 0 || self.refused)
    }

    /// Counts a report, then prints it. The count comes first, so a record whose
    /// line could not be written still decides the exit status.
    pub fn record(
        &mut self,
        out: &mut impl Write,
        name: &str,
        line: Option<usize>,
        report: &Report,
    ) -> Result<(), Failure> {
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
        self.write_record(out, name, line, index, report)
            .map_err(|e| self.failure(e))
    }

    /// Prints a report about the whole run, not about one of its records (the
    /// documents' upload as a whole): it is not counted as a record, but an
    /// error in it fails the run. Text: `(upload): ...`; JSON: a line with
    /// `"upload": true` and no index.
    pub fn about_the_run(
        &mut self,
        out: &mut impl Write,
        what: &str,
        report: &Report,
    ) -> Result<(), Failure> {
        self.refused |= !report.valid;
        for e in &report.errors {
            *self.errors_by_rule.entry(e.rule.clone()).or_default() += 1;
        }
        let written = match self.format {
            Format::Json => {
                #[derive(Serialize)]
                struct RunLine<'a> {
                    upload: bool,
                    valid: bool,
                    errors: &'a [Issue],
                    warnings: &'a [Issue],
                }
                serde_json::to_writer(
                    &mut *out,
                    &RunLine {
                        upload: true,
                        valid: report.valid,
                        errors: &report.errors,
                        warnings: &report.warnings,
                    },
                )
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
            }
            Format::Text => report.errors.iter().try_for_each(|e| {
                writeln!(out, "({what}): {} ({}, {})", e.message, e.code, e.rule)
            }),
        };
        written.map_err(|e| self.failure(e))
    }

    fn write_record(
        &self,
        out: &mut impl Write,
        name: &str,
        line: Option<usize>,
        index: usize,
        report: &Report,
    ) -> io::Result<()> {
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
                            Cow::Borrowed("(record)")
                        } else {
                            shown_path(&e.path)
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

    /// Prints the summary (text format); `Ok(true)` when every record was valid.
    pub fn finish(&self, out: &mut impl Write, noun: &str) -> Outcome {
        self.write_summary(out, noun)
            .map(|()| self.invalid == 0 && !self.refused)
            .map_err(|e| self.failure(e))
    }

    fn write_summary(&self, out: &mut impl Write, noun: &str) -> io::Result<()> {
        if self.format == Format::Json {
            return Ok(());
        }
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
                let list: Vec<String> = counts.iter().map(|(r, n)| format!("{r} {n}")).collect();
                writeln!(out, "{what} by rule: {}.", list.join(", "))?;
            }
        }
        Ok(())
    }
}
