// The tarball itself, plain Node (ESM and CommonJS, no bundler) and `tsc --strict`
// over every documented use, against the package as npm installed it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { HERE, node } from './harness.mjs';
import { TODAY } from './shared.js';

const installed = path.join(HERE, 'node_modules', 'dwolla-validator');
const meta = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));

test('the tarball holds what the package needs, its licences, and nothing unreachable', () => {
  const tarball = process.env.DV_TARBALL;
  assert.ok(tarball, 'tests/clients/run sets DV_TARBALL to the packed tarball');
  const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
  assert.deepEqual(list, ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'dwolla_validator.js', 'dwolla_validator_bg.wasm',
    'index.d.ts', 'index.js', 'inline.js', 'node.js', 'package.json'].map((f) => `package/${f}`));
  // Every file a user can reach is in `exports`, and every target of `exports` is there.
  const targets = new Set();
  const walk = (v) => (typeof v === 'string' ? targets.add(v.replace(/^\.\//, '')) : Object.values(v).forEach(walk));
  walk(meta.exports);
  for (const t of targets) assert.ok(list.includes(`package/${t}`), `exports names ${t}, which is not in the tarball`);
  for (const f of ['index.js', 'node.js', 'inline.js', 'index.d.ts', 'dwolla_validator_bg.wasm', 'package.json']) {
    assert.ok(targets.has(f), `${f} is unreachable through exports`);
  }
  assert.match(fs.readFileSync(path.join(installed, 'LICENSE-MIT'), 'utf8'), /^MIT License/);
  assert.match(fs.readFileSync(path.join(installed, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
});

test('package.json says what Node it needs and under which licence', () => {
  assert.equal(meta.license, 'MIT OR Apache-2.0');
  assert.equal(meta.type, 'module');
  // require() of an ES module works unflagged from Node 20.19 and 22.12.
  assert.equal(meta.engines.node, '^20.19.0 || >=22.12.0');
  assert.deepEqual(Object.keys(meta.exports).sort(),
    ['.', './dwolla_validator_bg.wasm', './inline', './node', './package.json', './web']);
  assert.deepEqual(meta.sideEffects.sort(), ['./inline.js', './node.js']);
});

test('plain Node ESM: the default entry, the exported package.json and .wasm', () => {
  assert.deepEqual(node('node/esm.mjs', HERE), { valid: true, state: 'NY', shapes: 6, name: 'dwolla-validator', wasm: true });
});

test('plain Node CommonJS: require() of the default and inline entries', () => {
  assert.deepEqual(node('node/cjs.cjs', HERE), { valid: true, inline: true });
});

test('the web entry in Node says to use the Node entry', async () => {
  const web = await import('dwolla-validator/web');
  await assert.rejects(web.default(), /import "dwolla-validator"/);
  // wasm-bindgen's own call forms load it.
  const bytes = fs.readFileSync(path.join(installed, 'dwolla_validator_bg.wasm'));
  web.initSync({ module: new WebAssembly.Module(bytes) });
  assert.equal(web.validateField('ssn', '1234', { today: TODAY }).valid, true);
  assert.throws(() => web.validateField('ssn', '1234', { type: 'receive-only' }), TypeError);
});

test('tsc --strict over every documented use, business payloads included', () => {
  const r = spawnSync(path.join(HERE, 'node_modules', '.bin', 'tsc'), ['-p', 'types/tsconfig.json'], { cwd: HERE, encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc:\n${r.stdout}${r.stderr}`);
  // And it does fail on a wrong use: the check is not vacuous.
  const bad = path.join(HERE, 'types', 'bad.ts');
  fs.writeFileSync(bad, "import { validateField } from 'dwolla-validator';\nvalidateField('phone', '', { type: 'martian' });\n");
  try {
    const r2 = spawnSync(path.join(HERE, 'node_modules', '.bin', 'tsc'),
      ['--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', '', bad], { cwd: HERE, encoding: 'utf8' });
    assert.notEqual(r2.status, 0);
    assert.match(r2.stdout, /TS2322/);
  } finally {
    fs.rmSync(bad, { force: true });
  }
});
