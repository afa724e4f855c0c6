/**
 * Document → Markdown.
 * @module
 */
import type { DocumentInput } from '../core/document-input.ts';
import { renderMarkdown } from './render-markdown.ts';
import { toBlocks } from './to-blocks.ts';

/**
 * Convert a document to GitHub-flavoured Markdown: headings, GFM data tables, lists,
 * links; layout tables as paragraphs; XML as a fenced block; binaries as one reference line.
 * @example toMarkdown({ bytes, type: '8-K', filename: 'a.htm', contentType: 'text/html' })
 */
export function toMarkdown(input: DocumentInput): string {
  return renderMarkdown(toBlocks(input));
}
