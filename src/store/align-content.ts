/**
 * How a `FilingInput`'s per-document content lines up with the submission's documents: by
 * sequence, and documents that share a `<SEQUENCE>` take that sequence's entries in document order.
 * One rule for every backend.
 * @module
 */
import type { Submission, SubmissionDocument } from '../core/submission.ts';
import type { DocumentContentInput, FilingInput } from './store.ts';

/** One document of the submission with its content (absent when ingest gave none). */
export interface AlignedDocument {
  /** Position in the submission (0-based). */
  position: number;
  document: SubmissionDocument;
  content?: DocumentContentInput;
}

/**
 * Pair each document of `submission` with its content from `documents`.
 * @example for (const { document, content } of alignContent(input.submission, input.documents)) ...
 */
export function alignContent(submission: Submission, documents: FilingInput['documents']): AlignedDocument[] {
  const bySequence = new Map<number, DocumentContentInput[]>();
  for (const c of documents ?? []) {
    const list = bySequence.get(c.sequence);
    if (list) list.push(c);
    else bySequence.set(c.sequence, [c]);
  }
  return submission.documents.map((document, position) => {
    const content = bySequence.get(document.sequence)?.shift();
    return content === undefined ? { position, document } : { position, document, content };
  });
}
