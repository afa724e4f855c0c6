/**
 * `{accession}-index.htm`: the "Filing Detail" page, with SEC's element ids and classes
 * (`formGrouping`/`infoHead`/`info`, `tableFile`, `filerDiv`/`mailer`/`companyInfo`) so that
 * scrapers written for sec.gov find the same things.
 * @module
 */
import type { Address, Party } from '../../core/submission.ts';
import { toAcceptedTime } from './dates.ts';
import { escapeXml as x } from './escape.ts';
import { formName } from './form-names.ts';
import type { SecDocumentRow } from './types.ts';

/** What the page shows. */
export interface FilingIndexInput {
  accessionNumber: string;
  form: string;
  filingDate: string;
  acceptanceDateTime?: string;
  reportDate?: string;
  items: readonly string[];
  /** CIK of the folder the page lives in. */
  cik: string;
  /** Bytes of the complete submission `.txt`. */
  size: number;
  documents: readonly SecDocumentRow[];
  parties: readonly Party[];
}

const ROLE_LABELS: Record<string, string> = {
  filer: 'Filer',
  issuer: 'Issuer',
  'reporting-owner': 'Reporting',
  'subject-company': 'Subject',
  'filed-by': 'Filed by',
};

/**
 * Render the filing index page (static HTML, no scripts).
 * @example toFilingIndexHtml({ accessionNumber, form: '8-K', filingDate, cik, size, documents, parties, items: [] })
 */
export function toFilingIndexHtml(f: FilingIndexInput): string {
  const folder = `/Archives/edgar/data/${f.cik.replace(/^0+/, '')}/${f.accessionNumber.replaceAll('-', '')}`;
  const out = [
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml">',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
    `<title>EDGAR Filing Documents for ${f.accessionNumber}</title>`,
    '</head>',
    '<body style="margin: 0">',
    '<div id="headerBottom">',
    '   <div id="PageTitle">Filing Detail</div>',
    '</div>',
    '<div id="contentDiv">',
    '<!-- START FILING DIV -->',
    '<div id="formDiv">',
    '   <div id="formHeader">',
    '      <div id="formName">',
    `         <strong>Form ${x(f.form)}</strong> - ${x(formName(f.form))}: `,
    '      </div>',
    '      <div id="secNum">',
    `         <strong><acronym title="Securities and Exchange Commission">SEC</acronym> Accession <acronym title="Number">No.</acronym></strong> ${f.accessionNumber}`,
    '      </div>',
    '   </div>',
    '   <div class="formContent">',
    '      <div class="formGrouping">',
    ...info('Filing Date', f.filingDate),
    ...info('Accepted', toAcceptedTime(f.acceptanceDateTime, f.filingDate)),
    ...info('Documents', String(f.documents.length)),
    '      </div>',
  ];
  if (f.reportDate || f.items.length > 0) {
    out.push('      <div class="formGrouping">');
    if (f.reportDate) out.push(...info('Period of Report', f.reportDate));
    if (f.items.length > 0) out.push(...info('Items', f.items.map((i) => `Item ${i}`).join('<br />'), true));
    out.push('      </div>');
  }
  out.push(
    '      <div style="clear:both"></div>',
    '   </div>',
    '</div>',
    '<!-- END FILING DIV -->',
    '<!-- START DOCUMENT DIV -->',
    '<div id="formDiv">',
    '   <div style="padding: 0px 0px 4px 0px; font-size: 12px; margin: 0px 2px 0px 5px; width: 100%; overflow:hidden">',
    '      <p>Document Format Files</p>',
    '      <table class="tableFile" summary="Document Format Files">',
    '         <tr>',
    '            <th scope="col" style="width: 5%;"><acronym title="Sequence Number">Seq</acronym></th>',
    '            <th scope="col" style="width: 40%;">Description</th>',
    '            <th scope="col" style="width: 20%;">Document</th>',
    '            <th scope="col" style="width: 10%;">Type</th>',
    '            <th scope="col">Size</th>',
    '         </tr>',
  );
  f.documents.forEach((d, i) => {
    out.push(
      i % 2 === 1 ? '         <tr class="blueRow">' : '         <tr>',
      `            <td scope="row">${d.sequence}</td>`,
      `            <td scope="row">${x(d.description ?? '')}</td>`,
      `            <td scope="row"><a href="${x(`${folder}/${encodeURIComponent(d.filename)}`)}">${x(d.filename)}</a></td>`,
      `            <td scope="row">${x(d.type)}</td>`,
      `            <td scope="row">${d.size}</td>`,
      '         </tr>',
    );
  });
  out.push(
    f.documents.length % 2 === 1 ? '         <tr class="blueRow">' : '         <tr>',
    '            <td scope="row">&nbsp;</td>',
    '            <td scope="row">Complete submission text file</td>',
    `            <td scope="row"><a href="${folder}/${f.accessionNumber}.txt">${f.accessionNumber}.txt</a></td>`,
    '            <td scope="row">&nbsp;</td>',
    `            <td scope="row">${f.size}</td>`,
    '         </tr>',
    '      </table>',
    '   </div>',
    '</div>',
    '<!-- END DOCUMENT DIV -->',
    '<!-- START FILER DIV -->',
  );
  for (const p of f.parties) out.push(...filer(p));
  out.push('<!-- END FILER DIV -->', '</div>', '</body>', '</html>', '');
  return out.join('\n');
}

