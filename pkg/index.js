// dwolla-validator: the JS face of the Rust engine. Hand-written, thin: it turns JS
// values into JSON text (validateCustomer walks a plain object into the form
// src/walked.rs reads instead), calls the wasm exports and parses their answers
// (JSON, or a report tape on the validateCustomer path). No rule logic lives here;
// every rule is in the Rust crate.
import wasmInit, * as wasm from './dwolla_validator.js';

let ready = false;
// The raw wasm exports (for its memory) and the size of the input buffer's cap.
let raw = null;
let maxInput = 0;

function loaded(exports) {
  raw = exports;
  maxInput = wasm.max_input_bytes();
  learnKeys();
  ready = true;
}

// wasm-bindgen's own call forms wrap the source in an object: init({module_or_path})
// and initSync({module}). Anything else (a URL, a Response, bytes, a Module) is the
// source itself.
function unwrap(input, key) {
  if (input !== null && typeof input === 'object' && !ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer)
      && !(input instanceof WebAssembly.Module) && Object.keys(input).length === 1 && key in input) {
    return input[key];
  }
  return input;
}

const inNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';

/**
 * Loads the .wasm: fetches dwolla_validator_bg.wasm beside this file, or from
 * `input` (a URL or path, a Response or its promise, bytes, a WebAssembly.Module,
 * or wasm-bindgen's `{module_or_path}`).
 */
export default async function init(input) {
  if (ready) return;
  const source = unwrap(input, 'module_or_path');
  try {
    loaded(await wasmInit(source === undefined ? undefined : { module_or_path: source }));
  } catch (e) {
    // Node's fetch() cannot read the file: URL the browser entry points at.
    if (inNode && source === undefined) {
      throw new Error('dwolla-validator: the web entry cannot fetch its .wasm in Node; import "dwolla-validator" (or "dwolla-validator/node") instead, which loads it from disk', { cause: e });
    }
    throw e;
  }
}

/** Loads the .wasm synchronously from its bytes, a compiled WebAssembly.Module, or wasm-bindgen's `{module}`. */
export function initSync(bytesOrModule) {
  if (ready) return;
  const source = unwrap(bytesOrModule, 'module');
  if (!(source instanceof WebAssembly.Module) && !(source instanceof ArrayBuffer) && !ArrayBuffer.isView(source)) {
    throw new TypeError('dwolla-validator: initSync takes the .wasm bytes (an ArrayBuffer or Uint8Array) or a WebAssembly.Module');
  }
  loaded(wasm.initSync({ module: source }));
}

function needReady() {
  if (!ready) throw new Error('dwolla-validator: call init() (browser) or initSync(bytes) first, or import "dwolla-validator/node"');
}

// Today's UTC date, worked out once a day: formatting a Date costs more than a
// whole validation's boundary crossing, and most calls leave `today` to us.
let dayText = '';
let dayStart = 0;
let dayEnd = 0;
function todayUtc() {
  const now = Date.now();
  if (now < dayStart || now >= dayEnd) {
    const d = new Date(now);
    dayText = d.toISOString().slice(0, 10);
    dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    dayEnd = dayStart + 86400000;
  }
  return dayText;
}

/** The options given, `{}` for none; anything but a plain object is a TypeError. */
function optionsObject(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('dwolla-validator: options must be an object such as {operation: "retry", today: "2026-11-23"}');
  }
  return options;
}

// What each string argument must be. Every caller value that crosses into wasm as
// a string goes through stringArg first: wasm-bindgen's glue assumes a string, and
// anything else (a number, an object) would trap inside wasm instead of being
// the caller's TypeError.
const MUST_BE = {
  text: 'text must be a string (the JSON body)',
  field: 'field must be a string such as "postalCode"',
  kind: 'kind must be a string such as "beneficial-owner"',
  shape: 'shape must be a string such as "personal"',
  value: 'value must be a string',
  operation: 'operation must be "create" or "retry"',
};

function stringArg(value, name) {
  if (typeof value !== 'string') throw new TypeError(`dwolla-validator: ${MUST_BE[name]}`);
  return value;
}

