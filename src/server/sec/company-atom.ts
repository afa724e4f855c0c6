/**
 * `browse-edgar?action=getcompany&CIK=...&output=atom`: a company's filings as SEC's Atom feed.
 * @module
 */
import type { Address } from '../../core/submission.ts';
import { toAtomTime, toSizeLabel } from './dates.ts';
import { escapeXml as x } from './escape.ts';
import { formName } from './form-names.ts';
import type { SecEntity, SecFilingRow } from './types.ts';

/** Feed options. */
export interface CompanyAtomOptions {
  /** Origin that links point to (`https://www.sec.gov` on SEC; our own origin here). */
  baseUrl: string;
  /** The `type` filter as requested ('' for none). */
  type: string;
  start: number;
  count: number;
  /** Feed `updated` (ISO with offset). */
  updated: string;
}

/**
 * Render the company Atom feed.
 * @example toCompanyAtom(entity, rows, { baseUrl: 'http://127.0.0.1:8080', type: '', start: 0, count: 40, updated })
 */
export function toCompanyAtom(
  entity: SecEntity,
  filings: readonly SecFilingRow[],
  options: CompanyAtomOptions,
): string {
  const base = options.baseUrl;
  const cik = entity.cik;
  const browse = `${base}/cgi-bin/browse-edgar?action=getcompany`;
  const out: string[] = [
    '<?xml version="1.0" encoding="ISO-8859-1" ?>',
    '  <feed xmlns="http://www.w3.org/2005/Atom">',
    '    <author>',
    '      <email>webmaster@sec.gov</email>',
    '      <name>Webmaster</name>',
    '    </author>',
    '    <company-info>',
    '      <addresses>',
    ...address('mailing', entity.mailAddress),
    ...address('business', entity.businessAddress),
    '      </addresses>',
  ];
  if (entity.sic) {
    out.push(
      `      <assigned-sic>${x(entity.sic)}</assigned-sic>`,
      `      <assigned-sic-desc>${x((entity.sicDescription ?? '').toUpperCase())}</assigned-sic-desc>`,
      `      <assigned-sic-href>${x(`${browse}&SIC=${entity.sic}&owner=exclude&count=100`)}</assigned-sic-href>`,
    );
  }
  out.push(
    `      <cik>${cik}</cik>`,
    `      <cik-href>${x(`${browse}&CIK=${cik}&owner=exclude&count=100`)}</cik-href>`,
    `      <conformed-name>${x(entity.name)}</conformed-name>`,
  );
  if (entity.fiscalYearEnd) out.push(`      <fiscal-year-end>${x(entity.fiscalYearEnd)}</fiscal-year-end>`);
  if (entity.formerNames.length > 0) {
    out.push(`      <formerly-names count="${entity.formerNames.length}">`);
    for (const f of entity.formerNames) {
      out.push('        <names>');
      if (f.to) out.push(`          <date>${f.to}</date>`);
      out.push(`          <name>${x(f.name)}</name>`, '        </names>');
    }
    out.push('      </formerly-names>');
  }
  const state = entity.businessAddress?.stateOrCountry;
  if (state) {
    out.push(
      `      <state-location>${x(state)}</state-location>`,
      `      <state-location-href>${x(`${browse}&State=${state}&owner=exclude&count=100`)}</state-location-href>`,
    );
  }
  if (entity.stateOfIncorporation) {
    out.push(`      <state-of-incorporation>${x(entity.stateOfIncorporation)}</state-of-incorporation>`);
  }
  out.push('    </company-info>');
  for (const f of filings) out.push(...entry(f, base));
  const query = `&CIK=${cik}${options.type ? `&type=${options.type}` : ''}&owner=exclude&start=${options.start}&count=${options.count}`;
  out.push(
    `    <id>${x(`${browse}&CIK=${cik}`)}</id>`,
    `    <link href="${x(`${browse}${query}`)}" rel="alternate" type="text/html" />`,
    `    <link href="${x(`${browse}${query}&output=atom`)}" rel="self" type="application/atom+xml" />`,
  );
  if (filings.length === options.count) {
    const next = `&CIK=${cik}${options.type ? `&type=${options.type}` : ''}&owner=exclude&start=${options.start + options.count}&count=${options.count}&output=atom`;
    out.push(`    <link href="${x(`${browse}${next}`)}" rel="next" type="application/atom+xml" />`);
  }
  out.push(
    `    <title>${x(entity.name)}  (${cik})</title>`,
    `    <updated>${options.updated}</updated>`,
    '  </feed>',
    '',
  );
  return out.join('\n');
}

