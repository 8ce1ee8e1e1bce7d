// Peer comparison in Node, in one process, on the same 10,000 generated records as
// the native benches (records.mjs): the wasm package's validateCustomer against the
// same personal rules written with four JavaScript validators (peer*.mjs):
//   zod 4 + validator.js (peer.mjs), Ajv 8 + ajv-formats (peer-ajv.mjs),
//   TypeBox 0.34's TypeCompiler (peer-typebox.mjs), valibot 1.x (peer-valibot.mjs).
// Each is measured on the mixed records and on the valid ones alone (those
// dwolla-validator accepts), the rounds interleaved so that a noisy machine slows
// every candidate alike; each figure is the median round. Nothing fails on a time.
//
// Before measuring, a self-test: every peer's valid/invalid verdict against
// dwolla-validator's on every record, and the rewrites that peers rely on (a combined
// regex for separate ones, date bounds for the age) against the originals. A peer
// may disagree only where it cannot express a rule (PO boxes written with look-alike
// letters); anything else is reported as unexplained.
//
// Usage: node benches/node/compare.mjs [--rounds N] [--json FILE] [--pkg DIR] [--readme FILE]
//        node benches/node/compare.mjs --check    the self-test alone; exits 1 on an
//                                                 unexplained disagreement
// Environment: BENCH_NODE_ROUNDS=N is --rounds N (default 7, after 2 warm-up rounds).
// --readme FILE rewrites the Node peers table of FILE between its markers
// <!-- bench-node:start --> and <!-- bench-node:end -->.
// Needs pkg/ (scripts/build-wasm) and `npm ci --prefix benches/node`. --pkg measures
// another build of the package (a directory laid out like pkg/), for experiments.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as v from 'valibot';
import { personalSchema } from './peer.mjs';
import { personalAjv } from './peer-ajv.mjs';
import { personalTypeBox } from './peer-typebox.mjs';
import { personalValibotSchema } from './peer-valibot.mjs';
import {
  PO_BOX, PO_BOX_SOURCE, NO_FORBIDDEN, NO_INVISIBLE, NO_DIGITS, CLEAN_TEXT, CLEAN_NO_DIGITS, NOT_BLANK,
  ageOn, birthDateBounds, isCalendarDate, codePointsWithin,
} from './peer-rules.mjs';
import { TODAY, N_RECORDS, generateLines, fnv1a } from './records.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const checkOnly = args.includes('--check');
const pkgDir = path.resolve(arg('--pkg', new URL('../../pkg', import.meta.url).pathname));
// validateCustomerText takes a request body as it arrives (text), as a server has it.
const { validateCustomer, validateCustomerText } = await import(pathToFileURL(path.join(pkgDir, 'node.js')).href);
const ROUNDS = Number(arg('--rounds', process.env.BENCH_NODE_ROUNDS ?? 7));
const WARMUP = 2;
const jsonOut = arg('--json', null);
const readmeOut = arg('--readme', null);

const lines = generateLines(N_RECORDS);
const objects = lines.map((l) => JSON.parse(l));
const options = { today: TODAY };
const optionsJson = JSON.stringify(options);

const zodSchema = personalSchema(TODAY);
const ajvValidate = personalAjv(TODAY);
const typeBoxCheck = personalTypeBox(TODAY);
const valibotSchema = personalValibotSchema(TODAY);

