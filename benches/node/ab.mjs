// Two builds of the npm package in one process, on the bench records: what a change
// to the package did, free of the machine's drift between runs. Not part of
// scripts/bench. Usage (build each package with scripts/build-wasm and copy pkg/):
//   node benches/node/ab.mjs /path/to/pkg-old /path/to/pkg-new
//   node benches/node/ab.mjs /path/to/pkg-new /path/to/pkg-old   # the other import order
// It first checks that both give identical reports on all the records, warms both
// on a few payloads with concatenated and two-byte strings (see EDGES), checking
// that their reports on these are identical too, then times validateCustomer over
// the mixed and the valid records, interleaved, 15 rounds (the first 2 dropped),
// and prints each median per call and A/B (time). Read the geometric mean of the
// two orders: sqrt(ratio1 / ratio2) is A's time over B's.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { TODAY, N_RECORDS, generateLines } from './records.mjs';

const [A, B] = process.argv.slice(2);
if (!A || !B) {
  console.error('usage: node benches/node/ab.mjs PKG_A PKG_B');
  process.exit(2);
}
const load = (dir) => import(pathToFileURL(path.resolve(dir, 'node.js')).href);
const a = await load(A);
const b = await load(B);
const objects = generateLines(N_RECORDS).map((l) => JSON.parse(l));
const options = { today: TODAY };
const valid = objects.filter((o) => a.validateCustomer(o, options).valid);
/** Validates `o` with both packages; exits if their reports differ. */
function agree(o) {
  const x = JSON.stringify(a.validateCustomer(o, options));
  const y = JSON.stringify(b.validateCustomer(o, options));
  if (x !== y) {
    console.log('the two packages differ on', JSON.stringify(o), x, y);
    process.exit(1);
  }
}
for (const o of objects) agree(o);
// Before timing, a few payloads with strings the bench records lack: built by
// concatenation (V8 cons strings) and two-byte text, as real names are. JS code
// that V8 has optimized on the records alone can run much slower once it has seen
// these (a JS walk of the object did: 1.15x faster without this warm-up, 1.2x
// slower with it), and compare.mjs's self-test feeds them before it measures.
const EDGES = [
  ['firstName', '😀'.repeat(30)], ['firstName', 'e\u0301'.repeat(30)], ['lastName', 'Ｏ’Ｂｒｉｅｎ'],
  ['address1', 'ΡΟ Βox 5'], ['city', 'Ｎew Ｙork'], ['phone', '２０２５５５０１００'],
  ['lastName', `${valid[0].firstName} ${valid[0].lastName} ${'x'.repeat(20)}`],
];
// The warm-up is the agreement check on these: still 7 x 3 = 21 calls per package.
for (let i = 0; i < 3; i++) {
  for (const [field, value] of EDGES) agree({ ...valid[0], [field]: value });
}
const runs = [];
for (const [label, set] of [['mixed', objects], ['valid', valid]]) {
  runs.push({ name: `A ${label}`, set, fn: (o) => a.validateCustomer(o, options).valid });
  runs.push({ name: `B ${label}`, set, fn: (o) => b.validateCustomer(o, options).valid });
}
const times = new Map(runs.map((r) => [r.name, []]));
for (let round = 0; round < 15; round++) {
  for (const r of runs) {
    const start = performance.now();
    let n = 0;
    for (const o of r.set) if (r.fn(o)) n++;
    if (round >= 2) times.get(r.name).push(((performance.now() - start) * 1000) / r.set.length);
  }
}
const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
for (const [name, xs] of times) console.log(name.padEnd(10), median(xs).toFixed(3), 'µs');
for (const label of ['mixed', 'valid']) {
  const ratio = median(times.get(`A ${label}`)) / median(times.get(`B ${label}`));
  console.log(`A/B ${label}: ${ratio.toFixed(3)} (time)`);
}