function optionsJson(options, extra) {
  const o = { ...optionsObject(options), ...extra };
  // null is no date, as null is no operation or locale: today's, in UTC.
  if (o.today === undefined || o.today === null) o.today = todayUtc();
  return JSON.stringify(o);
}

function payloadJson(value) {
  // JSON.stringify throws a TypeError itself for BigInt and cycles; a top-level
  // undefined, function or symbol has no JSON form, and is judged as null.
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    // V8 overflows its own stack on a few thousand levels of nesting.
    if (e instanceof RangeError) throw new TypeError('dwolla-validator: the payload is nested too deeply to validate');
    throw e;
  }
  return text === undefined ? 'null' : text;
}

function answer(text) {
  const out = JSON.parse(text);
  if (out !== null && typeof out === 'object' && typeof out.error === 'string' && out.valid === undefined) {
    throw new TypeError(`dwolla-validator: ${out.error}`);
  }
  return out;
}

const encoder = new TextEncoder();

// The payload crosses once: encodeInto writes its UTF-8 straight into the
// validator's buffer in wasm memory (no copy made by wasm-bindgen), and a clean
// valid record comes back as a status, not as report text to parse. The buffer is
// capped just past Dwolla's 10 MiB limit: text that does not fit is reported by
// the engine as too large, and is never copied whole.
function validateText(validator, text) {
  const { written } = encoder.encodeInto(text, inputView(validator, Math.min(text.length * 3, maxInput)));
  const status = validator.validate_input(written);
  if (status === 0) return { valid: true, errors: [], warnings: [] };
  return status === 1 ? readTape(validator.take_report()) : answer(validator.take_report());
}

// A report as the engine writes it for validate_input (json_api::report_tape in
// the crate): '1' or '0' for valid, then the errors and the warnings, each a
// count and four texts per issue (code, message, path, rule); every count and
// length (in UTF-16 units) is two ASCII digits of six bits each, from '0' (0) to
// 'o' (63), high digit first. Nothing is escaped, so this reads
// it with charCodeAt and slice: a tenth of the time JSON.parse takes on the same
// report. It only reads the format; what the report says is the engine's.
let tape = '';
let at = 0;

function tapeNumber() {
  const n = (tape.charCodeAt(at) - 48) * 64 + tape.charCodeAt(at + 1) - 48;
  at += 2;
  return n;
}

function tapeText() {
  const n = tapeNumber();
  const text = tape.slice(at, at + n);
  at += n;
  return text;
}

function tapeIssues() {
  const issues = [];
  for (let n = tapeNumber(); n > 0; n--) {
    issues.push({ code: tapeText(), message: tapeText(), path: tapeText(), rule: tapeText() });
  }
  return issues;
}

function readTape(text) {
  tape = text;
  at = 1;
  const valid = text.charCodeAt(0) === 49; // '1'
  const errors = tapeIssues();
  const warnings = tapeIssues();
  tape = '';
  return { valid, errors, warnings };
}

// The object walk: validateCustomer(object) reads the object itself instead of
// writing it as JSON for the engine to parse again (JSON.stringify was a third of
// a call). It hands over the strings as one text and a list of marks saying what
// the text holds; src/walked.rs (crate docs: `walked`) defines the form and reads
// it, and the engine judges what it reads exactly as it judges the JSON text. The
// walk reads what JSON.stringify reads: own enumerable string keys, in its order
// (with for-in; see inheritsEnumerableKeys), each value once. A getter that
// deletes a key not read yet leaves it out, as JSON.stringify does (it reads
// undefined there); one that adds a key is not read, as JSON.stringify does not.
// Whatever the form cannot say (an array, a Date, a class instance, toJSON, a
// BigInt, a cycle, nesting past WALK_DEPTH, a lone surrogate: the engine sees
// TextEncoder's U+FFFD and answers 3) is sent the old way, as JSON.stringify's
// text: of the object itself when reading it again runs no code (no getters),
// otherwise of a copy made from what the walk read, so no getter runs twice. Past
// a cycle or WALK_DEPTH, or when a getter gave Object.prototype an enumerable key,
// the walk stops and the object itself is stringified (its getters, if any, then
// run again). No rule is decided here.
const OPEN = -1, CLOSE = -2, NULL = -3, TRUE = -4, FALSE = -5, NUMBER = -6;
const UNUSUAL = -7; // never sent: a value only JSON.stringify can write
const WALK_DEPTH = 8; // walked::MAX_DEPTH
const WALK_UNITS = 1 << 20; // longer text goes as JSON: its size is judged on the JSON
const WALK_MARKS = 1 << 16;
const WALK_OBJECTS = 64;
const objectProto = Object.prototype;
const hasOwn = Object.prototype.hasOwnProperty;

