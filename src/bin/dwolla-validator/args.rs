//! The command line: usage text and argument parsing.

use dwolla_validator::documents::DocumentFor;
use dwolla_validator::{parse_date, today_utc, Operation, Options};

pub const USAGE: &str = "\
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
With no FILE, or with '-', reads standard input. A record ends at a line break
after which every { and [ is closed; every line that is not valid JSON is a bad
record of its own, and a broken pretty-printed object (inner lines indented) is one.

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

normalize prints each record tidied (trimmed, NFC, digits of ssn/phone/ein), one
per line, with its keys in the order they were written.

Options for document (checks real files by name, size and first bytes, not content):
  --type passport|license|idCard|other   the documentType
  --for personal|controller|beneficial-owner|business   whom it is for (default: personal)
  --pending N                documents already awaiting review (Dwolla holds at most 4)

statuses prints the verification statuses, webhook events and document failure
reasons as JSON. rules prints the field catalog (required, lengths, characters,
HTML pattern, autocomplete, inputmode) of one shape or all; schema prints a JSON
Schema (2020-12) of a shape. Shapes: personal, unverified, business,
business-sole-proprietorship, controller, beneficial-owner.

Large input (1 MiB or more) is checked on every core, cut only where a record
ends, so the output is the same as on one; DWOLLA_VALIDATOR_THREADS=N sets the
number of threads. check holds about 8 MiB of input at a time (reports are printed
as it goes); DWOLLA_VALIDATOR_CHUNK_BYTES=N sets that. A progress count is shown on
stderr when it is a terminal.

Exit status: 0 when every record is valid, 1 when any is not, 2 for usage or I/O
errors. When the reader of the output closes it early (| head), the command stops
quietly: 1 if an invalid record was already seen, otherwise 141 (128 + SIGPIPE,
what a shell reports for a tool stopped by a closed pipe): the work was not finished.
";

/// The six commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Check,
    Normalize,
    Document,
    Statuses,
    Rules,
    Schema,
}

impl Command {
    const ALL: [(&'static str, Command); 6] = [
        ("check", Command::Check),
        ("normalize", Command::Normalize),
        ("document", Command::Document),
        ("statuses", Command::Statuses),
        ("rules", Command::Rules),
        ("schema", Command::Schema),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("", |(n, _)| n)
    }

    /// "check, normalize, ..., rules or schema".
    fn list() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|(n, _)| *n).collect();
        let (last, rest) = names.split_last().expect("six commands");
        format!("{} or {last}", rest.join(", "))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

pub struct Args {
    pub command: Command,
    pub opts: Options,
    pub format: Format,
    pub files: Vec<String>,
    pub kind: Option<String>,
    pub document_type: Option<String>,
    pub document_for: DocumentFor,
    pub pending: usize,
}

/// What the command line asks for.
pub enum Parsed {
    Run(Box<Args>),
    Help,
    Version,
}

pub fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let Some(word) = argv.next() else {
        return Err(format!("a command is needed: {}", Command::list()));
    };
    let command = match word.as_str() {
        "-h" | "--help" | "help" => return Ok(Parsed::Help),
        "-V" | "--version" => return Ok(Parsed::Version),
        other => Command::ALL
            .iter()
            .find(|(n, _)| *n == other)
            .map(|(_, c)| *c)
            .ok_or_else(|| format!("unknown command '{other}': use {}", Command::list()))?,
    };
    let mut opts = Options::new(today_utc());
    let mut format = Format::Text;
    let mut files = Vec::new();
    let mut only_files = false;
    let mut kind = None;
    let mut document_type = None;
    let mut document_for = DocumentFor::Person;
    let mut pending = 0;
    while let Some(arg) = argv.next() {
        let mut value = |name: &str| argv.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            _ if only_files => files.push(arg),
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Parsed::Help),
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
                document_for = DocumentFor::parse(&value("--for")?)
                    .ok_or("--for must be personal, controller, beneficial-owner or business")?;
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
    if command == Command::Document && files.is_empty() {
        return Err("document needs at least one FILE".into());
    }
    if files.is_empty() {
        files.push("-".into());
    }
    Ok(Parsed::Run(Box::new(Args {
        command,
        opts,
        format,
        files,
        kind,
        document_type,
        document_for,
        pending,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usage_and_the_errors_name_every_command() {
        let missing = parse_args(std::iter::empty()).err().unwrap();
        let unknown = parse_args(["frob".to_string()].into_iter()).err().unwrap();
        for (name, command) in Command::ALL {
            assert_eq!(command.name(), name);
            assert!(missing.contains(name), "{missing}");
            assert!(unknown.contains(name), "{unknown}");
            assert!(
                USAGE.contains(&format!("dwolla-validator {name}")),
                "{name}"
            );
        }
    }
}
