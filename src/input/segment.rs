//! Where records begin and end in a text that holds many.
//!
//! One linear scan finds the *record boundaries*: line breaks after which every
//! `{` and `[` opened since the last boundary has been closed, counted outside
//! strings (a JSON string cannot hold a raw line break, so one ends a string that
//! was left open). In valid JSON such a line break always lies between two
//! top-level values, so reading the text between two boundaries on its own gives
//! the same records as reading it inside the whole input. [`pieces`] cuts only
//! there, and a piece is read by the very same rules as the whole input: the number
//! of threads cannot change an answer.
//!
//! The text between two boundaries (a *segment*) is read as a sequence of JSON
//! values, each one a record. A segment that is not one is *broken*: it is cut
//! again before every line that starts in its first column with anything but `}`
//! or `]`, and each part that still does not read is one bad record. So every
//! NDJSON line that is not valid JSON is its own record, while a broken
//! pretty-printed object, whose inner lines are indented, stays one bad record.

use super::{first_non_space, is_json_space, parse_node_record, InputError, Record};
use crate::parse::Node;
use serde::Deserialize;
use serde_json::Value;

/// A run of input that holds whole records, with the line it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The bytes of the piece.
    pub bytes: &'a [u8],
    /// The 1-based line of the whole input that the piece starts on.
    pub first_line: usize,
    mode: Mode,
}

/// How a piece is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The whole input: if it is one JSON array, element by element.
    WholeInput,
    /// Whole segments, found by the boundary scan.
    Segments,
    /// Whole parts of one broken segment (cut as [`read_parts`] cuts).
    Parts,
}

/// What is made of a record that reads (the crate's borrowed tree as it is, or a
/// `Value`), or an error placed within the text the record was read from, as a
/// parse error is; the reader then places it in the whole input.
trait Finish<'a, T>: Fn(Node<'a>, &'a [u8]) -> Result<T, InputError> {}
impl<'a, T, F: Fn(Node<'a>, &'a [u8]) -> Result<T, InputError>> Finish<'a, T> for F {}

impl<'a> Piece<'a> {
    /// All of `bytes`, read as a whole input that starts on line `first_line`.
    pub fn whole(bytes: &'a [u8], first_line: usize) -> Self {
        // Only the start of a file (its line 1) may hold the file's byte-order mark.
        let bytes = if first_line == 1 {
            without_bom(bytes)
        } else {
            bytes
        };
        Piece {
            bytes,
            first_line,
            mode: Mode::WholeInput,
        }
    }