function info(head: string, value: string, raw = false): string[] {
  return [
    `         <div class="infoHead">${x(head)}</div>`,
    `         <div class="info">${raw ? value : x(value)}</div>`,
  ];
}

function mailer(label: string, a: Address | undefined, phone: boolean): string[] {
  const out = [`   <div class="mailer">${label}`];
  if (a) {
    if (a.street1) out.push(`      <span class="mailerAddress">${x(a.street1)}</span>`);
    if (a.street2) out.push(`      <span class="mailerAddress">${x(a.street2)}</span>`);
    const line = [a.city, a.stateOrCountry, a.zipCode].filter(Boolean).join(' ');
    if (line) out.push(`      <span class="mailerAddress">\n${x(line)}      </span>`);
    if (phone && a.phone) out.push(`      <span class="mailerAddress">${x(a.phone)}</span>`);
  }
  out.push('   </div>');
  return out;
}

function filer(p: Party): string[] {
  const role = ROLE_LABELS[p.role] ?? 'Filer';
  const values = p.filingValues[0];
  const ident: string[] = [];
  if (p.irsNumber)
    ident.push(
      `<acronym title="Internal Revenue Service Number">IRS No.</acronym>: <strong>${x(p.irsNumber)}</strong>`,
    );
  if (p.stateOfIncorporation) ident.push(`State of Incorp.: <strong>${x(p.stateOfIncorporation)}</strong>`);
  if (p.fiscalYearEnd) ident.push(`Fiscal Year End: <strong>${x(p.fiscalYearEnd)}</strong>`);
  const second: string[] = [];
  if (values?.formType) second.push(`Type: <strong>${x(values.formType)}</strong>`);
  if (values?.act) second.push(`Act: <strong>${x(values.act)}</strong>`);
  if (values?.fileNumber) second.push(`File No.: <strong>${x(values.fileNumber)}</strong>`);
  if (values?.filmNumber) second.push(`Film No.: <strong>${x(values.filmNumber)}</strong>`);
  let identLine = ident.join(' | ');
  if (second.length > 0) identLine += `${identLine ? '<br />' : ''}${second.join(' | ')}`;
  if (p.sic) {
    identLine += `<br /><acronym title="Standard Industrial Code">SIC</acronym>: <b>${x(p.sic)}</b> ${x(p.sicDescription ?? '')}`;
  }
  return [
    '<div id="filerDiv">',
    ...mailer('Mailing Address', p.mailAddress, false),
    ...mailer('Business Address', p.businessAddress, true),
    '<div class="companyInfo">',
    `  <span class="companyName">${x(p.name)} (${role})`,
    ` <acronym title="Central Index Key">CIK</acronym>: <a href="/cgi-bin/browse-edgar?CIK=${p.cik}&amp;action=getcompany">${p.cik} (see all company filings)</a></span>`,
    `<p class="identInfo">${identLine}</p>`,
    '</div>',
    '<div class="clear"></div>',
    '</div>',
  ];
}
