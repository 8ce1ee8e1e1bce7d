// Every entry point of the package, with a value of every JS kind in every argument
// place (and in every option): it answers, or throws a TypeError of its own, or lets
// through the error a hostile value itself threw; never a wasm trap
// (WebAssembly.RuntimeError), never a RangeError or another engine error, never a
// message that repeats the value, and the instance works after each call. The table
// is generated, entry points times argument places times kinds of value, so a new
// entry point or argument is covered once it is listed in ENTRY_POINTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dv } from './helpers.mjs';

const TODAY = '2026-11-23';
const valid = {
  firstName: 'John', lastName: 'Doe', email: 'johndoe@email.net', type: 'personal', address1: '99-99 33rd St',
  city: 'Some City', state: 'NY', postalCode: '11101', dateOfBirth: '1970-01-01', ssn: '1234',
};

/** The error a hostile value throws itself: the caller's own, passed through. */
class Hostile extends Error {}
const throwing = () => {
  throw new Hostile('thrown by the value');
};

// One of each kind a caller can hand over. A string that looks like an SSN shows
// whether a message repeats what it was given.
const SECRET = '078-05-1120';
const KINDS = {
  undefined: () => undefined,
  null: () => null,
  true: () => true,
  zero: () => 0,
  NaN: () => NaN,
  negative: () => -1,
  huge: () => 2 ** 53,
  bigint: () => 10n,
  symbol: () => Symbol('s'),
  'empty string': () => '',
  'secret string': () => SECRET,
  'lone surrogate': () => 'a\ud800b',
  'long string': () => 'x'.repeat(1 << 20),
  array: () => [SECRET],
  'empty object': () => ({}),
  'null-prototype object': () => Object.assign(Object.create(null), { ssn: SECRET }),
  function: () => () => SECRET,
  date: () => new Date(0),
  bytes: () => new Uint8Array([0x25, 0x50, 0x44, 0x46]),
  'class instance': () => new (class Thing { constructor() { this.ssn = SECRET; } })(),
  'frozen payload': () => Object.freeze({ ...valid }),
  'cyclic object': () => {
    const o = { ...valid };
    o.self = o;
    return o;
  },
  'throwing getter': () => Object.defineProperty({ ...valid }, 'ssn', { get: throwing, enumerable: true }),
  'throwing proxy': () => new Proxy({}, { get: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing, has: throwing, getPrototypeOf: throwing }),
};

// Each entry point with arguments that work, so one place at a time can be changed.
const schema = () => dv.createCustomerSchema({ today: TODAY })['~standard'];
const validator = () => dv.createValidator({ today: TODAY });
const ENTRY_POINTS = {
  validateCustomer: [(...a) => dv.validateCustomer(...a), [valid, { today: TODAY }]],
  validateCustomerText: [(...a) => dv.validateCustomerText(...a), [JSON.stringify(valid), { today: TODAY }]],
  validateField: [(...a) => dv.validateField(...a), ['ssn', '1234', { today: TODAY }]],
  validateAs: [(...a) => dv.validateAs(...a), ['personal', valid, { today: TODAY }]],
  validateBeneficialOwner: [(...a) => dv.validateBeneficialOwner(...a), [{ firstName: 'A' }, { today: TODAY }]],
  validateKbaAnswers: [(...a) => dv.validateKbaAnswers(...a), [{ answers: [] }, { today: TODAY }]],
  validateDocument: [(...a) => dv.validateDocument(...a), [{ documentType: 'license', for: 'personal', file: { name: 'a.pdf', type: 'application/pdf', size: 10 } }, new Uint8Array([0x25, 0x50, 0x44, 0x46])]],
  validateDocumentFile: [(...a) => dv.validateDocumentFile(...a), [new Blob(['%PDF']), { documentType: 'license' }]],
  fieldRules: [(...a) => dv.fieldRules(...a), ['personal', { operation: 'retry' }]],
  formPayload: [(...a) => dv.formPayload(...a), [valid, { today: TODAY }]],
  normalizeCustomer: [(...a) => dv.normalizeCustomer(...a), [valid]],
  normalizeField: [(...a) => dv.normalizeField(...a), ['ssn', '123 45 6789']],
  toDwollaError: [(...a) => dv.toDwollaError(...a), [{ valid: false, errors: [{ code: 'Required', message: 'm', path: '/a', rule: 'required' }], warnings: [] }]],
  statusInfo: [(...a) => dv.statusInfo(...a), ['verified']],
  shapeNames: [(...a) => dv.shapeNames(...a), []],
  createValidator: [(...a) => dv.createValidator(...a).free(), [{ today: TODAY }]],
  createCustomerSchema: [(...a) => dv.createCustomerSchema(...a), [{ today: TODAY }]],
  'createValidator().validateCustomer': [(...a) => validator().validateCustomer(...a), [valid]],
  'createValidator().validateCustomerText': [(...a) => validator().validateCustomerText(...a), [JSON.stringify(valid)]],
  'createValidator().validateField': [(...a) => validator().validateField(...a), ['ssn', '1234']],
  'createValidator().validateAs': [(...a) => validator().validateAs(...a), ['personal', valid]],
  "createCustomerSchema()['~standard'].validate": [(...a) => schema().validate(...a), [valid]],
  "customerSchema['~standard'].validate": [(...a) => dv.customerSchema['~standard'].validate(...a), [valid]],
};
const OPTION_KEYS = ['today', 'operation', 'locale', 'type', 'hints', 'allowUnknownFields'];

