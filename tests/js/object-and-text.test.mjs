// validateCustomer(object) must give the report that the text of
// JSON.stringify(payload) gets from validateCustomerText. The object path walks
// the object in JS and hands its strings to the engine without JSON (pkg/index.js,
// src/walked.rs); anything that form cannot say goes through JSON.stringify, of the
// object or of a copy of what was read. These tests compare the two paths on JS
// values that JSON.stringify treats specially, on generated strings of every kind
// of UTF-16 unit (escapes, lone surrogates, pairs, multi-byte characters), and on
// getters that validate while the payload is being read; a negative control shows
// the comparison does tell two paths apart, and JSON.stringify made to throw shows
// which payloads are walked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dv, vectors } from './helpers.mjs';

const TODAY = '2026-11-23';
const opts = { today: TODAY };

const base = () => ({
  firstName: 'John', lastName: 'Doe', email: 'johndoe@email.net', ipAddress: '10.10.10.10',
  type: 'personal', address1: '99-99 33rd St', city: 'Some City', state: 'NY',
  postalCode: '11101', dateOfBirth: '1970-01-01', ssn: '1234',
});

const objectPath = (payload) => dv.validateCustomer(payload, opts);

/**
 * The report of the object path, and of the text path on JSON.stringify's text.
 * A throw counts by error name and message: a "nested too deeply" TypeError and a
 * cycle's TypeError are different answers.
 */
function bothWays(payload, object = objectPath) {
  const run = (f) => {
    try {
      return { report: f() };
    } catch (e) {
      return { threw: { name: e.name, message: e.message } };
    }
  };
  const got = run(() => object(payload));
  const text = run(() => {
    const t = JSON.stringify(payload);
    return dv.validateCustomerText(t === undefined ? 'null' : t, opts);
  });
  return { object: got, text };
}

function assertSameWay(payload, what, object = objectPath) {
  const both = bothWays(payload, object);
  assert.deepEqual(both.object, both.text, what);
  return both.object;
}

test('the comparison fails for an object path that reads the payload differently', () => {
  // Negative controls. The tests below compare today's object path with the same
  // code underneath (see the header); these show the comparison fails for a path
  // that reads the payload differently.
  const dropsSsn = ({ ssn: _, ...rest }) => dv.validateCustomer(rest, opts);
  assert.throws(() => assertSameWay(base(), 'ssn dropped', dropsSsn), assert.AssertionError);
  // A throw with the right error name but another message is a different answer.
  const cyclic = base();
  cyclic.self = cyclic;
  const otherTypeError = () => {
    throw new TypeError('dwolla-validator: the payload is nested too deeply to validate');
  };
  assert.throws(() => assertSameWay(cyclic, 'cycle', otherTypeError), assert.AssertionError);
  // The same two paths agree, so the failures above are the changed path's.
  assertSameWay(base(), 'plain');
  assertSameWay(cyclic, 'cycle');
});

test('every vector payload gets the same report from the object as from its JSON text', () => {
  let n = 0;
  for (const file of ['payloads.json', 'business.json']) {
    for (const c of vectors(file).cases) {
      if (c.payload === undefined) continue;
      assertSameWay(c.payload, c.name);
      n++;
    }
  }
  assert.ok(n > 50, `only ${n} vector payloads`);
});

test('values JSON.stringify treats specially are read as it reads them', () => {
  class Person {
    constructor() { Object.assign(this, base()); }
  }
  const cyclic = base();
  cyclic.self = cyclic;
  let deep = { leaf: 'x' };
  for (let i = 0; i < 200; i++) deep = { deep };
  const cases = {
    'undefined value left out': { ...base(), address2: undefined },
    'function value left out': { ...base(), address2: () => 1 },
    'symbol value left out': { ...base(), address2: Symbol('x') },
    'symbol key left out': { ...base(), [Symbol('k')]: 'x' },
    'null value': { ...base(), address2: null },
    'numbers': { ...base(), phone: 5554321234, a: -0, b: NaN, c: Infinity, d: 1e21, e: 5e-324, f: 0.1, g: -1.5e-7 },
    'booleans': { ...base(), a: true, b: false },
    'date value (toJSON)': { ...base(), dateOfBirth: new Date(Date.UTC(1970, 0, 1)) },
    'toJSON on a nested object': { ...base(), controller: { toJSON: () => ({ firstName: 'A' }) } },
    'toJSON on the payload': { toJSON: () => base() },
    'boxed strings and numbers': { ...base(), firstName: new String('John'), ssn: new Number(1234) },
    'class instance': new Person(),
    'nested class instance': { ...base(), controller: new Person() },
    'map and set': { ...base(), a: new Map([[1, 2]]), b: new Set([1]) },
    'null prototype': Object.assign(Object.create(null), base()),
    'inherited enumerable key': Object.assign(Object.create({ ssn: '999999999' }), { firstName: 'x' }),
    'integer-like keys come first': { b: 1, 2: 'x', a: 2, 1: 'y', ...base() },
    'arrays with holes, undefined and functions': { ...base(), a: [1, , 3], b: [undefined, () => 1, Symbol('s'), null] },
    'typed array': { ...base(), a: new Uint8Array([1, 2]) },
    'nested 200 levels': { ...base(), deep },
    'a cycle': cyclic,
    'a BigInt': { ...base(), ssn: 10n },
    'top-level array': [base()],
    'top-level string': 'x',
    'top-level undefined': undefined,
    'every escape and control character': { ...base(), address2: Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join('') },
    'lone surrogates': { ...base(), firstName: 'a\ud800', lastName: '\udc00b', address2: '\udbff\udbff\udfff' },
    'astral, three- and two-byte characters': { ...base(), firstName: 'Zoë', lastName: '李😀', address2: '\u2028\u2029\ufeff' },
    'a long string of two-byte characters': { ...base(), address2: 'é'.repeat(50_000) },
    '3,000 extra keys with astral values': Object.assign(base(), Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, '😀']))),
    'a key with escapes': { ...base(), 'first"Name\\\n': 'x' },
  };
  for (const [what, payload] of Object.entries(cases)) assertSameWay(payload, what);
});

