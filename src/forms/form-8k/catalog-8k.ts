/**
 * The 8-K catalog for `locateSections`, from the item catalog in `core/items.ts`.
 * Numbers are decoded by shape: dotted (`2.02`) is the current numbering, bare (`2`) the legacy one.
 * @module
 */

import { currentFormItems, legacyFormItems } from '../../core/items.ts';
import type { CatalogEntry, FormCatalog } from '../form-catalog.ts';

const current = new Map(currentFormItems.map((i) => [i.code, i.title]));
const legacy = new Map(legacyFormItems.map((i) => [i.code, i.title]));

/** Sort key of an 8-K item code: `2.02` → 202, legacy `7` → 700. */
export function itemOrder8k(code: string): number {
  const [major, minor] = code.split('.');
  return Number(major) * 100 + Number(minor ?? 0);
}

/**
 * Builds the 8-K catalog.
 * @param regimes which numberings to accept: `current`, `legacy` or both
 * @returns the catalog `locateSections` reads (items only; 8-Ks have no parts)
 */
export function createCatalog8k(regimes: { current: boolean; legacy: boolean }): FormCatalog {
  return {
    resolve(kind, written): CatalogEntry[] {
      if (kind !== 'item') return [];
      const code = /^\d+\.\d$/.test(written) ? `${written}0` : written;
      const title = code.includes('.')
        ? regimes.current
          ? current.get(code)
          : undefined
        : regimes.legacy
          ? legacy.get(code)
          : undefined;
      if (title === undefined) return [];
      return [{ kind: 'item', code, order: itemOrder8k(code), title }];
    },
  };
}