    /// Hands each record of the piece, in order, to `f`: the line it starts on
    /// (`None` for the elements of an input that is one JSON array) and the record
    /// read by [`crate::parse`] into a tree that borrows from the input, or why it
    /// does not read. This is what `check` validates: no `serde_json::Value` is
    /// built, and a string holding a lone surrogate escape is a [`Node::BadStr`]
    /// that the validator reports at its own field.
    pub fn for_each_node(&self, mut f: impl FnMut(Option<usize>, Result<Node<'a>, InputError>)) {
        self.read(&|node, _| Ok(node), &mut |line, node, _| f(line, node));
    }

    /// The records of the piece, in order, as `serde_json::Value`s. They are cut
    /// and read exactly as [`Piece::for_each_node`] reads them; a record holding a
    /// lone surrogate escape, which a `Value` cannot hold, is an error at that string.
    pub fn records(&self) -> Vec<Record> {
        let mut out = Vec::new();
        self.read(&value_of, &mut |line, value, _| {
            out.push(Record { line, value })
        });
        out
    }

    /// Each record with the text it was read from; for the elements of an input
    /// that is one JSON array, each element's own text.
    pub fn records_with_text(&self) -> Vec<(Record, &'a [u8])> {
        let mut out = Vec::new();
        self.read(&value_of, &mut |line, value, text| {
            out.push((Record { line, value }, text))
        });
        out
    }

    fn read<T>(
        &self,
        finish: &impl Finish<'a, T>,
        emit: &mut impl FnMut(Option<usize>, Result<T, InputError>, &'a [u8]),
    ) {
        let bytes = self.bytes;
        if self.mode == Mode::Parts {
            read_parts(bytes, self.first_line, finish, emit);
            return;
        }
        if self.mode == Mode::WholeInput && first_non_space(bytes) == Some(b'[') {
            // One array by syntax: each element is a record of its own, read and
            // held to the strict rules (a key given twice, `1e999`, the 10 MiB a
            // payload may be) on its own, as a line of NDJSON is. Not one array
            // (`[1]\n[2]`, or broken): read it as any other text.
            if let Some(spans) = element_spans(bytes) {
                // An element is reported without a line, as array elements always were.
                read_spans(
                    bytes,
                    &spans,
                    self.first_line,
                    finish,
                    &mut |_, item, element| emit(None, item, element),
                );
                return;
            }
        }
        let (mut start, mut line) = (0, self.first_line);
        let ends = Boundaries::new(bytes).chain(std::iter::once(bytes.len()));
        for end in ends {
            if end > start {
                let segment = &bytes[start..end];
                read_segment(segment, line, finish, emit);
                line += count_lines(segment);
                start = end;
            }
        }
    }
}

/// Where each element of `bytes` starts and ends, when `bytes` is one JSON array
/// by syntax alone (the strict rules are checked on each element after).
fn element_spans(bytes: &[u8]) -> Option<Vec<(usize, usize)>> {
    let mut whole = serde_json::Deserializer::from_slice(bytes);
    serde::de::IgnoredAny::deserialize(&mut whole).ok()?;
    whole.end().ok()?;
    // Valid JSON from here on: an element ends at the first `,` or `]` outside
    // strings and outside the brackets opened within it.
    let open = bytes.iter().position(|&b| b == b'[')?;
    let skip_ws = |mut i: usize| {
        while bytes.get(i).is_some_and(|&b| is_json_space(b)) {
            i += 1;
        }
        i
    };
    let mut spans = Vec::new();
    let mut i = skip_ws(open + 1);
    if bytes.get(i) == Some(&b']') {
        return Some(spans);
    }
    loop {
        let start = i;
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        while let Some(&b) = bytes.get(i) {
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b',' | b']' if depth == 0 => break,
                    _ => {}
                }
            }
            i += 1;
        }
        let end = start + trim_end(&bytes[start..i]).len();
        spans.push((start, end));
        match bytes.get(i) {
            Some(b',') => i = skip_ws(i + 1),
            _ => return Some(spans),
        }
    }
}

/// The record as a `Value`, or, when it holds a lone surrogate escape, an error
/// placed at the first such string of `text` (the text the record was read from).
fn value_of(node: Node<'_>, text: &[u8]) -> Result<Value, InputError> {
    match first_bad_string(&node) {
        None => Ok(node.to_value()),
        Some(raw) => {
            // A BadStr borrows its raw text from the input, so its place in `text`
            // is the distance between the two pointers.
            let offset = (raw.as_ptr() as usize)
                .saturating_sub(text.as_ptr() as usize)
                .min(text.len());
            Err(crate::parse::error_at(
                text,
                offset,
                "a lone surrogate escape (half of a UTF-16 pair) in a string",
            ))
        }
    }
}

fn first_bad_string<'n>(node: &'n Node<'_>) -> Option<&'n str> {
    match node {
        Node::BadStr(raw) => Some(raw),
        Node::Array(items) => items.iter().find_map(first_bad_string),
        Node::Object(obj) => obj.iter().find_map(|(_, v)| first_bad_string(v)),
        _ => None,
    }
}

/// Cuts input into about `parts` pieces at record boundaries, in order. An input
/// that starts with `[` is one piece: it may be one JSON array. A long segment that
/// is broken (a line that leaves a `{` open makes the rest of the input one) is cut
/// where `read_parts` would cut it, so that it too is read on every core.
pub fn pieces(bytes: &[u8], parts: usize) -> Vec<Piece<'_>> {
    // The mark is left out here once, for every way the input is cut.
    let bytes = without_bom(bytes);
    if parts <= 1 || first_non_space(bytes) == Some(b'[') {
        return vec![Piece {
            bytes,
            first_line: 1,
            mode: Mode::WholeInput,
        }];
    }
    cut_pieces(bytes, 1, parts)
}

