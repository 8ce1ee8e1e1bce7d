// The form-facing surfaces judge what a form would send (RULES.md): values
// normalized, untouched optional inputs ('' or blank) left out; validateCustomer
// stays as strict as the API. And the loader's call forms, the type option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { dv, vectors, options } from './helpers.mjs';

const TODAY = '2026-11-23';

test('every valid vector with each optional field untouched passes the Standard Schema, whose value is formPayload', () => {
  let checked = 0;
  let strictRefused = 0;
  for (const file of ['payloads.json', 'business.json']) {
    const v = vectors(file);
    for (const c of v.cases) {
      const p = c.payload;
      if (!c.expect.valid || c.kind || p === null || typeof p !== 'object' || !('type' in p) || c.options?.allowUnknownFields) continue;
      const opts = options(v.today, c.options);
      const shape = p.type === 'business' ? (p.businessType === 'soleProprietorship' ? 'business-sole-proprietorship' : 'business')
        : p.type === 'personal' ? 'personal' : 'unverified';
      const std = dv.createCustomerSchema(opts)['~standard'];
      for (const f of dv.fieldRules(shape, { operation: opts.operation ?? 'create' })) {
        if (f.required !== 'no' || f.path === 'type') continue;
        const parts = f.path.split('/');
        const parent = parts.slice(0, -1).reduce((at, k) => at?.[k], p);
        if (parent === undefined || parent === null) continue;
        for (const untouched of ['', '  ']) {
          const typed = structuredClone(p);
          parts.slice(0, -1).reduce((at, k) => at[k], typed)[parts.at(-1)] = untouched;
          strictRefused += dv.validateCustomer(typed, opts).valid ? 0 : 1;
          const out = std.validate(typed);
          assert.equal(out.issues, undefined, `${c.name} with ${f.path} = ${JSON.stringify(untouched)}: ${JSON.stringify(out.issues)}`);
          assert.deepEqual(out.value, dv.formPayload(typed, opts));
          assert.equal(parts.slice(0, -1).reduce((at, k) => at[k], out.value)[parts.at(-1)], undefined);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 100 && strictRefused > 20, `checked ${checked}, strict refused ${strictRefused}`);
});

test('the Standard Schema normalizes, and still reports required fields left empty', () => {
  const std = dv.createCustomerSchema({ today: TODAY })['~standard'];
  const typed = { type: 'personal', firstName: '', lastName: 'Doe', email: 'j@example.com', address1: '1 Main St', city: 'Ames',
    state: 'ia', postalCode: '50010', dateOfBirth: '1980-01-01', ssn: '202-99-1516', phone: '', ipAddress: '' };
  const out = std.validate(typed);
  assert.deepEqual(out.issues.map((i) => i.path), [['firstName']]);
  const fixed = std.validate({ ...typed, firstName: ' Jo ' });
  assert.deepEqual(fixed.value, { type: 'personal', firstName: 'Jo', lastName: 'Doe', email: 'j@example.com', address1: '1 Main St',
    city: 'Ames', state: 'IA', postalCode: '50010', dateOfBirth: '1980-01-01', ssn: '202991516' });
  // validateCustomer is the API's judge: the same typed values are refused there.
  assert.deepEqual(dv.validateCustomer({ ...typed, firstName: 'Jo' }, { today: TODAY }).errors.map((e) => e.path),
    ['/ipAddress', '/state', '/ssn', '/phone']);
  // A payload's own `error` key is data, not a thrown TypeError.
  assert.deepEqual(dv.formPayload({ error: 'x' }), { error: 'x' });
  assert.throws(() => dv.formPayload({}, { today: 'soon' }), TypeError);
});

test('validateField and createValidator: the type option is a shape name, else a TypeError', () => {
  assert.equal(dv.validateField('businessName', 'Acme', { type: 'unverified', today: TODAY }).valid, true);
  for (const type of ['receive-only', 'martian', 7, '']) {
    assert.throws(() => dv.validateField('phone', '5155550100', { type, today: TODAY }), (e) => e instanceof TypeError
      && /options\.type must be one of personal, unverified, business/.test(e.message));
    assert.throws(() => dv.createValidator({ type }), TypeError);
  }
  // The strict per-field judge: '' in an optional field is the API's error.
  assert.equal(dv.validateField('phone', '', { today: TODAY }).valid, false);
});

test('normalizeCustomer takes an object', () => {
  assert.throws(() => dv.normalizeCustomer(undefined), TypeError);
  assert.throws(() => dv.normalizeCustomer(null), TypeError);
  assert.deepEqual(dv.normalizeCustomer({ state: 'ia' }), { state: 'IA' });
});

test('init and initSync take wasm-bindgen call forms as well as the bytes or a Module', async (t) => {
  const bytes = readFileSync(new URL('../../pkg/dwolla_validator_bg.wasm', import.meta.url));
  const module = new WebAssembly.Module(bytes);
  // A fresh copy of the JS (wrapper and wasm-bindgen glue) for each form, so each
  // one really loads the .wasm; no .wasm beside it, so nothing is found by accident.
  const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
  const dirs = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dv-init-'));
    dirs.push(dir);
    for (const f of ['index.js', 'dwolla_validator.js']) copyFileSync(path.join(pkg, f), path.join(dir, f));
    return import(pathToFileURL(path.join(dir, 'index.js')).href);
  };
  t.after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  for (const load of [(m) => m.initSync(bytes), (m) => m.initSync(module), (m) => m.initSync({ module }),
    (m) => m.initSync({ module: bytes }), (m) => m.default(module), (m) => m.default({ module_or_path: module }),
    (m) => m.default({ module_or_path: bytes })]) {
    const m = await fresh();
    assert.throws(() => m.validateField('ssn', '1234'), /call init\(\)/);
    await load(m);
    assert.equal(m.validateField('ssn', '1234', { today: TODAY }).valid, true);
  }
  const m = await fresh();
  assert.throws(() => m.initSync('dwolla_validator_bg.wasm'), TypeError);
  await assert.rejects(m.default(), /import "dwolla-validator"/);
});
