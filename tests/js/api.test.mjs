// The JS API itself: shapes of answers, Standard Schema, the HAL body, normalize,
// and hostile input that must give a report or a TypeError, never trap the instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dv } from './helpers.mjs';

const TODAY = '2026-11-23';
const valid = {
  firstName: 'John', lastName: 'Doe', email: 'johndoe@email.net', type: 'personal', address1: '99-99 33rd St',
  city: 'Some City', state: 'NY', postalCode: '11101', dateOfBirth: '1970-01-01', ssn: '1234',
};

test('report shape', () => {
  const r = dv.validateCustomer(valid, { today: TODAY });
  assert.deepEqual(r, { valid: true, errors: [], warnings: [] });
  const bad = dv.validateCustomer({ ...valid, ssn: '123-45-6789' }, { today: TODAY });
  assert.equal(bad.valid, false);
  assert.deepEqual(Object.keys(bad.errors[0]).sort(), ['code', 'message', 'path', 'rule']);
  assert.ok(!bad.errors[0].message.includes('6789'));
});

test('today defaults to the current UTC date', () => {
  const r = dv.validateField('dateOfBirth', '1970-01-01');
  assert.equal(r.valid, true);
  const next = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  assert.equal(dv.validateField('dateOfBirth', next).errors[0].rule, 'age_range');
  // null is no date, as it is no operation and no locale: the default, for every option.
  const turns18 = { ...valid, dateOfBirth: `${Number(new Date().toISOString().slice(0, 4)) - 18}-01-01` };
  for (const key of ['today', 'operation', 'locale']) {
    assert.deepEqual(dv.validateCustomer(turns18, { [key]: null }), dv.validateCustomer(turns18, {}), key);
    assert.deepEqual(dv.createValidator({ [key]: null }).validateCustomer(turns18), dv.validateCustomer(turns18), key);
  }
});

test('retry option needs the full SSN', () => {
  const r = dv.validateCustomer(valid, { today: TODAY, operation: 'retry' });
  assert.deepEqual(r.errors.map((e) => e.path), ['/ssn']);
});

test('allowUnknownFields', () => {
  const p = { ...valid, zip: '11101' };
  assert.equal(dv.validateCustomer(p, { today: TODAY }).errors[0].message.includes('postalCode'), true);
  assert.equal(dv.validateCustomer(p, { today: TODAY, allowUnknownFields: true }).valid, true);
});

test('toDwollaError renders the HAL body', () => {
  const r = dv.validateCustomer({ type: 'unverified', firstName: 'A', lastName: 'B' }, { today: TODAY });
  assert.deepEqual(dv.toDwollaError(r), {
    code: 'ValidationError',
    message: 'Validation error(s) present. See embedded errors list for more details.',
    _embedded: { errors: [{ code: 'Required', message: 'Email is required.', path: '/email', _links: {} }] },
  });
  assert.equal(dv.toDwollaError({ valid: true, errors: [] }), null);
  assert.throws(() => dv.toDwollaError([1, 2]), TypeError);
});

test('toDwollaError renders every report the engine gives, however many errors it has', () => {
  // About 1 MB of body, but 100,000 unknown keys: a report far larger than the
  // 10 MiB a payload may be. The README's server renders such a report.
  const keys = Array.from({ length: 100000 }, (_, i) => `"k${i}":0`).join(',');
  const report = dv.validateCustomerText(`{"firstName":"Jane",${keys}}`, { today: TODAY });
  assert.ok(JSON.stringify(report).length > 10 * 1024 * 1024);
  const body = dv.toDwollaError(report);
  assert.equal(body._embedded.errors.length, report.errors.length);
  const { code, message, path } = report.errors.at(-1);
  assert.deepEqual(body._embedded.errors.at(-1), { code, message, path, _links: {} });
});

