// The record generator of benches/common/mod.rs, line for line: the same PRNG
// (mulberry32), pools, mix and mutations, so the Node and native comparisons run
// on the very same records. Both print the FNV-1a digest of the NDJSON text;
// scripts/bench checks that they agree.

export const TODAY = '2026-11-23';
export const N_RECORDS = 10_000;
export const SEED = 0x00c0ffee;
export const INVALID_PERCENT = 30;

/** mulberry32, as in Rust (`Rng`). */
export function rng(seed) {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const below = (n) => next() % n;
  const pick = (items) => items[below(items.length)];
  return { next, below, pick };
}

const FIRST = ['John', 'Mary', 'José', 'María', 'Li', 'Aisha', 'Zoë', 'Oluwaseun', 'Anne-Marie', 'Dmitri', 'Priya', 'Seán'];
const LOCAL = ['john', 'mary', 'jose', 'maria', 'li', 'aisha', 'zoe', 'seun', 'annemarie', 'dmitri', 'priya', 'sean'];
const LAST = ['Doe', 'Smith', 'Núñez', 'Nguyen', "O'Brien", 'García', 'Kowalski', 'Van der Berg', 'Okafor', 'Schäfer'];
const STREETS = ['Main St', 'Grand Ave', 'Oak Ln', 'Elm St', 'Boxwood Ln', 'Post Rd', 'Market St', 'Broadway', 'Sunset Blvd', 'Lake Shore Dr'];
const PLACES = [
  ['New York', 'NY', '10001'],
  ['Des Moines', 'IA', '50309'],
  ['Los Angeles', 'CA', '90012'],
  ['Chicago', 'IL', '60601'],
  ['Houston', 'TX', '77002'],
  ['Seattle', 'WA', '98101'],
  ['Miami', 'FL', '33101'],
  ['Denver', 'CO', '80202'],
  ['Boston', 'MA', '02108'],
  ['San Juan', 'PR', '00901'],
];
const DOMAINS = ['example.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'mail.example.org'];
const MUTATIONS = 22;

const pad = (n, width) => String(n).padStart(width, '0');

function set(r, key, value) {
  const slot = r.find(([k]) => k === key);
  if (slot) slot[1] = value;
  else r.push([key, value]);
}

function mutate(r, g, which) {
  const n = 1 + g.below(999);
  switch (which) {
    case 0: set(r, 'ssn', '202-99-1516'); break;
    case 1: set(r, 'address1', `PO Box ${n}`); break;
    case 2: set(r, 'address1', `P.O. Box ${n}`); break;
    case 3: set(r, 'address1', `Р.О. Вох ${n}`); break; // Cyrillic look-alikes
    case 4: set(r, 'postalCode', '1234'); break;
    case 5: set(r, 'dateOfBirth', '2015-05-05'); break;
    case 6: set(r, 'dateOfBirth', '1990-02-30'); break;
    case 7: set(r, 'email', 'john.example.com'); break;
    case 8: set(r, 'email', 'john@localhost'); break;
    case 9: set(r, 'firstName', '<script>'); break;
    case 10: set(r, 'firstName', 'Jo\u200Bhn'); break;
    case 11: set(r, 'lastName', 'x'.repeat(51)); break;
    case 12: set(r, 'state', 'XX'); break;
    case 13: set(r, 'state', 'ny'); break;
    case 14: set(r, 'city', 'Springfield 2'); break;
    case 15: set(r, 'phone', '555-0100'); break;
    case 16: {
      const i = r.findIndex(([k]) => k === 'email');
      if (i >= 0) r.splice(i, 1);
      break;
    }
    case 17: set(r, 'nickname', 'Johnny'); break;
    case 18: set(r, 'ipAddress', '999.1.1.1'); break;
    case 19: set(r, 'correlationId', 'bad id!'); break;
    case 20: set(r, 'ssn', '12345'); break;
    default: set(r, 'dateOfBirth', '1890-01-01');
  }
}

/** One record as an ordered list of [key, value] string pairs. */
export function record(g) {
  const r = [];
  const put = (k, v) => r.push([k, v]);
  const i = g.below(FIRST.length);
  put('firstName', FIRST[i]);
  put('lastName', g.pick(LAST));
  const num = g.below(1000);
  const domain = g.pick(DOMAINS);
  put('email', `${LOCAL[i]}${num}@${domain}`);
  if (g.below(2) === 0) {
    let ip;
    if (g.below(5) === 0) {
      ip = `2001:db8::${(g.below(65535) + 1).toString(16)}`;
    } else {
      const a = 1 + g.below(223);
      const b = g.below(256);
      const c = g.below(256);
      const d = 1 + g.below(254);
      ip = `${a}.${b}.${c}.${d}`;
    }
    put('ipAddress', ip);
  }
  put('type', 'personal');
  const house = 1 + g.below(9999);
  put('address1', `${house} ${g.pick(STREETS)}`);
  if (g.below(4) === 0) put('address2', `Apt ${1 + g.below(300)}`);
  const [city, state, zip5] = PLACES[g.below(PLACES.length)];
  put('city', city);
  put('state', state);
  put('postalCode', g.below(10) < 3 ? `${zip5}-${pad(g.below(10_000), 4)}` : zip5);
  const y = 1946 + g.below(60);
  const m = 1 + g.below(12);
  const d = 1 + g.below(28);
  put('dateOfBirth', `${y}-${pad(m, 2)}-${pad(d, 2)}`);
  put('ssn', g.below(2) === 0 ? pad(g.below(10_000), 4) : pad(g.below(1_000_000_000), 9));
  if (g.below(10) < 6) {
    const area = 2 + g.below(8);
    const a2 = g.below(100);
    const ex = 2 + g.below(8);
    const rest = g.below(1_000_000);
    put('phone', `${area}${pad(a2, 2)}${ex}${pad(rest, 6)}`);
  }
  if (g.below(10) < 3) put('correlationId', `req-${g.below(1_000_000)}.${g.below(1000)}`);
  if (g.below(100) < INVALID_PERCENT) {
    const k = 1 + g.below(3);
    for (let j = 0; j < k; j++) mutate(r, g, g.below(MUTATIONS));
  }
  return r;
}

export function toJson(r) {
  return `{${r.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

/** `n` records as JSON lines (no trailing newline on each). */
export function generateLines(n = N_RECORDS) {
  const g = rng(SEED);
  const out = [];
  for (let i = 0; i < n; i++) out.push(toJson(record(g)));
  return out;
}

/** FNV-1a (32 bits) of the UTF-8 bytes of `text`, as 8 hex digits. */
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) {
    h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
