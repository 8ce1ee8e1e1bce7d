#!/usr/bin/env node
// Compares our e-mail domain hint with mailcheck (the popular "did you mean"
// library; an exact-pinned devDependency in tests/js) on the email_domain cases of
// tests/vectors/hints.json. Ours is read from each case's expectation, which
// tests/hints_vectors.rs holds the Rust code to.
//
// Usage (from the repository root, after `npm ci --prefix tests/js`):
//   node scripts/compare-mailcheck.mjs
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const require = createRequire(new URL('tests/js/package.json', root));
const Mailcheck = require('mailcheck');
const version = JSON.parse(
  readFileSync(new URL('tests/js/node_modules/mailcheck/package.json', root), 'utf8'),
).version;

const { cases } = JSON.parse(readFileSync(new URL('tests/vectors/hints.json', root), 'utf8'));
const rows = [];
for (const c of cases.filter((c) => c.hint === 'email_domain')) {
  let theirs = null;
  // mailcheck's defaults: its own domain lists, sift3 distance, thresholds of 2.
  Mailcheck.run({
    email: `jane@${c.domain}`,
    suggested: (s) => {
      theirs = s.domain;
    },
    empty: () => {
      theirs = null;
    },
  });
  rows.push({ input: c.domain, mailcheck: theirs, ours: c.expect });
}

const show = (v) => (v === null ? '-' : v);
const width = Math.max(...rows.map((r) => r.input.length), 5);
const w2 = Math.max(...rows.map((r) => show(r.mailcheck).length), 9);
console.log(`mailcheck@${version} vs hints::email_domain::suggest\n`);
console.log(`${'input'.padEnd(width)}  ${'mailcheck'.padEnd(w2)}  ours`);
for (const r of rows) {
  const mark = r.mailcheck === r.ours ? '' : '   <- differ';
  console.log(`${r.input.padEnd(width)}  ${show(r.mailcheck).padEnd(w2)}  ${show(r.ours)}${mark}`);
}
const differ = rows.filter((r) => r.mailcheck === r.ours ? false : true);
const same = rows.length - differ.length;
const missed = differ.filter((r) => r.mailcheck === null);
const extra = differ.filter((r) => r.ours === null);
const other = differ.filter((r) => r.mailcheck !== null && r.ours !== null);
console.log(`\n${rows.length} cases: ${same} agree, ${differ.length} differ`);
console.log(`  mailcheck silent where we suggest (${missed.length}): ${missed.map((r) => r.input).join(', ')}`);
console.log(`  mailcheck suggests where we are silent (${extra.length}): ${extra.map((r) => `${r.input} -> ${r.mailcheck}`).join(', ')}`);
console.log(`  both suggest, differently (${other.length}): ${other.map((r) => `${r.input}: ${r.mailcheck} / ${r.ours}`).join(', ')}`);
