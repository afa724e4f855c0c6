/**
 * What a section finder needs to know about a form: which codes exist, in which order,
 * and their standard titles.
 * @module
 */

/** One reading of a heading under a form's catalog. */
export interface CatalogEntry {
  kind: 'item' | 'part';
  /** Canonical code stored on the section (`1A`, `II-1A`, `2.02`, `I`). */
  code: string;
  /** Position in the catalog; a document's sections follow it. */
  order: number;
  /** Standard title, used when the document gives none and to score a heading's title. */
  title: string;
}

/** A form's catalog: resolves the number written in a heading to its possible entries. */
export interface FormCatalog {
  /** Entries a heading can stand for (`kind`, the code as written). Empty: not in this form. */
  resolve(kind: 'item' | 'part', written: string): CatalogEntry[];
}
