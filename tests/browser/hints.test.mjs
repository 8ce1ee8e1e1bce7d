// Quality hints and the English/Español switch on the signup page (www/), in a real
// browser (Debian's Chromium, headless, driven by playwright-core). A hint is a value that
// passes but looks wrong: it is shown calmly under its field, never makes the field
// invalid and never disables submit. Every expected message is computed by the package in
// Node, in the language the page shows.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { validateCustomer, validateField, toDwollaError } from '../../pkg/node.js';
import { startServer, launch, open, screenshot } from './harness.mjs';
import {
  VIEWPORTS, PERSON, expectedMessage, expectedHint, youngDob,
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

/** The ZIP/state hint: only the whole payload has it (it compares two fields). */
function zipHint(state, postalCode, locale = 'en') {
  const report = validateCustomer({ type: 'personal', state, postalCode }, { locale });
  return report.warnings.find((w) => w.path === '/postalCode')?.message;
}

const fixButton = (page) => page.locator('#email-fix');

for (const vp of VIEWPORTS) {
  describe(`quality hints and languages at ${vp.name} size (${vp.width}x${vp.height})`, { timeout: 240_000 }, () => {
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

    it('an email domain typo is a hint with a one-click fix, and never blocks submit', { timeout: 90_000 }, async () => {
      await load();
      assert.equal(await fixButton(page).isVisible(), false, 'no fix offered before there is a hint');
      await enter(page, 'email', 'jane@gmial.com');
      const hint = expectedHint('email', 'jane@gmial.com');
      assert.match(hint, /gmail\.com/);
      assert.equal(expectedMessage('email', 'jane@gmial.com'), undefined, 'the package calls it valid');
      await assertHint(page, 'email', hint);
      assert.equal(await fixButton(page).isVisible(), true);
      assert.equal(await fixButton(page).textContent(), 'Use gmail.com');
      // The rest filled in validly: submit is enabled with the hint still showing.
      const { email, ...rest } = PERSON;
      await fillPerson(page, rest);
      await assertHint(page, 'email', hint);
      assert.equal(await submitDisabled(page), false, 'a hint never disables submit');
      assert.equal(await page.locator('#submit-status').textContent(), 'Everything checks out.');
      // One click: the suggested domain, the rest of the address as typed, the hint gone.
      await fixButton(page).click();
      assert.equal((await fieldState(page, 'email')).value, 'jane@gmail.com');
      await assertClean(page, 'email');
      assert.equal(await fixButton(page).isVisible(), false);
      assert.equal(await page.evaluate(() => document.activeElement.name), 'email', 'focus is back on the email field');
      assert.equal(await submitDisabled(page), false);
      await page.locator('#submit').click();
      await page.locator('#result[data-kind="request"]').waitFor();
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()),
        expectedBody({ ...rest, email: 'jane@gmail.com' }));
      assertHealthy();
    });

    it('the email fix keeps the local part exactly as typed, and works from the keyboard', { timeout: 60_000 }, async () => {
      await load();
      await enter(page, 'email', 'Jane.Doe+pay@GMIAL.COM');
      await assertHint(page, 'email', expectedHint('email', 'Jane.Doe+pay@GMIAL.COM'));
      // Tab went on to the phone; Shift+Tab comes back to the fix, just after the email field.
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'email-fix');
      await page.keyboard.press('Enter');
      assert.equal((await fieldState(page, 'email')).value, 'Jane.Doe+pay@gmail.com');
      await assertClean(page, 'email');
      // A hint shown follows the typing, by going away, and never turns red mid-word.
      await enter(page, 'email', 'jane@yahooo.com');
      await assertHint(page, 'email', expectedHint('email', 'jane@yahooo.com'));
      assert.equal(await fixButton(page).textContent(), 'Use yahoo.com');
      await page.locator('[name="email"]').click();
      await page.keyboard.press('End');
      for (let i = 0; i < 'yahooo.com'.length; i++) await page.keyboard.press('Backspace');
      await assertClean(page, 'email'); // 'jane@': not an email yet, but no error while typing
      await page.keyboard.type('yahoo.com');
      await assertClean(page, 'email');
      await page.keyboard.press('Tab');
      await assertClean(page, 'email');
      assertHealthy();
    });

    it('a ZIP code of another state is a hint under the postal code, gone once the state matches', { timeout: 60_000 }, async () => {
      await load();
      // validateField sees one field and cannot tell; the page asks about the whole payload.
      assert.deepEqual(validateField('postalCode', '90210').warnings, []);
      const hint = zipHint('NY', '90210');
      assert.ok(hint, 'the package flags 90210 in NY');
      await enter(page, 'state', 'NY');
      await enter(page, 'postalCode', '90210');
      await assertHint(page, 'postalCode', hint);
      await assertClean(page, 'state');
      await enter(page, 'state', 'CA');
      await assertClean(page, 'postalCode');
      // Back to a wrong state: the hint returns without touching the postal code again.
      await enter(page, 'state', 'NY');
      await assertHint(page, 'postalCode', hint);
      // An error in the code itself comes first; the hint waits until the code is well-formed.
      await enter(page, 'postalCode', '9021');
      await assertError(page, 'postalCode', expectedMessage('postalCode', '9021'));
      await enter(page, 'postalCode', '90210');
      await assertHint(page, 'postalCode', hint);
      // And the other order: a ZIP code first, the state chosen after it.
      await load();
      await enter(page, 'postalCode', '10001');
      await assertClean(page, 'postalCode');
      await enter(page, 'state', 'CA');
      await assertHint(page, 'postalCode', zipHint('CA', '10001'));
      await enter(page, 'state', 'NY');
      await assertClean(page, 'postalCode');
      assertHealthy();
    });

    it('an SSN never issued and a phone number that cannot be dialled are hints', { timeout: 60_000 }, async () => {
      await load();
      for (const [field, value] of [['ssn', '666123456'], ['phone', '2125550150'], ['ssn', '0000'], ['phone', '1234567890']]) {
        await enter(page, field, value);
        await assertHint(page, field, expectedHint(field, value));
      }
      await fillPerson(page, { ...PERSON, ssn: '666123456', phone: '2125550150' });
      await assertHint(page, 'ssn', expectedHint('ssn', '666123456'));
      await assertHint(page, 'phone', expectedHint('phone', '2125550150'));
      assert.equal(await submitDisabled(page), false, 'hints never disable submit');
      await enter(page, 'ssn', '202-99-1516');
      await assertClean(page, 'ssn');
      await enter(page, 'phone', PERSON.phone);
      await assertClean(page, 'phone');
      // "What's missing?" shows hints under fields without an error, and leaves them out of Dwolla's body.
      await enter(page, 'ssn', '666123456');
      await enter(page, 'firstName', '');
      await page.locator('#check').click();
      await page.locator('#result[data-kind="error"]').waitFor();
      const body = expectedBody({ ...PERSON, firstName: '', ssn: '666123456' });
      delete body.firstName;
      const report = validateCustomer(body);
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()), toDwollaError(report));
      await assertError(page, 'firstName', expectedMessage('firstName', ''));
      await assertHint(page, 'ssn', expectedHint('ssn', '666123456'));
      assertHealthy();
    });

    it('English / Español: the switch re-renders messages, hints and the page\'s own words', { timeout: 90_000 }, async () => {
      await load();
      const ownWords = () => page.locator('[data-i18n]:not(#submit-status), [data-i18n-html], h1, #lede, #submit, #ssn-hint').evaluateAll(
        (els) => els.map((e) => e.textContent.trim()));
      const english = await ownWords();
      await enter(page, 'city', 'Spr1ngfield');
      await enter(page, 'email', 'jane@gmial.com');
      await enter(page, 'state', 'NY');
      await enter(page, 'postalCode', '90210');
      await assertError(page, 'city', expectedMessage('city', 'Spr1ngfield'));
      const es = page.getByRole('button', { name: 'Español' });
      assert.equal(await es.getAttribute('aria-pressed'), 'false');
      await es.click();
      assert.equal(await page.locator('html').getAttribute('lang'), 'es');
      assert.equal(await es.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'false');
      assert.equal(await page.evaluate(() => location.pathname + location.search), '/www/?lang=es');
      // The validator's own messages, now in Spanish.
      await assertError(page, 'city', expectedMessage('city', 'Spr1ngfield', 'create', 'es'));
      await assertHint(page, 'email', expectedHint('email', 'jane@gmial.com', 'create', 'es'));
      await assertHint(page, 'postalCode', zipHint('NY', '90210', 'es'));
      assert.notEqual(expectedMessage('city', 'Spr1ngfield', 'create', 'es'), expectedMessage('city', 'Spr1ngfield'));
      assert.equal(await fixButton(page).textContent(), 'Usar gmail.com');
      // The page's words: every one of them changes.
      assert.equal(await page.locator('label[for="city"]').textContent(), 'Ciudad');
      assert.equal(await page.locator('label[for="email"]').textContent(), 'Correo electrónico');
      assert.equal(await page.locator('h1').textContent(), 'Abra su cuenta');
      assert.equal(await page.locator('#submit').textContent(), 'Crear cuenta');
      assert.equal(await page.locator('#state option[value="NY"]').textContent(), 'Nueva York');
      assert.match(await page.title(), /^Abra su cuenta/);
      const spanish = await ownWords();
      assert.equal(spanish.length, english.length);
      for (const [i, words] of english.entries()) assert.notEqual(spanish[i], words, `"${words}" is translated`);
      const n = validateCustomer({ type: 'personal', city: 'Spr1ngfield', email: 'jane@gmial.com', state: 'NY', postalCode: '90210' }).errors.length;
      assert.equal(await page.locator('#submit-status').textContent(), `Quedan ${n} campos por completar o corregir.`);
      // The fix works in Spanish too.
      await fixButton(page).click();
      assert.equal((await fieldState(page, 'email')).value, 'jane@gmail.com');
      await assertClean(page, 'email');
      // Back to English, from the keyboard.
      await page.getByRole('button', { name: 'English' }).focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.evaluate(() => location.pathname + location.search), '/www/');
      await assertError(page, 'city', expectedMessage('city', 'Spr1ngfield'));
      await assertHint(page, 'postalCode', zipHint('NY', '90210'));
      assert.deepEqual(await ownWords(), english, 'every word of the page is back as the HTML has it');
      assertHealthy();
    });

    it('?lang=es opens in Spanish, with retry mode and "What\'s missing?" in Spanish too', { timeout: 90_000 }, async () => {
      await load('?lang=es');
      assert.equal(await page.locator('html').getAttribute('lang'), 'es');
      assert.equal(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('h1').textContent(), 'Abra su cuenta');
      assert.equal(await page.locator('label[for="firstName"]').textContent(), 'Nombre');
      const n = validateCustomer({ type: 'personal' }).errors.length;
      assert.equal(await page.locator('#submit-status').textContent(), `Quedan ${n} campos por completar o corregir.`);
      await type(page, 'firstName', 'J');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Tab');
      await assertError(page, 'firstName', expectedMessage('firstName', '', 'create', 'es'));
      // The screenshot: a Spanish form part-way, with hints and errors as a person sees them.
      await enter(page, 'firstName', 'Jane');
      await enter(page, 'lastName', 'Doe');
      await enter(page, 'email', 'jane.doe@gmial.com');
      await enter(page, 'address1', 'PO Box 12');
      await enter(page, 'city', 'Beverly Hills');
      await enter(page, 'state', 'NY');
      await enter(page, 'postalCode', '90210');
      await enter(page, 'dateOfBirth', youngDob());
      await assertHint(page, 'email', expectedHint('email', 'jane.doe@gmial.com', 'create', 'es'));
      await assertHint(page, 'postalCode', zipHint('NY', '90210', 'es'));
      await assertError(page, 'address1', expectedMessage('address1', 'PO Box 12', 'create', 'es'));
      await assertError(page, 'dateOfBirth', expectedMessage('dateOfBirth', youngDob(), 'create', 'es'));
      if (vp.name === 'desktop') await screenshot(page, 'desktop-es');
      // "What's missing?": the list and Dwolla's body in Spanish, as a server with locale "es" answers.
      await page.getByRole('button', { name: '¿Qué falta?' }).click();
      await page.locator('#result[data-kind="error"]').waitFor();
      const body = expectedBody({ firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@gmial.com', address1: 'PO Box 12', city: 'Beverly Hills', state: 'NY', postalCode: '90210', dateOfBirth: youngDob() });
      const report = validateCustomer(body, { locale: 'es' });
      assert.deepEqual(await page.locator('#result-list li').allTextContents(), report.errors.map((e) => e.message));
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()), toDwollaError(report));
      assert.equal(await page.locator('#result-title').textContent(), `${report.errors.length} datos necesitan atención`);
      // Switching language re-renders that list too.
      await page.getByRole('button', { name: 'English' }).click();
      const english = validateCustomer(body);
      assert.deepEqual(await page.locator('#result-list li').allTextContents(), english.errors.map((e) => e.message));
      // Both in the address: retry mode in Spanish.
      await load('?mode=retry&lang=es');
      assert.equal(await page.locator('#retry-toggle').isChecked(), true);
      assert.equal(await page.locator('h1').textContent(), 'Confirme sus datos');
      assert.match(await page.locator('#retry-notice').textContent(), /número de Seguro Social completo, de 9 dígitos/);
      await enter(page, 'ssn', '1234');
      await assertError(page, 'ssn', expectedMessage('ssn', '1234', 'retry', 'es'));
      await page.locator('#retry-toggle').click();
      assert.equal(await page.evaluate(() => location.pathname + location.search), '/www/?lang=es');
      await assertClean(page, 'ssn');
      assert.equal(await page.locator('h1').textContent(), 'Abra su cuenta');
      assertHealthy();
    });
  });
}
