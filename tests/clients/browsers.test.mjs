// The package bundled for a browser by each tool a user has, loaded in Chromium:
// Vite (with a react-hook-form signup form), esbuild with its file loader, esbuild
// with the inline entry, webpack. Every page runs shared.js's check().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HERE, run, scratch, serve, browser, resultOf } from './harness.mjs';
import { EXPECTED } from './shared.js';

const HTML = '<!doctype html><meta charset="utf-8"><title>t</title><script type="module" src="./bundle.js"></script>';
let chromium;
const servers = [];
before(async () => { chromium = await browser(); });
after(async () => {
  await chromium?.close();
  for (const s of servers) s.server.close();
});

async function load(dir, page = 'index.html') {
  const site = await serve(dir);
  servers.push(site);
  const { page: p, problems } = await chromium.page(site.origin);
  const result = await resultOf(p, `${site.origin}/${page}`);
  return { result, problems, requests: site.requests, page: p };
}

test('Vite build', async (t) => {
  const out = scratch('vite');
  const { build } = await import('vite');
  await build({ root: path.join(HERE, 'vite'), base: './', logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  const { result, problems, page, requests } = await load(out);
  assert.deepEqual(result, EXPECTED);
  assert.deepEqual(problems, []);
  assert.ok(requests.some((r) => r.endsWith('.wasm')), 'the .wasm is fetched from the build');

  await t.test('react-hook-form with standardSchemaResolver submits with untouched optional inputs', async () => {
    const typed = { firstName: ' John ', lastName: 'Doe', email: 'johndoe@email.net', address1: '99-99 33rd St', city: 'Some City',
      state: 'ny', postalCode: '11101', dateOfBirth: '1970-01-01', ssn: '202-99-1516' };
    for (const [name, value] of Object.entries(typed)) await page.getByLabel(name, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForFunction(() => window.__submitted !== undefined, null, { timeout: 10000 });
    // The output is what the form would send: normalized, untouched inputs left out.
    assert.deepEqual(await page.evaluate(() => window.__submitted), {
      type: 'personal', firstName: 'John', lastName: 'Doe', email: 'johndoe@email.net', address1: '99-99 33rd St',
      city: 'Some City', state: 'NY', postalCode: '11101', dateOfBirth: '1970-01-01', ssn: '202991516',
    });
    assert.equal(await page.getByRole('alert').count(), 0);
    // A phone that is typed is still judged, and the message names the field, not the value.
    await page.evaluate(() => { window.__submitted = undefined; });
    await page.getByLabel('phone', { exact: true }).fill('555-12');
    await page.getByRole('button', { name: 'Sign up' }).click();
    const alert = page.locator('[role=alert][data-field=phone]');
    await alert.waitFor({ timeout: 10000 });
    assert.match(await alert.textContent(), /Phone/);
    assert.doesNotMatch(await alert.textContent(), /555-12/);
    assert.equal(await page.evaluate(() => window.__submitted), undefined);
  });
});

test('esbuild browser bundle, .wasm by the file loader (exported path)', async () => {
  const out = scratch('esbuild-file');
  run('esbuild', ['esbuild-browser/file-loader.js', '--bundle', '--format=esm', '--platform=browser', '--loader:.wasm=file',
    `--outfile=${path.join(out, 'bundle.js')}`, '--log-level=error']);
  fs.writeFileSync(path.join(out, 'index.html'), HTML);
  const { result, problems, requests } = await load(out);
  assert.deepEqual(result, EXPECTED);
  assert.deepEqual(problems, []);
  assert.ok(requests.some((r) => /dwolla_validator_bg-[A-Z0-9]+\.wasm$/.test(r)), requests.join(' '));
});

test('esbuild browser bundle with the inline entry, no loader configured', async () => {
  const out = scratch('esbuild-inline');
  run('esbuild', ['esbuild-browser/inline.js', '--bundle', '--format=esm', '--platform=browser',
    `--outfile=${path.join(out, 'bundle.js')}`, '--log-level=error']);
  fs.writeFileSync(path.join(out, 'index.html'), HTML);
  const { result, problems, requests } = await load(out);
  assert.deepEqual(result, EXPECTED);
  assert.deepEqual(problems, []);
  assert.ok(!requests.some((r) => r.endsWith('.wasm')), 'nothing to fetch');
});

test('webpack 5 browser build', async () => {
  const out = scratch('webpack');
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production', context: HERE, entry: './webpack/entry.js', target: 'web',
      output: { path: out, filename: 'bundle.js', module: true, chunkFormat: 'module' },
      experiments: { outputModule: true }, performance: { hints: false },
    }, (err, s) => (err ? reject(err) : resolve(s)));
  });
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  fs.writeFileSync(path.join(out, 'index.html'), HTML);
  const { result, problems, requests } = await load(out);
  assert.deepEqual(result, EXPECTED);
  assert.deepEqual(problems, []);
  assert.ok(requests.some((r) => r.endsWith('.wasm')));
});