/** The installed version of a peer's package (benches/node/node_modules). */
const version = (name) => JSON.parse(fs.readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;

/** The peers: `valid(object)` is the verdict, `why(object)` says what it refused. */
const PEERS = [
  {
    key: 'zod',
    label: `zod ${version('zod')} + validator.js ${version('validator')}`,
    bench: 'zod+validator.js safeParse(object)',
    valid: (o) => zodSchema.safeParse(o).success,
    why: (o) => zodSchema.safeParse(o).error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
  },
  {
    key: 'ajv',
    label: `Ajv ${version('ajv')} + ajv-formats ${version('ajv-formats')} (compiled JSON Schema, first error)`,
    bench: 'Ajv validate(object)',
    valid: (o) => ajvValidate(o),
    why: (o) => (ajvValidate(o) ? '' : ajvValidate.errors.map((e) => `${e.instancePath || '/'} ${e.keyword}`).join('; ')),
  },
  {
    key: 'typebox',
    label: `TypeBox ${version('@sinclair/typebox')} TypeCompiler + validator.js formats (boolean Check)`,
    bench: 'TypeBox Check(object)',
    valid: (o) => typeBoxCheck.Check(o),
    why: (o) => [...typeBoxCheck.Errors(o)].map((e) => `${e.path || '/'}: ${e.message}`).join('; '),
  },
  {
    key: 'valibot',
    label: `valibot ${version('valibot')} (safeParse, every issue)`,
    bench: 'valibot safeParse(object)',
    valid: (o) => v.safeParse(valibotSchema, o).success,
    why: (o) => v.safeParse(valibotSchema, o).issues.map((i) => `${v.getDotPath(i) ?? '/'}: ${i.message}`).join('; '),
  },
];

console.log(`package: ${pkgDir}`);
console.log(`records: ${lines.length}, fnv1a ${fnv1a(lines.map((l) => `${l}\n`).join(''))}`);

// ---- Self-test -------------------------------------------------------------------
const failures = [];
const fail = (what) => failures.push(what);

// 1. The age as two date bounds: the same verdict as ageOn for every calendar date
//    of 1870..2040, on the bench's day and on days that stress the bounds.
for (const today of [TODAY, '2024-02-29', '2025-03-01', '2026-01-01', '2026-12-31']) {
  const { earliest, latest } = birthDateBounds(today);
  let wrong = 0;
  for (let t = Date.UTC(1870, 0, 1); t <= Date.UTC(2040, 11, 31); t += 86_400_000) {
    const born = new Date(t).toISOString().slice(0, 10);
    if (!isCalendarDate(born)) fail(`isCalendarDate refused ${born}`);
    const age = ageOn(born, today);
    if ((age >= 18 && age <= 125) !== (born >= earliest && born <= latest)) wrong++;
  }
  if (wrong) fail(`birthDateBounds(${today}) = ${earliest}..${latest} differs from ageOn on ${wrong} dates`);
}
for (const notDate of ['1990-02-30', '1900-02-29', '2023-02-29', '1990-13-01', '1990-00-10', '1990-1-01', '１９９０-01-01']) {
  if (isCalendarDate(notDate)) fail(`isCalendarDate took ${notDate}`);
}
if (!isCalendarDate('2000-02-29')) fail('isCalendarDate refused 2000-02-29');

// 2. Rewritten regexes against the originals, on every string of the records and on
//    strings made to sit on their edges (case, look-alikes, invisible and forbidden
//    characters, digits, blanks, astral characters).
const poBoxCaseless = new RegExp(PO_BOX_SOURCE, 'u');
const strings = new Set(objects.flatMap((o) => Object.values(o).filter((x) => typeof x === 'string')));
for (const s of [
  'PO Box 12', 'p.o. box 9', 'P O B 1', 'Post Office Box 3', 'POSTAL BOX 4', 'Box 12', ' box #7 ', 'p0 b0x 1', 'PO DRAWER 5',
  'Boxwood Ln', 'Post Rd', '12 Pobox', 'Р.О. Вох 1', 'Po\u017f Box', 'P.O. \u212aox', '', ' ', '\t', '\u3000', 'a\u200bb',
  '<b>', 'a$b', 'x\\y', 'City 9', 'City ٣', 'Ⅻ', '😀😀', 'é', 'e\u0301', '\u{e0001}', '\u{1d173}x',
  'x'.repeat(50), 'x'.repeat(51), '😀'.repeat(50), '😀'.repeat(51), `${'😀'.repeat(25)}x`, ` ${'x'.repeat(49)}`, 'PO Box 1'.padEnd(51, 'x'),
]) strings.add(s);
const typeBoxSchema = typeBoxCheck.Schema();
const typeBoxLine = (field) => new RegExp(typeBoxSchema.properties[field].source ?? typeBoxSchema.properties[field].anyOf[0].source, 'u');
const tbName = typeBoxLine('firstName');
const tbStreet1 = typeBoxLine('address1');
const tbStreet2 = typeBoxLine('address2');
const tbCity = typeBoxLine('city');
let regexChecks = 0;
for (const s of strings) {
  const clean = NO_FORBIDDEN.test(s) && NO_INVISIBLE.test(s);
  const blank = !NOT_BLANK.test(s);
  const po = PO_BOX.test(s);
  const within = (min, max) => [...s].length >= min && [...s].length <= max;
  const same = (what, a, b) => {
    regexChecks++;
    if (a !== b) fail(`${what} on ${JSON.stringify(s)}: ${a} vs ${b}`);
  };
  same('PO box, caseless source vs /i', poBoxCaseless.test(s), po);
  same('blank, \\S vs trim', blank, s.trim() === '');
  same('clean text, one class vs two', CLEAN_TEXT.test(s), clean);
  same('city text, one class vs three', CLEAN_NO_DIGITS.test(s), clean && NO_DIGITS.test(s));
  same('code points 1..50, counted only when needed', codePointsWithin(s, 1, 50), within(1, 50));
  same('code points 0..50, counted only when needed', codePointsWithin(s, 0, 50), within(0, 50));
  same('TypeBox name regex', tbName.test(s), clean && !blank && within(1, 50));
  same('TypeBox address1 regex', tbStreet1.test(s), clean && !blank && !po && within(1, 50));
  same('TypeBox address2 regex', tbStreet2.test(s), clean && !po && within(0, 50));
  same('TypeBox city regex', tbCity.test(s), clean && !blank && NO_DIGITS.test(s) && within(1, 50));
}

// 3. Verdicts against dwolla-validator's on every record. The one rule the peers
//    cannot express: PO boxes spelt with look-alike letters (dwolla-validator's
//    po_box on an address that the ASCII regex lets through).
const ours = objects.map((o) => validateCustomer(o, options));
const validOurs = ours.filter((r) => r.valid).length;
const explained = (o, report) =>
  !report.valid &&
  report.errors.every((e) => e.rule === 'po_box') &&
  !['address1', 'address2'].some((f) => typeof o[f] === 'string' && PO_BOX.test(o[f]));
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
const agreement = {};
console.log(`valid (dwolla-validator): ${validOurs} of ${objects.length}`);
for (const peer of PEERS) {
  let same = 0;
  let unexplained = 0;
  const onlyOurs = new Map();
  const onlyPeer = new Map();
  objects.forEach((o, i) => {
    const verdict = peer.valid(o);
    if (verdict === ours[i].valid) {
      same++;
      return;
    }
    if (verdict) bump(onlyOurs, ours[i].errors.map((e) => e.rule).join('+'));
    else bump(onlyPeer, peer.why(o));
    if (!explained(o, ours[i])) unexplained++;
  });
  const percent = (100 * same) / objects.length;
  agreement[peer.key] = { label: peer.label, same, of: objects.length, percent, unexplained, onlyOurs: Object.fromEntries(onlyOurs), onlyPeer: Object.fromEntries(onlyPeer) };
  console.log(`agreement with ${peer.label}: ${same}/${objects.length} = ${percent.toFixed(2)}%${unexplained ? `, ${unexplained} UNEXPLAINED` : ''}`);
  for (const [k, n] of onlyOurs) console.log(`  refused by dwolla-validator only (${n}): ${k}`);
  for (const [k, n] of onlyPeer) console.log(`  refused by ${peer.key} only (${n}): ${k}`);
  if (unexplained) fail(`${peer.key}: ${unexplained} records disagree with dwolla-validator beyond the look-alike PO boxes`);
}
// 4. Edge cases beyond the generated records, one field changed on a valid record:
//    where the peers' own grammars (e-mail, IP) and length units part from
//    dwolla-validator's. Reported, not failed: these are the rules a peer cannot
//    express the same way, listed at the top of each peer module.
const base = objects.find((_, i) => ours[i].valid);
const EDGES = [
  ['email', "o'brien@example.com"], ['email', '"john doe"@example.com'], ['email', 'john..doe@example.com'],
  ['email', 'john@example.c'], ['email', 'john@exa_mple.com'], ['email', `john@${'a'.repeat(64)}.com`],
  ['email', 'josé@example.com'], ['email', 'john@münchen.de'],
  ['ipAddress', 'fe80::1%eth0'], ['ipAddress', '::ffff:192.0.2.1'], ['ipAddress', '192.168.001.1'],
  ['firstName', '😀'.repeat(30)], ['firstName', '😀'.repeat(51)], ['firstName', 'e\u0301'.repeat(30)], ['lastName', 'Ｏ’Ｂｒｉｅｎ'],
  ['address1', '1 Ｍain St'], ['address1', 'P\u00adO Box 5'], ['address1', 'ΡΟ Βox 5'],
  ['city', 'Ｎew Ｙork'], ['dateOfBirth', '2008-11-23'], ['dateOfBirth', '2008-11-24'], ['dateOfBirth', '1900-11-24'],
  ['dateOfBirth', '1900-11-23'], ['dateOfBirth', '2000-02-29'], ['phone', '２０２５５５０１００'], ['ssn', '１２３４'],
];
const edgeDisagreements = [];
for (const [field, value] of EDGES) {
  const o = { ...base, [field]: value };
  const verdictOurs = validateCustomer(o, options).valid;
  const differ = PEERS.filter((p) => p.valid(o) !== verdictOurs).map((p) => p.key);
  if (differ.length) edgeDisagreements.push({ field, value, dwollaValidator: verdictOurs ? 'valid' : 'invalid', differ });
}
console.log(`edge cases (${EDGES.length}, one field changed on a valid record; reported, not failed): ${edgeDisagreements.length} where a peer disagrees`);
for (const e of edgeDisagreements) console.log(`  ${e.field} ${JSON.stringify(e.value)}: dwolla-validator ${e.dwollaValidator}; disagreeing: ${e.differ.join(', ')}`);
console.log(`self-test: ${regexChecks} regex rewrites compared on ${strings.size} strings, age bounds on 5 days x 171 years`);
for (const f of failures.slice(0, 20)) console.log(`  FAILED: ${f}`);
if (failures.length > 20) console.log(`  ... and ${failures.length - 20} more`);
console.log(`self-test: ${failures.length ? `${failures.length} FAILED` : 'passed'}`);
if (checkOnly) process.exit(failures.length ? 1 : 0);

// ---- Measurement -----------------------------------------------------------------
/**
 * WARMUP + ROUNDS rounds; each round runs every candidate once over `items`, the
 * order rotated per round. Returns, per candidate, records/s of its median round.
 */
function measureInterleaved(candidates, items) {
  let sink = 0;
  const times = candidates.map(() => []);
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    for (let k = 0; k < candidates.length; k++) {
      const c = (k + r) % candidates.length;
      const fn = candidates[c].fn;
      const t0 = performance.now();
      for (let i = 0; i < items.length; i++) if (fn(items[i])) sink++;
      const t = performance.now() - t0;
      if (r >= WARMUP) times[c].push(t);
    }
  }
  if (sink < 0) console.log(sink); // keep the results alive
  return candidates.map((c, i) => {
    const sorted = times[i].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    return { name: c.name, recordsPerSecond: (items.length / median) * 1000, nsPerRecord: (median * 1e6) / items.length, medianMs: median };
  });
}

