/**
 * The Form 8-K item catalog: current items 1.01-9.01 (effective 2004-08-23) and legacy Items 1-12,
 * with title ↔ code lookups tolerant of case and punctuation (edgar-formats.md §7.1, §7.2).
 * @module
 */

/** One 8-K item. */
export interface FormItem {
  /** `7.01` (current) or `9` (legacy). */
  code: string;
  /** Title as EDGAR's `ITEM INFORMATION:` header line writes it. */
  title: string;
  /** `current` (2004-08-23 on) or `legacy` (before). */
  regime: 'current' | 'legacy';
  /** For legacy items, the current item that replaced it. */
  successor?: string;
}

/** The day the current 8-K item numbering took effect. */
export const currentItemsEffectiveDate = '2004-08-23';

/** Current Form 8-K items (2004-08-23 on). */
export const currentFormItems: readonly FormItem[] = (
  [
    ['1.01', 'Entry into a Material Definitive Agreement'],
    ['1.02', 'Termination of a Material Definitive Agreement'],
    ['1.03', 'Bankruptcy or Receivership'],
    ['1.04', 'Mine Safety - Reporting of Shutdowns and Patterns of Violations'],
    ['1.05', 'Material Cybersecurity Incidents'],
    ['2.01', 'Completion of Acquisition or Disposition of Assets'],
    ['2.02', 'Results of Operations and Financial Condition'],
    [
      '2.03',
      'Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant',
    ],
    [
      '2.04',
      'Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement',
    ],
    ['2.05', 'Costs Associated with Exit or Disposal Activities'],
    ['2.06', 'Material Impairments'],
    [
      '3.01',
      'Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing',
    ],
    ['3.02', 'Unregistered Sales of Equity Securities'],
    ['3.03', 'Material Modification to Rights of Security Holders'],
    ['4.01', "Changes in Registrant's Certifying Accountant"],
    [
      '4.02',
      'Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review',
    ],
    ['5.01', 'Changes in Control of Registrant'],
    [
      '5.02',
      'Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers',
    ],
    ['5.03', 'Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year'],
    ['5.04', "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"],
    ['5.05', "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"],
    ['5.06', 'Change in Shell Company Status'],
    ['5.07', 'Submission of Matters to a Vote of Security Holders'],
    ['5.08', 'Shareholder Director Nominations'],
    ['6.01', 'ABS Informational and Computational Material'],
    ['6.02', 'Change of Servicer or Trustee'],
    ['6.03', 'Change in Credit Enhancement or Other External Support'],
    ['6.04', 'Failure to Make a Required Distribution'],
    ['6.05', 'Securities Act Updating Disclosure'],
    ['6.06', 'Static Pool'],
    ['6.10', 'Alternative Filings of Asset-Backed Issuers'],
    ['7.01', 'Regulation FD Disclosure'],
    ['8.01', 'Other Events'],
    ['9.01', 'Financial Statements and Exhibits'],
  ] as const
).map(([code, title]) => ({ code, title, regime: 'current' as const }));

/** Legacy Form 8-K items (before 2004-08-23), with their current successors. */
export const legacyFormItems: readonly FormItem[] = (
  [
    ['1', 'Changes in Control of Registrant', '5.01'],
    ['2', 'Acquisition or Disposition of Assets', '2.01'],
    ['3', 'Bankruptcy or Receivership', '1.03'],
    ['4', "Changes in Registrant's Certifying Accountant", '4.01'],
    ['5', 'Other Events', '8.01'],
    ['6', "Resignations of Registrant's Directors", '5.02'],
    ['7', 'Financial Statements, Pro Forma Financial Information and Exhibits', '9.01'],
    ['8', 'Change in Fiscal Year', '5.03'],
    ['9', 'Regulation FD Disclosure', '7.01'],
    [
      '10',
      "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
      '5.05',
    ],
    ['11', "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans", '5.04'],
    ['12', 'Results of Operations and Financial Condition', '2.02'],
  ] as const
).map(([code, title, successor]) => ({ code, title, regime: 'legacy' as const, successor }));

/** Extra title spellings seen in headers, by normalised title → code (regime-independent). */
const aliases: Readonly<Record<string, string>> = {
  [normalizeItemTitle('Other Events and Regulation FD Disclosure')]: '5',
  [normalizeItemTitle('Mine Safety Reporting of Shutdowns and Patterns of Violations')]: '1.04',
};

/** Lower-case, letters and digits only, single spaces: `"Regulation FD  Disclosure."` → `regulation fd disclosure`. */
export function normalizeItemTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const currentByTitle = new Map(currentFormItems.map((i) => [normalizeItemTitle(i.title), i.code]));
const legacyByTitle = new Map(legacyFormItems.map((i) => [normalizeItemTitle(i.title), i.code]));
const byCode = new Map([...legacyFormItems, ...currentFormItems].map((i) => [i.code, i]));

/**
 * The item code for an `ITEM INFORMATION:` title, tolerant of case and punctuation.
 * Titles valid in both regimes resolve to the current code unless `filingDate` (ISO) is before
 * 2004-08-23. Returns undefined for unknown titles.
 * @example itemCodeFromTitle('Regulation FD Disclosure') // '7.01'
 * @example itemCodeFromTitle('Regulation FD Disclosure', '2003-05-01') // '9'
 */
export function itemCodeFromTitle(title: string, filingDate?: string): string | undefined {
  const key = normalizeItemTitle(title);
  if (/^\d+(\.\d+)?$/.test(title.trim())) return byCode.has(title.trim()) ? title.trim() : undefined;
  const legacy = filingDate !== undefined && filingDate < currentItemsEffectiveDate;
  const first = legacy ? legacyByTitle : currentByTitle;
  const second = legacy ? currentByTitle : legacyByTitle;
  return first.get(key) ?? second.get(key) ?? aliases[key];
}

/**
 * The title of an item code (`7.01` → `Regulation FD Disclosure`; legacy `9` → the legacy title).
 * @example itemTitle('9.01') // 'Financial Statements and Exhibits'
 */
export function itemTitle(code: string): string | undefined {
  return byCode.get(code.trim())?.title;
}