/// A whole input without the UTF-8 byte-order mark it may start with (files saved
/// by Windows tools and spreadsheets often do): a mark of the file, not part of its
/// first record, which RFC 8259 lets a reader ignore. A payload on its own
/// ([`super::read_text`]) must not have one: it is a request body, and JSON sent
/// over a network must not start with one.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// [`pieces`] for text that continues an input after a record boundary (see
/// [`last_boundary`]), its first line numbered `first_line`: it is never read as
/// one JSON array, since only a whole input can be one. Reading an input in such
/// runs, one after another, gives exactly the records of reading it whole; this is
/// how `check` reads a file of any size holding only a few megabytes at a time.
pub fn pieces_after(bytes: &[u8], first_line: usize, parts: usize) -> Vec<Piece<'_>> {
    if parts <= 1 {
        let mode = Mode::Segments;
        return vec![Piece {
            bytes,
            first_line,
            mode,
        }];
    }
    cut_pieces(bytes, first_line, parts)
}

/// Where the last record boundary of `bytes` is: everything before it is whole
/// records. `None` when there is none (a record, or a broken one, runs on).
pub fn last_boundary(bytes: &[u8]) -> Option<usize> {
    Boundaries::new(bytes).last()
}

fn cut_pieces(bytes: &[u8], first_line: usize, parts: usize) -> Vec<Piece<'_>> {
    let target = bytes.len().div_ceil(parts).max(1);
    let mut cutter = Cutter {
        bytes,
        out: Vec::with_capacity(parts),
        start: 0,
        line: first_line,
    };
    let mut segment_start = 0;
    for segment_end in Boundaries::new(bytes).chain(std::iter::once(bytes.len())) {
        let segment = &bytes[segment_start..segment_end];
        if segment.len() > target && is_broken(segment) {
            cutter.cut(segment_start, Mode::Segments);
            let first_text = first_text(segment);
            for cut in part_cuts(segment).filter(|&c| c > first_text) {
                if segment_start + cut - cutter.start >= target {
                    cutter.cut(segment_start + cut, Mode::Parts);
                }
            }
            cutter.cut(segment_end, Mode::Parts);
        } else if segment_end - cutter.start >= target {
            cutter.cut(segment_end, Mode::Segments);
        }
        segment_start = segment_end;
    }
    cutter.cut(bytes.len(), Mode::Segments);
    cutter.out
}

/// Collects pieces, numbering their lines.
struct Cutter<'a> {
    bytes: &'a [u8],
    out: Vec<Piece<'a>>,
    start: usize,
    line: usize,
}

impl<'a> Cutter<'a> {
    /// Ends the current piece at `end`, to be read in `mode`.
    fn cut(&mut self, end: usize, mode: Mode) {
        if end > self.start {
            let bytes = &self.bytes[self.start..end];
            self.out.push(Piece {
                bytes,
                first_line: self.line,
                mode,
            });
            self.line += count_lines(bytes);
            self.start = end;
        }
    }
}

/// Whether [`read_segment`] finds `segment` broken (and reads it by parts). The
/// same test in the same order: syntax first, which is cheap, then the strict parse.
fn is_broken(segment: &[u8]) -> bool {
    let text = trim_end(segment);
    !text.is_empty() && value_spans(text).is_none() && parse_node_record(text).is_err()
}

/// The record boundaries of a text: offsets just past line breaks at which every
/// bracket opened is closed again. A stray closing bracket counts as nothing.
struct Boundaries<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    in_string: bool,
}

impl<'a> Boundaries<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Boundaries {
            bytes,
            pos: 0,
            depth: 0,
            in_string: false,
        }
    }
}

impl Iterator for Boundaries<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let bytes = self.bytes;
        while self.pos < bytes.len() {
            if self.in_string {
                // Most of a record is string content, and only a quote, a backslash
                // or a line break can change the state there: jump to the next one.
                self.pos += crate::parse::plain_len(&bytes[self.pos..]);
                let Some(&stop) = bytes.get(self.pos) else {
                    break;
                };
                match stop {
                    b'"' => {
                        self.in_string = false;
                        self.pos += 1;
                    }
                    // An escape takes the next byte with it, unless that is a line
                    // break, which ends the string (a string cannot hold one).
                    b'\\' if bytes.get(self.pos + 1) != Some(&b'\n') => {
                        self.pos = (self.pos + 2).min(bytes.len());
                    }
                    b'\\' => self.pos += 1,
                    // Another control character: a broken string, read on as one.
                    b'\n' => {
                        self.in_string = false;
                        self.pos += 1;
                        if self.depth == 0 {
                            return Some(self.pos);
                        }
                    }
                    _ => self.pos += 1,
                }
                continue;
            }
            let b = bytes[self.pos];
            self.pos += 1;
            match b {
                b'\n' if self.depth == 0 => return Some(self.pos),
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    }
}

