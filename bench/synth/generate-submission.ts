/**
 * One synthetic EDGAR `.txt` submission, shaped like performance-baselines.md §7: realistic header
 * (1 filer, 2-4 filers for 5 %, SUBJECT COMPANY + FILED BY for SC 13G, former names for 30 %),
 * a log-normal size, `1 + ⌊Exp(1.5)⌋` documents, 6 % uuencoded GRAPHIC and 4 % `<XML>` exhibits.
 * @module
 */
import { Buffer } from 'node:buffer';
import type { Random } from './random.ts';

/** Form types and their relative weights in generated corpora (a rough EDGAR mix). */
export const FORMS: ReadonlyArray<readonly [string, number]> = [
  ['8-K', 30],
  ['10-Q', 14],
  ['424B2', 10],
  ['10-K', 8],
  ['6-K', 8],
  ['SC 13G', 8],
  ['497K', 6],
  ['DEF 14A', 5],
  ['S-1', 3],
  ['S-8', 3],
  ['8-K/A', 3],
  ['10-K/A', 2],
];
const SICS = [
  ['2834', 'PHARMACEUTICAL PREPARATIONS'],
  ['7372', 'SERVICES-PREPACKAGED SOFTWARE'],
  ['6022', 'STATE COMMERCIAL BANKS'],
  ['3674', 'SEMICONDUCTORS & RELATED DEVICES'],
  ['6798', 'REAL ESTATE INVESTMENT TRUSTS'],
] as const;
const STATES = ['DE', 'NY', 'CA', 'TX', 'NV', 'MD', 'IL'];
const WORDS = ['ACME', 'NORTHWIND', 'CONTOSO', 'FABRIKAM', 'TAILSPIN', 'WINGTIP', 'LITWARE', 'PROSEWARE'];
const SUFFIX = ['INC', 'CORP', 'HOLDINGS INC', 'GROUP LLC', 'TRUST', 'LP'];

/** Paragraph pool used for HTML bodies. */
export interface ParagraphPool {
  paragraphs: string[];
}

/** Identity of one synthetic submission. */
export interface SynthId {
  accession: string;
  date: string;
}

function company(r: Random): string {
  return `${r.pick(WORDS)} ${r.pick(WORDS)} ${r.pick(SUFFIX)}`;
}

function entity(r: Random, role: string, form: string): string {
  const [sic, desc] = r.pick(SICS);
  const cik = String(r.int(1000, 1999999)).padStart(10, '0');
  let s = `${role}:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t${company(r)}\n\t\tCENTRAL INDEX KEY:\t\t\t${cik}\n`;
  s += `\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t${desc} [${sic}]\n\t\tIRS NUMBER:\t\t\t\t${r.int(100000000, 999999999)}\n`;
  s += `\t\tSTATE OF INCORPORATION:\t\t\t${r.pick(STATES)}\n\t\tFISCAL YEAR END:\t\t\t1231\n\n`;
  s += `\tFILING VALUES:\n\t\tFORM TYPE:\t\t${form}\n\t\tSEC ACT:\t\t1934 Act\n\t\tSEC FILE NUMBER:\t001-${r.int(10000, 39999)}\n\t\tFILM NUMBER:\t\t${r.int(10000000, 99999999)}\n\n`;
  const street = `${r.int(1, 9999)} ${r.pick(WORDS)} AVENUE`;
  s += `\tBUSINESS ADDRESS:\t\n\t\tSTREET 1:\t\t${street}\n\t\tCITY:\t\t\tSPRINGFIELD\n\t\tSTATE:\t\t\t${r.pick(STATES)}\n\t\tZIP:\t\t\t${r.int(10000, 99999)}\n\t\tBUSINESS PHONE:\t\t555-${r.int(100, 999)}-${r.int(1000, 9999)}\n\n`;
  s += `\tMAIL ADDRESS:\t\n\t\tSTREET 1:\t\t${street}\n\t\tCITY:\t\t\tSPRINGFIELD\n\t\tSTATE:\t\t\t${r.pick(STATES)}\n\t\tZIP:\t\t\t${r.int(10000, 99999)}\n`;
  if (r.next() < 0.3) {
    for (let i = r.int(1, 3); i > 0; i--) {
      s += `\n\tFORMER COMPANY:\t\n\t\tFORMER CONFORMED NAME:\t${company(r)}\n\t\tDATE OF NAME CHANGE:\t${r.int(1995, 2015)}0${r.int(1, 9)}1${r.int(0, 9)}\n`;
    }
  }
  return `${s}\n`;
}

function mutate(r: Random, p: string): string {
  // Outside tags: 15 % of 4+ letter words become pseudo-words, half the numbers are re-randomised.
  return p.replace(/>([^<]+)</g, (_m, text: string) => {
    const t = text
      .replace(/[A-Za-z]{4,}/g, (w) =>
        r.next() < 0.15 ? `${w.slice(0, 2)}${Math.floor(r.exponential(300)).toString(36)}` : w,
      )
      .replace(/\d+/g, (d) => (r.next() < 0.5 ? String(r.int(0, 10 ** Math.min(d.length, 9))) : d));
    return `>${t}<`;
  });
}

