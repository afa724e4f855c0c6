/**
 * The last step of a parse: decide the dialect, fill a missing accession, check the declared
 * document count, pick the primary document, and assemble the `Submission`.
 * @module
 */
import type { Dialect, Submission, SubmissionDocument, SubmissionHeader } from '../core/submission.ts';
import type { WarningSink } from '../core/warnings.ts';

const ACCESSION = /\b(\d{10}-\d{2}-\d{6})\b/;

/** What the parser collected. */
export interface SubmissionParts {
  /** Absent when the input had no header. */
  header?: SubmissionHeader;
  envelope?: 'sec-document' | 'ims-document' | 'submission';
  /** The `<SEC-DOCUMENT>` line's value (`0001144204-17-013452.txt : 20170308`), or ''. */
  envelopeValue: string;
  /** An accession seen at the start of a bare document's text, or ''. */
  accessionFromContent: string;
  documents: SubmissionDocument[];
  pem: boolean;
  size: number;
  sink: WarningSink;
}

/** A header with nothing in it (bare documents, unknown input). */
export function emptyHeader(): SubmissionHeader {
  return {
    accessionNumber: '',
    form: '',
    items: [],
    itemTitles: [],
    groupMembers: [],
    parties: [],
    series: [],
    raw: [],
  };
}

/**
 * Index of the primary document: the first whose `<TYPE>` is the form, else sequence 1, else the
 * first document; -1 when there are none.
 * @example findPrimaryDocument('8-K', s.documents) // 0
 */
export function findPrimaryDocument(form: string, docs: readonly SubmissionDocument[]): number {
  const f = form.toUpperCase();
  let primary = f === '' ? -1 : docs.findIndex((d) => d.type.toUpperCase() === f);
  if (primary < 0) primary = docs.findIndex((d) => d.sequence === 1);
  if (primary < 0 && docs.length > 0) primary = 0;
  return primary;
}

/** Up to this many documents, sequences are compared pairwise (no `Set` per parse). */
const SMALL = 16;

/** For each document: does a document before it have the same sequence number? */
function repeatedSequences(docs: readonly SubmissionDocument[]): boolean[] {
  // Pushed, not `new Array(n).fill(false)` (a holey array filled by the slow path).
  const out: boolean[] = [];
  for (let i = 0; i < docs.length; i++) out.push(false);
  if (docs.length <= SMALL) {
    for (let i = 1; i < docs.length; i++) {
      const seq = (docs[i] as SubmissionDocument).sequence;
      for (let j = 0; j < i; j++) {
        if ((docs[j] as SubmissionDocument).sequence === seq) {
          out[i] = true;
          break;
        }
      }
    }
    return out;
  }
  const seen = new Set<number>();
  for (let i = 0; i < docs.length; i++) {
    const seq = (docs[i] as SubmissionDocument).sequence;
    if (seen.has(seq)) out[i] = true;
    seen.add(seq);
  }
  return out;
}

/** Assemble the `Submission` from the parser's parts, adding the submission-level warnings. */
export function toSubmission(parts: SubmissionParts): Submission {
  const { sink, documents: docs } = parts;
  const header = parts.header ?? emptyHeader();
  let dialect: Dialect;
  if (parts.envelope && docs.length > 0) dialect = parts.envelope;
  else if (parts.header && docs.length === 0) dialect = 'header-only';
  else if (docs.length > 0) dialect = 'bare-documents';
  else dialect = 'unknown';
  if (!header.accessionNumber) {
    const found = ACCESSION.exec(parts.envelopeValue)?.[1] ?? parts.accessionFromContent;
    if (found) header.accessionNumber = found;
    else if (dialect !== 'unknown')
      sink.warn('missing-accession', 'No accession number found in the input', 0);
  }
  // Real files: PUBLIC DOCUMENT COUNT can exceed the documents present by the number of sequence
  // gaps (EDGAR leaves out documents it does not disseminate). More documents than declared, or
  // fewer than declared minus the gaps, is a mismatch.
  const declared = header.publicDocumentCount;
  let maxSeq = 0;
  for (const d of docs) if (d.sequence > maxSeq) maxSeq = d.sequence;
  const repeated = repeatedSequences(docs);
  let distinct = 0;
  for (const r of repeated) if (!r) distinct++;
  const gaps = Math.max(0, maxSeq - distinct);
  if (
    declared !== undefined &&
    docs.length > 0 &&
    (docs.length > declared || docs.length + gaps < declared)
  ) {
    sink.warn(
      'document-count-mismatch',
      `PUBLIC DOCUMENT COUNT says ${declared}, found ${docs.length} documents`,
      docs[0]?.blockOffset ?? 0,
    );
  }
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i] as SubmissionDocument;
    if (repeated[i]) sink.warn('duplicate-sequence', `Sequence ${d.sequence} appears twice`, d.blockOffset);
  }
  const primary = findPrimaryDocument(header.form, docs);
  if (!header.form && primary >= 0 && dialect === 'bare-documents') {
    header.form = (docs[primary] as SubmissionDocument).type;
  }
  return {
    ...header,
    dialect,
    pem: parts.pem,
    size: parts.size,
    documents: docs,
    primaryDocument: primary,
    warnings: sink.list,
  };
}
