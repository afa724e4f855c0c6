/**
 * The CPU work of ingesting one submission, run inside a worker thread (or inline for a single
 * upload): hash, parse, convert each document to text and Markdown, compress the raw bytes.
 * Pure apart from CPU: no I/O, no store.
 * @module
 */
import { createHash } from 'node:crypto';
import type { ParseWarning } from '../core/warnings.ts';
import { toTextAndMarkdown } from '../html/index.ts';
import { parseSubmission, toDocumentInput } from '../sgml/index.ts';
import { compressRaw } from '../store/compress-raw.ts';
import type { DocumentContentInput, FilingInput } from '../store/store.ts';

/** Options of `processSubmission`. */
export interface ProcessOptions {
  /** Longest text or Markdown kept per document, in characters; longer output is cut with a warning. */
  maxTextChars: number;
}

/** Default cap of text and Markdown per document (16 Mi characters). */
export const MAX_TEXT_CHARS = 16 * 1024 * 1024;

/** The outcome: a filing ready for `Store.putFilings`, or why the bytes are not one. */
export type ProcessResult = { ok: true; filing: FilingInput } | { ok: false; reason: string };

const TEXTUAL = /^(text\/|application\/(xml|xhtml\+xml|json)$)/;

/**
 * Turn one submission's bytes into a `FilingInput` (never throws on bad input).
 * @param label where the bytes came from (kept as `sourcePath`)
 * @example const r = processSubmission(bytes, 'a.txt', { maxTextChars: MAX_TEXT_CHARS });
 */
export function processSubmission(bytes: Uint8Array, label: string, options: ProcessOptions): ProcessResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let submission: ReturnType<typeof parseSubmission>;
  try {
    submission = parseSubmission(bytes);
  } catch (e) {
    return { ok: false, reason: `parser error: ${messageOf(e)}` };
  }
  if (!submission.accessionNumber) {
    const why = submission.dialect === 'unknown' ? 'not an EDGAR submission' : 'no accession number';
    return { ok: false, reason: `${why} (dialect ${submission.dialect})` };
  }
  const documents: DocumentContentInput[] = [];
  for (const doc of submission.documents) {
    let input: ReturnType<typeof toDocumentInput>;
    try {
      input = toDocumentInput(bytes, doc);
    } catch (e) {
      submission.warnings.push(
        warning('decode-error', `document ${doc.sequence}: ${messageOf(e)}`, doc.offset),
      );
      continue;
    }
    const content: DocumentContentInput = {
      sequence: doc.sequence,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      size: input.bytes.length,
    };
    if (TEXTUAL.test(input.contentType)) {
      try {
        const { text, markdown } = toTextAndMarkdown(input);
        content.text = cap(text, options.maxTextChars, 'text', doc.sequence, doc.offset, submission.warnings);
        content.markdown = cap(
          markdown,
          options.maxTextChars,
          'markdown',
          doc.sequence,
          doc.offset,
          submission.warnings,
        );
      } catch (e) {
        submission.warnings.push(
          warning('convert-error', `document ${doc.sequence}: ${messageOf(e)}`, doc.offset),
        );
      }
    }
    documents.push(content);
  }
  return { ok: true, filing: { submission, raw: compressRaw(bytes), sha256, documents, sourcePath: label } };
}

function cap(
  s: string,
  max: number,
  what: string,
  sequence: number,
  offset: number,
  warnings: ParseWarning[],
): string {
  if (s.length <= max) return s;
  warnings.push(
    warning(
      'text-truncated',
      `document ${sequence}: ${what} cut at ${max} of ${s.length} characters`,
      offset,
    ),
  );
  return s.slice(0, max);
}

function warning(code: string, message: string, offset: number): ParseWarning {
  return { code, message, offset };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
