// esbuild for a browser, as its docs suggest for a .wasm: the file loader copies it
// beside the bundle and the import is its URL, handed to init().
import wasmUrl from 'dwolla-validator/dwolla_validator_bg.wasm';
import init, * as api from 'dwolla-validator/web';
import { check } from '../shared.js';

init(wasmUrl)
  .then(() => { window.__result = check(api); })
  .catch((e) => { window.__error = String(e?.stack ?? e); });
