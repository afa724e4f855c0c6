/**
 * Understanding filings: 8-K items, 10-K / 10-Q parts and items, exhibit classes.
 * Pure functions over a primary document's Markdown (layer 2).
 * @module
 */
export { classifyExhibit } from './exhibits.ts';
export { type FindSectionsInput, findSections, type SectionFinder, sectionFinders } from './find-sections.ts';
export { type Find8kItemsInput, find8kItems } from './form-8k/find-8k-items.ts';
export { type ExhibitDocument, type ExhibitLink, linkExhibits } from './form-8k/link-exhibits.ts';
export { find10kSections } from './form-10k/find-10k-sections.ts';
export { find10qSections } from './form-10q/find-10q-sections.ts';