// The engine's numbered keys (keys::KNOWN), each to its mark (walked::known_key).
let knownKeys = [];
let keyMarks = new Map();

function learnKeys() {
  knownKeys = JSON.parse(wasm.known_keys_json());
  keyMarks = new Map(knownKeys.map((k, i) => [k, -100 - i]));
}

/**
 * Whether for-in would also meet keys of Object.prototype. The walk reads an
 * object's keys with for-in, which in V8 is several times quicker than
 * Object.keys and a lookup per key (its keys and values come from the map's enum
 * cache), and meets the same keys in the same order (own string keys, integers
 * first, then in the order they were made; ES2020 made that order the standard's
 * for objects like these). It also meets enumerable inherited keys, which
 * JSON.stringify leaves out: a walkable object inherits from Object.prototype or
 * from nothing, so when Object.prototype has none of its own (as it has none
 * unless a script gave it one) the two read the same keys.
 */
function inheritsEnumerableKeys() {
  for (const _ in objectProto) return true;
  return false;
}

/** An object JSON.stringify writes as its own enumerable keys, with no toJSON. */
function walkable(o) {
  const proto = Object.getPrototypeOf(o);
  return (proto === objectProto || proto === null) && !Array.isArray(o) && !hasOwn.call(o, 'toJSON');
}

// The walk's state, kept between calls so a call allocates little but the text.
// A getter can validate while a walk reads it: that inner call sees walking is
// true and goes the JSON way, so it never touches the outer walk's state.
let walking = false;
let text = '';
const marks = new Int32Array(WALK_MARKS + 8);
let nMarks = 0;
const unusualValues = [];
const readObjects = [];
let nObjects = 0;
let depth = 0;

/** Walks `o`; false when the walk must stop (a cycle, too deep). */
function walkObject(o) {
  // A cycle, or one object at two places: JSON.stringify's to answer. Payloads
  // have a few objects, so the search stays short (and is capped).
  if (nObjects >= WALK_OBJECTS) return false;
  for (let i = 0; i < nObjects; i++) if (readObjects[i] === o) return false;
  readObjects[nObjects++] = o;
  if (++depth > WALK_DEPTH) return false;
  marks[nMarks++] = OPEN;
  for (const k in o) {
    const v = o[k];
    let mark;
    switch (typeof v) {
      case 'string':
        mark = v.length;
        break;
      case 'number':
        mark = Number.isFinite(v) ? NUMBER : NULL;
        break;
      case 'boolean':
        mark = v ? TRUE : FALSE;
        break;
      case 'undefined':
      case 'symbol':
        continue; // JSON.stringify leaves the member out
      case 'object':
        mark = v === null ? NULL : walkable(v) ? OPEN : UNUSUAL;
        break;
      default: // function, bigint
        mark = UNUSUAL;
    }
    const key = keyMarks.get(k);
    if (key === undefined) {
      marks[nMarks++] = k.length;
      text += k;
    } else {
      marks[nMarks++] = key;
    }
    if (mark >= 0) {
      marks[nMarks++] = mark;
      text += v;
    } else if (mark === OPEN) {
      if (!walkObject(v)) return false;
    } else if (mark === NUMBER) {
      const t = String(v);
      marks[nMarks++] = NUMBER;
      marks[nMarks++] = t.length;
      text += t;
    } else {
      if (mark === UNUSUAL) unusualValues.push(v);
      marks[nMarks++] = mark;
    }
  }
  marks[nMarks++] = CLOSE;
  depth--;
  return true;
}

