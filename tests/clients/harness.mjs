// What the client tests stand on: building with each tool, a static server of one
// directory on 127.0.0.1, Debian's Chromium driven by playwright-core (never a
// downloaded browser, the project's flags so nothing reaches past loopback), and
// the child processes a test starts (ended by their own handle, never by name).
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh scratch directory, removed when the process exits. */
export function scratch(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dv-clients-${name}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs a tool from node_modules/.bin in HERE; throws with its output when it fails. */
export function run(tool, args, opts = {}) {
  const r = spawnSync(path.join(HERE, 'node_modules', '.bin', tool), args, { cwd: HERE, encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Runs node on a file in `cwd`; returns its parsed JSON stdout. */
export function node(file, cwd) {
  const r = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${file} exited ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Starts `node file` and resolves with {child, port} once it prints {"port": n}. */
export function startServer(file, cwd, env = {}) {
  const child = spawn(process.execPath, [file], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no port from ${file}: ${err}`)); }, 10000);
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        try { resolve({ child, port: JSON.parse(line).port }); } catch (e) { reject(e); }
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${file} exited ${code} before listening: ${err}`)); });
  });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves `dir` read-only on 127.0.0.1; resolves to {server, origin, requests}. */
export async function serve(dir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    requests.push(pathname);
    const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir + path.sep)) return res.writeHead(403).end();
    fs.readFile(file, (err, data) => {
      if (err) return res.writeHead(404).end('not found');
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}`, requests };
}

/** One Chromium for the whole file. Only loopback is reachable: every other request is aborted. */
export async function browser() {
  const b = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    async page(origin) {
      const context = await b.newContext();
      await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      return { page, problems };
    },
    close: () => b.close(),
  };
}

/** Loads `url` and waits for the page's window.__result (or its window.__error). */
export async function resultOf(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__result !== undefined || window.__error !== undefined, null, { timeout: 15000 });
  const error = await page.evaluate(() => window.__error);
  if (error) throw new Error(`the page failed: ${error}`);
  return page.evaluate(() => window.__result);
}