/** How a call ended: a value, or the error it threw (awaited for a promise). */
async function outcome(run) {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

function assertAcceptable({ error }, what) {
  if (error === undefined) return;
  if (error instanceof Hostile) return;
  assert.ok(error instanceof TypeError, `${what}: threw ${error?.constructor?.name}: ${error?.message}`);
  assert.ok(!String(error.message).includes(SECRET), `${what}: the message repeats the value: ${error.message}`);
}

function assertStillWorks(what) {
  assert.equal(dv.validateCustomer(valid, { today: TODAY }).valid, true, `the instance works after ${what}`);
}

test('the arguments that work are answered without an error', async () => {
  for (const [name, [run, args]] of Object.entries(ENTRY_POINTS)) {
    const got = await outcome(() => run(...args));
    assert.equal(got.error, undefined, `${name}: ${got.error?.message}`);
  }
});

test('a value of every kind in every argument place: an answer or a TypeError, never a trap', async () => {
  let calls = 0;
  for (const [name, [run, args]] of Object.entries(ENTRY_POINTS)) {
    // One place past the last, too: an extra argument is ignored, never a trap.
    for (let place = 0; place <= args.length; place++) {
      for (const [kind, make] of Object.entries(KINDS)) {
        const given = [...args];
        given[place] = make();
        const what = `${name} with ${kind} as argument ${place + 1}`;
        assertAcceptable(await outcome(() => run(...given)), what);
        assertStillWorks(what);
        calls++;
      }
    }
  }
  assert.ok(calls > 700, `${calls} calls`);
});

test('a value of every kind in every option: an answer or a TypeError, never a trap', async () => {
  let calls = 0;
  for (const [name, [run, args]] of Object.entries(ENTRY_POINTS)) {
    // The options are the argument that is a plain object with `today` or `operation`.
    const place = args.findIndex((a) => a !== null && typeof a === 'object' && ('today' in a || 'operation' in a));
    if (place < 0) continue;
    for (const key of OPTION_KEYS) {
      for (const [kind, make] of Object.entries(KINDS)) {
        const given = [...args];
        given[place] = { ...args[place], [key]: make() };
        const what = `${name} with ${kind} as option ${key}`;
        assertAcceptable(await outcome(() => run(...given)), what);
        assertStillWorks(what);
        calls++;
      }
    }
  }
  assert.ok(calls > 1000, `${calls} calls`);
});

test('the checks above tell a trap from a TypeError', async () => {
  // Negative controls: a wasm trap, a RangeError and a message with the value in it
  // are each refused.
  const trap = await outcome(() => {
    throw new WebAssembly.RuntimeError('memory access out of bounds');
  });
  assert.throws(() => assertAcceptable(trap, 'a trap'), assert.AssertionError);
  assert.throws(() => assertAcceptable({ error: new RangeError('x') }, 'a RangeError'), assert.AssertionError);
  assert.throws(() => assertAcceptable({ error: new TypeError(`bad ${SECRET}`) }, 'an echo'), assert.AssertionError);
  assertAcceptable({ error: new Hostile('x') }, 'the value\'s own error');
});