const WASM = 'wasm validateCustomer(object)';
const onObjects = [{ name: WASM, fn: (o) => validateCustomer(o, options).valid }, ...PEERS.map((p) => ({ name: p.bench, fn: p.valid }))];
const validObjects = objects.filter((_, i) => ours[i].valid);
const loadBefore = os.loadavg();
const mixed = measureInterleaved(onObjects, objects);
// The text candidates run on the lines, not the objects: a second interleaved set.
const fromText = measureInterleaved(
  [
    { name: 'wasm validateCustomerText(text)', fn: (l) => validateCustomerText(l, options).valid },
    { name: 'zod+validator.js safeParse(JSON.parse(text))', fn: (l) => zodSchema.safeParse(JSON.parse(l)).success },
  ],
  lines,
);
const boundary = measureInterleaved([{ name: 'JSON.stringify(object) alone (the boundary)', fn: (o) => JSON.stringify(o).length > 0 }], objects);
const valid = measureInterleaved(onObjects, validObjects);
const loadAfter = os.loadavg();

/** wasm's records/s over zod's and over the fastest JavaScript peer's, in one set. */
function ratios(results) {
  const by = Object.fromEntries(results.map((r) => [r.name, r.recordsPerSecond]));
  const peers = PEERS.map((p) => ({ key: p.key, label: p.label, recordsPerSecond: by[p.bench] }));
  const fastest = peers.reduce((a, b) => (b.recordsPerSecond > a.recordsPerSecond ? b : a));
  return { wasm: by[WASM], zod: by[PEERS[0].bench], overZod: by[WASM] / by[PEERS[0].bench], fastestPeer: fastest.key, fastestPeerLabel: fastest.label, overFastest: by[WASM] / fastest.recordsPerSecond, peers };
}
const sets = {
  mixed: { records: objects.length, valid: validOurs, results: mixed, ...ratios(mixed) },
  valid: { records: validObjects.length, valid: validObjects.length, results: valid, ...ratios(valid) },
};

