// Reads what scripts/bench measured (criterion's estimates, the Node comparison,
// the first-call timing, the .wasm size, the machine) and writes:
//   benches/results/latest.md    the summary table, per-rule times, the machine
//   benches/results/latest.json  the same figures, machine-readable
//   benches/results/chart.svg    records/s, ours against the peers (hand-written SVG)
//   README.md                    the table and machine, between the markers
//                                <!-- bench:start --> and <!-- bench:end --> only
// and prints the summary table. It judges nothing by itself: the goals of issue 14
// are compared with what was measured, and "met?" says so.
//
// Usage: node benches/summary.mjs RUN_DIR   (RUN_DIR holds node.json, first-call.json,
//        machine.json, written by scripts/bench; criterion's data is in target/criterion)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runDir = path.resolve(process.argv[2] ?? path.join(ROOT, 'target', 'bench-run'));
const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const machine = readJson(path.join(runDir, 'machine.json'));
const node = fs.existsSync(path.join(runDir, 'node.json')) ? readJson(path.join(runDir, 'node.json')) : null;
const first = fs.existsSync(path.join(runDir, 'first-call.json')) ? readJson(path.join(runDir, 'first-call.json')) : null;
const N = 10_000;

// criterion: target/criterion/<group>/<id>/new/{benchmark,estimates}.json
const crit = new Map();
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (!e.isDirectory()) continue;
    if (e.name === 'new' && fs.existsSync(path.join(p, 'benchmark.json'))) {
      const b = readJson(path.join(p, 'benchmark.json'));
      const est = readJson(path.join(p, 'estimates.json'));
      const mtime = fs.statSync(path.join(p, 'estimates.json')).mtimeMs / 1000;
      const ns = (est.slope ?? est.mean).point_estimate;
      crit.set(b.full_id, { ns, fresh: mtime >= machine.startedAt });
    } else walk(p);
  }
}
const critDir = path.join(ROOT, 'target', 'criterion');
if (fs.existsSync(critDir)) walk(critDir);
const stale = [];
function ns(id) {
  const r = crit.get(id);
  if (!r) throw new Error(`no criterion result for ${id}: run scripts/bench (cargo bench)`);
  if (!r.fresh) stale.push(id);
  return r.ns;
}
const perSec = (nsPerRecord) => 1e9 / nsPerRecord;

