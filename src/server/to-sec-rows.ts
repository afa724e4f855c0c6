/**
 * Store records → the plain rows the SEC-format generators take.
 * @module
 */
import type { DocumentRecord, EntityRecord, FilingSummary } from '../store/store.ts';
import type { SecDocumentRow, SecEntity, SecFilingRow } from './sec/types.ts';

/**
 * One row per distinct party CIK of a filing (SEC lists a Form 4 under its owner and its issuer).
 * @example toSecRows(summary).map((r) => r.cik)
 */
export function toSecRows(f: FilingSummary): SecFilingRow[] {
  const seen = new Set<string>();
  const out: SecFilingRow[] = [];
  const parties = f.parties.length > 0 ? f.parties : [{ cik: f.cik, name: f.companyName, role: 'filer' }];
  for (const p of parties) {
    if (!p.cik || seen.has(p.cik)) continue;
    seen.add(p.cik);
    out.push(toSecRow(f, p.cik));
  }
  return out;
}

/**
 * The row of a filing as listed under one CIK (that party's name, role and filing values).
 * @example toSecRow(summary, '0001279704').companyName
 */
export function toSecRow(f: FilingSummary, cik: string): SecFilingRow {
  const p = f.parties.find((x) => x.cik === cik);
  const row: SecFilingRow = {
    accessionNumber: f.accession,
    cik,
    companyName: p?.name ?? f.companyName,
    form: f.form,
    filingDate: f.filingDate,
    items: f.items,
    size: f.size,
    isXBRL: f.isXbrl,
    isInlineXBRL: f.isInlineXbrl,
  };
  if (p) row.role = p.role;
  if (f.reportDate) row.reportDate = f.reportDate;
  if (f.acceptanceDateTime) row.acceptanceDateTime = f.acceptanceDateTime;
  const act = p?.act ?? f.act;
  const fileNumber = p?.fileNumber ?? f.fileNumber;
  const filmNumber = p?.filmNumber ?? f.filmNumber;
  if (act) row.act = act;
  if (fileNumber) row.fileNumber = fileNumber;
  if (filmNumber) row.filmNumber = filmNumber;
  if (f.primaryDocument) row.primaryDocument = f.primaryDocument;
  if (f.primaryDocDescription) row.primaryDocDescription = f.primaryDocDescription;
  return row;
}

/** An entity record as the generators take it. */
export function toSecEntity(e: EntityRecord): SecEntity {
  const out: SecEntity = {
    cik: e.cik,
    name: e.name,
    entityType: e.entityType === 'company' ? 'operating' : 'other',
    formerNames: e.formerNames.map((n) => {
      const f: { name: string; from?: string; to?: string } = { name: n.name };
      if (n.from) f.from = n.from;
      if (n.to) f.to = n.to;
      return f;
    }),
  };
  if (e.sic) out.sic = e.sic;
  if (e.sicDescription) out.sicDescription = e.sicDescription;
  if (e.irsNumber) out.irsNumber = e.irsNumber;
  if (e.stateOfIncorporation) out.stateOfIncorporation = e.stateOfIncorporation;
  if (e.fiscalYearEnd) out.fiscalYearEnd = e.fiscalYearEnd;
  if (e.businessAddress) out.businessAddress = e.businessAddress;
  if (e.mailAddress) out.mailAddress = e.mailAddress;
  return out;
}

/** Document metadata as the folder listings take it. */
export function toSecDocuments(docs: readonly DocumentRecord[]): SecDocumentRow[] {
  return docs.map((d) => {
    const row: SecDocumentRow = { sequence: d.sequence, filename: d.filename, type: d.type, size: d.size };
    if (d.description) row.description = d.description;
    return row;
  });
}
