/**
 * Short descriptions of common form types, as browse-edgar feeds show them in `form-name`.
 * @module
 */

const NAMES: Record<string, string> = {
  '8-K': 'Current report',
  '10-K': 'Annual report [Section 13 and 15(d), not S-K Item 405]',
  '10-Q': 'Quarterly report [Sections 13 or 15(d)]',
  '20-F': 'Annual and transition report of foreign private issuers [Sections 13 or 15(d)]',
  '6-K': 'Current report of foreign issuer pursuant to Rules 13a-16 and 15d-16',
  '3': 'Initial statement of beneficial ownership of securities',
  '4': 'Statement of changes in beneficial ownership of securities',
  '5': 'Annual statement of changes in beneficial ownership of securities',
  '144': 'Report of proposed sale of securities',
  'S-1': 'General form for registration of securities under the Securities Act of 1933',
  'S-3': 'Registration statement under Securities Act of 1933',
  'S-4': 'Registration statement for securities to be issued in business combination transactions',
  'S-8': 'Securities to be offered to employees in employee benefit plans',
  'DEF 14A': 'Other definitive proxy statements',
  'SC 13D': 'General statement of acquisition of beneficial ownership',
  'SC 13G': 'Statement of acquisition of beneficial ownership by individuals',
  '13F-HR': 'Initial quarterly Form 13F holdings report filed by institutional managers',
  D: 'Notice of Exempt Offering of Securities',
  '424B5': 'Prospectus [Rule 424(b)(5)]',
  'N-PX': 'Annual Report of Proxy Voting Record of Registered Management Investment Companies',
};

/**
 * The feed's `form-name` for a form type (amendments use their base form's name).
 * @example formName('8-K/A') // 'Current report'
 */
export function formName(form: string): string {
  // Form types come from filings: own keys only (`constructor` is no form name).
  const named = (f: string) => (Object.hasOwn(NAMES, f) ? NAMES[f] : undefined);
  return named(form) ?? named(form.replace(/\/A$/, '')) ?? form;
}
