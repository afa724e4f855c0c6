/**
 * 10-Q: Part I and II and their Items, table of contents skipped.
 * @module
 */

import type { DocumentSection } from '../../core/section.ts';
import { locateSections } from '../locate-sections.ts';
import { toMarkdownLines } from '../markdown-lines.ts';
import { createCatalog10q } from './catalog-10q.ts';

const catalog = createCatalog10q();

/**
 * Finds Parts (`I`, `II`) and part-qualified Items (`I-1` … `II-6`) in a 10-Q's Markdown.
 * @param markdown the primary document's Markdown
 * @returns sections in document order, offsets into `markdown`
 * @example find10qSections('Part II\n\nItem 1A. Risk Factors\n\nNone.\n') // part II, item II-1A
 */
export function find10qSections(markdown: string): DocumentSection[] {
  return locateSections(markdown, toMarkdownLines(markdown), catalog, { stopAtSignature: false });
}
