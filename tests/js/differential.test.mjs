// Differential test: thousands of generated payloads (valid, near-valid, hostile)
// validated by the native CLI and by the wasm package must give identical reports:
// same validity, codes, paths, rules and messages, in the same order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dv } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = process.env.DWOLLA_VALIDATOR_BIN ?? `${root}target/debug/dwolla-validator`;
const TODAY = '2026-11-23';
const COUNT = Number(process.env.DIFFERENTIAL_COUNT ?? 4000);

// A small seeded PRNG (mulberry32) so every run checks the same payloads.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base = {
  firstName: 'John', lastName: 'Doe', email: 'johndoe@email.net', ipAddress: '10.10.10.10',
  type: 'personal', address1: '99-99 33rd St', address2: 'Apt 8', city: 'Some City', state: 'NY',
  postalCode: '11101', dateOfBirth: '1970-01-01', ssn: '1234', phone: '5554321234', correlationId: 'abc-1',
};

const odd = [
  '', ' ', 'PO Box 12', 'P0 B0X 1', 'Р.О. Вох 5', 'Box 9', 'RR 2 Box 15', 'ＰＯ Ｂｏｘ', 'Jo\u200bhn', 'A\u202eB',
  'x'.repeat(51), 'é'.repeat(50), 'é'.repeat(51), '😀'.repeat(20), 'a<b', '100%', 'tab\there', 'nul\u0000l',
  '1970-02-30', '2008-11-23', '2008-11-24', '1900-11-23', '1901-11-23', '01/01/1970', '2000-02-29',
  '123-45-6789', '123456789', '12345', '(555) 432-1234', '+15554321234', 'ca', 'XX', 'AE', 'DC', '5031', '50314-1234',
  'jane@localhost', 'a@b.co', 'jané@x.com', '256.1.1.1', '::1', '010.1.1.1', 'has space', 'Ünïcödé', '李小龍',
  'x'.repeat(300), '\ufffd', 'Personal', 'receive-only', 'unverified', 'business', 'persnal',
];
const oddValues = [null, 0, 1234, -1.5, true, false, [], ['x'], {}, { a: 1 }];
const fields = [...Object.keys(base), 'ssn ', 'zip', 'nickname', 'first_name'];

const llc = {
  firstName: 'Account', lastName: 'Admin', email: 'admin@example.com', type: 'business', address1: '99-99 33rd St',
  city: 'Some City', state: 'NY', postalCode: '11101', businessClassification: '9ed3f670-7d6f-11e3-b1ce-5404a6144203',
  businessType: 'llc', businessName: 'Jane Corp', ein: '123456789', website: 'https://jane.example.com',
  controller: {
    firstName: 'John', lastName: 'Controller', title: 'CEO', dateOfBirth: '1980-01-31', ssn: '1234',
    address: { address1: '1749 18th st', city: 'Des Moines', stateProvinceRegion: 'IA', postalCode: '50266', country: 'US' },
  },
};
const businessFields = ['businessType', 'businessClassification', 'ein', 'website', 'businessName', 'doingBusinessAs', 'dateOfBirth', 'ssn'];
const controllerFields = ['firstName', 'title', 'ssn', 'dateOfBirth', 'passport'];
const addressFields = ['address1', 'address3', 'city', 'stateProvinceRegion', 'postalCode', 'country'];
const businessOdd = [
  'soleProprietorship', 'llc', 'corporation', 'LLC', '12-3456789', '123456789', 'retail', 'https://x.example.com', 'www.x.com',
  'US', 'GB', 'USA', 'UK', 'LND', 'ON', 'SW1A 1AA', '50266-1234', { number: 'X1', country: 'GB' }, { number: '' },
];

function generate(n) {
  const r = rng(20261123);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const kind = r();
    let p;
    if (kind < 0.15) {
      p = { ...base };
    } else if (kind < 0.8) {
      p = { ...base };
      const edits = 1 + Math.floor(r() * 4);
      for (let k = 0; k < edits; k++) {
        const f = pick(fields);
        const roll = r();
        if (roll < 0.2) delete p[f];
        else if (roll < 0.85) p[f] = pick(odd);
        else p[f] = pick(oddValues);
      }
    } else if (kind < 0.87) {
      p = structuredClone(llc);
      const edits = 1 + Math.floor(r() * 3);
      for (let k = 0; k < edits; k++) {
        const where = r();
        const target = where < 0.4 ? p : where < 0.7 ? p.controller : p.controller?.address;
        if (!target || typeof target !== 'object') continue;
        const f = pick(where < 0.4 ? businessFields : where < 0.7 ? controllerFields : addressFields);
        const roll = r();
        if (roll < 0.25) delete target[f];
        else if (roll < 0.85) target[f] = pick([...businessOdd, ...odd]);
        else target[f] = pick(oddValues);
      }
    } else if (kind < 0.93) {
      p = { firstName: pick(odd), lastName: 'Lee', email: pick(['sam@example.com', 'bad']), type: pick(['receive-only', 'unverified', undefined]) };
      if (r() < 0.5) p.businessName = pick(odd);
      if (r() < 0.3) p.address1 = '1 Main St';
    } else {
      p = pick([null, 7, 'text', [base], { type: 3 }, { type: '' }, {}, { ssn: '1234' }]);
    }
    out.push(p);
  }
  return out;
}

function native(payloads, operation) {
  if (!existsSync(bin)) {
    const b = spawnSync('cargo', ['build', '--quiet'], { cwd: root, stdio: 'inherit' });
    assert.equal(b.status, 0, 'cargo build');
  }
  const input = payloads.map((p) => JSON.stringify(p === undefined ? null : p)).join('\n') + '\n';
  const res = spawnSync(bin, ['check', '--format', 'json', '--today', TODAY, '--operation', operation, '-'], {
    input, maxBuffer: 1 << 28,
  });
  assert.ok(res.status === 0 || res.status === 1, `native exit ${res.status}: ${res.stderr}`);
  return res.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
}

for (const operation of ['create', 'retry']) {
  test(`native and wasm agree on ${COUNT} generated payloads (${operation})`, () => {
    const payloads = generate(COUNT);
    const nat = native(payloads, operation);
    assert.equal(nat.length, payloads.length);
    let invalid = 0;
    for (let i = 0; i < payloads.length; i++) {
      const w = dv.validateCustomer(payloads[i], { today: TODAY, operation });
      const n = nat[i];
      if (!w.valid) invalid++;
      assert.deepEqual(
        { valid: w.valid, errors: w.errors, warnings: w.warnings },
        { valid: n.valid, errors: n.errors, warnings: n.warnings },
        `payload ${i}: ${JSON.stringify(payloads[i])}`,
      );
    }
    // The generator must exercise both outcomes, or the comparison proves little.
    assert.ok(invalid > COUNT / 4 && invalid < COUNT, `invalid: ${invalid}`);
  });
}