test('a payload\'s own keys are never read as the caller\'s mistake', () => {
  // The engine answers a mistake as {error: "..."}; a payload can have a key of
  // that name (or valid, payload, unreadable): normalizeCustomer and formPayload,
  // whose answers are payloads, hand it back as data.
  for (const extra of [{ error: ' SSN 078-05-1120 rejected ' }, { error: 'x', valid: true }, { payload: { error: 'x' } }, { unreadable: true }]) {
    const payload = { ...valid, firstName: '  John ', ...extra };
    const n = dv.normalizeCustomer(payload);
    assert.equal(n.firstName, 'John', JSON.stringify(extra));
    for (const [k, v] of Object.entries(extra)) assert.deepEqual(n[k], typeof v === 'string' ? v.trim() : v, k);
    const f = dv.formPayload(payload, { today: TODAY });
    assert.equal(f.firstName, 'John', JSON.stringify(extra));
    assert.deepEqual(Object.keys(f).sort(), Object.keys(n).sort(), JSON.stringify(extra));
  }
});

test('normalizeCustomer and normalizeField', () => {
  const n = dv.normalizeCustomer({ ...valid, firstName: '  John  ', state: 'ny', ssn: '202-99-1516', phone: '(555) 432-1234' });
  assert.equal(n.firstName, 'John');
  assert.equal(n.state, 'NY');
  assert.equal(n.ssn, '202991516');
  assert.equal(n.phone, '5554321234');
  assert.equal(dv.validateCustomer(n, { today: TODAY, operation: 'retry' }).valid, true);
  assert.equal(dv.normalizeField('firstName', 'Jose\u0301'), 'José');
  assert.throws(() => dv.normalizeField('ssn', 1234), TypeError);
});

test('Standard Schema V1 object', () => {
  const std = dv.customerSchema['~standard'];
  assert.equal(std.version, 1);
  assert.equal(std.vendor, 'dwolla-validator');
  assert.deepEqual(std.validate(valid), { value: valid });
  const out = std.validate({ ...valid, address1: 'PO Box 1', ssn: undefined });
  assert.deepEqual(out.issues.map((i) => i.path), [['address1'], ['ssn']]);
  assert.ok(out.issues.every((i) => typeof i.message === 'string'));
  const root = std.validate(null);
  assert.equal(root.issues[0].path, undefined);
  const retry = dv.createCustomerSchema({ operation: 'retry', today: TODAY })['~standard'];
  assert.deepEqual(retry.validate(valid).issues.map((i) => i.path), [['ssn']]);
});

test('hostile input gives a report or a TypeError, and the next call still works', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const cases = [
    () => dv.validateCustomer(undefined),
    () => dv.validateCustomer(42),
    () => dv.validateCustomer('{"type":"personal"}'),
    () => dv.validateCustomer([valid]),
    () => dv.validateCustomer({ ...valid, firstName: 'x'.repeat(10 * 1024 * 1024) }),
    () => dv.validateCustomer({ ...valid, address1: 'PO Box '.repeat(200000) }),
    () => dv.validateCustomer({ ...valid, firstName: 'Jo\ud800hn' }),
    () => dv.validateCustomer({ ...valid, lastName: '\udc00' }),
    () => dv.validateCustomer({ ...valid, firstName: NaN, lastName: Infinity }),
    () => dv.validateCustomer({ ...valid, ssn: 10n }),
    () => dv.validateCustomer(cyclic),
    () => dv.validateCustomer(valid, 'retry'),
    () => dv.validateCustomer(valid, { today: 'tomorrow' }),
    () => dv.validateCustomer(valid, { operation: 'update', today: TODAY }),
    () => dv.validateField(undefined, 'x'),
    () => dv.validateField('ssn', undefined),
    () => dv.validateField('ssn', { a: [1, 2, 3] }),
    () => dv.validateField('no-such-field', 'x'),
    () => dv.validateField('ssn', '1234', { type: 'martian', today: TODAY }),
    () => dv.normalizeCustomer(undefined),
    () => dv.normalizeCustomer({ a: 'x'.repeat(1 << 20) }),
    () => dv.validateCustomer(JSON.parse('{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}')),
  ];
  for (const [i, run] of cases.entries()) {
    try {
      const r = run();
      assert.equal(typeof r, 'object', `case ${i}`);
      if (r && 'valid' in r) assert.equal(r.valid, r.errors.length === 0, `case ${i}`);
    } catch (e) {
      assert.ok(e instanceof TypeError, `case ${i} threw ${e?.constructor?.name}: ${e?.message}`);
    }
    assert.equal(dv.validateCustomer(valid, { today: TODAY }).valid, true, `instance still works after case ${i}`);
  }
  // A lone surrogate is broken text: refused, never accepted silently.
  assert.equal(dv.validateCustomer({ ...valid, firstName: 'Jo\ud800hn' }, { today: TODAY }).valid, false);
  // The deep nesting is reported, not a stack overflow.
  const deep = dv.validateCustomer(JSON.parse('{"a":' + '['.repeat(1000) + ']'.repeat(1000) + '}'), { today: TODAY });
  assert.equal(deep.valid, false);
  assert.equal(deep.errors[0].rule, 'json_syntax');
  // Deeper than V8's own JSON.stringify can go: a TypeError, not a RangeError.
  assert.throws(() => dv.validateCustomer(JSON.parse('['.repeat(100000) + ']'.repeat(100000))), TypeError);
});