function address(type: string, a: Address | undefined): string[] {
  if (!a) return [];
  const out = [`        <address type="${type}">`];
  if (a.city) out.push(`          <city>${x(a.city)}</city>`);
  if (type === 'business' && a.phone) out.push(`          <phone>${x(a.phone)}</phone>`);
  if (a.stateOrCountry) out.push(`          <state>${x(a.stateOrCountry)}</state>`);
  if (a.street1) out.push(`          <street1>${x(a.street1)}</street1>`);
  if (a.street2) out.push(`          <street2>${x(a.street2)}</street2>`);
  if (a.zipCode) out.push(`          <zip>${x(a.zipCode)}</zip>`);
  out.push('        </address>');
  return out;
}

function itemsDesc(items: readonly string[]): string {
  if (items.length === 1) return `item ${items[0]}`;
  return `items ${items.slice(0, -1).join(', ')}and${items.at(-1)}`;
}

function entry(f: SecFilingRow, base: string): string[] {
  const cikPlain = f.cik.replace(/^0+/, '');
  const folder = `${base}/Archives/edgar/data/${cikPlain}/${f.accessionNumber.replaceAll('-', '')}`;
  const href = `${folder}/${f.accessionNumber}-index.htm`;
  const amend = f.form.endsWith('/A');
  const name = formName(f.form);
  const size = toSizeLabel(f.size);
  const out = [
    '    <entry>',
    `      <category label="form type" scheme="https://www.sec.gov/" term="${x(f.form)}" />`,
    '      <content type="text/xml">',
    `        <accession-number>${f.accessionNumber}</accession-number>`,
  ];
  if (f.act) out.push(`        <act>${x(f.act)}</act>`);
  if (amend) out.push('        <amend>[Amend]</amend>');
  if (f.fileNumber) {
    out.push(
      `        <file-number>${x(f.fileNumber)}</file-number>`,
      `        <file-number-href>${x(`${base}/cgi-bin/browse-edgar?action=getcompany&filenum=${f.fileNumber}&owner=exclude&count=100`)}</file-number-href>`,
    );
  }
  out.push(
    `        <filing-date>${f.filingDate}</filing-date>`,
    `        <filing-href>${x(href)}</filing-href>`,
    `        <filing-type>${x(f.form)}</filing-type>`,
  );
  if (f.filmNumber) out.push(`        <film-number>${x(f.filmNumber)}</film-number>`);
  out.push(`        <form-name>${x(name)}</form-name>`);
  if (f.items.length > 0) out.push(`        <items-desc>${x(itemsDesc(f.items))}</items-desc>`);
  out.push(`        <size>${size}</size>`);
  if (f.isXBRL) {
    out.push(
      `        <xbrl_href>${x(`${base}/cgi-bin/viewer?action=view&cik=${cikPlain}&accession_number=${f.accessionNumber}&xbrl_type=v`)}</xbrl_href>`,
    );
  }
  const summary = `<b>Filed:</b> ${f.filingDate} <b>AccNo:</b> ${f.accessionNumber} <b>Size:</b> ${size}`;
  out.push(
    '      </content>',
    `      <id>urn:tag:sec.gov,2008:accession-number=${f.accessionNumber}</id>`,
    `      <link href="${x(href)}" rel="alternate" type="text/html" />`,
    `      <summary type="html"> ${x(summary)}</summary>`,
    `      <title>${x(f.form)}${amend ? ' [Amend]' : ''}  - ${x(name)}</title>`,
    `      <updated>${toAtomTime(f.acceptanceDateTime, f.filingDate)}</updated>`,
    '    </entry>',
  );
  return out;
}
