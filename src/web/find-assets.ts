/**
 * Where the built browser modules are: `dist/web/client/` of the package, found both from a
 * source checkout (`src/web/` → `../../dist/web/client/`) and from the built package
 * (`dist/web/` → `./client/`).
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding `main.js` and the other client modules, or `undefined` when the UI was not
 * built (run `npm run build`).
 * @example const dir = findAssetsDir(); // '/…/edgarbox/dist/web/client/'
 */
export function findAssetsDir(): string | undefined {
  for (const rel of ['./client/', '../../dist/web/client/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}main.js`)) return dir;
  }
  return undefined;
}
