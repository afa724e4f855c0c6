/**
 * Schema version 2: `documents.text_chars`, so `stats()` sums a column instead of reading every
 * stored text. Backfills existing rows from the FTS content (one pass, at upgrade time).
 * @module
 */

/** SQL of migration 2. */
export const migration002 = `
ALTER TABLE documents ADD COLUMN text_chars INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET text_chars = coalesce((SELECT length(body) FROM document_fts WHERE document_fts.rowid = documents.id), 0)
  WHERE has_text = 1;
`;