function html(r: Random, pool: ParagraphPool, size: number): string {
  const parts: string[] = ['<HTML>\n<HEAD>\n<TITLE></TITLE>\n</HEAD>\n<BODY>\n'];
  let n = 40;
  while (n < size) {
    const p = mutate(r, r.pick(pool.paragraphs));
    parts.push(p, '\n');
    n += p.length + 1;
  }
  parts.push('</BODY>\n</HTML>\n');
  return parts.join('');
}

function uuencoded(r: Random, name: string, size: number): string {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(r.next() * 256);
  bytes.write('GIF89a', 0, 'latin1');
  const lines = [`begin 644 ${name}`];
  for (let i = 0; i < size; i += 45) {
    const chunk = bytes.subarray(i, Math.min(size, i + 45));
    let line = String.fromCharCode(32 + chunk.length);
    for (let j = 0; j < chunk.length; j += 3) {
      const a = chunk[j] ?? 0;
      const b = chunk[j + 1] ?? 0;
      const c = chunk[j + 2] ?? 0;
      for (const v of [a >> 2, ((a & 3) << 4) | (b >> 4), ((b & 15) << 2) | (c >> 6), c & 63]) {
        line += v === 0 ? '`' : String.fromCharCode(32 + v);
      }
    }
    lines.push(line);
  }
  lines.push('`', 'end');
  return `${lines.join('\n')}\n`;
}

function xbrl(r: Random, size: number): string {
  const parts = [
    '<?xml version="1.0" encoding="utf-8"?>\n<xbrl xmlns="http://www.xbrl.org/2003/instance">\n',
  ];
  let n = 80;
  while (n < size) {
    const f = `<us-gaap:Revenues contextRef="c${r.int(1, 40)}" unitRef="usd" decimals="-3">${r.int(1000, 99999999)}000</us-gaap:Revenues>\n`;
    parts.push(f);
    n += f.length;
  }
  parts.push('</xbrl>\n');
  return parts.join('');
}

/**
 * Generate one submission.
 * @returns the `.txt` bytes (latin1)
 */
export function generateSubmission(r: Random, pool: ParagraphPool, id: SynthId): Buffer {
  const form = r.weighted(FORMS);
  const size = Math.min(6_000_000, Math.max(3_000, Math.round(30_000 * Math.exp(r.normal()))));
  const docCount = Math.min(30, 1 + Math.floor(r.exponential(1.5)));
  let header = `<SEC-DOCUMENT>${id.accession}.txt : ${id.date}\n<SEC-HEADER>${id.accession}.hdr.sgml : ${id.date}\n`;
  header += `<ACCEPTANCE-DATETIME>${id.date}16${r.int(10, 59)}${r.int(10, 59)}\n`;
  header += `ACCESSION NUMBER:\t\t${id.accession}\nCONFORMED SUBMISSION TYPE:\t${form}\nPUBLIC DOCUMENT COUNT:\t\t${docCount}\n`;
  header += `FILED AS OF DATE:\t\t${id.date}\nDATE AS OF CHANGE:\t\t${id.date}\n\n`;
  if (form === 'SC 13G') {
    header += entity(r, 'SUBJECT COMPANY', form) + entity(r, 'FILED BY', form);
  } else {
    const filers = r.next() < 0.05 ? r.int(2, 4) : 1;
    for (let i = 0; i < filers; i++) header += entity(r, 'FILER', form);
  }
  header += '</SEC-HEADER>\n';
  const parts = [header];
  const primaryShare = 0.55 + r.next() * 0.3;
  for (let seq = 1; seq <= docCount; seq++) {
    const share = seq === 1 ? primaryShare : (1 - primaryShare) / Math.max(1, docCount - 1);
    const docSize = Math.max(500, Math.round(size * (docCount === 1 ? 1 : share)));
    const roll = r.next();
    let type: string;
    let filename: string;
    let body: string;
    if (seq === 1) {
      type = form;
      filename = `d${id.accession.slice(-6)}d${form.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}.htm`;
      body = html(r, pool, docSize);
    } else if (roll < 0.06) {
      type = 'GRAPHIC';
      filename = `g${id.accession.slice(-6)}g${seq}.jpg`;
      body = uuencoded(r, filename, Math.round(docSize * 0.74));
    } else if (roll < 0.1) {
      type = 'EX-101.INS';
      filename = `x${id.accession.slice(-6)}-${seq}.xml`;
      body = `<XML>\n${xbrl(r, docSize)}</XML>\n`;
    } else {
      type = r.pick(['EX-99.1', 'EX-10.1', 'EX-31.1', 'EX-32.1', 'EX-23.1']);
      filename = `d${id.accession.slice(-6)}dex${seq}.htm`;
      body = html(r, pool, docSize);
    }
    parts.push(
      `<DOCUMENT>\n<TYPE>${type}\n<SEQUENCE>${seq}\n<FILENAME>${filename}\n<DESCRIPTION>${type}\n<TEXT>\n${body}</TEXT>\n</DOCUMENT>\n`,
    );
  }
  parts.push('</SEC-DOCUMENT>\n');
  return Buffer.from(parts.join(''), 'latin1');
}
