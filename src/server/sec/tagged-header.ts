/**
 * The tagged (`.hdr.sgml`) form of a submission header, generated from the parsed header.
 * It is what `-index-headers.html` carries in its HTML comment.
 * @module
 */
import type { Address, Party, SubmissionHeader } from '../../core/submission.ts';
import { toCompactDate } from './dates.ts';

/** The header fields the tagged form needs. */
export type TaggedHeaderInput = Pick<
  SubmissionHeader,
  | 'accessionNumber'
  | 'form'
  | 'publicDocumentCount'
  | 'reportDate'
  | 'filingDate'
  | 'dateOfChange'
  | 'effectivenessDate'
  | 'acceptanceDateTime'
  | 'items'
  | 'groupMembers'
  | 'parties'
>;

const ROLE_TAGS: Record<string, string> = {
  filer: 'FILER',
  'subject-company': 'SUBJECT-COMPANY',
  'filed-by': 'FILED-BY',
  'reporting-owner': 'REPORTING-OWNER',
  issuer: 'ISSUER',
  'serial-company': 'SERIAL-COMPANY',
  depositor: 'DEPOSITOR',
  securitizer: 'SECURITIZER',
  'filed-for': 'FILED-FOR',
  'issuing-entity': 'ISSUING-ENTITY',
  underwriter: 'UNDERWRITER',
};

/**
 * Lines of the tagged header, from `<SEC-HEADER>` to `</SEC-HEADER>` inclusive.
 * @param stamp the `YYYYMMDD` after `.hdr.sgml :` (SEC writes the generation date; we use the filing date)
 * @example toTaggedHeader(header, '20170308')[1] // '<ACCEPTANCE-DATETIME>20170308160221'
 */
export function toTaggedHeader(h: TaggedHeaderInput, stamp: string): string[] {
  const out = [`<SEC-HEADER>${h.accessionNumber}.hdr.sgml : ${stamp}`];
  const acc = h.acceptanceDateTime
    ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(h.acceptanceDateTime)
    : null;
  if (acc) out.push(`<ACCEPTANCE-DATETIME>${acc.slice(1).join('')}`);
  out.push(`<ACCESSION-NUMBER>${h.accessionNumber}`, `<TYPE>${h.form}`);
  if (h.publicDocumentCount !== undefined) out.push(`<PUBLIC-DOCUMENT-COUNT>${h.publicDocumentCount}`);
  if (h.reportDate) out.push(`<PERIOD>${toCompactDate(h.reportDate)}`);
  for (const item of h.items) out.push(`<ITEMS>${item}`);
  if (h.filingDate) out.push(`<FILING-DATE>${toCompactDate(h.filingDate)}`);
  if (h.dateOfChange) out.push(`<DATE-OF-FILING-DATE-CHANGE>${toCompactDate(h.dateOfChange)}`);
  if (h.effectivenessDate) out.push(`<EFFECTIVENESS-DATE>${toCompactDate(h.effectivenessDate)}`);
  for (const g of h.groupMembers) out.push(`<GROUP-MEMBERS>${g}`);
  for (const p of h.parties) out.push(...party(p));
  out.push('</SEC-HEADER>');
  return out;
}

function leaf(out: string[], tag: string, value: string | undefined): void {
  if (value !== undefined && value !== '') out.push(`<${tag}>${value}`);
}

function party(p: Party): string[] {
  const role = ROLE_TAGS[p.role] ?? String(p.role).toUpperCase();
  const data = p.kind === 'owner' ? 'OWNER-DATA' : 'COMPANY-DATA';
  const out = [`<${role}>`, `<${data}>`];
  leaf(out, 'CONFORMED-NAME', p.name);
  leaf(out, 'CIK', p.cik);
  leaf(out, 'ASSIGNED-SIC', p.sic);
  leaf(out, 'ORGANIZATION-NAME', p.organizationName);
  leaf(out, 'IRS-NUMBER', p.irsNumber);
  leaf(out, 'STATE-OF-INCORPORATION', p.stateOfIncorporation);
  leaf(out, 'FISCAL-YEAR-END', p.fiscalYearEnd);
  out.push(`</${data}>`);
  for (const v of p.filingValues) {
    out.push('<FILING-VALUES>');
    leaf(out, 'FORM-TYPE', v.formType);
    leaf(out, 'ACT', v.act);
    leaf(out, 'FILE-NUMBER', v.fileNumber);
    leaf(out, 'FILM-NUMBER', v.filmNumber);
    out.push('</FILING-VALUES>');
  }
  out.push(...address('BUSINESS-ADDRESS', p.businessAddress), ...address('MAIL-ADDRESS', p.mailAddress));
  for (const f of p.formerNames) {
    out.push('<FORMER-COMPANY>');
    leaf(out, 'FORMER-CONFORMED-NAME', f.name);
    if (f.date) leaf(out, 'DATE-CHANGED', toCompactDate(f.date));
    out.push('</FORMER-COMPANY>');
  }
  out.push(`</${role}>`);
  return out;
}

function address(tag: string, a: Address | undefined): string[] {
  if (!a) return [];
  const out = [`<${tag}>`];
  leaf(out, 'STREET1', a.street1);
  leaf(out, 'STREET2', a.street2);
  leaf(out, 'CITY', a.city);
  leaf(out, 'STATE', a.stateOrCountry);
  leaf(out, 'ZIP', a.zipCode);
  if (tag === 'BUSINESS-ADDRESS') leaf(out, 'PHONE', a.phone);
  out.push(`</${tag}>`);
  return out;
}
