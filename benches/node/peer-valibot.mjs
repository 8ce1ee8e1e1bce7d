// The valibot peer: the zod peer's rules (peer.mjs) as a valibot 1.x schema of
// pipes, run with `safeParse` in its default mode (every issue collected, as zod
// does). Benchmarks only; nothing here ships.
//
// Where it differs from the zod peer (and so from dwolla-validator), besides what
// peer.mjs lists for all peers:
// - E-mail is valibot's `email()` (word characters, `+` and `-` in dot-separated
//   local parts; a domain of letters and digits ending in a TLD of two letters or
//   more), stricter than validator.js's isEmail: `o'brien@example.com` is refused.
// - IP is valibot's `ip()` (IPv4 or IPv6, link-local zone ids allowed), not
//   validator.js's isIP.
// - `isoDate()` checks only the shape (it takes 1990-02-30), so a `check` adds
//   the calendar; the age is two string bounds (peer-rules.mjs birthDateBounds).
// - valibot's minLength/maxLength count UTF-16 units; zod 4.6 counts code points,
//   so the length is a `check` that counts them (peer-rules.mjs codePointsWithin).
import * as v from 'valibot';
import {
  STATES, NO_INVISIBLE, NO_FORBIDDEN, NO_DIGITS, NOT_BLANK, PO_BOX,
  POSTAL_CODE_SOURCE, SSN_SOURCE, PHONE_SOURCE, CORRELATION_ID_SOURCE,
  isCalendarDate, birthDateBounds, codePointsWithin,
} from './peer-rules.mjs';

const text = (min, max, ...more) =>
  v.pipe(
    v.string(),
    v.check((s) => codePointsWithin(s, min, max), `must be ${min} to ${max} characters`),
    v.regex(NO_FORBIDDEN, 'has a forbidden character'),
    v.regex(NO_INVISIBLE, 'has an invisible character'),
    ...more,
  );
const notBlank = v.regex(NOT_BLANK, 'must not be blank');
const notPoBox = v.check((s) => !PO_BOX.test(s), 'must not be a PO box');
const pattern = (source) => v.pipe(v.string(), v.regex(new RegExp(source)));

/** The personal Customer as a valibot schema, ages on `today` (YYYY-MM-DD). */
export function personalValibotSchema(today) {
  const { earliest, latest } = birthDateBounds(today);
  const name = text(1, 50, notBlank);
  return v.strictObject({
    firstName: name,
    lastName: name,
    email: v.pipe(v.string(), v.maxLength(254), v.email()),
    ipAddress: v.nullish(v.pipe(v.string(), v.ip())),
    type: v.literal('personal'),
    address1: text(1, 50, notBlank, notPoBox),
    address2: v.nullish(text(0, 50, notPoBox)),
    city: text(1, 50, notBlank, v.regex(NO_DIGITS, 'must not contain digits')),
    state: v.picklist(STATES),
    postalCode: pattern(POSTAL_CODE_SOURCE),
    dateOfBirth: v.pipe(
      v.string(),
      v.isoDate(),
      v.check(isCalendarDate, 'not a calendar date'),
      v.minValue(earliest, 'older than 125'),
      v.maxValue(latest, 'younger than 18'),
    ),
    ssn: pattern(SSN_SOURCE),
    phone: v.nullish(pattern(PHONE_SOURCE)),
    correlationId: v.nullish(pattern(CORRELATION_ID_SOURCE)),
  });
}