/** What the walk read, as objects again (for JSON.stringify, without reading the payload twice). */
function copyOfWalk() {
  let m = 1; // marks[0] opens the payload
  let at = 0;
  let u = 0;
  const piece = (units) => {
    const p = text.slice(at, at + units);
    at += units;
    return p;
  };
  const build = () => {
    const o = Object.create(null);
    for (;;) {
      const key = marks[m++];
      if (key === CLOSE) return o;
      const k = key >= 0 ? piece(key) : knownKeys[-100 - key];
      const mark = marks[m++];
      o[k] = mark >= 0 ? piece(mark)
        : mark === OPEN ? build()
        : mark === NUMBER ? Number(piece(marks[m++]))
        : mark === NULL ? null
        : mark === TRUE ? true
        : mark === FALSE ? false
        : unusualValues[u++];
    }
  };
  return build();
}

/** The JSON text to send after a walk: of the payload itself when reading it again runs no code. */
function walkedJson(payload) {
  for (let j = 0; j < nObjects; j++) {
    const o = readObjects[j];
    for (const k of Object.keys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d === undefined || !hasOwn.call(d, 'value')) return payloadJson(copyOfWalk());
    }
  }
  return payloadJson(payload);
}

/** validateCustomer's reading of a payload object: walked when it can be. */
function validateObject(validator, payload) {
  if (walking || typeof payload !== 'object' || payload === null || !walkable(payload) || 'toJSON' in objectProto
      || inheritsEnumerableKeys()) {
    return validateText(validator, payloadJson(payload));
  }
  walking = true;
  text = '';
  nMarks = 0;
  nObjects = 0;
  depth = 0;
  try {
    // A getter that gave Object.prototype an enumerable key while the walk read
    // may have let later objects' for-in meet it: read the payload as JSON again.
    if (!walkObject(payload) || inheritsEnumerableKeys()) return validateText(validator, payloadJson(payload));
    // Writes past the end of `marks` are dropped: then nMarks is past WALK_MARKS.
    if (unusualValues.length > 0 || text.length > WALK_UNITS || nMarks > WALK_MARKS) {
      return validateText(validator, walkedJson(payload));
    }
    const textBytes = text.length * 3;
    const view = inputView(validator, textBytes + 4 * nMarks + 4);
    const marksAt = textBytes + ((4 - ((view.byteOffset + textBytes) & 3)) & 3);
    const { written } = encoder.encodeInto(text, view);
    const memory = memoryWords();
    const first = (view.byteOffset + marksAt) >> 2;
    for (let i = 0; i < nMarks; i++) memory[first + i] = marks[i];
    const status = validator.validate_walked(written, marksAt, nMarks);
    if (status === 3) return validateText(validator, walkedJson(payload));
    if (status === 0) return { valid: true, errors: [], warnings: [] };
    return status === 1 ? readTape(validator.take_report()) : answer(validator.take_report());
  } finally {
    // The payload is not kept past the call.
    for (let j = 0; j < nObjects; j++) readObjects[j] = undefined;
    if (unusualValues.length !== 0) unusualValues.length = 0; // setting it costs, even to 0
    text = '';
    walking = false;
  }
}

// wasm memory as 32-bit words, for writing marks; made again once memory has
// grown (a view of the old memory is detached: length 0). wasm memory is
// little-endian, and so is every platform JS engines run on.
let words = null;
function memoryWords() {
  if (words === null || words.length === 0) words = new Int32Array(raw.memory.buffer);
  return words;
}

// Each validator's input buffer, as a view kept between calls: a run of calls
// with one validator neither asks wasm for the buffer again nor makes a new view.
// A view of memory that has since grown is detached and has length 0, so it is
// asked for again; the buffer only moves when it grows, which only asking for it
// does. Kept on the validator object itself, so nothing else holds the validator
// (one dropped without free() is still collected); forgotten when the validator
// is freed (release), so a freed validator's memory is never written.
const MIN_INPUT_VIEW = 4096;
const INPUT_VIEW = Symbol('dwolla-validator input view');

function inputView(validator, capacity) {
  let view = validator[INPUT_VIEW];
  if (view === undefined || view.length === 0 || view.length < capacity) {
    const size = Math.min(Math.max(capacity, MIN_INPUT_VIEW), maxInput);
    // Asked for before reading memory.buffer: growing the buffer can grow the
    // memory, which detaches the ArrayBuffer read before.
    const start = validator.input_buffer(size);
    view = new Uint8Array(raw.memory.buffer, start, size);
    validator[INPUT_VIEW] = view;
  }
  return view;
}

