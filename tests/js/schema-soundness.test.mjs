// The JSON Schema export is sound: a real JSON Schema 2020-12 validator (Ajv) never
// refuses a payload that validate() accepts. Held over every valid payload vector,
// each with every optional field left out in turn, and every valid field vector put
// into a valid payload of each shape that has the field (kept only when validate()
// accepts the result, so what is asserted is the schema's side alone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { dv, vectors, options } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = process.env.DWOLLA_VALIDATOR_BIN ?? `${root}target/debug/dwolla-validator`;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map();
function schemaFor(shape, operation) {
  const key = `${shape}/${operation}`;
  if (!compiled.has(key)) {
    const r = spawnSync(bin, ['schema', shape, '--operation', operation], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    compiled.set(key, ajv.compile(JSON.parse(r.stdout)));
  }
  return compiled.get(key);
}

/** The shape validate() judges a payload as, or null when no schema is for it. */
function shapeOf(kind, p) {
  if (kind) return dv.shapeNames().includes(kind) ? kind : null;
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return null;
  if (p.type === 'personal') return 'personal';
  if (p.type === 'receive-only' || p.type === 'unverified' || (p.type === undefined && !('address' in p) && !('answers' in p))) return 'unverified';
  if (p.type === 'business') {
    if (p.businessType === 'soleProprietorship') return 'business-sole-proprietorship';
    return ['llc', 'corporation', 'partnership'].includes(p.businessType) ? 'business' : null;
  }
  if (p.type === undefined && 'address' in p) return 'beneficial-owner';
  return null;
}

function validateAs(shape, payload, opts) {
  return shape === 'beneficial-owner' || shape === 'controller'
    ? dv.validateAs(shape, payload, opts) : dv.validateCustomer(payload, opts);
}

test('the JSON Schema never refuses a payload validate() accepts', () => {
  const bases = [];
  for (const file of ['payloads.json', 'business.json']) {
    const v = vectors(file);
    for (const c of v.cases) {
      const opts = options(v.today, c.options);
      // The schema is for the default options: unknown fields are refused there.
      if (!c.expect.valid || opts.allowUnknownFields) continue;
      const shape = shapeOf(c.kind, c.payload);
      if (shape !== null) bases.push({ name: c.name, shape, payload: c.payload, opts });
    }
  }
  const candidates = [];
  for (const b of bases) {
    candidates.push(b);
    for (const f of dv.fieldRules(b.shape, { operation: b.opts.operation ?? 'create' })) {
      if (f.required !== 'no' || f.path.includes('/') || !(f.path in b.payload)) continue;
      const { [f.path]: _left, ...rest } = b.payload;
      candidates.push({ ...b, name: `${b.name} without ${f.path}`, payload: rest });
    }
  }
  const fields = vectors('fields.json');
  for (const [field, value, operation, expected] of fields.cases) {
    if (expected !== 'valid') continue;
    for (const b of bases.filter((x) => (x.opts.operation ?? 'create') === operation && field in x.payload)) {
      candidates.push({ ...b, name: `${b.name} with ${field} = ${JSON.stringify(value)}`, payload: { ...b.payload, [field]: value },
        opts: { ...b.opts, today: fields.today } });
    }
  }
  let held = 0;
  const failures = [];
  for (const c of candidates) {
    if (!validateAs(c.shape, c.payload, c.opts).valid) continue;
    const check = schemaFor(c.shape, c.opts.operation ?? 'create');
    if (!check(c.payload)) failures.push(`${c.name}: ${JSON.stringify(check.errors.map((e) => [e.instancePath, e.message]))}`);
    held++;
  }
  assert.deepEqual(failures, []);
  assert.ok(bases.length >= 15 && held >= 400, `${bases.length} valid vectors, ${held} accepted payloads checked`);
});
