/**
 * Row → record mapping for the PostgreSQL store (optional fields omitted when NULL).
 * @module
 */
import type { DocumentRecord, FilingParty, FilingSummary } from '../store.ts';

/** A `filings` row as selected by the store. */
export interface FilingRow {
  filing_year: number;
  accession: string;
  form: string;
  filing_date: string;
  report_date: string | null;
  acceptance: string | null;
  act: string | null;
  file_number: string | null;
  film_number: string | null;
  items: string[];
  cik: string;
  company_name: string;
  parties: FilingParty[];
  size: number;
  document_count: number;
  primary_document: string | null;
  primary_doc_description: string | null;
  is_xbrl: boolean;
  is_inline_xbrl: boolean;
  stored_at: string;
  sha256: string;
  source_path: string | null;
  warning_count: number;
  raw_chunk_size: number;
  detail: Record<string, unknown>;
}

/** A `documents` row as selected by the store (without the Markdown). */
export interface DocumentRow {
  /** 0-based place in the submission (documents may share a sequence). */
  position: number;
  sequence: number;
  type: string;
  filename: string;
  description: string | null;
  content_type: string;
  encoding: 'text' | 'uuencode';
  wrapper: NonNullable<DocumentRecord['wrapper']> | null;
  size: number;
  sha256: string | null;
  body_offset: number;
  body_length: number;
  has_text: boolean;
  has_markdown: boolean;
  section_count: number;
  detail: Record<string, unknown>;
}

/** Columns of `documents` matching `DocumentRow`. */
export const DOCUMENT_COLUMNS =
  'position, sequence, type, filename, description, content_type, encoding, wrapper, size, sha256, body_offset, body_length, has_text, markdown IS NOT NULL AS has_markdown, section_count, detail';

/** The list view of a filing. */
export function toFilingSummary(r: FilingRow): FilingSummary {
  const s: FilingSummary = {
    accession: r.accession,
    form: r.form,
    filingDate: r.filing_date,
    items: r.items,
    cik: r.cik,
    companyName: r.company_name,
    parties: r.parties,
    size: Number(r.size),
    documentCount: r.document_count,
    isXbrl: r.is_xbrl,
    isInlineXbrl: r.is_inline_xbrl,
    storedAt: r.stored_at,
  };
  if (r.report_date !== null) s.reportDate = r.report_date;
  if (r.acceptance !== null) s.acceptanceDateTime = r.acceptance;
  if (r.act !== null) s.act = r.act;
  if (r.file_number !== null) s.fileNumber = r.file_number;
  if (r.film_number !== null) s.filmNumber = r.film_number;
  if (r.primary_document !== null) s.primaryDocument = r.primary_document;
  if (r.primary_doc_description !== null) s.primaryDocDescription = r.primary_doc_description;
  return s;
}

/** A document's metadata. */
export function toDocumentRecord(r: DocumentRow): DocumentRecord {
  const d: DocumentRecord = {
    sequence: r.sequence,
    type: r.type,
    filename: r.filename,
    contentType: r.content_type,
    encoding: r.encoding,
    size: Number(r.size),
    offset: Number(r.body_offset),
    length: Number(r.body_length),
    hasText: r.has_text,
    hasMarkdown: r.has_markdown,
    sectionCount: r.section_count,
  };
  if (r.description !== null) d.description = r.description;
  if (r.wrapper !== null) d.wrapper = r.wrapper;
  if (r.sha256 !== null) d.sha256 = r.sha256;
  return d;
}
