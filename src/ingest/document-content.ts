/**
 * One document's stored content: hash and size of its decoded bytes, plus text and Markdown
 * for textual types, cut at the per-document and per-filing budgets with warnings.
 * @module
 */
import { createHash } from 'node:crypto';
import type { DocumentInput } from '../core/document-input.ts';
import type { ParseWarning } from '../core/warnings.ts';
import { toTextAndMarkdown } from '../html/index.ts';
import type { DocumentContentInput } from '../store/store.ts';

const TEXTUAL = /^(text\/|application\/(xml|xhtml\+xml|json)$)/;

/** Limits shared by the documents of one filing. */
export interface TextBudget {
  /** Longest text or Markdown kept per document, in characters. */
  maxTextChars: number;
  /** Characters of text + Markdown still allowed for the rest of this filing. */
  remaining: number;
}

/** Where a document is, for warnings. */
export interface DocumentRef {
  sequence: number;
  offset: number;
}

/** Hash and size, when the caller hashed the bytes itself (streamed bodies). */
export interface KnownDigest {
  sha256: string;
  size: number;
}

/**
 * Build the `DocumentContentInput` of one decoded document (never throws on bad content).
 * @example const c = toDocumentContent(toDocumentInput(bytes, doc), doc, budget, submission.warnings);
 */
export function toDocumentContent(
  input: DocumentInput,
  doc: DocumentRef,
  budget: TextBudget,
  warnings: ParseWarning[],
  digest?: KnownDigest,
): DocumentContentInput {
  const content: DocumentContentInput = {
    sequence: doc.sequence,
    sha256: digest?.sha256 ?? createHash('sha256').update(input.bytes).digest('hex'),
    size: digest?.size ?? input.bytes.length,
  };
  if (!TEXTUAL.test(input.contentType)) return content;
  if (budget.remaining <= 0) {
    warnings.push(
      warn('text-skipped', `document ${doc.sequence}: the filing's text budget is used up`, doc.offset),
    );
    return content;
  }
  try {
    const { text, markdown } = toTextAndMarkdown(input);
    const max = Math.min(budget.maxTextChars, budget.remaining);
    content.text = cap(text, max, 'text', doc, warnings);
    content.markdown = cap(markdown, max, 'markdown', doc, warnings);
    budget.remaining -= content.text.length + content.markdown.length;
  } catch (e) {
    warnings.push(
      warn('convert-error', `document ${doc.sequence}: ${e instanceof Error ? e.message : e}`, doc.offset),
    );
  }
  return content;
}

function cap(s: string, max: number, what: string, doc: DocumentRef, warnings: ParseWarning[]): string {
  if (s.length <= max) return s;
  warnings.push(
    warn(
      'text-truncated',
      `document ${doc.sequence}: ${what} cut at ${max} of ${s.length} characters`,
      doc.offset,
    ),
  );
  return s.slice(0, max);
}

/** A located warning. */
export function warn(code: string, message: string, offset: number): ParseWarning {
  return { code, message, offset };
}
