// The pieces of the personal Customer rules that every JavaScript peer shares: the
// regular expressions, the states, the birth-date bounds. The zod peer (peer.mjs)
// wrote them first; Ajv, TypeBox and valibot (peer-ajv.mjs, peer-typebox.mjs,
// peer-valibot.mjs) take them from here so that the four peers check the same rules
// and differ only in how their library runs them. Benchmarks only; nothing here ships.
import validator from 'validator';

export const STATES = [
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
/** The body of a character class (no brackets) of the invisible characters; needs the u flag. */
export const INVISIBLE_CLASS = INVISIBLE.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');
/** The body of a character class of the 13 forbidden ASCII characters. */
export const FORBIDDEN_CLASS = '<>="`!?%~${}\\\\';

// Whole-string patterns, as regex sources for the u flag (JSON Schema's `pattern`,
// which Ajv compiles with the u flag) and as RegExp objects.
export const NO_INVISIBLE_SOURCE = `^[^${INVISIBLE_CLASS}]*$`;
export const NO_FORBIDDEN_SOURCE = `^[^${FORBIDDEN_CLASS}]*$`;
/** Neither forbidden nor invisible: one scan, the same verdict as both patterns apart. */
export const CLEAN_TEXT_SOURCE = `^[^${FORBIDDEN_CLASS}${INVISIBLE_CLASS}]*$`;
/** Clean, and no digit (`\p{N}`) either: the city. */
export const CLEAN_NO_DIGITS_SOURCE = `^[^${FORBIDDEN_CLASS}${INVISIBLE_CLASS}\\p{N}]*$`;
export const NO_INVISIBLE = new RegExp(NO_INVISIBLE_SOURCE, 'u');
export const NO_FORBIDDEN = new RegExp(NO_FORBIDDEN_SOURCE, 'u');
export const CLEAN_TEXT = new RegExp(CLEAN_TEXT_SOURCE, 'u');
export const CLEAN_NO_DIGITS = new RegExp(CLEAN_NO_DIGITS_SOURCE, 'u');
export const NO_DIGITS = /^\P{N}*$/u;
/** Not blank: a character that String.prototype.trim would keep (\s is trim's set). */
export const NOT_BLANK_SOURCE = '\\S';
export const NOT_BLANK = /\S/;

/**
 * `min <= code points <= max`, the lengths of zod 4.6's `.min`/`.max` on strings
 * (and of JSON Schema's minLength/maxLength), counting only when UTF-16 units alone
 * cannot tell: a code point is one or two units.
 */
export function codePointsWithin(s, min, max) {
  const units = s.length;
  if (units < min) return false;
  if (units <= max && units >= 2 * min) return true;
  let n = 0;
  for (const _ of s) n++;
  return n >= min && n <= max;
}

/** One ASCII, case-insensitive regex for PO boxes (the same as benches/peer_native.rs). */
export const PO_BOX = /(?:^|[^a-z])(?:p[\s.\-]*[o0][\s.\-]*(?:b[o0]x|drawer|b)(?:[^a-z]|$)|post(?:al)?[\s.\-]*(?:office[\s.\-]*)?b[o0]x(?:[^a-z]|$))|^\s*b[o0]x\s*#?\s*\d+\s*$/i;

/**
 * `source` with ASCII case folded into the pattern itself: `a` becomes `[aA]`, and a
 * class `[^a-z]` becomes `[^a-zA-Z]`. For engines that take a pattern without flags
 * (JSON Schema's `pattern`) or whose `i` would differ: with the u flag, `i` folds
 * U+017F and U+212A into s and k, which the ASCII regex above does not.
 */
export function asciiCaseless(source) {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + source[++i];
    } else if (c === '[') {
      let body = '';
      let extra = '';
      for (i++; source[i] !== ']'; i++) {
        const d = source[i];
        if (d === '\\') {
          body += d + source[++i];
        } else if (source[i + 1] === '-' && source[i + 2] !== ']' && /[a-z]/.test(d)) {
          body += `${d}-${source[i + 2]}`;
          extra += `${d.toUpperCase()}-${source[i + 2].toUpperCase()}`;
          i += 2;
        } else {
          body += d;
          if (/[a-z]/.test(d)) extra += d.toUpperCase();
        }
      }
      out += `[${body}${extra}]`;
    } else if (/[a-z]/.test(c)) {
      out += `[${c}${c.toUpperCase()}]`;
    } else {
      out += c;
    }
  }
  return out;
}

/** PO_BOX without the i flag, for the u flag: the same verdict on every string. */
export const PO_BOX_SOURCE = asciiCaseless(PO_BOX.source);

export const POSTAL_CODE_SOURCE = '^[0-9]{5}(?:-[0-9]{4})?$';
export const SSN_SOURCE = '^(?:[0-9]{4}|[0-9]{9})$';
export const PHONE_SOURCE = '^[0-9]{10}$';
export const CORRELATION_ID_SOURCE = '^[A-Za-z0-9._-]{1,255}$';

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** YYYY-MM-DD naming a real day of the proleptic Gregorian calendar. */
export function isCalendarDate(s) {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap(y) ? 29 : DAYS_IN_MONTH[m]);
}

/** Whole years from `born` (YYYY-MM-DD) to `today`. */
export function ageOn(born, today) {
  const [by, bm, bd] = born.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * The birth dates that are 18 to 125 whole years before `today`, as the earliest and
 * latest YYYY-MM-DD: ISO dates order as strings, so `earliest <= born <= latest` is
 * `18 <= ageOn(born, today) <= 125` for every calendar date (checked in compare.mjs
 * --check), and a schema language with only string bounds can say it.
 */
export function birthDateBounds(today) {
  const [ty, tm, td] = today.split('-').map(Number);
  const ymd = (y, m, d) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // Born on (year - 126, month, day) is 126 today, born on (year - 18, month, day) is
  // 18. Where that names no day (29 February of a common year), the bound moves to
  // the neighbouring day that has the same age: 1 March, 28 February.
  const old = ymd(ty - 126, tm, td); // born on it: 126 today
  const young = ymd(ty - 18, tm, td); // born on it: 18 today
  return {
    earliest: isCalendarDate(old) ? nextDay(old) : ymd(ty - 126, 3, 1),
    latest: isCalendarDate(young) ? young : ymd(ty - 18, 2, 28),
  };
}

/** The calendar day after `s` (YYYY-MM-DD, a calendar date). */
function nextDay(s) {
  const [y, m, d] = s.split('-').map(Number);
  if (d < (m === 2 && leap(y) ? 29 : DAYS_IN_MONTH[m])) return `${s.slice(0, 8)}${String(d + 1).padStart(2, '0')}`;
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${s.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * validator.js's isEmail with the options of the zod and TypeBox peers: a top-level
 * domain, no IP host, an ASCII local part. A fresh options object each call, as an
 * inline literal would be: isEmail writes its defaults into the object it is given.
 */
export const isEmailByValidatorJs = (s) =>
  validator.isEmail(s, { require_tld: true, allow_ip_domain: false, allow_utf8_local_part: false });
