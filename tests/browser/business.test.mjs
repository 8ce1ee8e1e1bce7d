// The business page (www/business.html) in a real browser: Debian's Chromium, headless,
// driven by playwright-core, at a desktop and a phone size. Values are typed key by key
// and fields left with Tab, as a person does; every expected message, body and fact is
// computed by the same package in Node, never copied from its sentences.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  validateCustomer, validateField, validateAs, validateDocument, normalizeField, toDwollaError, statusInfo, fieldRules,
} from '../../pkg/node.js';
import { startServer, launch, open, SCREENSHOTS } from './harness.mjs';
import { VIEWPORTS } from './form.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// A business that passes every rule and every hint, as a person would type it.
const BUSINESS = {
  firstName: 'Ana',
  lastName: 'Reyes',
  email: 'ana.reyes@example.com',
  businessName: 'Reyes Bakery LLC',
  doingBusinessAs: 'Reyes Bakery',
  businessType: 'llc',
  businessClassification: '9ed3f670-7d6f-11e3-b1ce-5404a6144203',
  ein: '12-3456789',
  website: 'https://reyesbakery.example.com',
  address1: '462 Main St',
  address2: 'Suite 2',
  city: 'Portland',
  state: 'OR',
  postalCode: '97201',
};
// The controller, by the page's input ids (without the "controller-" prefix).
const CONTROLLER_US = {
  firstName: 'Sam',
  lastName: 'Lee',
  title: 'Chief Executive Officer',
  dateOfBirth: '1980-01-31',
  'address-country': 'US',
  'address-address1': '1 Elm St',
  'address-city': 'Des Moines',
  'address-state': 'IA',
  'address-postalCode': '50309',
  ssn: '202-99-1516',
};
const OWNER_US = {
  firstName: 'Maria',
  lastName: 'Lopez',
  dateOfBirth: '1975-07-04',
  'address-country': 'US',
  'address-address1': '77 Oak Ave',
  'address-city': 'Austin',
  'address-state': 'TX',
  'address-postalCode': '78701',
  ssn: '202-99-1517',
};
const OWNER_ABROAD = {
  firstName: 'Tom',
  lastName: 'Baker',
  dateOfBirth: '1968-03-02',
  'address-country': 'GB',
  'address-address1': '10 Downing Street',
  'address-city': 'London',
  'address-region': 'GB',
  'address-postalCode': 'SW1A 2AA',
  'passport-number': 'GB1234567',
  'passport-country': 'GB',
};

