// Nested fields through the npm surface: the catalog's `required` of a passport's
// fields, an untouched passport in a form, and normalizeField on nested paths. The
// rules are the engine's (tests/catalog_required.rs, src/form.rs, tests/normalize_paths.rs
// test the classes); these hold the package to the same answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dv } from './helpers.mjs';

const TODAY = '2026-11-23';
const usAddress = { address1: '1 Main St', city: 'Town', stateProvinceRegion: 'NY', postalCode: '11101', country: 'US' };
const business = (controller) => ({
  firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', type: 'business', address1: '1 Main St', city: 'Town',
  state: 'NY', postalCode: '11101', businessName: 'Acme', businessType: 'llc',
  businessClassification: '9ed3f670-7d6f-11e3-b1ce-5404a6144203', ein: '123456789', controller,
});
const usController = { firstName: 'John', lastName: 'Roe', title: 'CEO', dateOfBirth: '1980-01-01', ssn: '1234', address: usAddress };

test("a passport's fields are required only outside the US, in every shape and operation", () => {
  let seen = 0;
  for (const operation of ['create', 'retry']) {
    for (const shape of dv.shapeNames()) {
      for (const f of dv.fieldRules(shape, { operation })) {
        if (!f.path.split('/').includes('passport')) continue;
        assert.equal(f.required, 'ifOutsideUs', `${shape} ${operation} ${f.path}`);
        seen++;
      }
    }
  }
  assert.equal(seen, 12, 'business, controller and beneficial-owner: number and country, on create and retry');
  // As validation has it: a US person with an SSN and no passport is valid.
  assert.equal(dv.validateCustomer(business(usController), { today: TODAY }).valid, true);
  assert.equal(dv.validateBeneficialOwner({ firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1980-01-01', ssn: '202991516',
    address: { ...usAddress, postalCode: '11101' } }, { today: TODAY }).valid, true);
});

test('an untouched passport is left out of what a form sends; abroad it stays and is reported', () => {
  const std = dv.createCustomerSchema({ today: TODAY })['~standard'];
  for (const passport of [{ number: '', country: '' }, { number: ' ', country: '\t' }, {}]) {
    const values = business({ ...usController, address: { ...usAddress, address2: '' }, passport });
    const out = std.validate(values);
    assert.equal(out.issues, undefined, JSON.stringify(passport));
    assert.equal('passport' in out.value.controller, false);
    assert.deepEqual(out.value, dv.formPayload(values, { today: TODAY }));
  }
  const abroad = business({ ...usController, ssn: '', address: { address1: '1 High St', city: 'London', stateProvinceRegion: 'GB',
    country: 'GB' }, passport: { number: '', country: '' } });
  assert.deepEqual(std.validate(abroad).issues.map((i) => i.path.join('/')), ['controller/passport/number', 'controller/passport/country']);
});

test('normalizeField(path, v) is what normalizeCustomer does at that path, for every catalog path', () => {
  let compared = 0;
  for (const shape of dv.shapeNames()) {
    for (const { path } of dv.fieldRules(shape)) {
      for (const v of [' 202-99-1516 ', 'ny', ' us ', '(515) 555-0100', '12-3456789', '  Mary   Ann ', 'Jose\u0301']) {
        const payload = path.split('/').reduceRight((inner, k) => ({ [k]: inner }), v);
        const normalized = path.split('/').reduce((at, k) => at[k], dv.normalizeCustomer(payload));
        assert.equal(dv.normalizeField(path, v), normalized, `${shape} ${path} ${JSON.stringify(v)}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `compared ${compared}`);
  assert.equal(dv.normalizeField('controller/ssn', '202-99-1516'), '202991516');
  assert.equal(dv.normalizeField('controller/address/stateProvinceRegion', 'ny'), 'NY');
  assert.equal(dv.normalizeField('controller/address/country', 'us'), 'US');
});
