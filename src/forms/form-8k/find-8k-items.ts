/**
 * 8-K (and 8-K/A, 6-K where items are used): items with their text and the exhibits they cite.
 * @module
 */

import {
  currentItemsEffectiveDate,
  itemCodeFromTitle,
  itemTitle,
  legacyFormItems,
} from '../../core/items.ts';
import type { DocumentSection } from '../../core/section.ts';
import { locateSections } from '../locate-sections.ts';
import { type MarkdownLine, toMarkdownLines } from '../markdown-lines.ts';
import { createCatalog8k, itemOrder8k } from './catalog-8k.ts';
import { findExhibitReferences } from './exhibit-references.ts';

/** What `find8kItems` reads. */
export interface Find8kItemsInput {
  /** The primary document's Markdown. */
  markdown: string;
  /** Filing date, `YYYY-MM-DD` or `YYYYMMDD`; before 2004-08-23 the legacy numbering applies. */
  filingDate?: string;
  /** Header items: codes (`<ITEMS>`, `7.01`) or titles (`ITEM INFORMATION:`). */
  headerItems?: readonly string[];
  /** Accept only dotted codes and add no header-only items (6-K). */
  bodyOnly?: boolean;
}

/** Current code → the legacy item it replaced, for pre-2004 headers that spell a title both regimes share. */
const legacyFor = new Map(
  legacyFormItems.flatMap((i) => (i.successor === undefined ? [] : [[i.successor, i.code] as const])),
);

function isoDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(date.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Line index at or after `offset`. */
function lineAt(lines: readonly MarkdownLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid] as MarkdownLine).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finds an 8-K's items: every "Item 2.02" heading in the body (current or legacy numbering,
 * in table cells, bold, run into their titles), each item's text range and the exhibit numbers
 * it cites. Items listed in the header but absent from the body get the catalog title and, when
 * the body has no item headings at all, the whole body; otherwise an empty range.
 * @param input Markdown, filing date and header items
 * @returns item sections in code order, offsets into the Markdown
 * @example find8kItems({ markdown: 'Item 8.01 Other Events\n\nWe moved.\n' }) // [{ code: '8.01', ... }]
 */
export function find8kItems(input: Find8kItemsInput): DocumentSection[] {
  const { markdown } = input;
  const date = isoDate(input.filingDate);
  const legacyEra = date !== undefined && date < currentItemsEffectiveDate;
  const headerCodes = input.bodyOnly
    ? []
    : (input.headerItems ?? [])
        .map((item) => itemCodeFromTitle(item.trim(), date))
        .filter((code): code is string => code !== undefined)
        .map((code) => (legacyEra ? (legacyFor.get(code) ?? code) : code));
  const headerLegacy = headerCodes.some((c) => !c.includes('.'));
  const lines = toMarkdownLines(markdown);
  const catalog = createCatalog8k({
    current: true,
    legacy: !input.bodyOnly && (legacyEra || headerLegacy || date === undefined),
  });
  let sections = locateSections(markdown, lines, catalog);
  // One numbering per filing: keep the shape most headings use.
  const dotted = sections.filter((s) => s.code.includes('.')).length;
  if (dotted > 0 && dotted < sections.length) {
    const keepDotted = dotted * 2 >= sections.length && !(legacyEra && headerLegacy);
    sections = sections.filter((s) => s.code.includes('.') === keepDotted);
  }
  const bodyEmpty = sections.length === 0;
  const found = new Set(sections.map((s) => s.code));
  for (const code of new Set(headerCodes)) {
    if (found.has(code)) continue;
    const title = itemTitle(code) ?? code;
    if (bodyEmpty) {
      sections.push({ kind: 'item', code, title, start: 0, end: markdown.length });
      continue;
    }
    const next = sections.find((s) => itemOrder8k(s.code) > itemOrder8k(code));
    const at = next?.start ?? sections[sections.length - 1]?.end ?? 0;
    sections.push({ kind: 'item', code, title, start: at, end: at });
  }
  sections.sort((a, b) => itemOrder8k(a.code) - itemOrder8k(b.code) || a.start - b.start);
  const lastEnd = lineAt(lines, markdown.length);
  for (const section of sections) {
    if (section.end <= section.start) continue;
    const exhibitsItem = section.code === '9.01' || section.code === '7';
    const from = lineAt(lines, section.start);
    const to = lineAt(lines, section.end);
    const refs = findExhibitReferences(lines, from, to, exhibitsItem);
    // An exhibit index after the signatures belongs to the exhibits item.
    if (exhibitsItem && section.end < markdown.length) {
      refs.push(
        ...findExhibitReferences(lines, to, lastEnd, true).filter(
          (r) => !refs.some((k) => k.number === r.number),
        ),
      );
    }
    if (refs.length > 0) section.exhibits = refs.map((r) => r.number);
  }
  return sections;
}
