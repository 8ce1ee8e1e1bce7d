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

// The same payloads tests/vectors.rs builds from hints.json (see hint_payload there).
function hintPayload(c) {
  const p = {
    firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', type: 'personal', address1: '1 Main St',
    city: 'Springfield', state: 'IL', postalCode: '62704', dateOfBirth: '1980-01-01', ssn: '1234',
  };
  const flagged = c.expect === true ? '' : null;
  switch (c.hint) {
    case 'zip_state': p.postalCode = c.zip; p.state = c.state; return [p, '/postalCode', 'zip_state_mismatch', 'Mismatch', flagged];
    case 'email_domain': p.email = `jane@${c.domain}`; return [p, '/email', 'email_domain_typo', 'LikelyTypo', c.expect];
    case 'ssn_never_issued': p.ssn = c.ssn; return [p, '/ssn', 'ssn_never_issued', 'NeverIssued', flagged];
    case 'phone_not_diallable': p.phone = c.phone; return [p, '/phone', 'phone_not_diallable', 'NotDiallable', flagged];
    default: throw new Error(`unknown hint ${c.hint}`);
  }
}

test('hint vectors through validateCustomer, and hints: false', () => {
  const failures = [];
  for (const c of vectors('hints.json').cases) {
    const [payload, path, rule, code, want] = hintPayload(c);
    const r = dv.validateCustomer(payload, { today: '2026-11-23' });
    const got = r.warnings.find((w) => w.path === path && w.rule === rule);
    const ok = want === null ? got === undefined : got !== undefined && got.code === code && got.message.includes(want);
    if (!ok) failures.push(`${JSON.stringify(c)}: got ${JSON.stringify(got)}`);
    const quiet = dv.validateCustomer(payload, { today: '2026-11-23', hints: false });
    assert.deepEqual(quiet.warnings, []);
    assert.deepEqual(quiet.errors, r.errors);
  }
  assert.deepEqual(failures, []);
});

test('Spanish messages for every payload vector', () => {
  const file = vectors('payloads.json');
  for (const c of file.cases) {
    const en = dv.validateCustomer(c.payload, options(file.today, c.options));
    const es = dv.validateCustomer(c.payload, { ...options(file.today, c.options), locale: 'es' });
    assert.deepEqual(es.errors.map((e) => [e.path, e.code, e.rule]), en.errors.map((e) => [e.path, e.code, e.rule]));
    es.errors.forEach((e, i) => assert.notEqual(e.message, en.errors[i].message));
  }
  assert.throws(() => dv.validateCustomer({}, { locale: 'fr' }), TypeError);
});
