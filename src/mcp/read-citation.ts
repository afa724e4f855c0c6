/**
 * The citation block `read_document` returns before the text it read.
 * @module
 */
import type { DocumentRecord, FilingRecord } from '../store/store.ts';
import { apiDocumentUrl, documentUrl } from './citation.ts';
import type { TextPage } from './page-text.ts';

/** What was read, where it sits in the document, and how to continue. */
export interface ReadCitation {
  accession: string;
  form: string;
  filingDate: string;
  cik: string;
  companyName: string;
  document: { sequence: number; filename: string; type: string; description?: string };
  section?: { code: string; title: string };
  format: 'markdown' | 'text';
  /** `[start, end)` of the returned text, as offsets in the document's Markdown (or text). */
  start: number;
  end: number;
  /** Offset (within the document, or the section when one was asked for) to pass to continue. */
  offset: number;
  nextOffset?: number;
  /** Length of the whole document (or section). */
  totalChars: number;
  /** The document as filed, on this server's archive. */
  url: string;
  /** The stored Markdown (or text) that `start`/`end` index, on this server's API. */
  apiUrl: string;
}

/** Inputs of `readCitation`. */
export interface ReadCitationInput {
  filing: FilingRecord;
  doc: DocumentRecord;
  section: { code: string; title: string } | undefined;
  format: 'markdown' | 'text';
  page: TextPage;
  /** Offset of the section in the document (0 for a whole document). */
  base: number;
  baseUrl: string;
}

/** Build the citation of one page read from a document or section. */
export function readCitation(input: ReadCitationInput): ReadCitation {
  const { filing, doc, section, page, base } = input;
  const document: ReadCitation['document'] = {
    sequence: doc.sequence,
    filename: doc.filename,
    type: doc.type,
  };
  if (doc.description) document.description = doc.description;
  const citation: ReadCitation = {
    accession: filing.accession,
    form: filing.form,
    filingDate: filing.filingDate,
    cik: filing.cik,
    companyName: filing.companyName,
    document,
    ...(section ? { section } : {}),
    format: input.format,
    start: base + page.start,
    end: base + page.end,
    offset: page.start,
    ...(page.nextOffset === undefined ? {} : { nextOffset: page.nextOffset }),
    totalChars: page.totalChars,
    url: documentUrl(input.baseUrl, filing.cik, filing.accession, doc.filename),
    apiUrl: apiDocumentUrl(input.baseUrl, filing.accession, doc.sequence, input.format),
  };
  return citation;
}