test('validateDocumentFile reads only the first bytes of a Blob', async () => {
  const big = new Uint8Array(5 * 1024 * 1024);
  big.set([0xff, 0xd8, 0xff, 0xe0]);
  let sliced = null;
  const blob = new Blob([big], { type: 'image/jpeg' });
  const spy = { name: 'id.jpg', type: blob.type, size: blob.size, slice: (a, b) => { sliced = [a, b]; return blob.slice(a, b); } };
  const r = await dv.validateDocumentFile(spy, { documentType: 'license' });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(sliced, [0, 16]);
  const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]);
  const renamed = Object.assign(png, { name: 'id.jpg' });
  assert.equal((await dv.validateDocumentFile(renamed, { documentType: 'license' })).errors[0].rule, 'file_signature');
  await assert.rejects(() => dv.validateDocumentFile('id.jpg', { documentType: 'license' }), TypeError);
});

test('statusInfo', () => {
  const all = dv.statusInfo();
  assert.equal(all.statuses.length, 6);
  assert.equal(all.unverifiedStatus, 'unverified');
  assert.equal(all.documentFailureReasons.length, 12);
  assert.deepEqual(dv.statusInfo('retry'), {
    status: 'retry', event: 'customer_reverification_needed', canSend: false, canReceive: 'heldPending', canAddBank: true,
    nextStep: all.statuses[1].nextStep, appliesTo: 'personal, business',
  });
  assert.equal(dv.statusInfo('nope'), null);
  for (const s of all.statuses) assert.ok(s.event && typeof s.canSend === 'boolean');
});

test('validateCustomerText uses the strict parser', () => {
  const text = JSON.stringify(valid);
  assert.equal(dv.validateCustomerText(text, { today: TODAY }).valid, true);
  const dup = dv.validateCustomerText(text.replace('"ssn":"1234"', '"ssn":"1234","ssn":"12"'), { today: TODAY });
  assert.equal(dup.valid, false);
  assert.equal(dup.errors[0].rule, 'json_syntax');
  assert.match(dup.errors[0].message, /twice/);
  assert.ok(!dup.errors[0].message.includes('1234'));
  assert.equal(dv.validateCustomerText('{"a":', { today: TODAY }).errors[0].rule, 'json_syntax');
  assert.throws(() => dv.validateCustomerText({}), TypeError);
});

test("toDwollaError keeps Dwolla's key order", () => {
  const r = dv.validateCustomer({ type: 'unverified', firstName: 'A', lastName: 'B' }, { today: TODAY });
  const body = dv.toDwollaError(r);
  assert.deepEqual(Object.keys(body), ['code', 'message', '_embedded']);
  assert.deepEqual(Object.keys(body._embedded.errors[0]), ['code', 'message', 'path', '_links']);
});

