/**
 * Exhibit classification by `<TYPE>` code (Regulation S-K Item 601; edgar-formats.md §7.5).
 * @module
 */

import type { ExhibitClass } from '../core/section.ts';

type Category = readonly [category: string, label: string];

/** Category and label by exhibit major number. */
const byNumber: Readonly<Record<number, Category>> = {
  1: ['underwriting-agreement', 'Underwriting agreement'],
  2: ['acquisition-plan', 'Plan of acquisition, reorganization or succession'],
  3: ['articles-bylaws', 'Articles of incorporation or bylaws'],
  4: ['instrument', 'Instrument defining the rights of security holders'],
  5: ['legal-opinion', 'Opinion on legality'],
  7: ['accountant-letter', 'Letter from an independent accountant on non-reliance'],
  8: ['tax-opinion', 'Opinion on tax matters'],
  9: ['voting-trust', 'Voting trust agreement'],
  10: ['material-contract', 'Material contract'],
  11: ['eps-computation', 'Computation of per share earnings'],
  12: ['ratio-computation', 'Computation of ratios'],
  13: ['annual-report', 'Annual report to security holders'],
  14: ['code-of-ethics', 'Code of ethics'],
  15: ['accountant-letter', 'Letter on unaudited interim financial information'],
  16: ['accountant-letter', 'Letter on change in certifying accountant'],
  17: ['director-correspondence', 'Correspondence on departure of a director'],
  18: ['preferability-letter', 'Letter on change in accounting principles'],
  19: ['insider-trading-policy', 'Insider trading policies and procedures'],
  20: ['security-holder-document', 'Other document or statement to security holders'],
  21: ['subsidiaries', 'Subsidiaries of the registrant'],
  22: ['subsidiary-guarantors', 'Subsidiary guarantors and issuers of guaranteed securities'],
  23: ['consent', 'Consent of experts and counsel'],
  24: ['power-of-attorney', 'Power of attorney'],
  25: ['trustee-eligibility', 'Statement of eligibility of trustee'],
  26: ['competitive-bids', 'Invitation for competitive bids'],
  27: ['financial-data-schedule', 'Financial data schedule'],
  31: ['certification', 'Rule 13a-14(a)/15d-14(a) certification'],
  32: ['certification', 'Section 1350 certification'],
  33: ['abs-servicing', 'Report on assessment of compliance with servicing criteria'],
  34: ['abs-servicing', 'Attestation report on assessment of compliance with servicing criteria'],
  35: ['abs-servicing', 'Servicer compliance statement'],
  95: ['mine-safety', 'Mine safety disclosure'],
  96: ['technical-report', 'Technical report summary'],
  97: ['clawback-policy', 'Policy on recovery of erroneously awarded compensation'],
  99: ['additional-exhibit', 'Additional exhibit'],
  100: ['xbrl', 'XBRL-related document'],
  101: ['xbrl', 'XBRL document'],
  102: ['abs-asset-data', 'Asset data file'],
  103: ['abs-asset-data', 'Asset related document'],
  104: ['cover-page-xbrl', 'Cover page interactive data file'],
  106: ['abs-static-pool', 'Static pool'],
  107: ['filing-fees', 'Filing fee table'],
};

const pressRelease = /\b(?:press|news|earnings)[\s-]*releases?\b|for immediate release/i;
const exhibitType = /^EX-?\s*(\d{1,3})(?:\.([0-9A-Z]+))?/i;

/**
 * Classifies an exhibit by its `<TYPE>`; an `EX-99` whose description or first text says
 * "press release" / "news release" is a `press-release`.
 * @param type the document's `<TYPE>` (`EX-99.1`, `EX-10.2`, `EX-101.INS`)
 * @param description `<DESCRIPTION>`, or what the filing says about the exhibit
 * @param text the exhibit's first text, for press release detection
 * @returns the class, or undefined when `type` is not an exhibit (`8-K`, `GRAPHIC`, ...)
 * @example classifyExhibit('EX-99.1', 'Press release dated March 8, 2017') // { number: '99.1', category: 'press-release', label: 'Press release' }
 */
export function classifyExhibit(type: string, description?: string, text?: string): ExhibitClass | undefined {
  const trimmed = type.trim().toUpperCase();
  if (trimmed === 'EX-FILING FEES')
    return { number: 'FILING FEES', category: 'filing-fees', label: 'Filing fee table' };
  const m = exhibitType.exec(trimmed);
  if (!m) return undefined;
  const major = Number(m[1]);
  const number = m[2] === undefined ? String(major) : `${major}.${m[2]}`;
  const known = byNumber[major];
  if (
    major === 99 &&
    (pressRelease.test(description ?? '') || pressRelease.test((text ?? '').slice(0, 2000)))
  ) {
    return { number, category: 'press-release', label: 'Press release' };
  }
  if (known === undefined) return { number, category: 'other-exhibit', label: 'Other exhibit' };
  return { number, category: known[0], label: known[1] };
}
