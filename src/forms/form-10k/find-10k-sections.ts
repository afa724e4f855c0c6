/**
 * 10-K, 10-K405 and 10-KSB: Part and Item sections, table of contents skipped.
 * @module
 */

import type { DocumentSection } from '../../core/section.ts';
import { locateSections } from '../locate-sections.ts';
import { toMarkdownLines } from '../markdown-lines.ts';
import { createCatalog10k } from './catalog-10k.ts';

const regular = createCatalog10k(false);
const small = createCatalog10k(true);

/**
 * Finds Parts (`I`–`IV`) and Items (`1`, `1A`, … `16`) in a 10-K's Markdown.
 * @param markdown the primary document's Markdown
 * @param form the form type (`10-KSB` uses the small-business numbering)
 * @returns sections in document order, offsets into `markdown`
 * @example find10kSections('## Item 1. Business\n\nWe make things.\n', '10-K') // [{ kind: 'item', code: '1', ... }]
 */
export function find10kSections(markdown: string, form = '10-K'): DocumentSection[] {
  const catalog = /^10-?KSB/i.test(form) ? small : regular;
  return locateSections(markdown, toMarkdownLines(markdown), catalog, { stopAtSignature: false });
}