fn count_lines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let len = bytes
        .iter()
        .rposition(|&b| !is_json_space(b))
        .map_or(0, |i| i + 1);
    &bytes[..len]
}

/// How a text read as a sequence of JSON values went.
enum Reading {
    /// Every value was emitted as a record (a value that breaks a strict rule, such
    /// as a key given twice, is a bad record of its own).
    Read,
    /// The text is not a sequence of JSON values; nothing was emitted.
    Broken(InputError),
}

/// Reads one segment (text between two boundaries) that starts on `line`.
fn read_segment<'a, T>(
    segment: &'a [u8],
    line: usize,
    finish: &impl Finish<'a, T>,
    emit: &mut impl FnMut(Option<usize>, Result<T, InputError>, &'a [u8]),
) {
    let segment = trim_end(segment);
    if segment.is_empty() {
        return;
    }
    if let Reading::Broken(_) = read_values(segment, line, finish, emit) {
        read_parts(segment, line, finish, emit);
    }
}

/// Where a broken segment is cut: before each line that starts in column 0 with
/// anything but a closing bracket (offsets of those line starts).
fn part_cuts(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    text.iter()
        .enumerate()
        .filter(|&(i, &b)| {
            b == b'\n'
                && text
                    .get(i + 1)
                    .is_some_and(|&c| !is_json_space(c) && c != b'}' && c != b']')
        })
        .map(|(i, _)| i + 1)
}

/// The offset of the first character that is not white space.
fn first_text(text: &[u8]) -> usize {
    text.iter()
        .position(|&b| !is_json_space(b))
        .unwrap_or(text.len())
}

/// Reads a broken segment (or whole parts of one) by parts, cut at [`part_cuts`]
/// after its first line of text; every part that does not read is one bad record.
fn read_parts<'a, T>(
    text: &'a [u8],
    line: usize,
    finish: &impl Finish<'a, T>,
    emit: &mut impl FnMut(Option<usize>, Result<T, InputError>, &'a [u8]),
) {
    let first_text = first_text(text);
    let (mut start, mut part_line) = (0, line);
    let ends = part_cuts(text)
        .filter(|&c| c > first_text)
        .chain(std::iter::once(text.len()));
    for end in ends {
        let part = trim_end(&text[start..end]);
        if let Reading::Broken(e) = read_values(part, part_line, finish, emit) {
            emit(Some(part_line + leading_lines(part)), Err(e), part);
        }
        part_line += count_lines(&text[start..end]);
        start = end;
    }
}

/// Lines before the first character that is not white space.
fn leading_lines(text: &[u8]) -> usize {
    count_lines(&text[..first_text(text)])
}

/// Reads `text` (starting at a line start, on `line`) as a sequence of JSON
/// values and emits each as a record, or reports why it is not one.
fn read_values<'a, T>(
    text: &'a [u8],
    line: usize,
    finish: &impl Finish<'a, T>,
    emit: &mut impl FnMut(Option<usize>, Result<T, InputError>, &'a [u8]),
) -> Reading {
    if text.iter().all(|&b| is_json_space(b)) {
        return Reading::Read;
    }
    // Nearly always a segment is one value: parse it once, strictly.
    let whole_error = match parse_node_record(text) {
        Ok(node) => {
            let record = finish(node, text).map_err(|e| Place::start(line).locate(e));
            emit(Some(line + leading_lines(text)), record, text);
            return Reading::Read;
        }
        Err(e) => e,
    };
    let Some(spans) = value_spans(text) else {
        return Reading::Broken(Place::start(line).locate(whole_error));
    };
    read_spans(text, &spans, line, finish, emit);
    Reading::Read
}

/// Reads each span of `text` (which starts at a line start, on `line`) as one
/// record, held to the strict rules on its own, and emits it with the line it
/// starts on. The spans come in order: where each starts is found by moving on
/// from the last one, so many values on one line (or lines ended by a lone `\r`)
/// cost linear time, not a count from the text's start for each.
fn read_spans<'a, T>(
    text: &'a [u8],
    spans: &[(usize, usize)],
    line: usize,
    finish: &impl Finish<'a, T>,
    emit: &mut impl FnMut(Option<usize>, Result<T, InputError>, &'a [u8]),
) {
    let mut at = Place::start(line);
    for &(start, end) in spans {
        let value = &text[start..end];
        at.advance(text, start);
        let record = parse_node_record(value)
            .and_then(|node| finish(node, value))
            .map_err(|e| at.locate(e));
        emit(Some(at.line), record, value);
    }
}