test('hostile JSON text through the strict parser: a report each time, never a trap', () => {
  const cases = {
    deep: '['.repeat(100000) + ']'.repeat(100000),
    hugeNumber: '{"type":"personal","ssn":1e999}',
    loneSurrogate: '{"type":"personal","firstName":"\\ud800"}',
    nul: '{"type":"personal","firstName":"Jo\\u0000hn"}',
    empty: '',
    spaces: ' '.repeat(1000000),
    duplicate: '{"ssn":"1234","ssn":"12"}',
    tenMegabytes: JSON.stringify({ ...valid, firstName: 'x'.repeat(10 * 1024 * 1024) }),
  };
  for (const [name, text] of Object.entries(cases)) {
    const r = dv.validateCustomerText(text, { today: TODAY });
    assert.equal(r.valid, false, name);
    assert.ok(r.errors.length >= 1, name);
    for (const e of r.errors) assert.ok(e.message.length < 300, `${name}: short message`);
    assert.equal(dv.validateCustomer(valid, { today: TODAY }).valid, true, `still works after ${name}`);
  }
  assert.equal(dv.validateCustomerText(cases.nul, { today: TODAY }).errors[0].rule, 'invisible_characters');
  // Over Dwolla's 10 MiB request limit: refused before it is parsed.
  assert.equal(dv.validateCustomerText(cases.tenMegabytes, { today: TODAY }).errors[0].rule, 'payload_size');
  const nineMegabytes = JSON.stringify({ ...valid, firstName: 'x'.repeat(9 * 1024 * 1024) });
  assert.equal(dv.validateCustomerText(nineMegabytes, { today: TODAY }).errors[0].rule, 'length');
  // A lone surrogate is reported at its field, through every entry point.
  for (const r of [
    dv.validateCustomerText(cases.loneSurrogate, { today: TODAY }),
    dv.validateCustomer({ ...valid, firstName: 'Jo\ud800' }, { today: TODAY }),
    dv.validateField('firstName', 'Jo\udc00', { today: TODAY }),
  ]) {
    assert.equal(r.errors[0].path, '/firstName');
    assert.equal(r.errors[0].rule, 'well_formed_text');
  }
  // normalize hands such a string back unchanged instead of throwing.
  assert.equal(dv.normalizeCustomer({ firstName: ' Jo\ud800 ', state: 'ia' }).firstName, ' Jo\ud800 ');
});

test('a 200 MB payload gets a report, not a trap, and the instance keeps working', () => {
  const huge = '{"firstName":"' + 'x'.repeat(200 * 1024 * 1024) + '"}';
  const r = dv.validateCustomerText(huge, { today: TODAY });
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].rule, 'payload_size');
  assert.equal(dv.validateCustomer(valid, { today: TODAY }).valid, true);
});

test('a call whose payload calls again with many other options still answers', () => {
  // A getter, or toJSON, that validates with more option sets than the package
  // keeps validators for: the validator of the call under way is not freed
  // under it. For each one-shot entry point, and both ways a payload is read.
  const callAgain = () => {
    for (let d = 1; d <= 40; d++) dv.validateCustomer({}, { today: `2020-01-${String((d % 28) + 1).padStart(2, '0')}`, locale: d % 2 ? 'en' : 'es' });
  };
  const withGetter = () => Object.defineProperty({ ...valid }, 'firstName', { enumerable: true, get() { callAgain(); return 'John'; } });
  const withToJson = () => Object.defineProperty({ ...valid }, 'toJSON', { value() { callAgain(); const { toJSON: _, ...rest } = this; return rest; } });
  const opts = { today: TODAY, locale: 'en' };
  for (const make of [withGetter, withToJson]) {
    for (const [name, call, expected] of [
      ['validateCustomer', (p) => dv.validateCustomer(p, { ...opts }), dv.validateCustomer(valid, opts)],
      ['validateAs', (p) => dv.validateAs('personal', p, { ...opts }), dv.validateAs('personal', valid, opts)],
      ['validateField', (p) => dv.validateField('firstName', p, { ...opts }), null],
    ]) {
      const got = call(make());
      if (expected !== null) assert.deepEqual(got, expected, `${make.name} ${name}`);
      else assert.equal(typeof got.valid, 'boolean', `${make.name} ${name}`);
      assert.equal(dv.validateCustomer(valid, { today: TODAY }).valid, true);
    }
  }
});

test('an unknown options.type is refused by every call that takes options, as by createValidator', () => {
  const opts = { today: TODAY, type: 'martian' };
  assert.throws(() => dv.createValidator(opts), TypeError);
  for (const call of [() => dv.validateCustomer(valid, opts), () => dv.validateCustomerText(JSON.stringify(valid), opts),
    () => dv.validateAs('personal', valid, opts), () => dv.validateField('ssn', '1234', opts)]) {
    assert.throws(call, (e) => e instanceof TypeError && /options\.type must be one of/.test(e.message));
  }
  // A shape it names is taken, and changes nothing for a whole Customer.
  assert.deepEqual(dv.validateCustomer(valid, { today: TODAY, type: 'personal' }), dv.validateCustomer(valid, { today: TODAY }));
});