// Figures.
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');
const fmtNs = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} ms` : x >= 1000 ? `${(x / 1000).toFixed(2)} µs` : `${x.toFixed(0)} ns`);
const rows = [];
const row = (bench, figure, ratio, goal, met) => rows.push({ bench, figure, ratio: ratio ?? '', goal: goal ?? '', met: met ?? '' });
const yes = (b) => (b ? 'yes' : '**no**');

const validNs = ns('customer/valid_personal/value');
row('native: valid personal Customer, from a parsed Value', fmtNs(validNs));
const textNs = ns('customer/valid_personal/text');
row('native: valid personal Customer, JSON text to report (validate_text)', fmtNs(textNs), '', '≤ 1 µs', yes(textNs <= 1000));
row('native: the same through serde_json strict parse + Value (the path before)', fmtNs(ns('customer/valid_personal/strict_parse_and_validate')));
row('native: invalid personal Customer (7 errors), from a Value', fmtNs(ns('customer/invalid_personal/value')));
row('native: business llc with controller, from a Value', fmtNs(ns('customer/business_llc/value')));
row('native: valid personal, JSON text to JSON text (validate_customer_json)', fmtNs(ns('customer/valid_personal/json_text')));
row('native: serde_json parse of that payload alone (scale)', fmtNs(ns('customer/valid_personal/parse_only')));

const parseOnly = ns('bulk/serde_json_parse_only') / N;
const bulk = ns('bulk/check_path') / N;
const valuePath = ns('bulk/records_and_validate') / N;
const recordsOnly = ns('bulk/records_only') / N;
const collect = ns('bulk/serde_json_parse_collect') / N;
const streaming = ns('bulk/lines_parse_payload_and_validate') / N;
const xTime = (t) => `${(t / parseOnly).toFixed(2)}x time`;
row('bulk: serde_json parse-only, 10k NDJSON lines (the floor)', `${fmtInt(perSec(parseOnly))} records/s`, '1.00x time');
row('bulk: same parse, every Value kept until the end', `${fmtInt(perSec(collect))} records/s`, xTime(collect));
row('bulk: input::records (strict parse) only', `${fmtInt(perSec(recordsOnly))} records/s`, xTime(recordsOnly));
row('bulk: check, 1 thread (records read into the borrowed tree and validated, reports built)', `${fmtInt(perSec(bulk))} records/s`, xTime(bulk), '≤ 2x parse-only', yes(bulk / parseOnly <= 2));
row('bulk: input::records + validate (the Value path), 1 thread', `${fmtInt(perSec(valuePath))} records/s`, xTime(valuePath));
row('bulk: streaming, parse_payload + validate per line', `${fmtInt(perSec(streaming))} records/s`, xTime(streaming));

const oursV = ns('peer_native/ours_from_value') / N;
const gardeV = ns('peer_native/garde_from_value') / N;
const oursT = ns('peer_native/ours_from_text') / N;
const gardeT = ns('peer_native/garde_from_text') / N;
row('peer native: garde (deserialize + validate), from a Value', `${fmtInt(perSec(gardeV))} records/s`);
row('peer native: ours, from the same Value', `${fmtInt(perSec(oursV))} records/s`, `${(gardeV / oursV).toFixed(2)}x garde`);
row('peer native: garde, from JSON text', `${fmtInt(perSec(gardeT))} records/s`);
row('peer native: ours, from JSON text (validate_text)', `${fmtInt(perSec(oursT))} records/s`, `${(gardeT / oursT).toFixed(2)}x garde`, '≥ 2x garde', yes(gardeT / oursT >= 2));

let nodeRatio = null;
if (node) {
  const by = Object.fromEntries(node.results.map((r) => [r.name, r.recordsPerSecond]));
  const wasm = by['wasm validateCustomer(object)'];
  const zod = by['zod+validator.js safeParse(object)'];
  nodeRatio = wasm / zod;
  row('Node: zod 4 + validator.js safeParse(object)', `${fmtInt(zod)} records/s`);
  row('Node: wasm validateCustomer(object), mixed records', `${fmtInt(wasm)} records/s`, `${nodeRatio.toFixed(2)}x zod`, '≥ 4x zod', yes(nodeRatio >= 4));
  if (node.sets?.valid) {
    const v = node.sets.valid;
    row('Node: wasm validateCustomer(object), valid records', `${fmtInt(v.wasm)} records/s`, `${v.overZod.toFixed(2)}x zod; ${v.overFastest.toFixed(2)}x ${v.fastestPeer}`, '≥ 2x zod', yes(v.overZod >= 2));
  }
  if (node.sets?.mixed) {
    const m = node.sets.mixed;
    row('Node: wasm / fastest JS peer, mixed records', `${m.fastestPeer}`, `${m.overFastest.toFixed(2)}x`);
  }
  row('Node: wasm validateCustomerText(text)', `${fmtInt(by['wasm validateCustomerText(text)'])} records/s`);
  row('Node: zod safeParse(JSON.parse(text))', `${fmtInt(by['zod+validator.js safeParse(JSON.parse(text))'])} records/s`, `wasm ${(by['wasm validateCustomerText(text)'] / by['zod+validator.js safeParse(JSON.parse(text))']).toFixed(2)}x`);
  row('Node: JSON.stringify(object) alone (the JS→wasm boundary)', `${fmtInt(by['JSON.stringify(object) alone (the boundary)'])} records/s`);
  row('Node: agreement wasm vs zod on valid/invalid', `${node.agreementPercent.toFixed(2)}%`);
}
row('.wasm size, gzip -9', `${fmtInt(machine.wasmGzipBytes)} bytes (${fmtInt(machine.wasmRawBytes)} raw)`, '', '≤ 100 KB', yes(machine.wasmGzipBytes <= 100_000));
if (first) {
  const s = first.summary;
  row(
    'browser: first validation (fetch + compile + instantiate .wasm, 1 call), median',
    `${s.initAndCallMs.median.toFixed(1)} ms (first load ${s.initAndCallMs.first.toFixed(1)}, max ${s.initAndCallMs.max.toFixed(1)})`,
    '',
    '< 30 ms',
    `median: ${yes(s.initAndCallMs.median < 30)}; first load of a fresh browser: ${yes(s.initAndCallMs.first < 30)}`,
  );
  row('browser: same + importing the JS modules, median', `${s.totalMs.median.toFixed(1)} ms (first load ${s.totalMs.first.toFixed(1)}, max ${s.totalMs.max.toFixed(1)})`);
} else {
  row('browser: first validation', 'not measured', '', '< 30 ms', 'not measured');
}

// Per-rule times, slowest first.
const perRule = [...crit.entries()]
  .filter(([id]) => id.startsWith('rule/') || id.startsWith('hint/') || id.startsWith('field/'))
  .map(([id, r]) => ({ id, ns: r.ns, fresh: r.fresh }))
  .sort((a, b) => b.ns - a.ns);
for (const r of perRule) if (!r.fresh) stale.push(r.id);

// The table, as Markdown (also printed).
const table = [
  '| bench | measured | ratio | goal | met? |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.bench} | ${r.figure} | ${r.ratio} | ${r.goal} | ${r.met} |`),
].join('\n');

