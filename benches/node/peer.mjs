// The zod peer: the personal verified Customer rules of RULES.md written with zod 4 and
// validator.js, as faithfully as those libraries allow, the way a signup form would
// otherwise do it. Benchmarks only; nothing here ships.
//
// The regexes, states and age come from peer-rules.mjs, shared with the Ajv, TypeBox
// and valibot peers. Where it falls short of dwolla-validator (the agreement check in
// compare.mjs shows what that costs on the generated records):
// - PO boxes: one ASCII, case-insensitive regex (the same as benches/peer_native.rs).
//   No look-alike letters (Cyrillic, Greek, full-width), no invisible characters
//   between letters. "0" for "O" is kept.
// - Forbidden characters: the 13 ASCII ones; no full-width look-alikes.
// - Lengths are zod 4.6's .min/.max: code points, which are RULES.md's Unicode
//   scalar values (a name of 50 emoji is 50 long); no grapheme clusters.
// - E-mail is validator.js's isEmail (its own grammar, close to but not exactly
//   WHATWG's), with a top-level domain required.
// - No Dwolla error codes, paths or messages, no duplicate-key check (a JS object
//   cannot hold duplicates anyway). No quality hints either, but validateCustomer
//   does not compute them yet on this branch.
import { z } from 'zod';
import validator from 'validator';

import {
  STATES, NO_INVISIBLE, NO_FORBIDDEN, NO_DIGITS, PO_BOX, ageOn, isEmailByValidatorJs,
  POSTAL_CODE_SOURCE, SSN_SOURCE, PHONE_SOURCE, CORRELATION_ID_SOURCE,
} from './peer-rules.mjs';

export { PO_BOX };

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

/** The personal Customer schema, ages computed on `today` (YYYY-MM-DD). */
export function personalSchema(today) {
  return z.strictObject({
    firstName: name,
    lastName: name,
    email: z.string().max(254).refine(isEmailByValidatorJs, 'not an e-mail address'),
    ipAddress: z.string().refine((s) => validator.isIP(s), 'not an IP address').nullish(),
    type: z.literal('personal'),
    address1: street(1).refine(notBlank, 'must not be blank'),
    address2: street(0).nullish(),
    city: text(1, 50).refine(notBlank, 'must not be blank').regex(NO_DIGITS, 'must not contain digits'),
    state: z.enum(STATES),
    postalCode: z.string().regex(new RegExp(POSTAL_CODE_SOURCE)),
    dateOfBirth: z.iso.date().refine((s) => {
      const age = ageOn(s, today);
      return age >= 18 && age <= 125;
    }, 'age must be 18 to 125'),
    ssn: z.string().regex(new RegExp(SSN_SOURCE)),
    phone: z.string().regex(new RegExp(PHONE_SOURCE)).nullish(),
    correlationId: z.string().regex(new RegExp(CORRELATION_ID_SOURCE)).nullish(),
  });
}
