// esbuild for a browser with no loader configured: the inline entry carries the .wasm.
import * as api from 'dwolla-validator/inline';
import { check } from '../shared.js';

try {
  window.__result = check(api);
} catch (e) {
  window.__error = String(e?.stack ?? e);
}