const m = machine;
const machineText = [
  `- Machine: ${m.arch}, ${m.cpu}, ${m.cores} cores, ${m.memory}`,
  `- ${m.rustc}; Node ${m.node}; ${m.kernel}`,
  `- Run: ${m.date}; load average before ${m.loadBefore}, after ${m.loadAfter}`,
  m.busyNote ? `- ${m.busyNote}` : null,
  `- Records: ${N} generated personal Customers (benches/common/mod.rs = benches/node/records.mjs, FNV-1a ${m.digestRust}${m.digestRust === m.digestNode ? ', same in both' : `, **Node: ${m.digestNode}**`}), ${node ? `${node.validOurs} valid` : ''}`,
]
  .filter(Boolean)
  .join('\n');

const disagreements = node
  ? [
      ...Object.entries(node.onlyOurs).map(([k, n]) => `- refused by dwolla-validator only (${n}): ${k}`),
      ...Object.entries(node.onlyZod).map(([k, n]) => `- refused by zod + validator.js only (${n}): ${k}`),
    ].join('\n')
  : '';

const md = `# Benchmark results

Written by \`scripts/bench\` (\`benches/summary.mjs\`); do not edit by hand.

${machineText}

${table}

Criterion figures are its slope or mean estimate per iteration; records/s for the
bulk and peer rows are 10,000 records divided by that. Node figures are the median of
${node ? node.rounds : '?'} rounds over the 10,000 records after 2 warm-up rounds. "x time" is
time relative to serde_json parse-only (lower is better); "x garde" and "x zod" are
records/s relative to the peer (higher is better).
${disagreements ? `\nWhere wasm and zod disagree on valid/invalid:\n\n${disagreements}\n` : ''}
## Per rule, slowest first

One call on short typical input (\`benches/rules.rs\`, \`benches/customer.rs\` for \`field/\`).

| bench | time |
|---|---|
${perRule.map((r) => `| ${r.id} | ${fmtNs(r.ns)} |`).join('\n')}

![benchmark chart](chart.svg)
`;

