/**
 * Form 10-K (and 10-K405, 10-KSB) Parts and Items (Regulation S-K; edgar-formats.md §7.3).
 * @module
 */

import type { CatalogEntry, FormCatalog } from '../form-catalog.ts';

/** Standard 10-K item titles by code. */
export const items10k: Readonly<Record<string, string>> = {
  '1': 'Business',
  '1A': 'Risk Factors',
  '1B': 'Unresolved Staff Comments',
  '1C': 'Cybersecurity',
  '2': 'Properties',
  '3': 'Legal Proceedings',
  '4': 'Mine Safety Disclosures',
  '5': "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities",
  '6': '[Reserved]',
  '7': "Management's Discussion and Analysis of Financial Condition and Results of Operations",
  '7A': 'Quantitative and Qualitative Disclosures About Market Risk',
  '8': 'Financial Statements and Supplementary Data',
  '9': 'Changes in and Disagreements with Accountants on Accounting and Financial Disclosure',
  '9A': 'Controls and Procedures',
  '9B': 'Other Information',
  '9C': 'Disclosure Regarding Foreign Jurisdictions that Prevent Inspections',
  '10': 'Directors, Executive Officers and Corporate Governance',
  '11': 'Executive Compensation',
  '12': 'Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters',
  '13': 'Certain Relationships and Related Transactions, and Director Independence',
  '14': 'Principal Accountant Fees and Services',
  '15': 'Exhibits and Financial Statement Schedules',
  '16': 'Form 10-K Summary',
};

/** 10-KSB items differ from Item 6 on (edgar-formats.md has no table; from the form itself). */
const items10ksb: Readonly<Record<string, string>> = {
  '1': 'Description of Business',
  '2': 'Description of Property',
  '3': 'Legal Proceedings',
  '4': 'Submission of Matters to a Vote of Security Holders',
  '5': 'Market for Common Equity and Related Stockholder Matters',
  '6': "Management's Discussion and Analysis or Plan of Operation",
  '7': 'Financial Statements',
  '8': 'Changes in and Disagreements with Accountants on Accounting and Financial Disclosure',
  '8A': 'Controls and Procedures',
  '8B': 'Other Information',
  '9': 'Directors, Executive Officers, Promoters and Control Persons',
  '10': 'Executive Compensation',
  '11': 'Security Ownership of Certain Beneficial Owners and Management',
  '12': 'Certain Relationships and Related Transactions',
  '13': 'Exhibits',
  '14': 'Principal Accountant Fees and Services',
};

const partTitles: Readonly<Record<string, string>> = {
  I: 'Part I',
  II: 'Part II',
  III: 'Part III',
  IV: 'Part IV',
};

/** Sort key of an item code: `7` → 70, `7A` → 71. */
function itemOrder(code: string): number {
  const m = /^(\d+)([A-C]?)$/.exec(code);
  if (!m) return -1;
  return Number(m[1]) * 10 + (m[2] === '' ? 0 : (m[2] as string).charCodeAt(0) - 64);
}

/**
 * Builds the catalog of a 10-K-like form.
 * @param small true for 10-KSB (items 1–14, Part III from Item 9)
 * @returns the catalog `locateSections` reads
 */
export function createCatalog10k(small: boolean): FormCatalog {
  const titles = small ? items10ksb : items10k;
  // A Part heading sorts just before its first item.
  const partFirstItem: Record<string, number> = small
    ? { I: 1, II: 5, III: 9, IV: 13 }
    : { I: 1, II: 5, III: 10, IV: 15 };
  return {
    resolve(kind, written): CatalogEntry[] {
      if (kind === 'part') {
        const first = partFirstItem[written];
        if (first === undefined) return [];
        const title = partTitles[written] ?? written;
        const entries = [{ kind, code: written, order: first * 10 - 5, title }];
        // Before 2003 Part IV began at Item 14 (then "Exhibits, Financial Statement Schedules and Reports on Form 8-K").
        if (written === 'IV' && !small) entries.unshift({ kind, code: written, order: 135, title });
        return entries;
      }
      const title = titles[written];
      if (title === undefined) return [];
      return [{ kind, code: written, order: itemOrder(written), title }];
    },
  };
}
