// The peer: the personal verified Customer rules of RULES.md written with zod 4 and
// validator.js, as faithfully as those libraries allow, the way a signup form would
// otherwise do it. Benchmarks only; nothing here ships.
//
// Where it falls short of dwolla-validator (the agreement check in compare.mjs
// shows what that costs on the generated records):
// - PO boxes: one ASCII, case-insensitive regex (the same as benches/peer_native.rs).
//   No look-alike letters (Cyrillic, Greek, full-width), no invisible characters
//   between letters. "0" for "O" is kept.
// - Forbidden characters: the 13 ASCII ones; no full-width look-alikes.
// - Lengths count UTF-16 code units (zod's .min/.max), not Unicode scalar values:
//   a name of 50 emoji is 100 units and refused.
// - E-mail is validator.js's isEmail (its own grammar, close to but not exactly
//   WHATWG's), with a top-level domain required.
// - No Dwolla error codes, paths or messages, no duplicate-key check (a JS object
//   cannot hold duplicates anyway). No quality hints either, but validateCustomer
//   does not compute them yet on this branch.
import { z } from 'zod';
import validator from 'validator';

const STATES = [
  'AK', 'AL', 'AR', 'AS', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'GU', 'HI', 'IA', 'ID',
  'IL', 'IN', 'KS', 'KY', 'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MP', 'MS', 'MT', 'NC', 'ND',
  'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK', 'OR', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX',
  'UM', 'UT', 'VA', 'VI', 'VT', 'WA', 'WI', 'WV', 'WY',
];

// The same ranges as src/rules/invisible_characters.rs.
const INVISIBLE = [
  [0x0000, 0x001f], [0x007f, 0x009f], [0x00ad, 0x00ad], [0x034f, 0x034f], [0x0600, 0x0605],
  [0x061c, 0x061c], [0x06dd, 0x06dd], [0x070f, 0x070f], [0x0890, 0x0891], [0x08e2, 0x08e2],
  [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f], [0x200b, 0x200f], [0x2028, 0x202e],
  [0x2060, 0x2064], [0x2066, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xffa0, 0xffa0], [0xfff9, 0xfffb], [0xfffd, 0xfffd], [0x110bd, 0x110bd], [0x110cd, 0x110cd],
  [0x13430, 0x1343f], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0xe0fff],
];
const hex = (c) => `\\u{${c.toString(16)}}`;
const NO_INVISIBLE = new RegExp(`^[^${INVISIBLE.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('')}]*$`, 'u');
const NO_FORBIDDEN = /^[^<>="`!?%~${}\\]*$/;
const NO_DIGITS = /^\P{N}*$/u;
export const PO_BOX = /(?:^|[^a-z])(?:p[\s.\-]*[o0][\s.\-]*(?:b[o0]x|drawer|b)(?:[^a-z]|$)|post(?:al)?[\s.\-]*(?:office[\s.\-]*)?b[o0]x(?:[^a-z]|$))|^\s*b[o0]x\s*#?\s*\d+\s*$/i;

const notBlank = (s) => s.trim() !== '';

/** A name-like line: 1..max characters, not blank, no forbidden or invisible characters. */
const text = (min, max) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(NO_FORBIDDEN, 'has a forbidden character')
    .regex(NO_INVISIBLE, 'has an invisible character');

const name = text(1, 50).refine(notBlank, 'must not be blank');
const street = (min) => text(min, 50).refine((s) => !PO_BOX.test(s), 'must not be a PO box');

/** Whole years from `born` (YYYY-MM-DD) to `today`. */
function ageOn(born, today) {
  const [by, bm, bd] = born.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The personal Customer schema, ages computed on `today` (YYYY-MM-DD). */
export function personalSchema(today) {
  return z.strictObject({
    firstName: name,
    lastName: name,
    email: z.string().max(254).refine((s) => validator.isEmail(s, { require_tld: true, allow_ip_domain: false, allow_utf8_local_part: false }), 'not an e-mail address'),
    ipAddress: z.string().refine((s) => validator.isIP(s), 'not an IP address').nullish(),
    type: z.literal('personal'),
    address1: street(1).refine(notBlank, 'must not be blank'),
    address2: street(0).nullish(),
    city: text(1, 50).refine(notBlank, 'must not be blank').regex(NO_DIGITS, 'must not contain digits'),
    state: z.enum(STATES),
    postalCode: z.string().regex(/^[0-9]{5}(?:-[0-9]{4})?$/),
    dateOfBirth: z.iso.date().refine((s) => {
      const age = ageOn(s, today);
      return age >= 18 && age <= 125;
    }, 'age must be 18 to 125'),
    ssn: z.string().regex(/^(?:[0-9]{4}|[0-9]{9})$/),
    phone: z.string().regex(/^[0-9]{10}$/).nullish(),
    correlationId: z.string().regex(/^[A-Za-z0-9._-]{1,255}$/).nullish(),
  });
}
