// Shared by the node --test suites: the package (loaded for Node) and the vector files.
import { readFileSync } from 'node:fs';

export * as dv from '../../pkg/node.js';

export function vectors(name) {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));
}

/** The options a vector case asks for, in the JS API's terms. */
export function options(fileToday, opts = {}) {
  return { today: fileToday, ...opts };
}
