// Bundled Node servers (a container image, a Lambda): esbuild --bundle
// --platform=node in ESM and CommonJS, run from a directory with no node_modules
// and no .wasm beside them, start and answer as Dwolla would.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { run, scratch, startServer } from './harness.mjs';
import { PERSONAL, TODAY } from './shared.js';

const children = [];
after(() => { for (const c of children) c.kill(); });

for (const format of ['esm', 'cjs']) {
  test(`esbuild server bundle (${format}) starts and validates`, async () => {
    const dir = scratch(`server-${format}`);
    const out = path.join(dir, format === 'esm' ? 'server.mjs' : 'server.cjs');
    run('esbuild', ['server/server.js', '--bundle', '--platform=node', `--format=${format}`, `--outfile=${out}`, '--log-level=error']);
    assert.deepEqual(fs.readdirSync(dir), [path.basename(out)], 'the bundle is one file');
    const { child, port } = await startServer(out, dir, { TODAY });
    children.push(child);
    const post = (body) => fetch(`http://127.0.0.1:${port}/customers`, { method: 'POST', body });
    assert.equal((await post(JSON.stringify(PERSONAL))).status, 201);
    const refused = await post(JSON.stringify({ ...PERSONAL, address1: 'PO Box 12', ssn: '202-99-1516' }));
    assert.equal(refused.status, 400);
    const body = await refused.json();
    assert.equal(body.code, 'ValidationError');
    assert.deepEqual(body._embedded.errors.map((e) => e.path), ['/address1', '/ssn']);
    // A key sent twice is refused, not resolved as JSON.parse would.
    assert.equal((await post('{"type":"unverified","firstName":"A","firstName":"B","lastName":"C","email":"a@b.co"}')).status, 400);
    child.kill();
  });
}