test('generated strings of every kind of UTF-16 unit read the same both ways', () => {
  let seed = 0x5eed;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  // One unit from each range JSON.stringify or UTF-8 treats differently: control
  // characters (escaped), the rest of ASCII, `"` and `\`, two- and three-byte
  // characters, high and low surrogates (alone, or paired by chance).
  const ranges = [[0, 0x20], [0x20, 0x80], [0x22, 0x23], [0x5c, 0x5d], [0x80, 0x800], [0x800, 0xd800], [0xd800, 0xdc00], [0xdc00, 0xe000], [0xe000, 0x10000]];
  const unit = () => {
    const [lo, hi] = ranges[next() % ranges.length];
    return String.fromCharCode(lo + (next() % (hi - lo)));
  };
  const text = () => Array.from({ length: next() % 12 }, unit).join('');
  const fields = Object.keys(base());
  for (let i = 0; i < 3000; i++) {
    const payload = base();
    for (let k = next() % 4; k >= 0; k--) payload[fields[next() % fields.length]] = text();
    if (next() % 4 === 0) payload[text()] = text();
    if (next() % 8 === 0) payload.controller = { firstName: text(), address: { address1: text() } };
    assertSameWay(payload, JSON.stringify(payload));
  }
});

test('a getter that validates while the payload is read does not spoil its report', () => {
  // Today the getter runs inside JSON.stringify, before any wasm call; an object
  // path that read the object while writing into wasm memory would run it midway.
  // Its value (51 characters, over address2's 50) makes an error of its own, so a
  // path that skipped the getter would give another report.
  const address2 = `Apt ${'8'.repeat(47)}`;
  for (const make of [() => dv, () => dv.createValidator(opts)]) {
    const v = make();
    const inner = { ...base(), ssn: '12' };
    const outer = { ...base(), postalCode: '1110' };
    let calls = 0;
    Object.defineProperty(outer, 'address2', {
      enumerable: true,
      get: () => {
        calls++;
        const r = v.validateCustomer(inner, opts);
        assert.equal(r.valid, false);
        return address2;
      },
    });
    const got = v.validateCustomer(outer, opts);
    assert.equal(calls, 1, 'the getter is read once');
    const expected = dv.validateCustomerText(JSON.stringify({ ...base(), postalCode: '1110', address2 }), opts);
    assert.ok(expected.errors.some((e) => e.path === '/address2'), 'address2 has an error of its own');
    assert.deepEqual(got, expected);
    v.free?.();
  }
});

test('an enumerable key given to Object.prototype is read as JSON.stringify reads it', () => {
  // for...in would show such a key on every object; JSON.stringify never does.
  Object.defineProperty(Object.prototype, 'ssn', { value: '999999999', enumerable: true, configurable: true, writable: true });
  try {
    const payload = base();
    delete payload.ssn;
    const report = assertSameWay(payload, 'inherited ssn');
    assert.ok(report.report.errors.some((e) => e.path === '/ssn'), 'the inherited ssn is not the payload\'s');
  } finally {
    delete Object.prototype.ssn;
  }
});

/** Runs `f` with JSON.stringify throwing, so only a walked payload gets through. */
function withoutStringify(f) {
  const stringify = JSON.stringify;
  JSON.stringify = () => {
    throw new Error('JSON.stringify was called');
  };
  try {
    return f();
  } finally {
    JSON.stringify = stringify;
  }
}