const fmt = (x) => Math.round(x).toLocaleString('en-US');
const all = [...mixed, ...fromText, ...boundary];
const width = Math.max(...all.map((r) => r.name.length));
console.log(`\nnode ${process.version}, ${ROUNDS} rounds after ${WARMUP} warm-up rounds, interleaved (median round); load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadAfter.map((x) => x.toFixed(2)).join(' ')} after`);
for (const [title, results, n] of [['mixed records', all, objects.length], ['valid records only', valid, validObjects.length]]) {
  console.log(`${title} (${n}):`);
  for (const r of results) console.log(`  ${r.name.padEnd(width)}  ${fmt(r.recordsPerSecond).padStart(11)} records/s  ${r.nsPerRecord.toFixed(0).padStart(6)} ns/record`);
}
for (const [title, s] of Object.entries(sets)) {
  console.log(`ratio wasm / zod+validator.js, ${title}: ${s.overZod.toFixed(2)}x; wasm / fastest JS peer (${s.fastestPeer}): ${s.overFastest.toFixed(2)}x`);
}
const byName = Object.fromEntries(all.map((r) => [r.name, r.recordsPerSecond]));
console.log(`ratio from text: ${(byName['wasm validateCustomerText(text)'] / byName['zod+validator.js safeParse(JSON.parse(text))']).toFixed(2)}x`);

