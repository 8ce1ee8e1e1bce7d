// The TypeBox peer: the zod peer's rules (peer.mjs) as a TypeBox 0.34 schema,
// compiled by its TypeCompiler into one boolean check (`Check` stops at the first
// failure). TypeBox ships no string formats: `email` and `ip` are validator.js's
// isEmail and isIP, registered with its FormatRegistry exactly as the zod peer calls
// them, and the birth date is a registered format too. Benchmarks only.
//
// How the rules are written, and where it differs from the zod peer:
// - TypeBox's string `pattern` is compiled without flags, so every pattern that needs
//   the u flag (the invisible ranges, `\p{N}`) is a Type.RegExp, which keeps flags;
//   a Type.RegExp holds one regex, so a line's rules (clean characters, not blank,
//   not a PO box) are one regex with lookaheads, the same verdict as the separate
//   tests (checked in compare.mjs --check on the generated records).
// - TypeBox's minLength/maxLength count UTF-16 units; zod 4.6 counts code points,
//   so the length is the regex's quantifier instead (`{1,50}` with the u flag counts
//   code points).
// - Optional fields use TypeBox's default policy: a key whose value is `undefined`
//   counts as absent (JSON never holds `undefined`, so the records cannot tell).
import { Type, FormatRegistry } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import validator from 'validator';
import {
  STATES, CLEAN_TEXT_SOURCE, CLEAN_NO_DIGITS_SOURCE, NOT_BLANK_SOURCE, PO_BOX_SOURCE,
  POSTAL_CODE_SOURCE, SSN_SOURCE, PHONE_SOURCE, CORRELATION_ID_SOURCE, isEmailByValidatorJs,
  isCalendarDate, birthDateBounds,
} from './peer-rules.mjs';

/**
 * CLEAN_TEXT_SOURCE (or the city's), `^[^...]*$`, with lookaheads in front of its
 * class and the length as the class's quantifier: one regex for a line's rules.
 */
export const lineSource = (min, max, { notBlank = false, notPoBox = false }, source = CLEAN_TEXT_SOURCE) =>
  `^${notBlank ? `(?=[\\s\\S]*${NOT_BLANK_SOURCE})` : ''}${notPoBox ? `(?![\\s\\S]*(?:${PO_BOX_SOURCE}))` : ''}${source.slice(1, -2)}{${min},${max}}$`;

const line = (min, max, rules, source) => Type.RegExp(new RegExp(lineSource(min, max, rules, source), 'u'));
const nullable = (schema) => Type.Optional(Type.Union([schema, Type.Null()]));
const pattern = (source) => Type.String({ pattern: source });

FormatRegistry.Set('email', isEmailByValidatorJs);
FormatRegistry.Set('ip', (s) => validator.isIP(s));

/** The personal Customer as a TypeBox schema, ages on `today` (YYYY-MM-DD). */
export function personalTypeBoxSchema(today) {
  const { earliest, latest } = birthDateBounds(today);
  const birthDate = `birth-date-${today}`;
  FormatRegistry.Set(birthDate, (s) => isCalendarDate(s) && s >= earliest && s <= latest);
  const name = line(1, 50, { notBlank: true });
  return Type.Object(
    {
      firstName: name,
      lastName: name,
      email: Type.String({ maxLength: 254, format: 'email' }),
      ipAddress: nullable(Type.String({ format: 'ip' })),
      type: Type.Literal('personal'),
      address1: line(1, 50, { notBlank: true, notPoBox: true }),
      address2: nullable(line(0, 50, { notPoBox: true })),
      city: line(1, 50, { notBlank: true }, CLEAN_NO_DIGITS_SOURCE),
      state: Type.Union(STATES.map((s) => Type.Literal(s))),
      postalCode: pattern(POSTAL_CODE_SOURCE),
      dateOfBirth: Type.String({ format: birthDate }),
      ssn: pattern(SSN_SOURCE),
      phone: nullable(pattern(PHONE_SOURCE)),
      correlationId: nullable(pattern(CORRELATION_ID_SOURCE)),
    },
    { additionalProperties: false },
  );
}

/** TypeBox's compiled check for the personal Customer: `check.Check(value)` is a boolean. */
export function personalTypeBox(today) {
  return TypeCompiler.Compile(personalTypeBoxSchema(today));
}
