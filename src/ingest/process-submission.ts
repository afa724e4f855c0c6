/**
 * The CPU work of ingesting one submission, run inside a worker thread (or inline for a single
 * upload): hash, parse, convert each document to text and Markdown, compress the raw bytes.
 * Pure apart from CPU: no I/O, no store.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Submission } from '../core/submission.ts';
import { parseSubmission, toDocumentInput } from '../sgml/index.ts';
import { compressRaw } from '../store/compress-raw.ts';
import type { DocumentContentInput, FilingInput } from '../store/store.ts';
import { addSections } from './add-sections.ts';
import { type TextBudget, toDocumentContent, warn } from './document-content.ts';

/** Options of `processSubmission`. */
export interface ProcessOptions {
  /** Longest text or Markdown kept per document, in characters; longer output is cut with a warning. */
  maxTextChars: number;
  /** Text + Markdown characters kept per filing; later documents get none, with a warning. */
  maxFilingTextChars: number;
}

/** Default cap of text and Markdown per document (16 Mi characters). */
export const MAX_TEXT_CHARS = 16 * 1024 * 1024;

/** Default cap of text and Markdown per filing (64 Mi characters). */
export const MAX_FILING_TEXT_CHARS = 64 * 1024 * 1024;

/** The outcome: a filing ready for `Store.putFilings`, or why the bytes are not one. */
export type ProcessResult = { ok: true; filing: FilingInput } | { ok: false; reason: string };

/**
 * Turn one submission's bytes into a `FilingInput` (never throws on bad input).
 * @param label where the bytes came from (kept as `sourcePath`)
 * @example const r = processSubmission(bytes, 'a.txt', { maxTextChars: MAX_TEXT_CHARS, maxFilingTextChars: MAX_FILING_TEXT_CHARS });
 */
export function processSubmission(bytes: Uint8Array, label: string, options: ProcessOptions): ProcessResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let submission: Submission;
  try {
    submission = parseSubmission(bytes);
  } catch (e) {
    return { ok: false, reason: `parser error: ${e instanceof Error ? e.message : String(e)}` };
  }
  const refused = refuse(submission);
  if (refused) return { ok: false, reason: refused };
  const budget: TextBudget = { maxTextChars: options.maxTextChars, remaining: options.maxFilingTextChars };
  const documents: DocumentContentInput[] = [];
  for (const doc of submission.documents) {
    try {
      documents.push(toDocumentContent(toDocumentInput(bytes, doc), doc, budget, submission.warnings));
    } catch (e) {
      submission.warnings.push(warn('decode-error', `document ${doc.sequence}: ${String(e)}`, doc.offset));
    }
  }
  addSections(submission, documents);
  return { ok: true, filing: { submission, raw: compressRaw(bytes), sha256, documents, sourcePath: label } };
}

/** Why a parsed submission cannot be stored, or undefined when it can. */
export function refuse(submission: Submission): string | undefined {
  if (submission.accessionNumber) return undefined;
  const why = submission.dialect === 'unknown' ? 'not an EDGAR submission' : 'no accession number';
  return `${why} (dialect ${submission.dialect})`;
}
