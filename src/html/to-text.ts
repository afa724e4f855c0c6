/**
 * Document → clean plain text.
 * @module
 */
import type { DocumentInput } from '../core/document-input.ts';
import { renderText } from './render-text.ts';
import { toBlocks } from './to-blocks.ts';

/**
 * Convert a document to clean text: paragraphs separated by one blank line, tables as
 * aligned rows; page numbers, hidden text and decoration dropped.
 * @example toText({ bytes, type: '8-K', filename: 'a.htm', contentType: 'text/html' })
 */
export function toText(input: DocumentInput): string {
  return renderText(toBlocks(input, { markdown: false }));
}