test('a freed validator: free again does nothing, and a call says it was freed', () => {
  const v = dv.createValidator({ today: TODAY });
  assert.equal(v.validateCustomer(valid).valid, true);
  v.free();
  v.free();
  for (const call of [() => v.validateCustomer(valid), () => v.validateCustomerText(JSON.stringify(valid)),
    () => v.validateField('ssn', '1234'), () => v.validateAs('personal', valid)]) {
    assert.throws(call, (e) => e instanceof TypeError && /was freed/.test(e.message));
  }
  assert.equal(dv.validateCustomer(valid, { today: TODAY }).valid, true);
});

test('createValidator reads options once and answers as the one-shot functions do', () => {
  const v = dv.createValidator({ today: TODAY, operation: 'retry' });
  const bad = { ...valid, address1: 'PO Box 1' };
  assert.deepEqual(v.validateCustomer(bad), dv.validateCustomer(bad, { today: TODAY, operation: 'retry' }));
  assert.deepEqual(v.validateField('ssn', '1234'), dv.validateField('ssn', '1234', { today: TODAY, operation: 'retry' }));
  assert.deepEqual(v.validateAs('kba', { answers: [] }), dv.validateAs('kba', { answers: [] }, { today: TODAY }));
  assert.equal(v.validateCustomerText('{"a":1,"a":2}').errors[0].rule, 'json_syntax');
  assert.throws(() => dv.createValidator({ operation: 'update' }), TypeError);
  assert.throws(() => v.validateField(7, 'x'), TypeError);
  v.free();
});

test('one-shot calls see every change to a reused options object, and the day turning', () => {
  // The wrapper remembers the last options object it read: a change made to that
  // same object between calls must still take effect.
  const opts = { today: '2026-01-01' };
  const born = { ...valid, dateOfBirth: '2008-01-02' }; // 18 on 2026-01-02
  assert.equal(dv.validateCustomer(born, opts).errors[0]?.rule, 'age_range');
  opts.today = '2026-01-02';
  assert.equal(dv.validateCustomer(born, opts).valid, true);
  opts.operation = 'retry';
  assert.deepEqual(dv.validateCustomer(born, opts).errors.map((e) => e.path), ['/ssn']);
  delete opts.operation;
  assert.equal(dv.validateCustomer(born, opts).valid, true);
  opts.allowUnknownFields = true;
  assert.equal(dv.validateCustomer({ ...born, zip: '1' }, opts).valid, true);
  opts.allowUnknownFields = false;
  assert.equal(dv.validateCustomer({ ...born, zip: '1' }, opts).valid, false);
  // Without `today`, the date is read from the clock: at 23:59:59 UTC on the day
  // before an 18th birthday, then a second later on the birthday itself.
  const realNow = Date.now;
  try {
    Date.now = () => Date.UTC(2026, 0, 1, 23, 59, 59);
    assert.equal(dv.validateCustomer(born).errors[0]?.rule, 'age_range');
    assert.equal(dv.validateCustomer(born, {}).errors[0]?.rule, 'age_range');
    Date.now = () => Date.UTC(2026, 0, 2, 0, 0, 0);
    assert.equal(dv.validateCustomer(born).valid, true);
    assert.equal(dv.validateCustomer(born, {}).valid, true);
    Date.now = () => Date.UTC(2026, 0, 1, 12, 0, 0); // a clock set back
    assert.equal(dv.validateCustomer(born).errors[0]?.rule, 'age_range');
  } finally {
    Date.now = realNow;
  }
});