// The chart: records/s, two panels (native, Node), one scale per panel.
const bars = [
  { panel: 'Native (Rust, one thread), from JSON text', items: [
    ['dwolla-validator (strict parse + validate)', perSec(oursT), 'ours'],
    ['dwolla-validator bulk (check, one thread)', perSec(bulk), 'ours'],
    ['garde peer (serde + validate)', perSec(gardeT), 'peer'],
    ['serde_json parse only (floor)', perSec(parseOnly), 'floor'],
  ] },
  { panel: 'Native (Rust, one thread), from a parsed value', items: [
    ['dwolla-validator validate(&Value)', perSec(oursV), 'ours'],
    ['garde peer (deserialize + validate)', perSec(gardeV), 'peer'],
  ] },
];
if (node) {
  const by = Object.fromEntries(node.results.map((r) => [r.name, r.recordsPerSecond]));
  bars.push({ panel: `Node ${node.node}, from JS objects`, items: [
    ['wasm validateCustomer', by['wasm validateCustomer(object)'], 'ours'],
    ['zod 4 + validator.js safeParse', by['zod+validator.js safeParse(object)'], 'peer'],
  ] });
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 760;
const labelW = 330;
const barMax = W - labelW - 150;
const colors = { ours: '#2f6fbf', peer: '#d9822b', floor: '#8a8a8a' };
let y = 64;
const parts = [];
for (const p of bars) {
  parts.push(`<text x="16" y="${y}" class="h">${esc(p.panel)}</text>`);
  y += 10;
  const max = Math.max(...p.items.map((i) => i[1]));
  for (const [label, v, kind] of p.items) {
    const w = Math.max(2, (v / max) * barMax);
    parts.push(`<text x="${labelW - 8}" y="${y + 15}" class="l">${esc(label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="18" fill="${colors[kind]}"/>`);
    parts.push(`<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 15}" class="v">${fmtInt(v)}/s</text>`);
    y += 24;
  }
  y += 22;
}
const H = y + 8;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">
<title>dwolla-validator: records per second against its peers</title>
<style>.t{font-size:15px;font-weight:600;fill:#222}.s{font-size:11px;fill:#555}.h{font-size:13px;font-weight:600;fill:#333}.l{font-size:12px;fill:#333;text-anchor:end}.v{font-size:12px;fill:#222}</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="22" class="t">Records validated per second (higher is better; one scale per panel)</text>
<text x="16" y="36" class="s">${esc(`${m.cpu}, ${m.cores} cores${m.busyNote?.startsWith('Other') ? ' (another process busy during the run)' : ''}; ${m.date}; 10,000 generated personal Customers`)}</text>
${parts.join('\n')}
</svg>
`;

const outDir = path.join(ROOT, 'benches', 'results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'latest.md'), md);
fs.writeFileSync(path.join(outDir, 'chart.svg'), svg);
fs.writeFileSync(
  path.join(outDir, 'latest.json'),
  `${JSON.stringify({ machine, rows, perRule: perRule.map(({ id, ns: t }) => ({ id, ns: t })), node, firstCall: first?.summary ?? null }, null, 2)}\n`,
);

// README.md: only what lies between the markers of its Performance section.
const readmePath = path.join(ROOT, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a >= 0 && b > a) {
  const legend =
    '"x time": time relative to serde_json parse-only (lower is better); "x garde", "x zod": records/s relative to the peer (higher is better).';
  const block = `${START}\n${machineText}\n\n${table}\n\n${legend}\n${END}`;
  fs.writeFileSync(readmePath, readme.slice(0, a) + block + readme.slice(b + END.length));
}

console.log(table);
console.log(`\n${machineText}`);
if (stale.length) {
  console.log(`\nWARNING: these criterion results are older than this run (not re-measured): ${stale.join(', ')}`);
  process.exitCode = 1;
}
console.log(`\nwrote benches/results/latest.md, latest.json, chart.svg${a >= 0 && b > a ? ', README.md (Performance table)' : ''}`);