/// A place in a text, as an offset and the line and column there, moved forward
/// only: each move counts the bytes passed over once.
struct Place {
    offset: usize,
    line: usize,
    /// Bytes from the start of the line to `offset`.
    column: usize,
}

impl Place {
    /// The start of a text that starts at a line start, on `line`.
    fn start(line: usize) -> Self {
        Place {
            offset: 0,
            line,
            column: 0,
        }
    }

    /// Moves to `offset` (not before the current one).
    fn advance(&mut self, text: &[u8], offset: usize) {
        let passed = &text[self.offset..offset];
        match passed.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                self.line += count_lines(passed);
                self.column = passed.len() - last - 1;
            }
            None => self.column += passed.len(),
        }
        self.offset = offset;
    }

    /// An error found in the value that starts here, placed in the whole input.
    fn locate(&self, e: InputError) -> InputError {
        let InputError::Json {
            reason,
            line: at_line,
            column,
        } = e;
        InputError::Json {
            reason,
            line: self.line + at_line.saturating_sub(1),
            column: if at_line <= 1 {
                column + self.column
            } else {
                column
            },
        }
    }
}

/// Where each value of `text` starts and ends, if `text` is a sequence of JSON
/// values by syntax alone (the strict rules are checked on each value after).
/// serde_json skips values without recursion, so this is linear at any depth.
fn value_spans(text: &[u8]) -> Option<Vec<(usize, usize)>> {
    let mut stream =
        serde_json::Deserializer::from_slice(text).into_iter::<serde::de::IgnoredAny>();
    let mut spans = Vec::new();
    loop {
        let before = stream.byte_offset();
        match stream.next() {
            None => return Some(spans),
            Some(Ok(_)) => {
                let start = before
                    + text[before..]
                        .iter()
                        .take_while(|&&b| is_json_space(b))
                        .count();
                spans.push((start, stream.byte_offset()));
            }
            Some(Err(_)) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::records;
    use super::*;
    use proptest::prelude::*;

    fn lines_of(records: &[Record]) -> Vec<Option<usize>> {
        records.iter().map(|r| r.line).collect()
    }

    #[test]
    fn every_broken_ndjson_line_is_its_own_record() {
        let r = records(b"not json\n{\"a\":\n[1,2\n{\"b\": \"open\n\"x\n");
        assert_eq!(lines_of(&r), [Some(1), Some(2), Some(3), Some(4), Some(5)]);
        assert!(r.iter().all(|r| r.value.is_err()));
        let InputError::Json { line, .. } = r[1].value.clone().unwrap_err();
        assert_eq!(line, 2, "the error is placed on the record's own line");
    }

    #[test]
    fn broken_lines_between_good_ones() {
        let r = records(b"{\"a\":1}\n{\"broken\": \n{\"b\":2}\n[1,2\n{\"c\":3}\n");
        let ok: Vec<bool> = r.iter().map(|r| r.value.is_ok()).collect();
        assert_eq!(ok, [true, false, true, false, true]);
        assert_eq!(lines_of(&r), [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    }

    #[test]
    fn a_broken_pretty_printed_object_is_one_record_among_others() {
        let text =
            "{\"a\":1}\n{\n  \"b\": 2,\n  \"c\" 3\n}\n{\n  \"d\": [\n    {\"e\": 4}\n  ]\n}\n";
        let r = records(text.as_bytes());
        assert_eq!(lines_of(&r), [Some(1), Some(2), Some(6)]);
        assert!(r[0].value.is_ok() && r[1].value.is_err() && r[2].value.is_ok());
        let InputError::Json { line, column, .. } = r[1].value.clone().unwrap_err();
        assert_eq!((line, column), (4, 7), "placed in the whole input");
    }

    #[test]
    fn several_values_on_a_line_and_a_strict_error_among_them() {
        let r = records(b"{\"a\":1} {\"b\":1,\"b\":2}\n\n {\"c\":3}");
        assert_eq!(lines_of(&r), [Some(1), Some(1), Some(3)]);
        assert!(r[0].value.is_ok() && r[1].value.is_err() && r[2].value.is_ok());
        let InputError::Json { column, .. } = r[1].value.clone().unwrap_err();
        assert!(
            column > 9,
            "the column counts from the line start: {column}"
        );
    }

    #[test]
    fn unindented_valid_json_over_lines_is_one_record() {
        let r = records(b"{\"a\":\n{\"b\":1}}\n{\"c\":\n[1,\n2]}\n");
        assert_eq!(lines_of(&r), [Some(1), Some(3)]);
        assert!(r.iter().all(|r| r.value.is_ok()));
    }

    #[test]
    fn an_input_that_is_not_one_array_is_read_value_by_value() {
        let r = records(b"[1]\n[2,\n");
        assert_eq!(lines_of(&r), [Some(1), Some(2)]);
        assert!(r[0].value.is_ok() && r[1].value.is_err());
        // A line that is an array inside a piece is not split into its elements.
        let text = b"{\"a\":1}\n[1,2]\n";
        let parts: Vec<Record> = pieces(text, 2).iter().flat_map(Piece::records).collect();
        assert_eq!(parts, records(text));
        assert_eq!(parts.len(), 2);
    }

    #[test]
    fn deep_nesting_on_a_broken_line_is_linear_and_does_not_overflow() {
        let mut text = "[".repeat(200_000).into_bytes();
        text.extend_from_slice(b"\n{\"a\":1}\n");
        text.splice(0..0, b"{\"x\":0}\n".iter().copied());
        let r = records(&text);
        assert_eq!(r.len(), 3);
        assert!(r[1].value.is_err() && r[2].value.is_ok());
    }

    /// Many values on one line, or on lines ended by a lone `\r` (one line to
    /// JSON's reader), among them ones with errors to place: four times the values
    /// take about four times as long (a count from the line's start for each value
    /// took sixteen). A ratio of the same run at two sizes, not a time.
    #[test]
    fn many_values_on_one_line_are_read_in_linear_time() {
        let line_of = |n: usize, gap: &str| {
            let mut text = String::new();
            for i in 0..n {
                text.push_str(match i % 3 {
                    0 => r#"{"a":1}"#,
                    1 => r#"{"b":1,"b":2}"#,
                    _ => r#"{"c":1e999}"#,
                });
                text.push_str(gap);
            }
            text.into_bytes()
        };
        let best = |text: &[u8]| {
            (0..3)
                .map(|_| {
                    let t = std::time::Instant::now();
                    assert_eq!(records(text).len() % 3, 0);
                    t.elapsed()
                })
                .min()
                .unwrap()
        };
        for gap in [" ", "\r"] {
            let (small, large) = (line_of(12_000, gap), line_of(48_000, gap));
            let r = records(&small);
            assert_eq!(r.len(), 12_000);
            // Errors are placed on the one line, at their own column: the column
            // in the value read alone, past the 8 bytes before it.
            let column_of = |r: &Record| match &r.value {
                Err(InputError::Json { line, column, .. }) => (*line, *column),
                other => panic!("{other:?}"),
            };
            let alone = column_of(&records(br#"{"b":1,"b":2}"#)[0]);
            assert_eq!(column_of(&r[1]), (1, alone.1 + 8));
            assert_eq!(column_of(&r[11_998]).0, 1);
            let (t_small, t_large) = (best(&small), best(&large));
            assert!(
                t_large < t_small * 10 + std::time::Duration::from_millis(20),
                "{gap:?}: {t_small:?} for 12,000 values, {t_large:?} for 48,000"
            );
        }
    }

    /// A record, valid or breaking a strict rule that only a whole reading sees
    /// (a key given twice, a number out of range, a lone surrogate, nesting).
    fn arb_element() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(r#"{"a":1}"#.to_string()),
            Just(r#"{"a":"x,]\"}{"}"#.to_string()),
            Just(r#"{"a":1,"a":2}"#.to_string()),
            Just(r#"{"n":[1,{"m":1e999}]}"#.to_string()),
            Just(r#"{"s":"\ud800"}"#.to_string()),
            Just(r#"[[],[{}]]"#.to_string()),
            Just("\"text\"".to_string()),
            Just("null".to_string()),
            (1usize..200).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
        ]
    }

    proptest! {
        /// Each element of an input that is one JSON array is read as the same
        /// text on a line of its own would be: one element that breaks a strict
        /// rule is one bad record, and the others are read.
        #[test]
        fn an_arrays_elements_read_as_lines_do(
            elements in proptest::collection::vec(arb_element(), 0..12),
            gaps in proptest::collection::vec(prop_oneof![Just(""), Just(" "), Just("\n  "), Just("\r\n")], 12),
        ) {
            let mut array = String::from("[");
            for (i, e) in elements.iter().enumerate() {
                if i > 0 {
                    array.push(',');
                }
                array.push_str(gaps[i]);
                array.push_str(e);
            }
            array.push_str("]\n");
            // After a first line that is not `[`: an input that starts with one
            // may be one array itself.
            let lines: String = std::iter::once(r#"{"first":1}"#)
                .chain(elements.iter().map(String::as_str))
                .map(|e| format!("{e}\n"))
                .collect();
            let from_array = records(array.as_bytes());
            let from_lines = records(lines.as_bytes()).split_off(1);
            prop_assert_eq!(from_array.len(), elements.len(), "{}", array);
            for (a, l) in from_array.iter().zip(&from_lines) {
                prop_assert_eq!(a.line, None);
                let reason = |r: &Record| match &r.value {
                    Ok(v) => Ok(v.clone()),
                    Err(InputError::Json { reason, .. }) => Err(reason.clone()),
                };
                prop_assert_eq!(reason(a), reason(l), "{}", array);
            }
        }
    }

    #[test]
    fn an_arrays_element_over_the_payload_limit_is_refused_as_one() {
        let big = format!(
            r#"{{"firstName":"{}"}}"#,
            "x".repeat(crate::rules::presence::MAX_PAYLOAD_BYTES)
        );
        let text = format!(r#"[{{"a":1}}, {big}, {{"b":2}}]"#);
        let r = records(text.as_bytes());
        assert_eq!(r.len(), 3);
        assert!(r[0].value.is_ok() && r[2].value.is_ok());
        assert!(
            matches!(&r[1].value, Err(InputError::Json { reason, .. }) if reason == super::super::TOO_LARGE)
        );
    }

    #[test]
    fn a_line_that_leaves_a_bracket_open_does_not_stop_the_cutting() {
        let mut text = String::from("{\"broken\": \n");
        for i in 0..1000 {
            text.push_str(&format!("{{\"n\":{i}}}\n"));
            if i % 100 == 50 {
                text.push_str("[1,\n");
            }
        }
        let cut = pieces(text.as_bytes(), 4);
        assert!(cut.len() >= 4, "{} pieces", cut.len());
        let read: Vec<Record> = cut.iter().flat_map(Piece::records).collect();
        assert_eq!(read, records(text.as_bytes()));
        assert_eq!(read.len(), 1011);
        assert_eq!(read.iter().filter(|r| r.value.is_err()).count(), 11);
    }

    #[test]
    fn a_lone_surrogate_is_a_node_for_check_and_an_error_as_a_value() {
        let text = b"{\"a\":1}\n{\"b\": 2,\n \"s\": \"x\\ud800\"}\n{\"c\":3}\n";
        let mut nodes = Vec::new();
        Piece::whole(text, 1).for_each_node(|line, node| nodes.push((line, node)));
        assert_eq!(nodes.len(), 3);
        assert!(nodes.iter().all(|(_, n)| n.is_ok()), "{nodes:?}");
        assert!(
            matches!(&nodes[1].1, Ok(Node::Object(o)) if matches!(o.get("s"), Some(Node::BadStr(_))))
        );
        let r = records(text);
        assert_eq!(lines_of(&r), [Some(1), Some(2), Some(4)]);
        assert!(r[0].value.is_ok() && r[2].value.is_ok());
        let InputError::Json {
            line,
            column,
            reason,
        } = r[1].value.clone().unwrap_err();
        assert_eq!(
            (line, column),
            (3, 8),
            "placed at the string in the whole input"
        );
        assert!(reason.contains("surrogate"), "{reason}");
        // The same on the second of two values on one line, and in an array input.
        let r = records(b"{\"a\":1} {\"s\":\"\\udc00\"}\n");
        let InputError::Json { line, column, .. } = r[1].value.clone().unwrap_err();
        assert_eq!((line, column), (1, 15));
        let r = records(b"[{\"a\":1},\n {\"s\":\"\\udc00\"}]");
        assert!(r[0].value.is_ok());
        let InputError::Json { line, column, .. } = r[1].value.clone().unwrap_err();
        assert_eq!((line, column), (2, 8));
    }

    /// One record's text: valid or broken, on one line or many.
    fn record_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(r#"{"a":1,"b":"x\"}{["}"#.to_string()),
            Just("{\n  \"a\": 1,\n  \"b\": [\n    {\"c\": 2}\n  ]\n}".to_string()),
            Just("{\n  \"a\": 1,\n  \"b\" 2\n}".to_string()),
            Just("{\"a\":\n{\"b\":1}}".to_string()),
            Just(r#"{"a":1} {"b":2}"#.to_string()),
            Just(r#"{"a":1,"a":2}"#.to_string()),
            Just(r#"{"broken": "#.to_string()),
            Just(r#"{"s": "open"#.to_string()),
            Just(r#"{"s":"\ud800"} {"t":"\udc00x"}"#.to_string()),
            Just("{\"a\":\n\"\\ud800\"}".to_string()),
            Just("not json".to_string()),
            Just("[1,2".to_string()),
            Just("[1,2]".to_string()),
            Just("}".to_string()),
            Just("]]".to_string()),
            Just("   ".to_string()),
            Just("\"\\\\\"".to_string()),
            "[ -~]{0,12}",
        ]
    }

    /// The boundary scan byte by byte, as first written: the reference that the
    /// skipping scan must agree with.
    fn boundaries_byte_by_byte(bytes: &[u8]) -> Vec<usize> {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        let mut out = Vec::new();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                in_string = false;
                escaped = false;
                if depth == 0 {
                    out.push(i + 1);
                }
            } else if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
        }
        out
    }

    proptest! {
        /// The scan that jumps through strings finds the boundaries of the plain one.
        #[test]
        fn boundaries_match_the_byte_by_byte_scan(
            bytes in proptest::collection::vec(
                prop_oneof![
                    Just(b'"'), Just(b'\\'), Just(b'\n'), Just(b'{'), Just(b'}'),
                    Just(b'['), Just(b']'), Just(b'a'), Just(b' '), any::<u8>(),
                ],
                0..200,
            ),
        ) {
            let fast: Vec<usize> = Boundaries::new(&bytes).collect();
            prop_assert_eq!(fast, boundaries_byte_by_byte(&bytes));
        }

        /// Pieces read alone give the records of the whole, for any number of parts.
        #[test]
        fn pieces_read_like_the_whole(
            texts in proptest::collection::vec(record_text(), 0..40),
            parts in 1usize..17,
            crlf in any::<bool>(),
        ) {
            let text = texts.join(if crlf { "\r\n" } else { "\n" });
            let whole = records(text.as_bytes());
            let cut = pieces(text.as_bytes(), parts);
            // At most `parts` pieces of the target size, and at most two shorter
            // ones around each long broken segment (of which there are fewer).
            prop_assert!(cut.len() <= 3 * parts, "{} pieces", cut.len());
            let joined: Vec<u8> = cut.iter().flat_map(|p| p.bytes.iter().copied()).collect();
            prop_assert_eq!(&joined, text.as_bytes());
            let read: Vec<Record> = cut.iter().flat_map(Piece::records).collect();
            prop_assert_eq!(read, whole);
        }

        /// NDJSON: every line that is not blank is one record on its own line (a
        /// line that starts with `}` or `]` would continue the record before it).
        #[test]
        fn every_ndjson_line_is_one_record(
            lines in proptest::collection::vec(
                prop_oneof![
                    Just(r#"{"a":1}"#.to_string()),
                    Just(r#"{"a":1,"a":2}"#.to_string()),
                    Just(r#"{"broken": "#.to_string()),
                    Just(r#"{"s": "open"#.to_string()),
                    Just("[1,2".to_string()),
                    Just("{{{".to_string()),
                    Just("not json".to_string()),
                    Just("\"unterminated".to_string()),
                    Just(String::new()),
                ],
                0..30,
            ),
        ) {
            let text = lines.join("\n");
            let expected: Vec<Option<usize>> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.is_empty())
                .map(|(i, _)| Some(i + 1))
                .collect();
            prop_assert_eq!(lines_of(&records(text.as_bytes())), expected);
        }
    }
}
