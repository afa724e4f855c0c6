/**
 * Hand-made filings for store tests: builds the submission bytes (`<SEC-DOCUMENT>` layout,
 * fictional companies) together with the `Submission` a parser would return for them, with
 * exact body offsets, so raw and document reads can be checked byte for byte.
 * @module
 */
import { createHash } from 'node:crypto';
import type { DocumentSection } from '../src/core/section.ts';
import type { Party, Submission, SubmissionDocument } from '../src/core/submission.ts';
import type { DocumentContentInput, FilingInput } from '../src/store/store.ts';

/** One document of a fixture filing. */
export interface FixtureDocument {
  type: string;
  filename: string;
  description?: string;
  /** Text body (HTML or plain); for binaries give `binary` instead. */
  body?: string;
  /** Bytes stored uuencoded in the submission. */
  binary?: Uint8Array;
  /** Plain text handed to the store (default: `body` with tags stripped). */
  text?: string;
  markdown?: string;
  sections?: DocumentSection[];
}

/** What a fixture filing is made of. */
export interface FixtureFiling {
  accession: string;
  form: string;
  filingDate: string;
  reportDate?: string;
  items?: string[];
  parties: Array<Partial<Party> & { cik: string; name: string }>;
  documents: FixtureDocument[];
}

/** Hex sha256. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** uuencode bytes as EDGAR does (`begin 644 name` ... `end`). */
export function uuencode(name: string, bytes: Uint8Array): string {
  const enc = (n: number) => String.fromCharCode(n === 0 ? 96 : n + 32);
  let out = `begin 644 ${name}\n`;
  for (let i = 0; i < bytes.length; i += 45) {
    const line = bytes.subarray(i, i + 45);
    out += enc(line.length);
    for (let j = 0; j < line.length; j += 3) {
      const a = line[j] ?? 0;
      const b = line[j + 1] ?? 0;
      const c = line[j + 2] ?? 0;
      out += enc(a >> 2) + enc(((a & 3) << 4) | (b >> 4)) + enc(((b & 15) << 2) | (c >> 6)) + enc(c & 63);
    }
    out += '\n';
  }
  return `${out}\`\nend\n`;
}

function party(p: FixtureFiling['parties'][number], form: string): Party {
  return {
    role: p.role ?? 'filer',
    cik: p.cik,
    name: p.name,
    kind: p.kind ?? 'company',
    filingValues: p.filingValues ?? [
      { formType: form, act: '34', fileNumber: '001-00001', filmNumber: '17000001' },
    ],
    formerNames: p.formerNames ?? [],
    ...(p.sic === undefined ? {} : { sic: p.sic }),
    ...(p.stateOfIncorporation === undefined ? {} : { stateOfIncorporation: p.stateOfIncorporation }),
    ...(p.fiscalYearEnd === undefined ? {} : { fiscalYearEnd: p.fiscalYearEnd }),
    ...(p.businessAddress === undefined ? {} : { businessAddress: p.businessAddress }),
    ...(p.mailAddress === undefined ? {} : { mailAddress: p.mailAddress }),
    ...(p.sicDescription === undefined ? {} : { sicDescription: p.sicDescription }),
  };
}

/**
 * Build a `FilingInput` (raw bytes given plain) from a fixture description.
 * @example const input = makeFiling({ accession: '0000000001-17-000001', form: '8-K', ... });
 */
export function makeFiling(f: FixtureFiling): FilingInput & { bytes: Uint8Array } {
  const compact = f.filingDate.replaceAll('-', '');
  let s = `<SEC-DOCUMENT>${f.accession}.txt : ${compact}\n<SEC-HEADER>${f.accession}.hdr.sgml : ${compact}\n`;
  s += `ACCESSION NUMBER:\t\t${f.accession}\nCONFORMED SUBMISSION TYPE:\t${f.form}\n`;
  s += `PUBLIC DOCUMENT COUNT:\t\t${f.documents.length}\nFILED AS OF DATE:\t\t${compact}\n`;
  for (const p of f.parties)
    s += `\nFILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\t${p.name}\n\t\tCENTRAL INDEX KEY:\t\t\t${p.cik}\n`;
  s += '</SEC-HEADER>\n';
  const docs: SubmissionDocument[] = [];
  const content: DocumentContentInput[] = [];
  f.documents.forEach((d, i) => {
    const blockOffset = Buffer.byteLength(s);
    s += `<DOCUMENT>\n<TYPE>${d.type}\n<SEQUENCE>${i + 1}\n<FILENAME>${d.filename}\n`;
    if (d.description !== undefined) s += `<DESCRIPTION>${d.description}\n`;
    s += '<TEXT>\n';
    const offset = Buffer.byteLength(s);
    const body = d.binary ? uuencode(d.filename, d.binary) : (d.body ?? '');
    s += body;
    const length = Buffer.byteLength(body);
    s += '</TEXT>\n</DOCUMENT>\n';
    const doc: SubmissionDocument = {
      type: d.type,
      sequence: i + 1,
      filename: d.filename,
      offset,
      length,
      encoding: d.binary ? 'uuencode' : 'text',
      contentType: d.binary ? 'image/jpeg' : d.filename.endsWith('.htm') ? 'text/html' : 'text/plain',
      blockOffset,
      blockLength: Buffer.byteLength(s) - blockOffset,
      ...(d.description === undefined ? {} : { description: d.description }),
      ...(d.binary ? { uuencodeName: d.filename } : {}),
    };
    docs.push(doc);
    const c: DocumentContentInput = {
      sequence: i + 1,
      sha256: sha256(d.binary ?? body),
      size: d.binary?.length ?? length,
    };
    if (!d.binary) c.text = d.text ?? body.replace(/<[^>]*>/g, ' ');
    if (d.markdown !== undefined) c.markdown = d.markdown;
    if (d.sections !== undefined) c.sections = d.sections;
    content.push(c);
  });
  s += '</SEC-DOCUMENT>\n';
  const bytes = new Uint8Array(Buffer.from(s, 'utf8'));
  const submission: Submission = {
    accessionNumber: f.accession,
    form: f.form,
    publicDocumentCount: f.documents.length,
    filingDate: f.filingDate,
    ...(f.reportDate === undefined ? {} : { reportDate: f.reportDate }),
    acceptanceDateTime: `${f.filingDate}T16:02:21-05:00`,
    items: f.items ?? [],
    itemTitles: [],
    groupMembers: [],
    act: '34',
    fileNumber: '001-00001',
    filmNumber: '17000001',
    parties: f.parties.map((p) => party(p, f.form)),
    series: [],
    raw: [{ key: 'ACCESSION NUMBER', value: f.accession, offset: 0 }],
    dialect: 'sec-document',
    pem: false,
    size: bytes.length,
    documents: docs,
    primaryDocument: docs.length ? 0 : -1,
    warnings: [],
  };
  return {
    submission,
    raw: bytes,
    sha256: sha256(bytes),
    documents: content,
    sourcePath: `fixtures/${f.accession}.txt`,
    bytes,
  };
}
