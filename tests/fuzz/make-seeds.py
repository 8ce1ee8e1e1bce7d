#!/usr/bin/env python3
"""Writes the seed corpora in tests/fuzz/seeds/<target>/ from examples/ and
tests/vectors/. Run from the repository root; the output is committed.

The byte layouts of the field and document seeds are the ones decode_field and
decode_document in tests/fuzz/src/lib.rs read."""
import hashlib, json, os, struct, shutil

ROOT = os.path.join("tests", "fuzz", "seeds")
SHAPES = ["personal", "unverified", "business", "business-sole-proprietorship",
          "controller", "beneficial-owner"]  # order of shapes::SHAPES


def put(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def load(name):
    with open(os.path.join("tests", "vectors", name), encoding="utf-8") as f:
        return json.load(f)


shutil.rmtree(ROOT, ignore_errors=True)
compact = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))

# payload and normalize: the examples and every vector payload, one JSON per file.
payloads = []
for fn in ["customers.ndjson", "business.ndjson", "owners.ndjson", "kba.ndjson"]:
    with open(os.path.join("examples", fn), encoding="utf-8") as f:
        text = f.read()
    put("payload", "example-" + fn, text)  # a whole file of records
    for i, line in enumerate(l for l in text.splitlines() if l.strip()):
        payloads.append(("example-%s-%02d.json" % (fn.split(".")[0], i + 1), line))
with open(os.path.join("examples", "personal-retry.json"), encoding="utf-8") as f:
    payloads.append(("example-personal-retry.json", f.read()))
for vec in ["payloads.json", "business.json"]:
    for i, case in enumerate(load(vec)["cases"]):
        payloads.append(("vector-%s-%02d.json" % (vec.split(".")[0], i + 1), compact(case["payload"])))
for i, case in enumerate(load("documents.json")["cases"]):
    payloads.append(("vector-documents-%02d.json" % (i + 1), compact(case["document"])))
payloads.append(("kba-answers.json", compact({"answers": [
    {"questionId": "q%d" % i, "answerId": "a%d" % i} for i in range(4)]})))
payloads.append(("array-of-two.json", "[" + payloads[0][1] + ",\n" + payloads[1][1] + "]"))
for name, text in payloads:
    put("payload", name, text)
    put("normalize", name, text)
    put("parse", name, text)
# parse: the payloads, and JSON text at the edges of the grammar and of the
# double range, lone surrogates, repeated keys and nesting at the limit.
PARSE_EDGES = [
    "{}", "[]", "null", "true", "false", '""', " \t\r\n 0 \n",
    "-0", "-0.0", "0e0", "1E+2", "-12.5e-3", "0.1", "1e22", "1e23", "123456789012345678901234567890",
    "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "-1e309",
    "2.2250738585072014e-308", "4.9e-324", "2.4e-324", "1e-400", "1e0000001", "1e-0000000400",
    "0.000000000000000000001e21", "01", "1.", ".5", "+1", "1e", "-", "--1",
    '"\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"', '"\\ud83d\\ude00"', '"\\ud800"', '"a\\udc00b"',
    '"\\ud800\\u0041"', '"\\udbff\\ud800"', '"\\ud800\\u12"', '{"\\ud800":1}', '"\\x"',
    '"a\x01b"', '"\x7f"', '{"a":1,"a":2}', '{"a":1,"\\u0061":2}', '{"a":{"b":1,"b":2}}',
    '{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,'
    '"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k3":0}',
    "[1,]", '{"a":1,}', '{"a" 1}', "{a:1}", "[1 2]", "tru", "nul", '"abc', '{"a":1} x', "",
    "[" * 127 + "]" * 127, "[" * 128 + "]" * 128,
    '{"firstName":"  Jo\\ud800 ","ssn":"202-99-1516","n":1.50,"xs":[1e5,null,{"state":" ia "}]}',
]
for i, text in enumerate(PARSE_EDGES):
    put("parse", "edge-%02d.json" % (i + 1), text)

for i, s in enumerate(["202-99-1516", " (515) 555-0100 ", "12-3456789", " ia ",
                       "  Mary   Ann ", "Jose\u0301", "\u212bngstr\u00f6m", "\u1100\u1161\u11a8"]):
    put("normalize", "string-%02d.txt" % (i + 1), s)

# field: [shape | retry << 7, 0xFF, name, NUL, value].
fields = load("fields.json")
shape = SHAPES.index(fields["shape"])
for i, (field, value, op, _) in enumerate(fields["cases"]):
    if not isinstance(value, str):
        continue
    b0 = shape | (0x80 if op == "retry" else 0)
    put("field", "vector-fields-%03d.bin" % (i + 1),
        bytes([b0, 0xFF]) + field.encode() + b"\0" + value.encode())
for i, (sh, field, value) in enumerate([
        ("business", "controller/address/postalCode", "50266"),
        ("business", "controller/address/country", "GB"),
        ("business", "website", "https://www.example.com"),
        ("business", "businessClassification", "9ed3f670-7d6f-11e3-b1ce-5404a6144203"),
        ("business", "ein", "123456789"),
        ("beneficial-owner", "address/stateProvinceRegion", "IA"),
        ("unverified", "businessName", "Jane Corp")]):
    put("field", "nested-%02d.bin" % (i + 1),
        bytes([SHAPES.index(sh), 0xFF]) + field.encode() + b"\0" + value.encode())

# document: [flags, size u64 LE, name, NUL, mime, NUL, head].
TYPES = {None: 0, "passport": 1, "license": 2, "idCard": 3, "other": 4}
for i, case in enumerate(load("documents.json")["cases"]):
    doc = case["document"]
    f = doc.get("file")
    if not f:
        continue
    head = bytes.fromhex(case["headHex"])
    flags = TYPES[doc.get("documentType")] | (8 if "type" in f else 0) | (16 if head else 0)
    put("document", "vector-documents-%02d.bin" % (i + 1),
        bytes([flags]) + struct.pack("<Q", f["size"]) + f["name"].encode() + b"\0"
        + f.get("type", "").encode() + b"\0" + head)
for fn in sorted(os.listdir(os.path.join("examples", "documents"))):
    with open(os.path.join("examples", "documents", fn), "rb") as f:
        head = f.read(16)
    size = os.path.getsize(os.path.join("examples", "documents", fn))
    put("document", "example-" + fn + ".bin",
        bytes([1 | 16]) + struct.pack("<Q", size) + fn.encode() + b"\0\0" + head)
