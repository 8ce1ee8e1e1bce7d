// The shared vectors in tests/vectors/, through the wasm package. tests/vectors.rs
// runs the same files natively; both must give exactly these answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dv, vectors, options } from './helpers.mjs';

test('field vectors', () => {
  const file = vectors('fields.json');
  const failures = [];
  for (const [field, value, operation, expected] of file.cases) {
    const r = dv.validateField(field, value, { today: file.today, operation, type: file.shape });
    const got = r.errors.length === 0 ? 'valid' : `${r.errors[0].code} ${r.errors[0].rule}`;
    if (got !== expected) failures.push(`${field} = ${JSON.stringify(value)} (${operation}): expected ${expected}, got ${got}`);
    assert.equal(r.valid, r.errors.length === 0);
  }
  assert.deepEqual(failures, []);
});

test('payload vectors', () => {
  const file = vectors('payloads.json');
  const failures = [];
  for (const c of file.cases) {
    const r = dv.validateCustomer(c.payload, options(file.today, c.options));
    const got = r.errors.map((e) => [e.path, e.code, e.rule]);
    try {
      assert.equal(r.valid, c.expect.valid);
      assert.deepEqual(got, c.expect.errors);
    } catch {
      failures.push(`${c.name}: expected ${JSON.stringify(c.expect.errors)}, got ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('business, beneficial owner and KBA vectors', () => {
  const file = vectors('business.json');
  const failures = [];
  for (const c of file.cases) {
    const opts = options(file.today, c.options);
    const r = c.kind ? dv.validateAs(c.kind, c.payload, opts) : dv.validateCustomer(c.payload, opts);
    const got = r.errors.map((e) => [e.path, e.code, e.rule]);
    if (r.valid !== c.expect.valid || JSON.stringify(got) !== JSON.stringify(c.expect.errors)) {
      failures.push(`${c.name}: expected ${JSON.stringify(c.expect.errors)}, got ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('document vectors, with the file head as bytes', () => {
  const file = vectors('documents.json');
  const failures = [];
  for (const c of file.cases) {
    const head = Uint8Array.from(c.headHex.match(/../g) ?? [], (h) => parseInt(h, 16));
    const r = dv.validateDocument(c.document, head);
    const got = r.errors.map((e) => [e.path, e.code, e.rule]);
    if (r.valid !== c.expect.valid || JSON.stringify(got) !== JSON.stringify(c.expect.errors)) {
      failures.push(`${c.name}: expected ${JSON.stringify(c.expect.errors)}, got ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(failures, []);
});
