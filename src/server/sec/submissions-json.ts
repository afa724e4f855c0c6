/**
 * data.sec.gov `submissions/CIK##########.json`: one entity with its filings as column arrays.
 * @module
 */
import type { Address } from '../../core/submission.ts';
import { toSecTimestamp } from './dates.ts';
import type { SecEntity, SecFilingRow } from './types.ts';

/** An address in SEC's JSON shape (missing parts are `null`, as SEC writes them). */
export interface SecJsonAddress {
  street1: string | null;
  street2: string | null;
  city: string | null;
  stateOrCountry: string;
  zipCode: string | null;
  stateOrCountryDescription: string;
}

/** The columns of `filings.recent`, one element per filing, newest first. */
export interface SecRecentFilings {
  accessionNumber: string[];
  filingDate: string[];
  reportDate: string[];
  acceptanceDateTime: string[];
  act: string[];
  form: string[];
  fileNumber: string[];
  filmNumber: string[];
  items: string[];
  size: number[];
  isXBRL: number[];
  isInlineXBRL: number[];
  primaryDocument: string[];
  primaryDocDescription: string[];
}

/** The whole `submissions/CIK##########.json` document. */
export interface SecSubmissionsJson {
  cik: string;
  entityType: string;
  sic: string;
  sicDescription: string;
  ownerOrg: string;
  insiderTransactionForOwnerExists: number;
  insiderTransactionForIssuerExists: number;
  name: string;
  tickers: string[];
  exchanges: string[];
  ein: string | null;
  description: string;
  website: string;
  investorWebsite: string;
  category: string;
  fiscalYearEnd: string | null;
  stateOfIncorporation: string;
  stateOfIncorporationDescription: string;
  addresses: { mailing: SecJsonAddress; business: SecJsonAddress };
  phone: string;
  flags: string;
  formerNames: Array<{ name: string; from: string; to: string }>;
  filings: {
    recent: SecRecentFilings;
    files: Array<{ name: string; filingCount: number; filingFrom: string; filingTo: string }>;
  };
}

const OWNERSHIP_FORMS = new Set(['3', '4', '5', '3/A', '4/A', '5/A']);

/**
 * Build the submissions JSON for one entity from its filings (any order; sorted newest first here).
 * @param entity the company or person
 * @param filings rows listed under this entity (`role` tells issuer from reporting owner)
 * @example toSubmissionsJson(entity, rows).filings.recent.accessionNumber[0]
 */
export function toSubmissionsJson(entity: SecEntity, filings: readonly SecFilingRow[]): SecSubmissionsJson {
  const sorted = [...filings].sort(
    (a, b) =>
      b.filingDate.localeCompare(a.filingDate) ||
      (b.acceptanceDateTime ?? '').localeCompare(a.acceptanceDateTime ?? '') ||
      b.accessionNumber.localeCompare(a.accessionNumber),
  );
  const recent: SecRecentFilings = {
    accessionNumber: [],
    filingDate: [],
    reportDate: [],
    acceptanceDateTime: [],
    act: [],
    form: [],
    fileNumber: [],
    filmNumber: [],
    items: [],
    size: [],
    isXBRL: [],
    isInlineXBRL: [],
    primaryDocument: [],
    primaryDocDescription: [],
  };
  let owner = 0;
  let issuer = 0;
  for (const f of sorted) {
    recent.accessionNumber.push(f.accessionNumber);
    recent.filingDate.push(f.filingDate);
    recent.reportDate.push(f.reportDate ?? '');
    recent.acceptanceDateTime.push(toSecTimestamp(f.acceptanceDateTime ?? f.filingDate));
    recent.act.push(f.act ?? '');
    recent.form.push(f.form);
    recent.fileNumber.push(f.fileNumber ?? '');
    recent.filmNumber.push(f.filmNumber ?? '');
    recent.items.push(f.items.join(','));
    recent.size.push(f.size);
    recent.isXBRL.push(f.isXBRL ? 1 : 0);
    recent.isInlineXBRL.push(f.isInlineXBRL ? 1 : 0);
    recent.primaryDocument.push(f.primaryDocument ?? '');
    recent.primaryDocDescription.push(f.primaryDocDescription ?? '');
    if (OWNERSHIP_FORMS.has(f.form)) {
      if (f.role === 'reporting-owner') owner = 1;
      if (f.role === 'issuer') issuer = 1;
    }
  }
  const phone = entity.businessAddress?.phone ?? '';
  return {
    cik: entity.cik.replace(/^0+/, ''),
    entityType: entity.entityType ?? (entity.sic ? 'operating' : 'other'),
    sic: entity.sic ?? '',
    sicDescription: entity.sicDescription ?? '',
    ownerOrg: entity.organizationName ?? '',
    insiderTransactionForOwnerExists: owner,
    insiderTransactionForIssuerExists: issuer,
    name: entity.name,
    tickers: entity.tickers ?? [],
    exchanges: entity.exchanges ?? [],
    ein: entity.irsNumber ?? null,
    description: '',
    website: '',
    investorWebsite: '',
    category: '',
    fiscalYearEnd: entity.fiscalYearEnd ?? null,
    stateOfIncorporation: entity.stateOfIncorporation ?? '',
    stateOfIncorporationDescription: entity.stateOfIncorporation ?? '',
    addresses: {
      mailing: toJsonAddress(entity.mailAddress),
      business: toJsonAddress(entity.businessAddress),
    },
    phone,
    flags: '',
    formerNames: toFormerNames(entity),
    filings: { recent, files: [] },
  };
}

/**
 * SEC writes a missing part as `null` and a missing state as `''` (seen in a real sample whose
 * business address is empty). A missing mailing address falls back to the business address.
 */
function toJsonAddress(a: Address | undefined): SecJsonAddress {
  return {
    street1: a?.street1 ?? null,
    street2: a?.street2 ?? null,
    city: a?.city ?? null,
    stateOrCountry: a?.stateOrCountry ?? '',
    zipCode: a?.zipCode ?? null,
    stateOrCountryDescription: a?.stateOrCountry ?? '',
  };
}

/** SEC's `formerNames`: newest first, `from`/`to` as timestamps (a missing `from` falls back to `to`). */
function toFormerNames(entity: SecEntity): Array<{ name: string; from: string; to: string }> {
  return entity.formerNames.map((f) => {
    const to = f.to ?? f.from ?? '';
    return { name: f.name, from: toSecTimestamp(f.from ?? to), to: toSecTimestamp(to) };
  });
}