function release(validator) {
  validator[INPUT_VIEW] = undefined;
  validator.free();
}

// The one-shot functions keep the validators of the last few options they were
// given, so options are read once, not on every call.
const validators = new Map();
const KEPT_VALIDATORS = 16;

// The options object of the last one-shot call, its own values as they were then,
// the day it was read on and its validator: a caller passing the same unchanged
// object again (the usual case) skips building the options' JSON. Only flat
// options of plain values are remembered; anything else is read each time.
let lastOptions;
let lastValues = null;
let lastDay = ''; // '' when the options give their own `today`
let lastValidator = null;

function unchanged(options) {
  const keys = Object.keys(options);
  if (keys.length !== lastValues.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const [k, v] = lastValues[i];
    if (keys[i] !== k || options[k] !== v) return false;
  }
  return true;
}

function flatValues(options) {
  const values = [];
  for (const k of Object.keys(options)) {
    const v = options[k];
    if (v !== null && (typeof v === 'object' || typeof v === 'function')) return null;
    values.push([k, v]);
  }
  return values;
}

// One-shot calls under way (more than one when a payload's getter calls again),
// and the validators dropped from `validators` meanwhile, freed once none is.
let activeCalls = 0;
const evicted = [];

function callEnded() {
  if (--activeCalls === 0 && evicted.length !== 0) {
    for (const v of evicted) release(v);
    evicted.length = 0;
  }
}

/** `use(validator)` with the validator of these options, kept alive until it returns. */
function withValidator(options, use) {
  const v = validatorFor(options);
  activeCalls++;
  try {
    return use(v);
  } finally {
    callEnded();
  }
}

function validatorFor(options) {
  if (lastValidator !== null && options === lastOptions
      && (options === undefined || options === null || unchanged(options))
      && (lastDay === '' || lastDay === todayUtc())) {
    return lastValidator;
  }
  // options.type names a shape; an unknown one is refused here as createValidator
  // refuses it, whatever the call (validateCustomer reads the shape from the payload).
  checkShapeOption(options);
  const key = optionsJson(options);
  let v = validators.get(key);
  if (v === undefined) {
    v = new wasm.Validator(key);
    const problem = v.error();
    if (problem !== undefined) {
      v.free();
      throw new TypeError(`dwolla-validator: ${problem}`);
    }
    if (validators.size >= KEPT_VALIDATORS) {
      const [oldest, old] = validators.entries().next().value;
      validators.delete(oldest);
      if (old === lastValidator) lastValidator = null;
      // A call under way may be using it (a getter or toJSON of its payload made
      // this call): freed when the outermost call ends.
      if (activeCalls > 0) evicted.push(old);
      else release(old);
    }
    validators.set(key, v);
  }
  const values = options === undefined || options === null ? [] : flatValues(options);
  if (values !== null) {
    lastOptions = options;
    lastValues = values;
    lastDay = options?.today === undefined || options?.today === null ? todayUtc() : '';
    lastValidator = v;
  }
  return v;
}

/**
 * Validates a whole Customer payload.
 * @returns {{valid: boolean, errors: Array<{code: string, message: string, path: string, rule: string}>, warnings: Array<object>}}
 */
export function validateCustomer(payload, options) {
  needReady();
  // withValidator written out: the hot path makes no closure.
  const v = validatorFor(options);
  activeCalls++;
  try {
    return validateObject(v, payload);
  } finally {
    callEnded();
  }
}

/**
 * Reads options once and returns functions that validate with them: for a form or
 * a server validating many payloads with the same options (`today` is fixed when
 * the validator is made). Bad options throw a TypeError here.
 */
