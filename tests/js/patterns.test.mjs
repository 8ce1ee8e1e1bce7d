// Every exported pattern, compiled as its users compile it: the catalog's HTML
// `pattern` with the `v` flag, anchored (what <input pattern> does), and every
// `pattern` in the JSON Schema export with the `u` flag (what Ajv does). Each must
// accept every valid value of its field in the vectors, and refuse every value whose
// failing rule a pattern can state. tests/patterns.rs holds them to the regex crate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dv, vectors } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = process.env.DWOLLA_VALIDATOR_BIN ?? `${root}target/debug/dwolla-validator`;

// The same list as tests/patterns.rs: rules whose every refusal a pattern states.
const PATTERNED = new Set(['forbidden_characters', 'invisible_characters', 'no_digits', 'postal_code', 'phone', 'ssn',
  'correlation_id', 'uuid', 'ein', 'region']);

function schemaOf(shape, operation) {
  const r = spawnSync(bin, ['schema', shape, '--operation', operation], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Every pattern of a shape: {origin, path, branch ('any' | 'us' | 'elsewhere'), regex}. */
function exported(shape, operation) {
  const out = [];
  for (const f of dv.fieldRules(shape, { operation })) {
    const add = (c, branch) => {
      if (c.htmlPattern) {
        out.push({ origin: `${shape} ${f.path} htmlPattern (${operation}, ${branch})`, path: f.path, branch,
          regex: new RegExp(`^(?:${c.htmlPattern})$`, 'v') });
      }
    };
    if (f.constraintsOutsideUs) {
      add(f.constraints, 'us');
      add(f.constraintsOutsideUs, 'elsewhere');
    } else add(f.constraints, 'any');
  }
  const walk = (schema, prefix, branch) => {
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (typeof sub.pattern === 'string') {
        out.push({ origin: `${shape} ${path} schema pattern (${operation}, ${branch})`, path, branch, regex: new RegExp(sub.pattern, 'u') });
      }
      walk(sub, path, 'any');
    }
    for (const cond of schema.allOf ?? []) {
      if (cond.then) walk(cond.then, prefix, 'us');
      if (cond.else) walk(cond.else, prefix, 'elsewhere');
    }
  };
  walk(schemaOf(shape, operation), '', 'any');
  return out;
}

function shapeOf(c) {
  if (c.kind) return dv.shapeNames().includes(c.kind) ? c.kind : null;
  const p = c.payload;
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return null;
  if (p.type === 'personal') return 'personal';
  if (p.type === 'receive-only' || p.type === 'unverified') return 'unverified';
  if (p.type === 'business') {
    if (p.businessType === 'soleProprietorship') return 'business-sole-proprietorship';
    return ['llc', 'corporation', 'partnership'].includes(p.businessType) ? 'business' : null;
  }
  if (p.type === undefined && 'address' in p) return 'beneficial-owner';
  if (p.type === undefined && !('answers' in p)) return 'unverified';
  return null;
}

function branchAt(payload, path) {
  const dirs = path.split('/').slice(0, -1);
  if (dirs.length === 0 || dirs.at(-1) !== 'address') return 'any';
  const address = dirs.reduce((at, k) => at?.[k], payload);
  if (address === undefined) return 'any';
  const c = address.country;
  return typeof c === 'string' && c !== 'US' && c.trim() !== '' ? 'elsewhere' : 'us';
}

function* leaves(v, prefix) {
  if (typeof v === 'string') yield [prefix, v];
  else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, sub] of Object.entries(v)) yield* leaves(sub, prefix ? `${prefix}/${k}` : k);
  }
}

function samples() {
  const out = [];
  const fields = vectors('fields.json');
  for (const [field, value, operation, expected] of fields.cases) {
    if (typeof value !== 'string') continue;
    out.push({ shape: fields.shape, operation, path: field, branch: 'any', value,
      refusedBy: expected === 'valid' ? null : expected.split(' ')[1], name: `fields.json ${field}` });
  }
  for (const file of ['payloads.json', 'business.json']) {
    for (const c of vectors(file).cases) {
      const shape = shapeOf(c);
      if (shape === null) continue;
      const operation = c.options?.operation ?? 'create';
      if (c.expect.valid) {
        for (const [path, value] of leaves(c.payload, '')) {
          out.push({ shape, operation, path, branch: branchAt(c.payload, path), value, refusedBy: null, name: c.name });
        }
        continue;
      }
      for (const [pointer, , rule] of c.expect.errors) {
        const path = pointer.slice(1);
        const value = path.split('/').reduce((at, k) => at?.[k], c.payload);
        if (typeof value !== 'string') continue;
        out.push({ shape, operation, path, branch: branchAt(c.payload, path), value, refusedBy: rule, name: c.name });
      }
    }
  }
  return out;
}

test('every exported pattern compiles as browsers and Ajv compile it, and agrees with the vectors', () => {
  const all = samples();
  let compiled = 0;
  let accepted = 0;
  let refused = 0;
  const failures = [];
  for (const operation of ['create', 'retry']) {
    for (const shape of dv.shapeNames()) {
      const patterns = exported(shape, operation);
      compiled += patterns.length;
      for (const s of all.filter((x) => x.shape === shape && x.operation === operation)) {
        for (const p of patterns.filter((q) => q.path === s.path && (q.branch === 'any' || q.branch === s.branch))) {
          const matches = p.regex.test(s.value);
          if (s.refusedBy === null) {
            if (!matches) failures.push(`${s.name}: ${p.origin} refuses the valid ${JSON.stringify(s.value)}`);
            else accepted++;
          } else if (PATTERNED.has(s.refusedBy)) {
            if (matches) failures.push(`${s.name}: ${p.origin} accepts ${JSON.stringify(s.value)}, which ${s.refusedBy} refuses`);
            refused++;
          }
        }
      }
    }
  }
  assert.deepEqual(failures, []);
  // The same counts as the regex crate's test: both compare the same pairs.
  assert.ok(compiled > 100 && accepted > 300 && refused > 60, `compiled ${compiled}, accepted ${accepted}, refused ${refused}`);
});
