/**
 * `browse-edgar?action=getcurrent&output=atom`: the latest filings, one entry per (filing, entity).
 * @module
 */
import { toAtomTime, toSizeLabel } from './dates.ts';
import { escapeXml as x } from './escape.ts';
import type { SecFilingRow } from './types.ts';

const ROLE_LABELS: Record<string, string> = {
  filer: 'Filer',
  issuer: 'Issuer',
  'reporting-owner': 'Reporting',
  'subject-company': 'Subject',
  'filed-by': 'Filed by',
};

/** Feed options. */
export interface CurrentAtomOptions {
  /** Origin that links point to. */
  baseUrl: string;
  /** Feed `updated`: ISO with the Eastern offset. */
  updated: string;
  /** Human form of `updated` for the title (`Fri, 12 Dec 2025 18:03:31 EST`). */
  updatedLabel: string;
}

/**
 * Render the latest-filings Atom feed.
 * @example toCurrentAtom(rows, { baseUrl, updated: '2025-12-12T18:03:31-05:00', updatedLabel: 'Fri, 12 Dec 2025 18:03:31 EST' })
 */
export function toCurrentAtom(rows: readonly SecFilingRow[], options: CurrentAtomOptions): string {
  const base = options.baseUrl;
  const out = [
    '<?xml version="1.0" encoding="ISO-8859-1" ?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>Latest Filings - ${x(options.updatedLabel)}</title>`,
    '<link rel="alternate" href="/cgi-bin/browse-edgar?action=getcurrent"/>',
    '<link rel="self" href="/cgi-bin/browse-edgar?action=getcurrent"/>',
    `<id>${x(base)}/cgi-bin/browse-edgar?action=getcurrent</id>`,
    '<author><name>Webmaster</name><email>webmaster@sec.gov</email></author>',
    `<updated>${options.updated}</updated>`,
  ];
  for (const f of rows) {
    const href = `${base}/Archives/edgar/data/${f.cik.replace(/^0+/, '')}/${f.accessionNumber.replaceAll('-', '')}/${f.accessionNumber}-index.htm`;
    const role = ROLE_LABELS[f.role ?? 'filer'] ?? 'Filer';
    const summary = `<b>Filed:</b> ${f.filingDate} <b>AccNo:</b> ${f.accessionNumber} <b>Size:</b> ${toSizeLabel(f.size)}`;
    out.push(
      '<entry>',
      `<title>${x(f.form)} - ${x(f.companyName)} (${f.cik}) (${role})</title>`,
      `<link rel="alternate" type="text/html" href="${x(href)}"/>`,
      `<summary type="html"> ${x(summary)}</summary>`,
      `<updated>${toAtomTime(f.acceptanceDateTime, f.filingDate)}</updated>`,
      `<category scheme="https://www.sec.gov/" label="form type" term="${x(f.form)}"/>`,
      `<id>urn:tag:sec.gov,2008:accession-number=${f.accessionNumber}</id>`,
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
