// Cross-checks the phone hint (hints::phone_nanp::not_diallable) against
// libphonenumber-js with its full ("max") metadata. Reads only
// tests/vectors/hints.json: it needs neither the wasm package nor a native build.
//
// * Every phone case that expects `true` (we would warn) must be invalid for the
//   US according to libphonenumber, except the fictional 555-01XX lines, which
//   libphonenumber does not model (see below): those are printed, not asserted.
// * Informational: among a few hundred numbers our rule does NOT flag, how many
//   libphonenumber still calls invalid (unassigned area codes and the like, which
//   RULES.md deliberately leaves alone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { readFileSync } from 'node:fs';

// Not helpers.mjs: that loads the wasm package.
const hints = JSON.parse(readFileSync(new URL('../vectors/hints.json', import.meta.url), 'utf8'));
const phoneCases = hints.cases.filter((c) => c.hint === 'phone_not_diallable');

// RULES.md's phone hint, mirrored for the informational sample only; the test
// below holds the mirror to the vectors, which tests/hints_vectors.rs holds the
// Rust code to.
function notDiallable(p) {
  if (!/^\d{10}$/.test(p)) return false;
  const [npa, nxx, line] = [p.slice(0, 3), p.slice(3, 6), p.slice(6)];
  return (
    '01'.includes(npa[0]) ||
    '01'.includes(nxx[0]) ||
    (npa[1] === '1' && npa[2] === '1') ||
    npa[1] === '9' ||
    (nxx === '555' && line.startsWith('01'))
  );
}

test('the vectors have phone cases of both outcomes', () => {
  assert.ok(phoneCases.filter((c) => c.expect).length >= 10);
  assert.ok(phoneCases.filter((c) => !c.expect).length >= 10);
  for (const c of phoneCases) assert.equal(notDiallable(c.phone), c.expect, c.phone);
});

// The fictional 555-0100 to 555-0199 lines are reserved by the NANP but look like
// any other line to libphonenumber, whose validity check stops at the area code
// and the exchange (google/libphonenumber issue 1393, accepted and still open).
// RULES.md flags them; this is the one place we knowingly disagree.
const fictional = (p) => p.slice(3, 6) === '555' && p.slice(6, 8) === '01';

test('libphonenumber calls every number we flag invalid for the US', () => {
  const flagged = phoneCases.filter((c) => c.expect).map((c) => c.phone);
  const accepted = flagged.filter((p) => isValidPhoneNumber(p, 'US'));
  // Everything we flag for its area code or exchange, libphonenumber refuses too.
  assert.deepEqual(
    accepted.filter((p) => !fictional(p)),
    [],
    'numbers the hint flags that libphonenumber-js (max) accepts',
  );
  console.log(
    `${flagged.length} flagged vector numbers: libphonenumber-js (max) refuses ` +
      `${flagged.length - accepted.length}; accepts ${accepted.length}, all fictional ` +
      `555-01XX lines (libphonenumber issue 1393): ${accepted.join(', ')}`,
  );
});

// A fixed pseudo-random sample of 10-digit numbers (xorshift32), so every run
// gives the same counts.
function sample(count, keep) {
  let seed = 0x2545f491;
  const out = [];
  while (out.length < count) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    const n = String(Math.floor(((seed >>> 0) / 2 ** 32) * 1e10)).padStart(10, '0');
    if (keep(n)) out.push(n);
  }
  return out;
}

test('libphonenumber refuses a sample of numbers the rule flags', () => {
  const flagged = sample(500, (n) => notDiallable(n) && !fictional(n));
  const accepted = flagged.filter((n) => isValidPhoneNumber(n, 'US'));
  assert.deepEqual(accepted, [], 'flagged numbers that libphonenumber-js (max) accepts');
});

test('informational: numbers we do not flag that libphonenumber calls invalid', () => {
  const passed = sample(500, (n) => !notDiallable(n));
  const invalid = passed.filter((n) => !isValidPhoneNumber(n, 'US'));
  const tenDigitPasses = phoneCases.filter((c) => !c.expect && /^\d{10}$/.test(c.phone));
  const vectorInvalid = tenDigitPasses.filter((c) => !isValidPhoneNumber(c.phone, 'US'));
  console.log(
    `of ${passed.length} random 10-digit numbers the hint does not flag, ` +
      `libphonenumber-js (max) calls ${invalid.length} invalid for US, mostly area codes ` +
      `not yet assigned, which RULES.md leaves alone (e.g. ${invalid.slice(0, 5).join(', ')})`,
  );
  console.log(
    `of ${tenDigitPasses.length} 10-digit vector numbers we do not flag, ` +
      `libphonenumber-js calls ${vectorInvalid.length} invalid` +
      (vectorInvalid.length ? `: ${vectorInvalid.map((c) => c.phone).join(', ')}` : ''),
  );
});