export function createValidator(options) {
  needReady();
  checkShapeOption(options);
  const v = new wasm.Validator(optionsJson(options));
  const problem = v.error();
  if (problem !== undefined) {
    v.free();
    throw new TypeError(`dwolla-validator: ${problem}`);
  }
  let freed = false;
  const live = () => {
    if (freed) throw new TypeError('dwolla-validator: this validator was freed; make another with createValidator');
    return v;
  };
  return {
    validateCustomer: (payload) => validateObject(live(), payload),
    validateCustomerText: (text) => validateText(live(), stringArg(text, 'text')),
    // The value is read (its getters run) before the validator is asked for, so a
    // getter that freed it meets the TypeError, not a freed validator.
    validateField: (field, value) => {
      stringArg(field, 'field');
      const json = payloadJson(value);
      return answer(live().validate_field(field, json));
    },
    validateAs: (kind, payload) => {
      stringArg(kind, 'kind');
      const json = payloadJson(payload);
      return answer(live().validate_as(kind, json));
    },
    /** Releases the wasm memory now rather than when the object is collected; again, nothing. */
    free: () => {
      if (!freed) {
        freed = true;
        release(v);
      }
    },
  };
}

/**
 * Validates a payload given as JSON text (a request body), with the strict parser:
 * invalid JSON, a key given twice (`{"ssn":"1234","ssn":"12"}`, which JSON.parse
 * would silently resolve to the last) and deep nesting are reported, not guessed.
 */
export function validateCustomerText(text, options) {
  needReady();
  stringArg(text, 'text');
  return withValidator(options, (v) => validateText(v, text));
}

/**
 * Validates a payload as a named kind: "personal", "unverified", "business",
 * "business-sole-proprietorship", "controller", "beneficial-owner", "kba",
 * "document", or "customer" (chosen from `type`, as validateCustomer does).
 */
export function validateAs(kind, payload, options) {
  needReady();
  stringArg(kind, 'kind');
  return withValidator(options, (v) => answer(v.validate_as(kind, payloadJson(payload))));
}

/** Validates a beneficial owner payload. */
export function validateBeneficialOwner(payload, options) {
  return validateAs('beneficial-owner', payload, options);
}

/** Validates KBA answers: {answers: [{questionId, answerId}] x 4}. */
export function validateKbaAnswers(payload, options) {
  return validateAs('kba', payload, options);
}

const SIGNATURE_BYTES = 16;

function headBytes(firstBytes) {
  if (firstBytes === undefined || firstBytes === null) return new Uint8Array(0);
  let view;
  if (firstBytes instanceof Uint8Array) view = firstBytes;
  else if (firstBytes instanceof ArrayBuffer) view = new Uint8Array(firstBytes);
  else if (ArrayBuffer.isView(firstBytes)) view = new Uint8Array(firstBytes.buffer, firstBytes.byteOffset, firstBytes.byteLength);
  else throw new TypeError('dwolla-validator: firstBytes must be a Uint8Array or an ArrayBuffer');
  // Only the signature crosses into wasm, however large the buffer handed in.
  return view.subarray(0, SIGNATURE_BYTES);
}

/**
 * Checks a document before upload: {documentType, for: "personal"|"controller"|
 * "beneficial-owner"|"business", file: {name, type, size}}, with the file's first
 * bytes (16 are plenty) so a renamed file is caught.
 */
export function validateDocument(document, firstBytes) {
  needReady();
  return answer(wasm.validate_document_json(payloadJson(document), headBytes(firstBytes)));
}

/**
 * Checks a File or Blob from an <input type="file"> without reading all of it:
 * only its name, type, size and first 16 bytes.
 */
export async function validateDocumentFile(file, { documentType, for: whom } = {}) {
  if (file === null || typeof file !== 'object' || typeof file.slice !== 'function') {
    throw new TypeError('dwolla-validator: file must be a File or Blob');
  }
  const head = new Uint8Array(await file.slice(0, SIGNATURE_BYTES).arrayBuffer());
  const meta = { documentType, file: { name: file.name ?? '', type: file.type ?? '', size: file.size } };
  if (whom !== undefined) meta.for = whom;
  return validateDocument(meta, head);
}

/**
 * Verification statuses as data. With a status name, that status's
 * {status, event, canSend, canReceive, canAddBank, nextStep, appliesTo}; without,
 * everything: {statuses, beneficialOwnerStatuses, events, documentFailureReasons}.
 */
