/**
 * EDGAR's `company.idx`, `form.idx` and `master.idx`, full-index (quarterly) and daily-index
 * variants, in SEC's fixed-width and pipe layouts with the same header block.
 * @module
 */
import { toCompactDate, toIndexHeaderDate } from './dates.ts';
import type { SecFilingRow } from './types.ts';

/** Which index file. */
export type IndexKind = 'company' | 'form' | 'master';

/** What to generate. */
export interface IndexFileOptions {
  kind: IndexKind;
  /** `quarterly` = `full-index/{year}/QTR{n}/`, `daily` = `daily-index/{year}/QTR{n}/{kind}.{YYYYMMDD}.idx`. */
  period: 'quarterly' | 'daily';
  /** ISO date for `Last Data Received:` (the quarter's last filing date, or the day). */
  lastDataReceived: string;
  /** One row per (filing, entity): a Form 4 is listed under its owner and its issuer. */
  rows: readonly SecFilingRow[];
}

const NAME_WIDTH = 62;
const FORM_WIDTH = 12;
const CIK_WIDTH = 12;
const DATE_WIDTH = 12;
const PATH_WIDTH = 52;

/**
 * Render one index file as text (LF line ends, as SEC serves them).
 * @example toIndexFile({ kind: 'master', period: 'quarterly', lastDataReceived: '2017-03-31', rows })
 */
export function toIndexFile(options: IndexFileOptions): string {
  const { kind, period } = options;
  const daily = period === 'daily';
  const title = `${daily ? 'Daily' : 'Master'} Index of EDGAR Dissemination Feed${
    kind === 'company' ? ' by Company Name' : kind === 'form' ? ' by Form Type' : ''
  }`;
  const lines = [
    `Description:           ${title}`,
    `Last Data Received:    ${toIndexHeaderDate(options.lastDataReceived, daily ? 'short' : 'long')}`,
    'Comments:              webmaster@sec.gov',
    'Anonymous FTP:         ftp://ftp.sec.gov/edgar/',
  ];
  const blanks = daily && kind === 'master' ? 1 : 4;
  for (let i = 0; i < blanks; i++) lines.push(' ');
  const date = (d: string) => (daily ? toCompactDate(d) : d);
  const rows = [...options.rows];
  if (kind === 'master') {
    lines.push(`CIK|Company Name|Form Type|Date Filed|${daily ? 'File Name' : 'Filename'}`, '-'.repeat(80));
    rows.sort((a, b) => cikOf(a).localeCompare(cikOf(b)) || a.filingDate.localeCompare(b.filingDate));
    for (const r of rows) {
      lines.push(`${cikOf(r)}|${oneLine(r.companyName)}|${r.form}|${date(r.filingDate)}|${pathOf(r)}`);
    }
  } else if (kind === 'company') {
    const head = `${pad('Company Name', NAME_WIDTH)}${pad('Form Type', FORM_WIDTH)}CIK`;
    const rest = `${pad('', CIK_WIDTH - 3)}${pad('Date Filed', DATE_WIDTH)}File Name`;
    if (daily) lines.push(head, `      ${rest.trimStart()}`, '-'.repeat(145));
    else lines.push(`${head}${rest}`, '-'.repeat(141));
    rows.sort(
      (a, b) => byName(a, b) || a.form.localeCompare(b.form) || a.filingDate.localeCompare(b.filingDate),
    );
    for (const r of rows) {
      lines.push(
        `${cell(oneLine(r.companyName), NAME_WIDTH)}${cell(r.form, FORM_WIDTH)}${cell(cikOf(r), CIK_WIDTH)}${pad(date(r.filingDate), DATE_WIDTH)}${pad(pathOf(r), PATH_WIDTH)}`,
      );
    }
  } else {
    lines.push(
      `${pad('Form Type', FORM_WIDTH)}${pad('Company Name', NAME_WIDTH)}${pad('CIK', CIK_WIDTH)}${pad('Date Filed', DATE_WIDTH)}File Name`,
      '-'.repeat(141),
    );
    rows.sort(
      (a, b) => a.form.localeCompare(b.form) || byName(a, b) || a.filingDate.localeCompare(b.filingDate),
    );
    for (const r of rows) {
      lines.push(
        `${cell(r.form, FORM_WIDTH)}${cell(oneLine(r.companyName), NAME_WIDTH)}${cell(cikOf(r), CIK_WIDTH)}${pad(date(r.filingDate), DATE_WIDTH)}${pad(pathOf(r), PATH_WIDTH)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The index files' `File Name`: `edgar/data/{cik}/{accession}.txt`. */
function pathOf(r: SecFilingRow): string {
  return `edgar/data/${cikOf(r)}/${r.accessionNumber}.txt`;
}

function cikOf(r: SecFilingRow): string {
  return r.cik.replace(/^0+/, '');
}

function byName(a: SecFilingRow, b: SecFilingRow): number {
  const x = a.companyName.toUpperCase();
  const y = b.companyName.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function pad(s: string, width: number): string {
  return s.padEnd(width, ' ');
}

/** A fixed-width cell; an overflowing value keeps one space after it, pushing the row right as SEC does. */
function cell(s: string, width: number): string {
  return s.length < width ? s.padEnd(width, ' ') : `${s} `;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n|]+/g, ' ');
}
