/**
 * One entry point for every form: form type → the section finder that understands it.
 * @module
 */

import type { DocumentSection } from '../core/section.ts';
import { find8kItems } from './form-8k/find-8k-items.ts';
import { find10kSections } from './form-10k/find-10k-sections.ts';
import { find10qSections } from './form-10q/find-10q-sections.ts';

/** What `findSections` reads: the primary document's Markdown and the filing's header facts. */
export interface FindSectionsInput {
  /** Form type (`8-K`, `8-K/A`, `10-K405`, `10-Q`, ...). */
  form: string;
  /** Filing date (`YYYY-MM-DD` or `YYYYMMDD`), for the 8-K numbering. */
  filingDate?: string;
  /** Header items: `<ITEMS>` codes or `ITEM INFORMATION:` titles. */
  headerItems?: string[];
  /** The primary document's Markdown; offsets in the result index it. */
  markdown: string;
  /** The filing's documents; not needed to find sections (see `linkExhibits`). */
  documents?: Array<{ sequence: number; type: string; filename: string; description?: string }>;
}

/** A section finder for one family of forms. */
export type SectionFinder = (input: FindSectionsInput) => DocumentSection[];

/** Finders by base form type (amendment suffix `/A` removed). Extend with `{ ...sectionFinders, ... }`. */
export const sectionFinders: Readonly<Record<string, SectionFinder>> = {
  '8-K': (input) => find8kItems(input),
  '8-K12B': (input) => find8kItems(input),
  '8-K12G3': (input) => find8kItems(input),
  '8-K15D5': (input) => find8kItems(input),
  '6-K': (input) => find8kItems({ markdown: input.markdown, bodyOnly: true }),
  '10-K': (input) => find10kSections(input.markdown, '10-K'),
  '10-K405': (input) => find10kSections(input.markdown, '10-K'),
  '10-KT': (input) => find10kSections(input.markdown, '10-K'),
  '10-KSB': (input) => find10kSections(input.markdown, '10-KSB'),
  '10-KSB40': (input) => find10kSections(input.markdown, '10-KSB'),
  '10-Q': (input) => find10qSections(input.markdown),
  '10-QT': (input) => find10qSections(input.markdown),
  '10-QSB': (input) => find10qSections(input.markdown),
};

/**
 * Finds the sections of a filing's primary document: 8-K items, 10-K/10-Q parts and items.
 * @param input form type, header facts and the primary document's Markdown
 * @param finders the finder map (defaults to `sectionFinders`)
 * @returns sections with offsets into `input.markdown`; empty for forms without sections
 * @example findSections({ form: '8-K', markdown: '**Item 8.01 Other Events**\n\nNews.\n' }) // [{ kind: 'item', code: '8.01', ... }]
 */
export function findSections(
  input: FindSectionsInput,
  finders: Readonly<Record<string, SectionFinder>> = sectionFinders,
): DocumentSection[] {
  const base = input.form.trim().toUpperCase().replace(/\/A$/, '');
  const finder = finders[base];
  return finder === undefined ? [] : finder(input);
}
