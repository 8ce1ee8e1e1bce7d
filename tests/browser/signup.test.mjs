// The signup page (www/) in a real browser: Debian's Chromium, headless, driven by
// playwright-core. Values are typed key by key and fields are left with Tab, as a
// person does; every expected message and body is computed by the same package in
// Node, so the page is held to the validator, not to copies of its sentences.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { validateCustomer, toDwollaError } from '../../pkg/node.js';
import { startServer, launch, open, screenshot } from './harness.mjs';
import {
  VIEWPORTS, FORM_FIELDS, VISIBLE_FIELDS, PERSON, expectedMessage, expectedHint, youngDob,
  type, enter, fieldState, assertError, assertHint, assertClean, submitDisabled, fillPerson, expectedBody,
} from './form.mjs';

let origin;
let server;

before(async () => {
  assert.ok(fs.existsSync(new URL('../../pkg/dwolla_validator_bg.wasm', import.meta.url)),
    'pkg/ is not built: run scripts/build-wasm first');
  ({ server, origin } = await startServer());
}, { timeout: 10_000 });

after(() => {
  server?.close();
});

for (const vp of VIEWPORTS) {
  describe(`signup page at ${vp.name} size (${vp.width}x${vp.height})`, { timeout: 180_000 }, () => {
    let browser;
    let page;
    let problems;

    before(async () => {
      browser = await launch(vp);
    }, { timeout: 90_000 });

    after(async () => {
      await browser?.close();
    }, { timeout: 30_000 });

    async function load(query = '') {
      await page?.close();
      ({ page, problems } = await open(browser.context, `${origin}/www/${query}`));
      return page;
    }

    function assertHealthy() {
      assert.deepEqual(problems, [], 'no page errors, console errors or failed requests');
      assert.deepEqual(browser.offLoopback, [], 'no request left 127.0.0.1');
    }

    it('loads with every payload field named as in the payload, and submit disabled', { timeout: 60_000 }, async () => {
      await load();
      const names = await page.locator('#signup [name]').evaluateAll((els) => els.map((e) => e.name));
      assert.deepEqual(names, FORM_FIELDS);
      assert.equal(await page.locator('input[name="type"]').getAttribute('type'), 'hidden');
      assert.equal(await page.locator('input[name="type"]').inputValue(), 'personal');
      assert.equal(await page.locator('[name="ipAddress"], [name="correlationId"]').count(), 0);
      for (const f of VISIBLE_FIELDS) {
        const label = await page.locator(`label[for="${f}"]`).count();
        assert.equal(label, 1, `${f} has a label`);
        await assertClean(page, f);
      }
      assert.equal(await submitDisabled(page), true);
      const n = validateCustomer({ type: 'personal' }).errors.length;
      assert.equal(await page.locator('#submit-status').textContent(), `${n} fields to complete or fix.`);
      // Sensible autofill and keyboards.
      const attrs = await page.locator('#signup [name]').evaluateAll((els) =>
        Object.fromEntries(els.map((e) => [e.name, [e.type, e.getAttribute('autocomplete'), e.getAttribute('inputmode')]])));
      assert.deepEqual(attrs.firstName, ['text', 'given-name', null]);
      assert.deepEqual(attrs.lastName, ['text', 'family-name', null]);
      assert.deepEqual(attrs.email, ['email', 'email', 'email']);
      assert.deepEqual(attrs.phone, ['tel', 'tel-national', 'tel']);
      assert.deepEqual(attrs.address1, ['text', 'address-line1', null]);
      assert.deepEqual(attrs.address2, ['text', 'address-line2', null]);
      assert.deepEqual(attrs.city, ['text', 'address-level2', null]);
      assert.deepEqual(attrs.state, ['select-one', 'address-level1', null]);
      assert.deepEqual(attrs.postalCode, ['text', 'postal-code', 'numeric']);
      assert.deepEqual(attrs.dateOfBirth, ['text', 'bday', 'numeric']);
      assert.deepEqual(attrs.ssn, ['text', 'off', 'numeric']);
      assertHealthy();
    });

    it('shows a message on leaving a field, not while typing, and clears it once fixed', { timeout: 60_000 }, async () => {
      await load();
      const city = page.locator('[name="city"]');
      await city.click();
      await page.keyboard.type('S');
      await assertClean(page, 'city');
      await page.keyboard.type('pr1ngfield');
      await assertClean(page, 'city'); // still typing: no message yet
      await page.keyboard.press('Tab');
      await assertError(page, 'city', expectedMessage('city', 'Spr1ngfield'));
      assert.equal(await page.locator('[name="state"]').evaluate((el) => el === document.activeElement), true,
        'Tab moved on to the next field');
      // Fixing it: the message goes as soon as the value is right, before leaving.
      await city.click();
      await page.keyboard.press('End');
      for (let i = 0; i < 'ngfield'.length; i++) await page.keyboard.press('Backspace');
      await assertError(page, 'city', expectedMessage('city', 'Spr1')); // 'Spr1': still wrong
      await page.keyboard.press('Backspace'); // 'Spr': right, and the message goes at once
      await assertClean(page, 'city');
      await page.keyboard.type('ingfield');
      await page.keyboard.press('Tab');
      await assertClean(page, 'city');
      assert.equal((await fieldState(page, 'city')).value, 'Springfield');
      assertHealthy();
    });

    it('gives the validator\'s own message for each bad value, with aria-invalid and aria-describedby', { timeout: 90_000 }, async () => {
      await load();
      const bad = [
        ['firstName', 'Jo<'],
        ['lastName', 'x'.repeat(51)],
        ['email', 'jane@example'],
        ['phone', '555 0123'],
        ['address1', 'PO Box 12'],
        ['address2', 'P.O. Box 7'],
        ['city', 'Portland 2'],
        ['postalCode', '5031'],
        ['dateOfBirth', '12/04/1990'],
        ['ssn', '12'],
      ];
      for (const [field, value] of bad) {
        await enter(page, field, value);
        await assertError(page, field, expectedMessage(field, value));
      }
      // More rules on the same fields, each replacing the last message.
      for (const [field, value] of [['dateOfBirth', '1990-13-01'], ['dateOfBirth', youngDob()], ['ssn', '12345']]) {
        await enter(page, field, value);
        await assertError(page, field, expectedMessage(field, value));
      }
      // A required field typed into and emptied again.
      await type(page, 'firstName', 'J');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Tab');
      await assertError(page, 'firstName', expectedMessage('firstName', ''));
      // A state chosen, then unchosen.
      await page.locator('[name="state"]').selectOption('NY');
      await page.locator('[name="state"]').selectOption('');
      await assertError(page, 'state', expectedMessage('state', ''));
      assert.equal(await submitDisabled(page), true);
      // Every message is fixed by a good value.
      for (const [field, value] of Object.entries(PERSON)) {
        await enter(page, field, value);
        await assertClean(page, field);
      }
      assert.equal(await submitDisabled(page), false);
      assertHealthy();
    });

    it('normalizes on blur: spaces, SSN and phone separators, as the package does', { timeout: 60_000 }, async () => {
      await load();
      await enter(page, 'firstName', '  Mary   Ann ');
      assert.equal((await fieldState(page, 'firstName')).value, 'Mary Ann');
      await enter(page, 'ssn', '202-99-1516');
      assert.equal((await fieldState(page, 'ssn')).value, '202991516');
      await assertClean(page, 'ssn');
      await enter(page, 'phone', '(503) 555-2368');
      assert.equal((await fieldState(page, 'phone')).value, '5035552368');
      await assertClean(page, 'phone');
      await enter(page, 'postalCode', ' 97201 ');
      assert.equal((await fieldState(page, 'postalCode')).value, '97201');
      // normalize never guesses: an 11-digit phone keeps its characters, and the validator says why.
      await enter(page, 'phone', '+1 503 555 0123');
      assert.equal((await fieldState(page, 'phone')).value, '+1 503 555 0123');
      await assertError(page, 'phone', expectedMessage('phone', '+1 503 555 0123'));
      assertHealthy();
    });

    it('keeps submit disabled until the whole payload validates, then shows the exact JSON', { timeout: 90_000 }, async () => {
      await load();
      const entries = Object.entries(PERSON);
      for (const [i, [field, value]] of entries.entries()) {
        assert.equal(await submitDisabled(page), true, `submit still disabled before ${field}`);
        await enter(page, field, value);
        if (i < entries.length - 1) assert.equal(await submitDisabled(page), true);
      }
      assert.equal(await submitDisabled(page), false);
      assert.equal(await page.locator('#submit-status').textContent(), 'Everything checks out.');
      assert.equal(await page.locator('#check').isVisible(), false);
      await page.locator('#submit').click();
      const result = page.locator('#result');
      await result.waitFor({ state: 'visible' });
      assert.equal(await result.getAttribute('data-kind'), 'request');
      const body = expectedBody(PERSON);
      assert.equal(validateCustomer(body).valid, true);
      assert.equal(await page.locator('#result-json').textContent(), JSON.stringify(body, null, 2));
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()), {
        firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', type: 'personal', phone: '5035552368',
        address1: '462 Main St', address2: 'Apt 4', city: 'Portland', state: 'OR', postalCode: '97201',
        dateOfBirth: '1990-04-12', ssn: '1234',
      });
      assert.equal(await page.evaluate(() => document.activeElement.id), 'result-title');
      if (vp.name === 'desktop') await screenshot(page, 'desktop-submitted');
      // An optional field left empty is left out of the body, not sent as "".
      await enter(page, 'address2', '');
      await enter(page, 'phone', '');
      assert.equal(await result.isVisible(), false, 'a changed form hides the old body');
      await page.locator('#submit').click();
      const shown = JSON.parse(await page.locator('#result-json').textContent());
      assert.equal('address2' in shown || 'phone' in shown, false);
      // Breaking one field disables submit again.
      await enter(page, 'postalCode', '9720');
      assert.equal(await submitDisabled(page), true);
      assertHealthy();
    });

    it('works from the keyboard alone: Tab through, type, choose a state, Enter submits', { timeout: 90_000 }, async () => {
      await load();
      await page.locator('body').press('Tab'); // the skip link
      assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
      await page.keyboard.press('Enter');
      const order = [];
      const values = { ...PERSON, state: 'Oregon' };
      for (let i = 0; i < 30 && order.length < VISIBLE_FIELDS.length; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => document.activeElement.name || document.activeElement.id);
        if (!VISIBLE_FIELDS.includes(name)) continue;
        order.push(name);
        // Visible focus: a ring drawn by outline or box-shadow.
        const ring = await page.evaluate(() => {
          const cs = getComputedStyle(document.activeElement);
          return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
        });
        assert.ok(ring, `${name} shows a focus ring`);
        await page.keyboard.type(values[name]); // on a closed <select>, typing picks by name
      }
      assert.deepEqual(order, VISIBLE_FIELDS);
      assert.equal(await page.locator('[name="state"]').inputValue(), 'OR');
      await page.keyboard.press('Enter'); // implicit submission from the SSN field
      await page.locator('#result[data-kind="request"]').waitFor();
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()), expectedBody(PERSON));
      // The submit button, reached by keyboard, shows its ring too.
      await page.locator('#submit').focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const outline = await page.locator('#submit').evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.equal(outline, 'solid');
      assertHealthy();
    });

    it('retry mode (toggle): asks for the full 9-digit SSN, with the reason shown', { timeout: 90_000 }, async () => {
      await load();
      await fillPerson(page);
      assert.equal(await submitDisabled(page), false, 'a last-4 SSN is fine on create');
      assert.equal(await page.locator('#retry-notice').isVisible(), false);
      await page.locator('#retry-toggle').focus();
      await page.keyboard.press('Space');
      assert.equal(await page.evaluate(() => location.pathname + location.search), '/www/?mode=retry');
      assert.equal(await page.locator('#retry-notice').isVisible(), true);
      assert.match(await page.locator('#retry-notice').textContent(), /full 9-digit Social Security number/);
      assert.match(await page.locator('#retry-notice').textContent(), /retry/);
      assert.equal(await page.locator('h1').textContent(), 'Confirm your details');
      await assertError(page, 'ssn', expectedMessage('ssn', '1234', 'retry'));
      assert.equal(await submitDisabled(page), true);
      await enter(page, 'ssn', '202 99 1516');
      await assertClean(page, 'ssn');
      assert.equal(await submitDisabled(page), false);
      await page.locator('#submit').click();
      const shown = JSON.parse(await page.locator('#result-json').textContent());
      assert.deepEqual(shown, expectedBody({ ...PERSON, ssn: '202991516' }));
      assert.equal(validateCustomer(shown, { operation: 'retry' }).valid, true);
      // And back to create.
      await page.locator('#retry-toggle').click();
      assert.equal(await page.evaluate(() => location.pathname + location.search), '/www/');
      assert.equal(await page.locator('#retry-notice').isVisible(), false);
      assertHealthy();
    });

    it('retry mode (?mode=retry): opens in retry mode', { timeout: 60_000 }, async () => {
      await load('?mode=retry');
      assert.equal(await page.locator('#retry-toggle').isChecked(), true);
      assert.equal(await page.locator('#retry-notice').isVisible(), true);
      assert.equal(await page.locator('#submit').textContent(), 'Retry verification');
      await enter(page, 'ssn', '1234');
      await assertError(page, 'ssn', expectedMessage('ssn', '1234', 'retry'));
      await fillPerson(page, { ...PERSON, ssn: '202991516' });
      assert.equal(await submitDisabled(page), false);
      if (vp.name === 'phone') await screenshot(page, 'phone-retry');
      assertHealthy();
    });

    it('"What\'s missing?" lists every problem and shows Dwolla\'s error body', { timeout: 60_000 }, async () => {
      await load();
      await enter(page, 'firstName', 'Jane');
      await enter(page, 'email', 'jane@');
      await enter(page, 'address1', 'PO Box 12');
      await page.locator('#check').click();
      const result = page.locator('#result');
      await result.waitFor({ state: 'visible' });
      assert.equal(await result.getAttribute('data-kind'), 'error');
      const report = validateCustomer({ firstName: 'Jane', email: 'jane@', type: 'personal', address1: 'PO Box 12' });
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()), toDwollaError(report));
      assert.deepEqual(await page.locator('#result-list li').allTextContents(), report.errors.map((e) => e.message));
      assert.equal(await page.evaluate(() => document.activeElement.id), 'result-title');
      for (const e of report.errors) await assertError(page, e.path.slice(1), e.message);
      await assertClean(page, 'firstName');
      // A link in the list takes the person to the field.
      await page.locator('#result-list a').first().click();
      assert.equal(await page.evaluate(() => document.activeElement.name), report.errors[0].path.slice(1));
      if (vp.name === 'desktop') await screenshot(page, 'desktop-missing');
      // The list shown follows the fixes, each in the package's words, and goes
      // once the payload is valid.
      await enter(page, 'email', 'jane@example.com');
      const fixed = validateCustomer({ firstName: 'Jane', email: 'jane@example.com', type: 'personal', address1: 'PO Box 12' });
      assert.deepEqual(await page.locator('#result-list li').allTextContents(), fixed.errors.map((e) => e.message));
      await fillPerson(page);
      assert.equal(await page.locator('#submit').isDisabled(), false);
      assert.equal(await result.isHidden(), true);
      assertHealthy();
    });

    it('fits the screen: no sideways scrolling, touch-sized controls', { timeout: 60_000 }, async () => {
      await load();
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
      const heights = await page.locator('#signup input:not([type=hidden]), #signup select, #submit').evaluateAll(
        (els) => els.map((e) => [e.name || e.id, e.getBoundingClientRect().height]));
      for (const [name, h] of heights) assert.ok(h >= 44, `${name} is ${h}px tall`);
      // The screenshot for the README: a form part-way, with messages as a person sees them.
      await enter(page, 'firstName', 'Jane');
      await enter(page, 'lastName', 'Doe');
      await enter(page, 'email', 'jane.doe@gmial.com');
      await enter(page, 'phone', '(503) 555-2368');
      await enter(page, 'address1', 'PO Box 12');
      await enter(page, 'city', 'Portland');
      await enter(page, 'state', 'OR');
      await enter(page, 'postalCode', '97201');
      await enter(page, 'dateOfBirth', youngDob());
      await page.locator('[name="ssn"]').click();
      await page.keyboard.type('202-99-15');
      // A quality hint (calm, with its one-click fix) beside errors (red), as a person sees them.
      await assertHint(page, 'email', expectedHint('email', 'jane.doe@gmial.com'));
      await assertError(page, 'address1', expectedMessage('address1', 'PO Box 12'));
      await assertError(page, 'dateOfBirth', expectedMessage('dateOfBirth', youngDob()));
      const after = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
      assert.ok(after, 'messages do not widen the page');
      // The smaller buttons outside the form's fields: the language switch and a hint's fix.
      const minimum = vp.hasTouch ? 44 : 32;
      const small = await page.locator('#lang-switch button, #email-fix').evaluateAll(
        (els) => els.map((e) => [e.id, e.getBoundingClientRect().height]));
      assert.equal(small.length, 3);
      for (const [id, h] of small) assert.ok(h >= minimum, `${id} is ${h}px tall`);
      await screenshot(page, vp.name);
      assertHealthy();
    });

    it('says so, and keeps submit disabled, when the validator cannot load', { timeout: 60_000 }, async () => {
      await page?.close();
      page = await browser.context.newPage();
      const seen = [];
      page.on('pageerror', (err) => seen.push(err.message));
      await page.route('**/dwolla_validator_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(`${origin}/www/`, { waitUntil: 'load' });
      await page.locator('#load-error').waitFor({ state: 'visible' });
      assert.match(await page.locator('#load-error').textContent(), /could not be loaded/);
      assert.equal(await submitDisabled(page), true);
      assert.equal(await page.locator('html').getAttribute('data-ready'), null);
      assert.equal(seen.length, 1, 'the failure is reported once, as an uncaught error');
      await page.unroute('**/dwolla_validator_bg.wasm');
      assert.deepEqual(browser.offLoopback, []);
    });
  });
}
