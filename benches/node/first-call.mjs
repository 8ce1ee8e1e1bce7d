// First validation in a browser page, on localhost: import pkg/index.js, fetch +
// compile + instantiate the .wasm, one validateCustomer call (first-call.html).
// Debian's Chromium and the static server of tests/browser/harness.mjs, driven by
// its playwright-core (no browser download). Not the harness's launch(): it routes
// every request through playwright to refuse anything off loopback, which adds tens
// of milliseconds per request and would be measured too. Here Chromium's own host
// resolver refuses every host but 127.0.0.1, and requests are only watched (any off
// loopback fails the run). Every load is a fresh page, and the server sends
// Cache-Control: no-store, so nothing is cached between loads.
//
// Usage: node benches/node/first-call.mjs [--loads N] [--json FILE]
// Needs pkg/ (scripts/build-wasm) and `npm ci --prefix tests/browser`.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer, CHROMIUM, CHROMIUM_ARGS } from '../../tests/browser/harness.mjs';

// The playwright-core the browser tests install (tests/browser/package.json).
const { chromium } = createRequire(new URL('../../tests/browser/package.json', import.meta.url))('playwright-core');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const LOADS = Number(arg('--loads', 15));
const jsonOut = arg('--json', null);

// The static server runs in a child process of its own: in this process it would
// share the event loop with playwright's protocol traffic, and its answers would wait.
if (args.includes('--serve')) {
  const { origin } = await startServer();
  process.send(origin);
  process.on('disconnect', () => process.exit(0));
  await new Promise(() => {});
}
const server = fork(fileURLToPath(import.meta.url), ['--serve']);
const origin = await new Promise((resolve, reject) => {
  server.once('message', resolve);
  server.once('exit', (code) => reject(new Error(`the static server exited (${code})`)));
});
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dwolla-validator-first-call-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  viewport: { width: 1280, height: 900 },
  serviceWorkers: 'block',
  acceptDownloads: false,
});
const problems = [];
context.on('request', (req) => {
  const url = new URL(req.url());
  if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') problems.push(`off loopback: ${url.href}`);
});
const runs = [];
try {
  for (let i = 0; i < LOADS; i++) {
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await page.goto(`${origin}/benches/node/first-call.html`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
    const t = await page.evaluate(() => window.firstCall);
    // Resource timing: how long the server took to answer each file (time to first byte).
    t.ttfbMs = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.responseStart - e.requestStart])),
    );
    await page.close();
    if (problems.length) throw new Error(problems.join('\n'));
    if (!t.valid) throw new Error('the sample payload should be valid');
    runs.push(t);
  }
} finally {
  await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
  server.disconnect();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const r of runs) r.initAndCallMs = r.initMs + r.callMs;
const keys = ['importMs', 'initMs', 'callMs', 'initAndCallMs', 'totalMs', 'sinceNavigationMs'];
const summary = Object.fromEntries(keys.map((k) => [k, { first: runs[0][k], median: median(runs.map((r) => r[k])), max: Math.max(...runs.map((r) => r[k])) }]));
console.log(`first validation in Chromium on 127.0.0.1, ${LOADS} fresh page loads (ms):`);
for (const k of keys) {
  const s = summary[k];
  console.log(`  ${k.padEnd(18)} first ${s.first.toFixed(1).padStart(6)}  median ${s.median.toFixed(1).padStart(6)}  max ${s.max.toFixed(1).padStart(6)}`);
}
const ttfb = median(runs.map((r) => (r.ttfbMs['index.js'] ?? 0) + (r.ttfbMs['dwolla_validator.js'] ?? 0)));
console.log('  initAndCallMs = fetch, compile and instantiate the .wasm + one validateCustomer (the goal: under 30 ms)');
console.log('  totalMs       = that + importing the two JS modules (index.js, dwolla_validator.js)');
console.log(`  of importMs, the local server's time to first byte for the two modules: median ${ttfb.toFixed(1)} ms`);
summary.ttfbModulesMs = { median: ttfb };
if (jsonOut) {
  fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
  fs.writeFileSync(jsonOut, `${JSON.stringify({ loads: LOADS, summary, runs }, null, 2)}\n`);
}
