// The Ajv peer: the zod peer's rules (peer.mjs) as one JSON Schema (draft 2020-12
// keywords Ajv 8 supports), compiled by Ajv 8 into a function, with ajv-formats'
// `email`, `ipv4`, `ipv6` and `date` formats and its `formatMinimum`/`formatMaximum`
// for the age. Ajv's defaults: it stops at the first error (allErrors: false).
// Benchmarks only; nothing here ships.
//
// Where it differs from the zod peer (and so from dwolla-validator), besides what
// peer.mjs lists for all peers:
// - E-mail is ajv-formats' `email` (its "full" regex: ASCII dot-atoms, a dotted
//   domain of LDH labels), not validator.js's isEmail: no quoted local parts, no
//   length limits per label beyond the 254 of the whole address.
// - IP is ajv-formats' `ipv4` or `ipv6` (no zone ids), not validator.js's isIP.
// - Lengths count code points (JSON Schema's minLength/maxLength), as zod 4.6's do.
// - The age is two date bounds computed from `today` when the schema is compiled
//   (peer-rules.mjs birthDateBounds), the same verdict as zod's age refinement.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  STATES, CLEAN_TEXT_SOURCE, CLEAN_NO_DIGITS_SOURCE, NOT_BLANK_SOURCE, PO_BOX_SOURCE,
  POSTAL_CODE_SOURCE, SSN_SOURCE, PHONE_SOURCE, CORRELATION_ID_SOURCE, birthDateBounds,
} from './peer-rules.mjs';

const line = (minLength, maxLength, pattern = CLEAN_TEXT_SOURCE) => ({ type: 'string', minLength, maxLength, pattern });
const notBlank = { pattern: NOT_BLANK_SOURCE };
const notPoBox = { not: { pattern: PO_BOX_SOURCE } };
const nullable = (schema) => ({ anyOf: [{ type: 'null' }, schema] });

/** The personal Customer as a JSON Schema, ages on `today` (YYYY-MM-DD). */
export function personalJsonSchema(today) {
  const { earliest, latest } = birthDateBounds(today);
  const name = { ...line(1, 50), allOf: [notBlank] };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['firstName', 'lastName', 'email', 'type', 'address1', 'city', 'state', 'postalCode', 'dateOfBirth', 'ssn'],
    properties: {
      firstName: name,
      lastName: name,
      email: { type: 'string', maxLength: 254, format: 'email' },
      ipAddress: nullable({ type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] }),
      type: { const: 'personal' },
      address1: { ...line(1, 50), allOf: [notBlank, notPoBox] },
      address2: nullable({ ...line(0, 50), allOf: [notPoBox] }),
      city: { ...line(1, 50, CLEAN_NO_DIGITS_SOURCE), allOf: [notBlank] },
      state: { enum: STATES },
      postalCode: { type: 'string', pattern: POSTAL_CODE_SOURCE },
      dateOfBirth: { type: 'string', format: 'date', formatMinimum: earliest, formatMaximum: latest },
      ssn: { type: 'string', pattern: SSN_SOURCE },
      phone: nullable({ type: 'string', pattern: PHONE_SOURCE }),
      correlationId: nullable({ type: 'string', pattern: CORRELATION_ID_SOURCE }),
    },
  };
}

/** Ajv's compiled validator for the personal Customer: `validate(value)` is a boolean. */
export function personalAjv(today) {
  const ajv = new Ajv({ strict: true });
  addFormats(ajv, { mode: 'full', formats: ['email', 'ipv4', 'ipv6', 'date'], keywords: true });
  return ajv.compile(personalJsonSchema(today));
}