export function statusInfo(status) {
  needReady();
  const all = JSON.parse(wasm.statuses_json());
  if (status === undefined) return all;
  return all.statuses.find((s) => s.status === status) ?? null;
}

/**
 * The field catalog, generated from the rules: for each field its path, label,
 * whether it is required, length bounds, allowed characters in words, an HTML
 * `pattern` (htmlPattern), and suggested `autocomplete` and `inputmode`. With a
 * shape name, that shape's fields; without, {shape: fields} for every shape.
 */
export function fieldRules(shape, options) {
  needReady();
  const operation = optionsObject(options).operation ?? 'create';
  return answer(wasm.field_rules_json(shape === undefined ? '' : stringArg(shape, 'shape'), stringArg(operation, 'operation')));
}

/**
 * Validates one field by name, as a person types: the value exactly as given
 * (`''` in an optional field is an error, as the API would say; leave the call
 * out for an empty optional input, or judge the whole form with formPayload).
 * `options.type` picks the shape (default "personal"); an unknown one is a TypeError.
 */
export function validateField(field, value, options) {
  needReady();
  stringArg(field, 'field');
  checkShapeOption(options);
  return withValidator(options, (v) => answer(v.validate_field(field, payloadJson(value))));
}

// options.type names a shape, as fieldRules' argument does: an unknown one is the
// caller's mistake (a TypeError), never a report about the payload.
function checkShapeOption(options) {
  const type = options?.type;
  if (type === undefined || type === null) return;
  const names = shapeNames();
  if (typeof type !== 'string' || !names.includes(type)) {
    throw new TypeError(`dwolla-validator: options.type must be one of ${names.join(', ')}`);
  }
}

/**
 * What a form would send for `payload`: normalized, and every empty or blank
 * optional string field left out (a form sends '' for an input nobody touched).
 * validateCustomer(formPayload(values)) is the whole-form check the Standard
 * Schema object makes.
 */
export function formPayload(payload, options) {
  needReady();
  const text = payloadJson(payload);
  const out = answer(wasm.form_payload_json(text, optionsJson(options)));
  // Text the engine cannot read (nested too deeply) is sent as it is; validation says why.
  return out.unreadable === true ? JSON.parse(text) : out.payload;
}

/** Returns a normalized copy of a payload (trimmed, state uppercased, SSN/phone digits only, ...). */
export function normalizeCustomer(payload) {
  needReady();
  if (payload === null || typeof payload !== 'object') throw new TypeError('dwolla-validator: payload must be an object');
  // Wrapped as {payload}: a payload of its own may have an `error` key.
  return answer(wasm.normalize_customer_json(payloadJson(payload))).payload;
}

/** Normalizes one field's value, as a form would on blur. */
export function normalizeField(field, value) {
  needReady();
  return wasm.normalize_field(stringArg(field, 'field'), stringArg(value, 'value'));
}

/** Dwolla's HAL ValidationError body for a report, or null when the report is valid. */
export function toDwollaError(report) {
  needReady();
  return answer(wasm.to_dwolla_error_json(payloadJson(report)));
}

/** The payload shape names validateField accepts as options.type. */
export function shapeNames() {
  needReady();
  return JSON.parse(wasm.shape_names_json());
}

function pointerToPath(pointer) {
  if (pointer === '') return undefined;
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A Standard Schema V1 object (https://standardschema.dev) validating Customer
 * payloads with the given options, for react-hook-form, TanStack Form, tRPC, ...
 * It judges what the form would send (formPayload: normalized, untouched optional
 * inputs left out), and that payload is its output `value`, ready to POST.
 * Reports errors only (warnings are not failures).
 */
export function createCustomerSchema(options) {
  return {
    '~standard': {
      version: 1,
      vendor: 'dwolla-validator',
      validate(value) {
        const sent = formPayload(value, options);
        const report = validateCustomer(sent, options);
        if (report.valid) return { value: sent };
        return {
          issues: report.errors.map((e) => {
            const path = pointerToPath(e.path);
            return path === undefined ? { message: e.message } : { message: e.message, path };
          }),
        };
      },
    },
  };
}

/** A Standard Schema V1 object with the default options (create, today in UTC). */
export const customerSchema = createCustomerSchema();
