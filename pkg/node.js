// Node entry point: loads the .wasm synchronously from disk, then exports the API.
//   import { validateCustomer } from 'dwolla-validator';   // resolves here under Node
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync(readFileSync(new URL('./dwolla_validator_bg.wasm', import.meta.url)));

export * from './index.js';
export { default } from './index.js';