test('plain payloads are walked, with no JSON.stringify', () => {
  const expected = (p) => dv.validateCustomerText(JSON.stringify(p), opts);
  const payloads = {
    'a valid one': base(),
    'errors': { ...base(), ssn: '12', postalCode: 'x' },
    'an unknown key': { ...base(), frstName: 'x' },
    'null, booleans and numbers': { ...base(), address2: null, a: true, b: false, c: -0, d: 1e21, e: 5e-324, f: NaN },
    'nested objects': { ...base(), controller: { firstName: 'A', address: { address1: '1 Main St' } } },
    'a null prototype': Object.assign(Object.create(null), base()),
    'undefined and symbols left out': { ...base(), address2: undefined, z: Symbol('z') },
    'two-byte and astral text': { ...base(), firstName: 'Zoë', lastName: '李😀' },
    'escapes and controls': { ...base(), address2: 'a"b\\c\n\u0000' },
  };
  for (const [what, p] of Object.entries(payloads)) {
    const want = expected(p);
    const got = withoutStringify(() => dv.validateCustomer(p, opts));
    assert.deepEqual(got, want, what);
  }
  // And what the walk cannot say still calls it.
  for (const p of [{ ...base(), a: [1] }, { ...base(), firstName: 'a\ud800' }, { ...base(), d: new Date(0) }]) {
    assert.throws(() => withoutStringify(() => dv.validateCustomer(p, opts)), /JSON.stringify was called/);
  }
});

test('a getter is read once whichever way the payload goes', () => {
  // Walked, then sent as JSON after all (an array, a lone surrogate found by the
  // engine, a Date), or walked all the way (a number). Past a cycle or WALK_DEPTH
  // the walk stops and the object is read again: the one case where a getter runs
  // twice (pkg/index.js).
  const others = {
    'an array beside it': { a: [1, 2] },
    'a lone surrogate beside it': { firstName: 'a\ud800' },
    'a Date beside it': { dateOfBirth: new Date(0) },
    'a number beside it': { ssn: 123456789 },
  };
  for (const [what, extra] of Object.entries(others)) {
    let calls = 0;
    const p = { ...base(), ...extra };
    Object.defineProperty(p, 'address2', { enumerable: true, get: () => { calls++; return 'Apt 8'; } });
    const got = dv.validateCustomer(p, opts);
    assert.equal(calls, 1, what);
    assert.deepEqual(got, dv.validateCustomerText(JSON.stringify({ ...base(), ...extra, address2: 'Apt 8' }), opts), what);
  }
});

test('an object at two places, many objects and a toJSON on Object.prototype are read as JSON.stringify reads them', () => {
  const address = { address1: '1 Main St', city: 'X' };
  assertSameWay({ ...base(), controller: { address }, other: { address } }, 'one object at two places');
  const many = base();
  for (let i = 0; i < 100; i++) many[`o${i}`] = { k: 'v' };
  assertSameWay(many, '100 nested objects');
  let wide = { ...base() };
  for (let i = 0; i < 20_000; i++) wide[`k${i}`] = i % 2 ? 'x' : i;
  assertSameWay(wide, '20,000 keys (past the marks the walk keeps)');
  Object.defineProperty(Object.prototype, 'toJSON', { value() { return { firstName: 'From toJSON' }; }, configurable: true, writable: true });
  try {
    assertSameWay(base(), 'Object.prototype.toJSON');
  } finally {
    delete Object.prototype.toJSON;
  }
});

test('getters that add or remove keys while the walk reads give JSON.stringify\'s report', () => {
  // The walk reads keys with for-in (pkg/index.js): keys added while it reads
  // are not read, keys removed before they are read are left out, and a key that
  // a getter gives Object.prototype is never read as the payload's. JSON.stringify
  // takes its list of keys first, and leaves out a removed one (undefined).
  const cases = {
    'removes a later key': (p) => () => { delete p.ssn; return 'Doe'; },
    'adds a key': (p) => () => { p.ssn2 = 'x'; p.nickname = 'JD'; return 'Doe'; },
    'removes itself': (p) => () => { delete p.lastName; return 'Doe'; },
    'gives Object.prototype an enumerable key': () => () => {
      Object.defineProperty(Object.prototype, 'ssn', { value: '999999999', enumerable: true, configurable: true, writable: true });
      return 'Doe';
    },
  };
  for (const [what, getter] of Object.entries(cases)) {
    // A business: its controller (read after the getter) is checked field by
    // field, and has no ssn of its own.
    const make = () => {
      const q = {
        firstName: 'Account', lastName: 'Admin', email: 'admin@email.com', type: 'business',
        address1: '99-99 33rd St', city: 'Some City', state: 'NY', postalCode: '11101',
        businessClassification: '9ed3f670-7d6f-11e3-b1ce-5404a6144203', businessType: 'llc',
        businessName: 'Jane Corp', ein: '123456789', ssn: '1234',
        controller: {
          firstName: 'John', lastName: 'Controller', title: 'CEO', dateOfBirth: '1980-01-31',
          address: { address1: '1749 18th st', city: 'Des Moines', stateProvinceRegion: 'IA', postalCode: '50266', country: 'US' },
        },
      };
      Object.defineProperty(q, 'lastName', { enumerable: true, configurable: true, get: getter(q) });
      return q;
    };
    try {
      const got = dv.validateCustomer(make(), opts);
      delete Object.prototype.ssn;
      const text = JSON.stringify(make());
      delete Object.prototype.ssn;
      const want = dv.validateCustomerText(text, opts);
      assert.deepEqual(got, want, what);
      if (what.includes('Object.prototype')) {
        assert.ok(want.errors.some((e) => e.path === '/controller/ssn'), 'the controller has no ssn of its own');
      }
    } finally {
      delete Object.prototype.ssn;
    }
  }
});
