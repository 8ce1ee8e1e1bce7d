// Plain Node ESM, no bundler: the default entry, the exported package.json and .wasm.
import { createRequire } from 'node:module';
import { validateCustomer, normalizeCustomer, shapeNames } from 'dwolla-validator';
import meta from 'dwolla-validator/package.json' with { type: 'json' };
import { PERSONAL, TODAY } from '../shared.js';

const require = createRequire(import.meta.url);
console.log(JSON.stringify({
  valid: validateCustomer(PERSONAL, { today: TODAY }).valid,
  state: normalizeCustomer({ state: 'ny' }).state,
  shapes: shapeNames().length,
  name: meta.name,
  wasm: require.resolve('dwolla-validator/dwolla_validator_bg.wasm').endsWith('dwolla_validator_bg.wasm'),
}));
