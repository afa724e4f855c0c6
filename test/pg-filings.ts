/**
 * Hand-built filings for the PostgreSQL tests (fictional companies, modelled on the layout of a
 * `.txt` complete submission): builds the raw bytes and the matching parsed `Submission` with
 * exact document offsets, so no parser is needed to exercise the store.
 * @module
 */
import { createHash } from 'node:crypto';
import type { DocumentSection } from '../src/core/section.ts';
import type { Party, Submission, SubmissionDocument } from '../src/core/submission.ts';
import type { DocumentContentInput, FilingInput } from '../src/store/store.ts';

/** One document of a test filing. */
export interface TestDocument {
  type: string;
  filename: string;
  description?: string;
  /** Body as it appears inside `<TEXT>` (uuencoded text for binaries). */
  body: string;
  /** Plain text given to the store (defaults to `body` for text documents). */
  text?: string;
  markdown?: string;
  sections?: DocumentSection[];
  encoding?: 'text' | 'uuencode';
  contentType?: string;
}

/** What a test filing is made of. */
export interface TestFilingSpec {
  accession: string;
  form: string;
  filingDate: string;
  parties: Array<Pick<Party, 'cik' | 'name'> & Partial<Party>>;
  items?: string[];
  documents: TestDocument[];
}

/** uuencode `bytes` as a `begin 644 name` block. */
export function uuencode(bytes: Uint8Array, name: string): string {
  const enc = (n: number): string => String.fromCharCode(n === 0 ? 96 : n + 32);
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

/** Build the raw bytes, the parsed submission and the converter output of a test filing. */
export function makeFiling(spec: TestFilingSpec): FilingInput {
  const compactDate = spec.filingDate.replaceAll('-', '');
  let text = `<SEC-DOCUMENT>${spec.accession}.txt : ${compactDate}\n<SEC-HEADER>${spec.accession}.hdr.sgml : ${compactDate}\n`;
  text += `ACCESSION NUMBER:\t\t${spec.accession}\nCONFORMED SUBMISSION TYPE:\t${spec.form}\n`;
  text += `PUBLIC DOCUMENT COUNT:\t\t${spec.documents.length}\nFILED AS OF DATE:\t\t${compactDate}\n`;
  for (const p of spec.parties) {
    text += `\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t${p.name}\n\t\tCENTRAL INDEX KEY:\t\t\t${p.cik}\n`;
  }
  text += '</SEC-HEADER>\n';
  const documents: SubmissionDocument[] = [];
  const contents: DocumentContentInput[] = [];
  spec.documents.forEach((d, i) => {
    const blockOffset = Buffer.byteLength(text);
    text += `<DOCUMENT>\n<TYPE>${d.type}\n<SEQUENCE>${i + 1}\n<FILENAME>${d.filename}\n`;
    if (d.description !== undefined) text += `<DESCRIPTION>${d.description}\n`;
    text += '<TEXT>\n';
    const offset = Buffer.byteLength(text);
    text += d.body;
    const length = Buffer.byteLength(d.body);
    text += '</TEXT>\n</DOCUMENT>\n';
    const doc: SubmissionDocument = {
      type: d.type,
      sequence: i + 1,
      filename: d.filename,
      offset,
      length,
      encoding: d.encoding ?? 'text',
      contentType: d.contentType ?? (d.encoding === 'uuencode' ? 'application/pdf' : 'text/plain'),
      blockOffset,
      blockLength: Buffer.byteLength(text) - blockOffset,
    };
    if (d.description !== undefined) doc.description = d.description;
    documents.push(doc);
    const c: DocumentContentInput = {
      sequence: i + 1,
      sha256: createHash('sha256').update(d.body).digest('hex'),
      size: length,
    };
    if (d.encoding !== 'uuencode') c.text = d.text ?? d.body;
    if (d.markdown !== undefined) c.markdown = d.markdown;
    if (d.sections !== undefined) c.sections = d.sections;
    contents.push(c);
  });
  text += '</SEC-DOCUMENT>\n';
  const raw = new Uint8Array(Buffer.from(text, 'utf8'));
  const parties: Party[] = spec.parties.map((p) => ({
    role: 'filer',
    kind: 'company',
    filingValues: [{ formType: spec.form, act: '34', fileNumber: '001-00001' }],
    formerNames: [],
    ...p,
  }));
  const submission: Submission = {
    accessionNumber: spec.accession,
    form: spec.form,
    publicDocumentCount: spec.documents.length,
    filingDate: spec.filingDate,
    items: spec.items ?? [],
    itemTitles: [],
    groupMembers: [],
    act: '34',
    fileNumber: '001-00001',
    parties,
    series: [],
    raw: [{ key: 'ACCESSION NUMBER', value: spec.accession, offset: 0 }],
    dialect: 'sec-document',
    pem: false,
    size: raw.length,
    documents,
    primaryDocument: documents.length > 0 ? 0 : -1,
    warnings: [],
  };
  return {
    submission,
    raw,
    sha256: createHash('sha256').update(raw).digest('hex'),
    documents: contents,
    sourcePath: `fixtures/${spec.accession}.txt`,
  };
}