const norm = (name, v) => normalizeField(name.slice(name.lastIndexOf('/') + 1), v);
/** The body the package expects for the business (and its controller) as typed. */
function businessBody(values = BUSINESS, controller = CONTROLLER_US) {
  const body = { type: 'business' };
  for (const [k, v] of Object.entries(values)) body[k] = norm(k, v);
  if (controller) body.controller = personBody(controller);
  return body;
}
/** A controller or owner as typed (input ids) turned into its payload. */
function personBody(values) {
  const p = {};
  for (const [id, v] of Object.entries(values)) {
    const name = id.replace('address-state', 'address-stateProvinceRegion').replace('address-region', 'address-stateProvinceRegion');
    const keys = name.split('-');
    let o = p;
    for (const k of keys.slice(0, -1)) o = o[k] ??= {};
    o[keys[keys.length - 1]] = norm(keys[keys.length - 1], v);
  }
  return p;
}

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
  describe(`business page at ${vp.name} size (${vp.width}x${vp.height})`, { timeout: 300_000 }, () => {
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
      ({ page, problems } = await open(browser.context, `${origin}/www/business.html${query}`));
      return page;
    }

    function assertHealthy() {
      assert.deepEqual(problems, [], 'no page errors, console errors or failed requests');
      assert.deepEqual(browser.offLoopback, [], 'no request left 127.0.0.1');
    }

    async function axe(what) {
      if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
      const found = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      });
      assert.deepEqual(found, [], `axe-core finds no violations: ${what}`);
    }

    /** Types into an input (by id) key by key and leaves it with Tab; a select is chosen. */
    async function enter(id, value) {
      const el = page.locator(`#${id}`);
      if (await el.evaluate((e) => e.tagName === 'SELECT')) {
        await el.selectOption(value);
        await el.press('Tab');
        return;
      }
      await el.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      if (value !== '') await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }

    async function fill(values, prefix = '') {
      for (const [id, v] of Object.entries(values)) await enter(`${prefix}${id}`, v);
    }

    async function state(id) {
      return page.locator(`#${id}`).evaluate((el) => {
        const msg = document.getElementById(`${el.id}-msg`);
        return {
          value: el.value,
          visible: el.offsetParent !== null,
          invalid: el.getAttribute('aria-invalid'),
          describedby: (el.getAttribute('aria-describedby') || '').split(' '),
          message: msg.textContent,
          messageVisible: msg.offsetParent !== null,
          msgId: msg.id,
        };
      });
    }

    async function assertError(id, message) {
      const s = await state(id);
      assert.ok(message, `no expected message for ${id}`);
      assert.equal(s.message, message, `${id}: message`);
      assert.ok(s.messageVisible, `${id}: message is visible`);
      assert.equal(s.invalid, 'true', `${id}: aria-invalid`);
      assert.ok(s.describedby.includes(s.msgId), `${id}: aria-describedby points at the message`);
    }

    async function assertClean(id) {
      const s = await state(id);
      assert.equal(s.message, '', `${id}: no message`);
      assert.equal(s.invalid, null, `${id}: no aria-invalid`);
      assert.ok(!s.describedby.includes(s.msgId), `${id}: aria-describedby does not point at a message`);
    }

    const visible = (id) => page.locator(`#${id}`).isVisible();

    it('each business type shows its own fields and hides the others', { timeout: 90_000 }, async () => {
      await load();
      assert.equal(await page.locator('input[name="type"]').inputValue(), 'business');
      // No type chosen: neither the sole proprietor's fields nor a controller.
      assert.equal(await visible('ssn'), false);
      assert.equal(await visible('controller-firstName'), false);
      assert.equal(await visible('owner-add'), false);
      await axe('the empty form');

      await enter('businessType', 'soleProprietorship');
      assert.equal(await visible('dateOfBirth'), true);
      assert.equal(await visible('ssn'), true);
      assert.equal(await visible('controller-firstName'), false);
      assert.equal(await visible('owner-add'), false, 'a sole proprietorship has no owners to add');
      assert.equal(await visible('owners-na'), true);
      // Which fields are optional is the package's catalog: an EIN is optional for a sole proprietor.
      const einRule = (shape) => fieldRules(shape).find((r) => r.path === 'ein').required;
      assert.equal(einRule('business-sole-proprietorship'), 'no');
      assert.equal(await page.locator('label[for="ein"] .optional').isVisible(), true);
      assert.equal(await page.locator('#ein').getAttribute('aria-required'), 'false');

      for (const type of ['llc', 'corporation', 'partnership']) {
        await enter('businessType', type);
        assert.equal(await visible('ssn'), false, `${type}: no admin SSN`);
        assert.equal(await visible('dateOfBirth'), false, `${type}: no admin date of birth`);
        for (const id of ['controller-firstName', 'controller-lastName', 'controller-title', 'controller-dateOfBirth',
          'controller-address-country', 'controller-address-address1', 'controller-address-city']) {
          assert.equal(await visible(id), true, `${type}: ${id} shown`);
        }
        assert.equal(await visible('owner-add'), true, `${type}: owners can be added`);
        assert.equal(einRule('business'), 'yes');
        assert.equal(await page.locator('label[for="ein"] .optional').isVisible(), false, `${type}: the EIN is required`);
      }

      // Going back to a sole proprietorship takes the controller's message with it, and leaves it out of the body.
      await enter('controller-title', 'CEO 2');
      await assertError('controller-title', validateField('controller/title', 'CEO 2', { type: 'business' }).errors[0]?.message);
      await enter('businessType', 'soleProprietorship');
      assert.equal(await visible('controller-title'), false);
      await page.locator('#check').click();
      const shown = JSON.parse(await page.locator('#result-json').textContent());
      assert.ok(!shown._embedded.errors.some((e) => e.path.startsWith('/controller')), 'no controller in a sole proprietorship');
      assert.ok(shown._embedded.errors.some((e) => e.path === '/ssn'), 'the sole proprietor\'s SSN is asked');
      assertHealthy();
    });

    it('a bad EIN is shown at the EIN; 12-3456789 is tidied to digits on leaving', { timeout: 60_000 }, async () => {
      await load();
      await enter('businessType', 'llc');
      await enter('ein', '12-34567');
      await assertError('ein', validateField('ein', '12-34567', { type: 'business' }).errors[0]?.message);
      await enter('ein', '12-3456789');
      assert.equal((await state('ein')).value, '123456789');
      await assertClean('ein');
      assertHealthy();
    });

    it('a whole valid llc with its controller: the exact JSON it would POST', { timeout: 120_000 }, async () => {
      await load();
      await fill(BUSINESS);
      await fill(CONTROLLER_US, 'controller-');
      assert.equal(await page.locator('#submit').isDisabled(), false, 'submit is enabled once the package says valid');
      await page.locator('#submit').click();
      await page.locator('#result[data-kind="request"]').waitFor();
      const expected = businessBody();
      assert.equal(validateCustomer(expected).valid, true);
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()), expected);
      assertHealthy();
    });

    it('a PO box in the controller\'s address is shown there, and the 400 body lists it', { timeout: 120_000 }, async () => {
      await load();
      await fill(BUSINESS);
      await fill({ ...CONTROLLER_US, 'address-address1': 'PO Box 12' }, 'controller-');
      const expected = validateCustomer(businessBody(BUSINESS, { ...CONTROLLER_US, 'address-address1': 'PO Box 12' }));
      const poBox = expected.errors.find((e) => e.path === '/controller/address/address1');
      assert.equal(poBox?.rule, 'po_box');
      await assertError('controller-address-address1', poBox.message);
      assert.equal(await page.locator('#submit').isDisabled(), true);
      await page.locator('#check').click();
      await page.locator('#result[data-kind="error"]').waitFor();
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()), toDwollaError(expected));
      // The list links to the field.
      await page.locator('#result-list a', { hasText: poBox.message }).click();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'controller-address-address1');
      await axe('the form with a PO box shown');
      await enter('controller-address-address1', '1 Elm St');
      await assertClean('controller-address-address1');
      assertHealthy();
    });

    it('a controller abroad asks for a passport, a region code and an optional postal code', { timeout: 120_000 }, async () => {
      await load();
      await fill(BUSINESS);
      const abroad = {
        firstName: 'Sam', lastName: 'Lee', title: 'Director', dateOfBirth: '1980-01-31',
        'address-country': 'CA', 'address-address1': '100 King St W', 'address-city': 'Toronto', 'address-region': 'ON',
      };
      await enter('controller-address-country', 'CA');
      assert.equal(await visible('controller-ssn'), false, 'no SSN abroad');
      assert.equal(await visible('controller-address-state'), false, 'no US state select abroad');
      assert.equal(await visible('controller-passport-number'), true);
      assert.equal(await visible('controller-passport-country'), true);
      assert.equal(await visible('controller-address-region'), true);
      assert.equal(await page.locator('label[for="controller-address-postalCode"] .optional').isVisible(), true,
        'the postal code is optional abroad (catalog: ifInUs)');
      await fill(abroad, 'controller-');
      // The passport is left out: the package's message sits at the passport number.
      const report = validateCustomer(businessBody(BUSINESS, abroad));
      const passport = report.errors.find((e) => e.path.startsWith('/controller/passport'));
      assert.ok(passport, 'the package asks for the passport');
      await page.locator('#check').click();
      await assertError('controller-passport-number', passport.message);
      await enter('controller-passport-number', 'AB123456');
      await enter('controller-passport-country', 'CA');
      await assertClean('controller-passport-number');
      assert.equal(await page.locator('#submit').isDisabled(), false);
      // A region that is a US state name is refused abroad, as the package says.
      const withBadRegion = { ...abroad, 'address-region': 'Ontario', 'passport-number': 'AB123456', 'passport-country': 'CA' };
      const bad = validateCustomer(businessBody(BUSINESS, withBadRegion)).errors.find((e) => e.path === '/controller/address/stateProvinceRegion');
      await enter('controller-address-region', 'Ontario');
      await assertError('controller-address-region', bad?.message);
      // Back in the US: the SSN again, and the passport is gone from the form.
      await enter('controller-address-country', 'US');
      assert.equal(await visible('controller-ssn'), true);
      assert.equal(await visible('controller-passport-number'), false);
      assertHealthy();
    });

    it('retry mode: the controller\'s full SSN, or no controller at all', { timeout: 120_000 }, async () => {
      await load('?mode=retry');
      await fill(BUSINESS);
      await fill({ ...CONTROLLER_US, ssn: '1516' }, 'controller-');
      const expected = validateCustomer(businessBody(BUSINESS, { ...CONTROLLER_US, ssn: '1516' }), { operation: 'retry' });
      await assertError('controller-ssn', expected.errors.find((e) => e.path === '/controller/ssn')?.message);
      assert.equal(await page.locator('#submit').isDisabled(), true);
      assert.equal(await page.locator('#retry-notice').isVisible(), true);
      // Leaving the controller out, as Dwolla's retry without controller allows.
      await page.locator('#controller-omit').check();
      assert.equal(await visible('controller-firstName'), false);
      assert.equal(validateCustomer(businessBody(BUSINESS, null), { operation: 'retry' }).valid, true);
      assert.equal(await page.locator('#submit').isDisabled(), false);
      await page.locator('#submit').click();
      assert.deepEqual(JSON.parse(await page.locator('#result-json').textContent()), businessBody(BUSINESS, null));
      // Create mode has no such choice.
      await page.locator('#retry-toggle').click();
      assert.equal(await visible('controller-omit'), false);
      assert.equal(await visible('controller-firstName'), true);
      assertHealthy();
    });

    it('beneficial owners: added, checked on their own, edited and removed, from the keyboard', { timeout: 180_000 }, async () => {
      await load();
      await enter('businessType', 'corporation');
      assert.equal(await page.locator('#owner-list li').count(), 0);
      await page.locator('#owner-add').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'owner-firstName');
      // A digit in an owner's name: the package's owner rules, not a person's.
      await fill({ ...OWNER_US, firstName: 'Mar1a' }, 'owner-');
      const digit = validateAs('beneficial-owner', personBody({ ...OWNER_US, firstName: 'Mar1a' })).errors.find((e) => e.path === '/firstName');
      assert.equal(digit?.rule, 'no_digits');
      await assertError('owner-firstName', digit.message);
      // Saving is refused while it is wrong, with the problem still at the field.
      await page.locator('#owner-save').click();
      assert.equal(await page.locator('#owner-list li').count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'owner-firstName');
      await enter('owner-firstName', 'Maria');
      await assertClean('owner-firstName');
      // An owner's SSN is the full 9 digits.
      await enter('owner-ssn', '1517');
      await assertError('owner-ssn', validateAs('beneficial-owner', personBody({ ...OWNER_US, ssn: '1517' })).errors.find((e) => e.path === '/ssn')?.message);
      await enter('owner-ssn', OWNER_US.ssn);
      await page.locator('#owner-ssn').press('Enter'); // implicit submission saves the owner
      assert.equal(await page.locator('#owner-list li').count(), 1);
      assert.equal(await page.locator('#owner-form').isVisible(), false);
      assert.deepEqual(JSON.parse(await page.locator('#owner-list li .owner-json').first().textContent()), personBody(OWNER_US));
      assert.equal(validateAs('beneficial-owner', personBody(OWNER_US)).valid, true);

      // A second owner, abroad: a passport instead of an SSN.
      await page.locator('#owner-add').click();
      await enter('owner-address-country', 'GB');
      assert.equal(await visible('owner-ssn'), false);
      assert.equal(await visible('owner-passport-number'), true);
      await fill(OWNER_ABROAD, 'owner-');
      await page.locator('#owner-save').click();
      assert.equal(await page.locator('#owner-list li').count(), 2);
      assert.deepEqual(JSON.parse(await page.locator('#owner-list li .owner-json').nth(1).textContent()), personBody(OWNER_ABROAD));
      await axe('two owners listed');
      if (vp.name === 'desktop') await shot(page.locator('#owners-card'), 'business-owners');

      // Edit the first, from the keyboard: its values come back, a change is saved.
      await page.locator('#owner-list li').first().locator('.owner-edit').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#owner-firstName').inputValue(), 'Maria');
      assert.equal(await page.locator('#owner-address-state').inputValue(), 'TX');
      await enter('owner-address-city', 'Dallas');
      await enter('owner-address-postalCode', '75201');
      await page.locator('#owner-save').click();
      assert.equal(await page.locator('#owner-list li').count(), 2);
      assert.equal(JSON.parse(await page.locator('#owner-list li .owner-json').first().textContent()).address.city, 'Dallas');
      if (vp.name === 'desktop') {
        await page.locator('#owner-list li').nth(1).locator('.owner-edit').click();
        await enter('owner-dateOfBirth', '2030-01-01');
        await shot(page.locator('#owners-card'), 'business-owner-edit');
        await page.locator('#owner-cancel').click();
      }
      // Remove the first from the keyboard: focus goes to the owner now in its place.
      await page.locator('#owner-list li').first().locator('.owner-remove').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#owner-list li').count(), 1);
      assert.match(await page.locator('#owner-list li .owner-name').textContent(), /Tom Baker/);
      assert.equal(await page.evaluate(() => document.activeElement.className.includes('owner-edit')), true);
      await page.locator('#owner-list li .owner-remove').click();
      assert.equal(await page.locator('#owner-list li').count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'owner-add');
      assertHealthy();
    });

    // The first bytes of real files: the browser reads them and the package judges them.
    const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(2000, 7)]);
    const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(500, 1)]);
    const expectedDoc = (documentType, whom, name, type, bytes, locale) => {
      const meta = { documentType, for: whom, file: { name, type, size: bytes.length } };
      const report = validateDocument(meta, bytes);
      if (!locale) return report;
      // In Spanish: the package's Spanish message where validateAs("document") gives the same rule.
      const es = validateAs('document', meta, { locale });
      return { ...report, errors: report.errors.map((e) => es.errors.find((l) => l.path === e.path && l.rule === e.rule) ?? e) };
    };
    const choose = (name, mimeType, buffer) => page.locator('#document-file').setInputFiles({ name, mimeType, buffer });
    const docChecked = (n) => page.waitForSelector(`#document-form[data-checked="${n}"]`);

    it('documents: a renamed PDF, a HEIC photo and 11 MB are refused at the file; the kinds follow whose it is', { timeout: 120_000 }, async () => {
      await load();
      const kinds = async () => page.locator('#document-documentType option').evaluateAll((os) => os.map((o) => o.value));
      assert.deepEqual(await kinds(), ['passport', 'license', 'idCard']);
      await page.locator('#document-for').selectOption('beneficial-owner');
      assert.deepEqual(await kinds(), ['passport', 'license', 'idCard', 'other']);
      await page.locator('#document-for').selectOption('business');
      assert.deepEqual(await kinds(), ['other']);
      await page.locator('#document-for').selectOption('controller');
      await page.locator('#document-documentType').selectOption('license');

      let n = Number(await page.locator('#document-form').getAttribute('data-checked') || 0);
      await choose('license.jpg', 'image/jpeg', PDF);
      await docChecked(++n);
      const renamed = expectedDoc('license', 'controller', 'license.jpg', 'image/jpeg', PDF);
      assert.equal(renamed.errors[0].rule, 'file_signature');
      await assertError('document-file', renamed.errors[0].message);
      assert.equal(await page.locator('#document-result').isVisible(), false);
      await axe('a refused document');
      if (vp.name === 'desktop') await shot(page.locator('#documents-card'), 'business-document-refused');

      await choose('IMG_0042.HEIC', 'image/heic', HEIC);
      await docChecked(++n);
      await assertError('document-file', expectedDoc('license', 'controller', 'IMG_0042.HEIC', 'image/heic', HEIC).errors[0].message);

      const big = Buffer.concat([JPEG, Buffer.alloc(11 * 1024 * 1024 - JPEG.length)]);
      await choose('license.jpg', 'image/jpeg', big);
      await docChecked(++n);
      const tooBig = expectedDoc('license', 'controller', 'license.jpg', 'image/jpeg', big);
      assert.equal(tooBig.errors[0].rule, 'file_size');
      await assertError('document-file', tooBig.errors[0].message);

      // A real JPEG passes, and the page shows what it would send (no upload).
      await choose('license.jpg', 'image/jpeg', JPEG);
      await docChecked(++n);
      await assertClean('document-file');
      assert.deepEqual(JSON.parse(await page.locator('#document-json').textContent()),
        { documentType: 'license', file: { name: 'license.jpg', type: 'image/jpeg', size: JPEG.length } });
      // A PDF is a business document only.
      await choose('articles.pdf', 'application/pdf', PDF);
      await docChecked(++n);
      await assertError('document-file', expectedDoc('license', 'controller', 'articles.pdf', 'application/pdf', PDF).errors[0].message);
      await page.locator('#document-for').selectOption('business');
      await docChecked(++n);
      await assertClean('document-file');
      assertHealthy();
    });

    it('what a status means, from statusInfo()', { timeout: 60_000 }, async () => {
      await load('?status=document');
      assert.equal(await page.locator('#status-select').inputValue(), 'document');
      const all = statusInfo().statuses;
      assert.deepEqual(await page.locator('#status-select option').evaluateAll((os) => os.map((o) => o.value)), all.map((s) => s.status));
      for (const s of all) {
        await page.locator('#status-select').selectOption(s.status);
        assert.equal(await page.locator('#status-next').textContent(), s.nextStep);
        assert.equal(await page.locator('#status-event').textContent(), s.event);
        assert.equal(await page.locator('#status-send').textContent(), s.canSend ? 'Yes' : 'No');
        assert.equal(await page.locator('#status-bank').textContent(), s.canAddBank ? 'Yes' : 'No');
        const receive = await page.locator('#status-receive').textContent();
        assert.equal(receive.startsWith('Yes'), s.canReceive !== 'no');
        assert.equal(receive.includes('held'), s.canReceive === 'heldPending');
      }
      // retry leads to the form in retry mode, document to the upload.
      await page.locator('#status-select').selectOption('retry');
      await page.locator('#status-to-retry').click();
      assert.equal(await page.locator('#retry-toggle').isChecked(), true);
      assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('mode')), 'retry');
      await page.locator('#status-select').selectOption('document');
      await page.locator('#status-to-document').click();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'document-for');
      assertHealthy();
    });

    it('what is shown follows the form: a type\'s rules, the problem list, the language, the address', { timeout: 180_000 }, async () => {
      await load();
      // An EIN left empty on an llc is required; once the type is a sole
      // proprietorship it is optional, and its message goes.
      await enter('businessType', 'llc');
      await enter('ein', '1');
      await enter('ein', '');
      await assertError('ein', validateCustomer({ type: 'business', businessType: 'llc' }).errors.find((e) => e.path === '/ein')?.message);
      await enter('businessType', 'soleProprietorship');
      await assertClean('ein');
      // The problem list shown follows the fixes, and goes once the form is valid.
      await page.locator('#check').click();
      await page.locator('#result[data-kind="error"]').waitFor();
      const listed = () => page.locator('#result-list li').count();
      const before = await listed();
      assert.ok(before > 1, `${before} problems listed`);
      await fill({ ...BUSINESS, businessType: 'soleProprietorship', ein: '' });
      assert.ok(await listed() < before, 'fixed problems leave the list');
      await fill({ dateOfBirth: '1980-01-31', ssn: '202-99-1516' });
      assert.equal(await page.locator('#submit').isDisabled(), false);
      assert.equal(await page.locator('#result').isHidden(), true, 'no list of problems once there are none');
      // In retry mode a sole proprietor is asked for their own SSN: no controller.
      await page.locator('#retry-toggle').check();
      const notice = await page.locator('#retry-notice-body').textContent();
      assert.ok(notice.includes('your full 9-digit') && !notice.includes('controller'), notice);
      await page.locator('#retry-toggle').uncheck();
      // The owner form's status line is written again in the language chosen.
      await enter('businessType', 'llc');
      await page.locator('#owner-add').click();
      await page.locator('#owner-save').click();
      const ownerStatus = () => page.locator('#owner-status').textContent();
      assert.match(await ownerStatus(), /details? need/);
      await page.locator('#lang-switch button[data-lang="es"]').click();
      assert.match(await ownerStatus(), /dato/);
      assertHealthy();
    });

    it('Back lands on the state its address asks for, and the status card\'s retry button leaves focus on the form', { timeout: 120_000 }, async () => {
      await load();
      // A hash link makes a new history entry; the language and mode then change only
      // that entry's address. Back returns to the entry before: English, create mode.
      await page.locator('a[href="#owners-card"]').first().click();
      await page.locator('#lang-switch button[data-lang="es"]').click();
      await page.locator('#retry-toggle').check();
      assert.equal(await page.evaluate(() => location.search), '?lang=es&mode=retry');
      await page.goBack();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await page.locator('#retry-toggle').isChecked(), false);
      assert.equal(await page.evaluate(() => location.search), '');
      await page.goForward();
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      assert.equal(await page.locator('#retry-toggle').isChecked(), true);
      // The status card's button opens retry mode and puts focus on the form's title.
      await load('?status=retry');
      await page.locator('#status-to-retry').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#retry-toggle').isChecked(), true);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'title');
      assertHealthy();
    });

    it('en español: the package\'s messages in Spanish, the page\'s words too', { timeout: 120_000 }, async () => {
      await load('?lang=es');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
      assert.equal(await page.locator('h1').textContent(), 'Abra una cuenta de empresa');
      await enter('businessType', 'llc');
      await enter('ein', '12-34567');
      const es = validateField('ein', '12-34567', { type: 'business', locale: 'es' }).errors[0]?.message;
      assert.notEqual(es, validateField('ein', '12-34567', { type: 'business' }).errors[0]?.message, 'the Spanish message differs');
      await assertError('ein', es);
      await enter('controller-address-address1', 'PO Box 12');
      await assertError('controller-address-address1',
        validateField('controller/address/address1', 'PO Box 12', { type: 'business', locale: 'es' }).errors[0]?.message);
      // Switching back to English asks the package again.
      await page.locator('#lang-en').click();
      await assertError('ein', validateField('ein', '12-34567', { type: 'business' }).errors[0]?.message);
      await page.locator('#lang-es').click();
      await assertError('ein', es);
      // A document refused in Spanish.
      let n = Number(await page.locator('#document-form').getAttribute('data-checked') || 0);
      await choose('IMG_0042.HEIC', 'image/heic', HEIC);
      await docChecked(++n);
      const heic = expectedDoc('passport', 'controller', 'IMG_0042.HEIC', 'image/heic', HEIC, 'es').errors[0].message;
      assert.notEqual(heic, expectedDoc('passport', 'controller', 'IMG_0042.HEIC', 'image/heic', HEIC).errors[0].message);
      await assertError('document-file', heic);
      // An owner's problem in Spanish.
      await page.locator('#owner-add').click();
      await enter('owner-firstName', 'Mar1a');
      await assertError('owner-firstName', validateAs('beneficial-owner', { firstName: 'Mar1a' }, { locale: 'es' }).errors.find((e) => e.path === '/firstName')?.message);
      await axe('the Spanish page with errors');
      if (vp.name === 'desktop') await shot(page.locator('#business-card'), 'business-es');
      assert.equal(await page.locator('#personal-link').evaluate((a) => a.search), '?lang=es', 'the personal page opens in Spanish too');
      assertHealthy();
    });

    it('the personal and business pages link to each other', { timeout: 60_000 }, async () => {
      await page?.close();
      ({ page, problems } = await open(browser.context, `${origin}/www/`));
      await page.locator('#business-link').click();
      await page.waitForSelector('html[data-ready="true"]');
      assert.equal(new URL(page.url()).pathname, '/www/business.html');
      await page.locator('#personal-link').click();
      await page.waitForSelector('html[data-ready="true"]');
      assert.equal(new URL(page.url()).pathname, '/www/');
      assertHealthy();
    });

    it('screenshots: the business form with problems shown', { timeout: 120_000 }, async () => {
      await load();
      await fill(BUSINESS);
      await enter('ein', '12-34567');
      await fill({ ...CONTROLLER_US, 'address-address1': 'PO Box 12' }, 'controller-');
      await page.locator('#check').click();
      await page.locator('#result[data-kind="error"]').waitFor();
      // The page fits the viewport's width: nothing scrolls sideways.
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await shot(page.locator('#business-card'), `business-${vp.name}`);
      assertHealthy();
    });
  });
}

/** An element's screenshot, written atomically (a .tmp file renamed) under www/screenshots/. */
async function shot(locator, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  const tmp = `${file}.tmp`;
  await locator.screenshot({ path: tmp, type: 'png', scale: 'css', animations: 'disabled', caret: 'hide' });
  fs.renameSync(tmp, file);
}
