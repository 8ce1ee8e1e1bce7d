// What the browser tests share about the signup form: the viewports, a valid person,
// and helpers that type and leave fields as a person does and read what the page shows.
// Expected messages come from the package run in Node, never from copies of its sentences.
import assert from 'node:assert/strict';
import { validateField, normalizeCustomer } from '../../pkg/node.js';

export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];

export const FORM_FIELDS = ['firstName', 'lastName', 'email', 'type', 'phone', 'address1', 'address2', 'city', 'state', 'postalCode', 'dateOfBirth', 'ssn'];
export const VISIBLE_FIELDS = FORM_FIELDS.filter((f) => f !== 'type');

// A person who passes every rule and every quality hint, as they would type it (with the
// separators people use). The phone is not in 555-0100..0199, the fictional range the
// phone_not_diallable hint flags.
export const PERSON = {
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane.doe@example.com',
  phone: '(503) 555-2368',
  address1: '462 Main St',
  address2: 'Apt 4',
  city: 'Portland',
  state: 'OR',
  postalCode: '97201',
  dateOfBirth: '1990-04-12',
  ssn: '1234',
};

export const opts = (operation = 'create', locale = 'en') => ({ type: 'personal', operation, locale });
const report = (field, value, operation, locale) =>
  validateField(field, value === '' ? null : value, opts(operation, locale));
/** The error message the package gives for a field's value (undefined when it has none). */
export const expectedMessage = (field, value, operation, locale) => report(field, value, operation, locale).errors[0]?.message;
/** The quality hint the package gives for a field's value (undefined when it has none). */
export const expectedHint = (field, value, operation, locale) => report(field, value, operation, locale).warnings[0]?.message;
export const youngDob = () => `${new Date().getUTCFullYear() - 10}-06-15`;

/** Types into a field key by key, the way a person does (after clearing it). */
export async function type(page, field, value) {
  const el = page.locator(`[name="${field}"]`);
  await el.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (value !== '') await page.keyboard.type(value);
}

/** Types a value and leaves the field with Tab. */
export async function enter(page, field, value) {
  if (field === 'state') {
    await page.locator('[name="state"]').selectOption(value);
    await page.locator('[name="state"]').press('Tab');
    return;
  }
  await type(page, field, value);
  await page.keyboard.press('Tab');
}

export async function fieldState(page, field) {
  return page.locator(`[name="${field}"]`).evaluate((el) => {
    const msg = document.getElementById(`${el.name}-msg`);
    return {
      value: el.value,
      invalid: el.getAttribute('aria-invalid'),
      describedby: el.getAttribute('aria-describedby') || '',
      message: msg.textContent,
      messageVisible: msg.offsetParent !== null,
      msgId: msg.id,
      live: msg.getAttribute('aria-live'),
      kind: msg.classList.contains('msg-error') ? 'error' : msg.classList.contains('msg-warning') ? 'hint' : null,
      color: getComputedStyle(msg).color,
      background: getComputedStyle(msg).backgroundColor,
      border: getComputedStyle(el).borderTopColor,
    };
  });
}

export async function assertError(page, field, message) {
  const s = await fieldState(page, field);
  assert.ok(message, `no expected message for ${field}`);
  assert.equal(s.message, message, `${field}: message`);
  assert.ok(s.messageVisible, `${field}: message is visible`);
  assert.equal(s.invalid, 'true', `${field}: aria-invalid`);
  assert.ok(s.describedby.split(' ').includes(s.msgId), `${field}: aria-describedby points at the message`);
  assert.equal(s.kind, 'error', `${field}: shown as an error`);
}

/** A quality hint: shown and announced like a message, but the field is not invalid. */
export async function assertHint(page, field, message) {
  const s = await fieldState(page, field);
  assert.ok(message, `no expected hint for ${field}`);
  assert.equal(s.message, message, `${field}: hint`);
  assert.ok(s.messageVisible, `${field}: hint is visible`);
  assert.equal(s.invalid, null, `${field}: a hint leaves the field without aria-invalid`);
  assert.ok(s.describedby.split(' ').includes(s.msgId), `${field}: aria-describedby points at the hint`);
  assert.equal(s.live, 'polite', `${field}: the hint is announced politely`);
  assert.equal(s.kind, 'hint', `${field}: shown as a hint, not an error`);
  const errorLook = await page.evaluate(() => {
    const probe = document.createElement('p');
    probe.className = 'msg msg-error';
    probe.textContent = 'x';
    document.getElementById('signup').append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  });
  assert.notEqual(s.color, errorLook, `${field}: the hint is not in the error colour`);
  assert.notEqual(s.background, 'rgba(0, 0, 0, 0)', `${field}: the hint has its own soft background`);
  assert.equal(await page.locator(`[name="${field}"]`).evaluate((el) => el.closest('.field').classList.contains('has-error')), false,
    `${field}: the field is not drawn as an error`);
}

export async function assertClean(page, field) {
  const s = await fieldState(page, field);
  assert.equal(s.message, '', `${field}: no message`);
  assert.equal(s.invalid, null, `${field}: no aria-invalid`);
  assert.ok(!s.describedby.split(' ').includes(s.msgId), `${field}: aria-describedby no longer points at the message`);
}

export const submitDisabled = (page) => page.locator('#submit').isDisabled();

export async function fillPerson(page, person = PERSON) {
  for (const [field, value] of Object.entries(person)) await enter(page, field, value);
}

/** The body the page should show for a person: normalized by the package, in the form's order. */
export function expectedBody(person) {
  const raw = { ...person, type: 'personal' };
  const tidy = normalizeCustomer(raw);
  const body = {};
  for (const f of FORM_FIELDS) if (f in tidy) body[f] = tidy[f];
  return body;
}
