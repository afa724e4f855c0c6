/**
 * Parts of a document that users ask for by name: 8-K items, 10-K/10-Q parts and items.
 * Produced by `forms/`, stored by `store/`, served by every front door.
 * @module
 */

/** One located section of a document. Offsets are UTF-16 character offsets into the document's Markdown. */
export interface DocumentSection {
  /** `item` (8-K items, 10-K/10-Q items) or `part` (10-Q Part I / Part II). */
  kind: 'item' | 'part';
  /** Canonical code: `7.01` (8-K), `1A` (10-K), `I-2` / `II-1A` (10-Q, part-qualified), `I` (a part). */
  code: string;
  /** Title as found in the document (or the catalog title when found only in the header). */
  title: string;
  /** Start offset (inclusive) in the document's Markdown. */
  start: number;
  /** End offset (exclusive) in the document's Markdown. */
  end: number;
  /** Exhibit numbers this section refers to (`99.1`), for 8-K Item 9.01 and similar. */
  exhibits?: string[];
}

/** What an exhibit is, from its `<TYPE>` code (`EX-99.1` → `additional-exhibit`, press releases detected). */
export interface ExhibitClass {
  /** Exhibit number without the `EX-` prefix (`99.1`, `10.2`, `101.INS`). */
  number: string;
  /** Coarse category: `material-contract`, `subsidiaries`, `certification`, `press-release`, `xbrl`, ... */
  category: string;
  /** Human label for the category (`Material contract`). */
  label: string;
}
