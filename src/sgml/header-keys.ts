/**
 * The indented (`.txt`) ↔ tagged (`.nc`) header key mapping (edgar-formats.md §1.4, §1.5).
 * Tag names are the canonical keys the typed view reads.
 * @module
 */

/** Indented key → tag name, for every key whose spelling differs beyond spaces → hyphens. */
export const indentedToTag: Readonly<Record<string, string>> = {
  'ACCESSION NUMBER': 'ACCESSION-NUMBER',
  'CONFORMED SUBMISSION TYPE': 'TYPE',
  'PUBLIC DOCUMENT COUNT': 'PUBLIC-DOCUMENT-COUNT',
  'CONFORMED PERIOD OF REPORT': 'PERIOD',
  'ITEM INFORMATION': 'ITEMS',
  'FILED AS OF DATE': 'FILING-DATE',
  'DATE AS OF CHANGE': 'DATE-OF-FILING-DATE-CHANGE',
  'EFFECTIVENESS DATE': 'EFFECTIVENESS-DATE',
  'GROUP MEMBERS': 'GROUP-MEMBERS',
  'CONFIRMING COPY': 'CONFIRMING-COPY',
  'ABS ASSET CLASS': 'ABS-ASSET-CLASS',
  'ABS SUB ASSET CLASS': 'ABS-SUB-ASSET-CLASS',
  'SUBJECT COMPANY': 'SUBJECT-COMPANY',
  'FILED BY': 'FILED-BY',
  'REPORTING-OWNER': 'REPORTING-OWNER',
  'SERIAL COMPANY': 'SERIAL-COMPANY',
  'FILED FOR': 'FILED-FOR',
  'ISSUING ENTITY': 'ISSUING-ENTITY',
  'COMPANY DATA': 'COMPANY-DATA',
  'OWNER DATA': 'OWNER-DATA',
  'COMPANY CONFORMED NAME': 'CONFORMED-NAME',
  'CENTRAL INDEX KEY': 'CIK',
  'STANDARD INDUSTRIAL CLASSIFICATION': 'ASSIGNED-SIC',
  'ORGANIZATION NAME': 'ORGANIZATION-NAME',
  'IRS NUMBER': 'IRS-NUMBER',
  'STATE OF INCORPORATION': 'STATE-OF-INCORPORATION',
  'FISCAL YEAR END': 'FISCAL-YEAR-END',
  'FILING VALUES': 'FILING-VALUES',
  'FORM TYPE': 'FORM-TYPE',
  'SEC ACT': 'ACT',
  'SEC FILE NUMBER': 'FILE-NUMBER',
  'FILM NUMBER': 'FILM-NUMBER',
  'BUSINESS ADDRESS': 'BUSINESS-ADDRESS',
  'MAIL ADDRESS': 'MAIL-ADDRESS',
  'STREET 1': 'STREET1',
  'STREET 2': 'STREET2',
  'BUSINESS PHONE': 'PHONE',
  'FORMER COMPANY': 'FORMER-COMPANY',
  'FORMER NAME': 'FORMER-NAME',
  'FORMER CONFORMED NAME': 'FORMER-CONFORMED-NAME',
  'DATE OF NAME CHANGE': 'DATE-CHANGED',
};

/** Tag name → indented key (the inverse of `indentedToTag`). */
export const tagToIndented: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(indentedToTag).map(([k, v]) => [v, k]),
);

/**
 * The canonical (tag) name of a header key written either way.
 * @example canonicalKey('CENTRAL INDEX KEY') // 'CIK'
 */
export function canonicalKey(key: string): string {
  let c = cache.get(key);
  if (c === undefined) {
    const k = key.toUpperCase();
    c = indentedToTag[k] ?? k.replaceAll('_', '-').replaceAll(' ', '-');
    if (cache.size < 10_000) cache.set(key, c);
  }
  return c;
}

const cache = new Map<string, string>();

/** Role block tag → `PartyRole`. */
export const roleByTag: Readonly<Record<string, string>> = {
  FILER: 'filer',
  'SUBJECT-COMPANY': 'subject-company',
  'FILED-BY': 'filed-by',
  'REPORTING-OWNER': 'reporting-owner',
  ISSUER: 'issuer',
  'SERIAL-COMPANY': 'serial-company',
  DEPOSITOR: 'depositor',
  SECURITIZER: 'securitizer',
  'FILED-FOR': 'filed-for',
  'ISSUING-ENTITY': 'issuing-entity',
  UNDERWRITER: 'underwriter',
};
