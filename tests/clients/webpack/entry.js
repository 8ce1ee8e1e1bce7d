// webpack 5 for a browser, no configuration for the .wasm: wasm-bindgen's
// new URL('dwolla_validator_bg.wasm', import.meta.url) becomes an emitted asset.
import init, * as api from 'dwolla-validator/web';
import { check } from '../shared.js';

init()
  .then(() => { window.__result = check(api); })
  .catch((e) => { window.__error = String(e?.stack ?? e); });
