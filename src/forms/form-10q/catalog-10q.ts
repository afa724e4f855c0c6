/**
 * Form 10-Q Parts and Items (edgar-formats.md §7.4). Item numbers repeat across parts, so codes
 * are part-qualified: `I-2` is MD&A, `II-1A` is Risk Factors.
 * @module
 */

import type { CatalogEntry, FormCatalog } from '../form-catalog.ts';

/** Standard 10-Q item titles by part-qualified code. */
export const items10q: Readonly<Record<string, string>> = {
  'I-1': 'Financial Statements',
  'I-2': "Management's Discussion and Analysis of Financial Condition and Results of Operations",
  'I-3': 'Quantitative and Qualitative Disclosures About Market Risk',
  'I-4': 'Controls and Procedures',
  'II-1': 'Legal Proceedings',
  'II-1A': 'Risk Factors',
  'II-2': 'Unregistered Sales of Equity Securities and Use of Proceeds',
  'II-3': 'Defaults Upon Senior Securities',
  'II-4': 'Mine Safety Disclosures',
  'II-5': 'Other Information',
  'II-6': 'Exhibits',
};

const order = [
  'I',
  'I-1',
  'I-2',
  'I-3',
  'I-4',
  'II',
  'II-1',
  'II-1A',
  'II-2',
  'II-3',
  'II-4',
  'II-5',
  'II-6',
];

/**
 * Builds the 10-Q catalog: an "Item 2" heading may stand for `I-2` or `II-2`; the sequence decides.
 * @returns the catalog `locateSections` reads
 */
export function createCatalog10q(): FormCatalog {
  return {
    resolve(kind, written): CatalogEntry[] {
      if (kind === 'part') {
        if (written !== 'I' && written !== 'II') return [];
        return [{ kind, code: written, order: order.indexOf(written), title: `Part ${written}` }];
      }
      const entries: CatalogEntry[] = [];
      for (const part of ['I', 'II']) {
        const code = `${part}-${written}`;
        const title = items10q[code];
        if (title !== undefined) entries.push({ kind, code, order: order.indexOf(code), title });
      }
      return entries;
    },
  };
}