const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
if (jsonOut) {
  const zodAgreement = agreement.zod;
  fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
  fs.writeFileSync(
    jsonOut,
    `${JSON.stringify(
      {
        node: process.version,
        date,
        records: lines.length,
        rounds: ROUNDS,
        loadBefore,
        loadAfter,
        // The zod-only fields that benches/summary.mjs reads.
        agreementPercent: zodAgreement.percent,
        validOurs,
        onlyOurs: zodAgreement.onlyOurs,
        onlyZod: zodAgreement.onlyPeer,
        ratio: sets.mixed.overZod,
        results: all,
        // Every peer.
        agreement,
        selfTestFailures: failures,
        edgeDisagreements,
        sets,
      },
      null,
      2,
    )}\n`,
  );
}

if (readmeOut) {
  const START = '<!-- bench-node:start -->';
  const END = '<!-- bench-node:end -->';
  const readme = fs.readFileSync(readmeOut, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) {
    console.log(`${readmeOut} has no ${START} ... ${END}: not rewritten`);
  } else {
    const m = sets.mixed;
    const w = sets.valid;
    const x = (r) => `${r.toFixed(2)}x`;
    const rowOf = (label, key) => `| ${label} | ${fmt(m.peers.find((p) => p.key === key).recordsPerSecond)} | ${fmt(w.peers.find((p) => p.key === key).recordsPerSecond)} | ${agreement[key].percent.toFixed(2)}% |`;
    const table = [
      `| in Node, records/s | mixed (${((100 * m.valid) / m.records).toFixed(0)}% valid) | all valid | agrees with dwolla-validator |`,
      '|---|---|---|---|',
      `| dwolla-validator wasm \`validateCustomer\` | ${fmt(m.wasm)} | ${fmt(w.wasm)} | |`,
      ...PEERS.map((p) => rowOf(p.label, p.key)),
      `| **wasm / zod** | **${x(m.overZod)}** | **${x(w.overZod)}** | |`,
      `| **wasm / fastest JS peer** | **${x(m.overFastest)}** (${m.fastestPeer}) | **${x(w.overFastest)}** (${w.fastestPeer}) | |`,
    ].join('\n');
    const noisy = loadBefore[0] >= 0.5 || process.env.BENCH_NODE_NOISY === '1';
    const load = (l) => l.map((y) => y.toFixed(2)).join(' ');
    const block = `${START}
Measured ${date} by \`node benches/node/compare.mjs\` (${ROUNDS} interleaved rounds after ${WARMUP} warm-up, median round; Node ${process.version}; ${os.availableParallelism()} cores, load average ${load(loadBefore)} before and ${load(loadAfter)} after).
${noisy ? '**A noisy shared machine** (other processes were busy when it started): the absolute figures are low and vary from run to run; the ratios, measured in one process on the same records, are what to read.' : 'The machine was otherwise idle when it started (1-minute load average below 0.5); the ratios, measured in one process on the same records, are what to read.'}

${table}
${END}`;
    fs.writeFileSync(readmeOut, readme.slice(0, a) + block + readme.slice(b + END.length));
    console.log(`wrote the Node peers table of ${readmeOut}`);
  }
}
if (failures.length) {
  // A warning, not a failure of the bench: `--check` is the self-test that fails.
  console.log(`\nWARNING: the self-test failed (${failures.length}); the peers do not check the same rules: see above`);
}
