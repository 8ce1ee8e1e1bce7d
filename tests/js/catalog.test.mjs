// The field catalog and the JSON Schema export, held to the validator's answers:
// every HTML pattern compiles as a browser compiles it, and the schema accepts the
// valid vectors and rejects those whose failure a schema can express.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { dv, vectors, options } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = process.env.DWOLLA_VALIDATOR_BIN ?? `${root}target/debug/dwolla-validator`;

function cli(...args) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('fieldRules() in wasm equals `dwolla-validator rules` natively', () => {
  for (const shape of dv.shapeNames()) {
    for (const operation of ['create', 'retry']) {
      assert.deepEqual(dv.fieldRules(shape, { operation }), cli('rules', shape, '--operation', operation), `${shape} ${operation}`);
    }
  }
  assert.deepEqual(Object.keys(dv.fieldRules()).sort(), dv.shapeNames().sort());
  assert.throws(() => dv.fieldRules('martian'), TypeError);
});

test('every HTML pattern compiles with the v flag, as <input pattern> does, and agrees with validateField', () => {
  const file = vectors('fields.json');
  const rules = dv.fieldRules('personal');
  const byField = Object.fromEntries(rules.map((f) => [f.path, f]));
  // Rules whose failures a pattern is meant to express.
  const patterned = new Set(['forbidden_characters', 'invisible_characters', 'no_digits', 'postal_code', 'phone', 'ssn', 'correlation_id']);
  let compared = 0;
  for (const shape of dv.shapeNames()) {
    for (const f of dv.fieldRules(shape)) {
      for (const c of [f.constraints, f.constraintsOutsideUs].filter(Boolean)) {
        if (c.htmlPattern) new RegExp(`^(?:${c.htmlPattern})$`, 'v');
        if (c.schemaPattern) new RegExp(c.schemaPattern, 'u');
      }
    }
  }
  for (const [field, value, operation, expected] of file.cases) {
    const f = byField[field];
    if (!f || typeof value !== 'string' || operation !== 'create' || !f.constraints.htmlPattern || value === '') continue;
    const matches = new RegExp(`^(?:${f.constraints.htmlPattern})$`, 'v').test(value);
    const rule = expected === 'valid' ? null : expected.split(' ')[1];
    if (rule === null) assert.ok(matches, `${field}=${JSON.stringify(value)} is valid but fails the pattern`);
    else if (patterned.has(rule)) assert.ok(!matches, `${field}=${JSON.stringify(value)} fails ${rule} but matches the pattern`);
    compared++;
  }
  assert.ok(compared > 50, `compared ${compared}`);
});

test('the JSON Schema accepts the valid vectors and rejects what a schema can express', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // Failures a JSON Schema can state: presence, type, length, characters, patterns,
  // enums, unknown fields. Not: real dates, ages, PO boxes, e-mail grammar details.
  const expressible = new Set(['required', 'string_type', 'length', 'forbidden_characters', 'invisible_characters', 'no_digits',
    'postal_code', 'phone', 'ssn', 'one_of', 'state', 'unknown_field', 'correlation_id', 'ein', 'uuid', 'region']);
  // 'country' is a pattern in the schema ([A-Z]{2}); whether the code is assigned is left to validate().
  const schemas = {};
  const schemaFor = (shape, op) => (schemas[`${shape}/${op}`] ??= ajv.compile(cli('schema', shape, '--operation', op)));
  let accepted = 0;
  let rejected = 0;
  for (const file of ['payloads.json', 'business.json']) {
    const v = vectors(file);
    for (const c of v.cases) {
      const opts = options(v.today, c.options);
      const p = c.payload;
      if (p === null || typeof p !== 'object' || Array.isArray(p) || opts.allowUnknownFields || opts.today !== v.today) continue;
      let shape = c.kind ?? (p.type === 'personal' ? 'personal' : ['receive-only', 'unverified'].includes(p.type) ? 'unverified'
        : p.type === 'business' ? (p.businessType === 'soleProprietorship' ? 'business-sole-proprietorship' : 'business') : null);
      if (shape === null || !dv.shapeNames().includes(shape)) continue;
      if (shape === 'business' && !['llc', 'corporation', 'partnership'].includes(p.businessType)) continue;
      const validate = schemaFor(shape, opts.operation ?? 'create');
      const ok = validate(p);
      if (c.expect.valid) {
        assert.ok(ok, `${c.name}: schema refuses a valid payload: ${JSON.stringify(validate.errors)}`);
        accepted++;
      } else if (c.expect.errors.every(([, , rule]) => expressible.has(rule))) {
        assert.ok(!ok, `${c.name}: schema accepts a payload the validator refuses (${JSON.stringify(c.expect.errors)})`);
        rejected++;
      }
    }
  }
  assert.ok(accepted >= 10 && rejected >= 15, `accepted ${accepted}, rejected ${rejected}`);
});
