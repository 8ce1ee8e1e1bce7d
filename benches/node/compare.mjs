// Peer comparison in Node, in one process, on the same 10,000 generated records as
// the native benches (records.mjs): the wasm package's validateCustomer against the
// same personal rules in zod 4 + validator.js (peer.mjs).
//
// Usage: node benches/node/compare.mjs [--rounds N] [--json FILE] [--pkg DIR]
// Needs pkg/ (scripts/build-wasm) and `npm ci --prefix benches/node`. --pkg measures
// another build of the package (a directory laid out like pkg/), for experiments.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { personalSchema } from './peer.mjs';
import { TODAY, N_RECORDS, generateLines, fnv1a } from './records.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const pkgDir = path.resolve(arg('--pkg', new URL('../../pkg', import.meta.url).pathname));
const { validateCustomer } = await import(pathToFileURL(path.join(pkgDir, 'node.js')).href);
// The raw wasm-bindgen export (JSON text in, JSON text out) that validateCustomer
// wraps; the same module instance, already initialized by node.js.
const { validate_customer_json } = await import(pathToFileURL(path.join(pkgDir, 'dwolla_validator.js')).href);
const ROUNDS = Number(arg('--rounds', 7));
const WARMUP = 2;
const jsonOut = arg('--json', null);

const lines = generateLines(N_RECORDS);
const objects = lines.map((l) => JSON.parse(l));
const schema = personalSchema(TODAY);
const options = { today: TODAY };
const optionsJson = JSON.stringify(options);

console.log(`package: ${pkgDir}`);
console.log(`records: ${lines.length}, fnv1a ${fnv1a(lines.map((l) => `${l}\n`).join(''))}`);

// Agreement on valid/invalid, and why they differ.
let same = 0;
let validOurs = 0;
const onlyOurs = new Map();
const onlyZod = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
for (const o of objects) {
  const ours = validateCustomer(o, options);
  const zod = schema.safeParse(o);
  if (ours.valid) validOurs++;
  if (ours.valid === zod.success) same++;
  else if (ours.valid) bump(onlyZod, zod.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  else bump(onlyOurs, ours.errors.map((e) => e.rule).join('+'));
}
const agreement = (100 * same) / objects.length;
console.log(`valid (ours): ${validOurs}`);
console.log(`agreement on valid/invalid: ${same}/${objects.length} = ${agreement.toFixed(2)}%`);
for (const [k, n] of onlyOurs) console.log(`  refused by dwolla-validator only (${n}): ${k}`);
for (const [k, n] of onlyZod) console.log(`  refused by zod + validator.js only (${n}): ${k}`);

/** Runs `fn` over every record, WARMUP + ROUNDS times; records/s of the median round. */
function measure(name, fn, items) {
  let sink = 0;
  const times = [];
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < items.length; i++) if (fn(items[i])) sink++;
    const t = performance.now() - t0;
    if (r >= WARMUP) times.push(t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const rps = (items.length / median) * 1000;
  if (sink < 0) console.log(sink); // keep the results alive
  return { name, recordsPerSecond: rps, nsPerRecord: (median * 1e6) / items.length, medianMs: median };
}

const results = [
  measure('wasm validateCustomer(object)', (o) => validateCustomer(o, options).valid, objects),
  measure('zod+validator.js safeParse(object)', (o) => schema.safeParse(o).success, objects),
  measure('wasm raw validate_customer_json(text) -> text', (l) => validate_customer_json(l, optionsJson).length > 0, lines),
  measure('zod+validator.js safeParse(JSON.parse(text))', (l) => schema.safeParse(JSON.parse(l)).success, lines),
  measure('JSON.stringify(object) alone (the boundary)', (o) => JSON.stringify(o).length > 0, objects),
];

const ours = results[0].recordsPerSecond;
const peer = results[1].recordsPerSecond;
const ratio = ours / peer;
const width = Math.max(...results.map((r) => r.name.length));
console.log(`\nnode ${process.version}, ${ROUNDS} rounds of ${lines.length} records after ${WARMUP} warm-up rounds (median round)`);
for (const r of results) {
  console.log(`  ${r.name.padEnd(width)}  ${Math.round(r.recordsPerSecond).toLocaleString('en-US').padStart(11)} records/s  ${r.nsPerRecord.toFixed(0).padStart(6)} ns/record`);
}
console.log(`ratio wasm / zod+validator.js: ${ratio.toFixed(2)}x (goal: at least 5x)`);
console.log(`ratio from text: ${(results[2].recordsPerSecond / results[3].recordsPerSecond).toFixed(2)}x`);

if (jsonOut) {
  fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
  fs.writeFileSync(
    jsonOut,
    `${JSON.stringify({ node: process.version, records: lines.length, rounds: ROUNDS, agreementPercent: agreement, validOurs, onlyOurs: Object.fromEntries(onlyOurs), onlyZod: Object.fromEntries(onlyZod), ratio, results }, null, 2)}\n`,
  );
}