// Linear time at every entry point (issue 13): the same kind of payload at a size
// and at four times that size, best of three each, must not take much more than
// four times as long. The bound (10x, plus 30 ms for timer noise) is generous on
// purpose: quadratic time gives 16x, as normalizeCustomer once did here.
test('every entry point takes linear time in the size of its input', () => {
  const best = (f) => {
    let min = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      f();
      min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
    }
    return min;
  };
  const manyObjects = (n) => ({ ...valid, extra: Array.from({ length: n }, (_, i) => ({ a: 'x' + i })) });
  const manyArrays = (n) => '{"type":"personal","x":[' + Array.from({ length: n }, () => '[1,[2]]').join(',') + ']}';
  const manyKeys = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => ['k' + i, 'v']));
  const entryPoints = {
    normalizeCustomer: (n) => { const p = manyObjects(n); return () => dv.normalizeCustomer(p); },
    validateCustomer: (n) => { const p = manyObjects(n); return () => dv.validateCustomer(p, { today: TODAY }); },
    validateCustomerText: (n) => { const p = manyArrays(n); return () => dv.validateCustomerText(p, { today: TODAY }); },
    'validateCustomer (many unknown keys)': (n) => { const p = manyKeys(n); return () => dv.validateCustomer(p, { today: TODAY }); },
    validateAs: (n) => { const p = manyObjects(n); return () => dv.validateAs('beneficial-owner', p, { today: TODAY }); },
    formPayload: (n) => { const p = manyObjects(n); return () => dv.formPayload(p, { today: TODAY }); },
  };
  for (const [name, make] of Object.entries(entryPoints)) {
    const small = best(make(20000));
    const large = best(make(80000));
    assert.ok(large < 10 * small + 30, `${name}: ${small.toFixed(1)} ms at n, ${large.toFixed(1)} ms at 4n`);
  }
});

// validateCustomer reads reports from a tape (json_api::report_tape), validateAs
// from JSON text: both must give the very same objects, for reports with odd
// texts (quotes, separators, characters beyond U+FFFF, Spanish messages), for
// warnings, and for reports too large for a tape, which come as JSON text.
test('reports read from the tape equal the JSON reports', () => {
  const unknown = (key) => ({ ...valid, [key]: 1 });
  const cases = [
    valid,
    { ...valid, email: 'john@gmial.com' },
    { ...valid, address1: 'PO Box 1', state: 'ny', ssn: '12' },
    unknown('a"b\\c\u001e\u001f\u0000'),
    unknown('😀'.repeat(30)),
    unknown('k'.repeat(4094)), // the path, "/" and the key, just fits a tape
    unknown('k'.repeat(5000)), // does not: JSON text
    Object.fromEntries(Array.from({ length: 4100 }, (_, i) => [`k${i}`, 1])), // too many issues for a tape
    { firstName: '\ud800' },
    7,
  ];
  for (const opts of [{ today: TODAY }, { today: TODAY, locale: 'es' }]) {
    for (const payload of cases) {
      const fromTape = dv.validateCustomer(payload, opts);
      assert.deepEqual(fromTape, dv.validateAs('customer', payload, opts));
      assert.deepEqual(Object.keys(fromTape), ['valid', 'errors', 'warnings']);
      for (const issue of [...fromTape.errors, ...fromTape.warnings]) {
        assert.deepEqual(Object.keys(issue), ['code', 'message', 'path', 'rule']);
      }
    }
  }
});

// The input buffer's view is kept between calls: it must follow the memory when
// wasm grows it, and be dropped with a freed validator.
test('the kept input view follows memory growth and freed validators', () => {
  const a = dv.createValidator({ today: TODAY });
  const before = a.validateCustomer({ ...valid, address1: 'PO Box 1' });
  // A payload of a few MB makes wasm grow its memory (detaching old views).
  const big = { ...valid, address2: 'x'.repeat(3 * 1024 * 1024) };
  assert.equal(a.validateCustomer(big).errors[0].rule, 'length');
  assert.deepEqual(a.validateCustomer({ ...valid, address1: 'PO Box 1' }), before);
  a.free();
  // Right after free(), `a` would still own a kept view: the call must fail before
  // anything is written into the memory it gave back.
  const encodeInto = TextEncoder.prototype.encodeInto;
  let writes = 0;
  TextEncoder.prototype.encodeInto = function (...args) {
    writes++;
    return encodeInto.apply(this, args);
  };
  try {
    assert.throws(() => a.validateCustomer(valid));
  } finally {
    TextEncoder.prototype.encodeInto = encodeInto;
  }
  assert.equal(writes, 0, 'a freed validator wrote its payload into wasm memory');
  const b = dv.createValidator({ today: TODAY });
  assert.deepEqual(b.validateCustomer({ ...valid, address1: 'PO Box 1' }), before);
  assert.throws(() => a.validateCustomer(valid));
  assert.deepEqual(b.validateCustomer({ ...valid, address1: 'PO Box 1' }), before);
  b.free();
  assert.equal(dv.validateCustomer(valid, { today: TODAY }).valid, true);
});
