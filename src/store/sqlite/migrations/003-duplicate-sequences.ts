/**
 * Schema version 3: documents may share a `<SEQUENCE>` (real submissions repeat one now and
 * then; the parser keeps both with a warning), so `(filing_id, sequence)` is no longer unique.
 * SQLite cannot drop a table constraint, so the table is rebuilt with the same ids (the FTS
 * rows keep pointing at them).
 * @module
 */

/** SQL of migration 3. */
export const migration003 = `
CREATE TABLE documents_v3 (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  type TEXT NOT NULL,
  filename TEXT NOT NULL,
  description TEXT,
  content_type TEXT NOT NULL,
  encoding TEXT NOT NULL,
  wrapper TEXT,
  size INTEGER NOT NULL,
  sha256 TEXT,
  body_offset INTEGER NOT NULL,
  body_length INTEGER NOT NULL,
  has_text INTEGER NOT NULL,
  markdown TEXT,
  section_count INTEGER NOT NULL,
  text_chars INTEGER NOT NULL DEFAULT 0
);
INSERT INTO documents_v3 (id, filing_id, sequence, type, filename, description, content_type, encoding, wrapper,
  size, sha256, body_offset, body_length, has_text, markdown, section_count, text_chars)
SELECT id, filing_id, sequence, type, filename, description, content_type, encoding, wrapper,
  size, sha256, body_offset, body_length, has_text, markdown, section_count, text_chars FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v3 RENAME TO documents;
CREATE INDEX documents_sequence ON documents (filing_id, sequence);
CREATE INDEX documents_filename ON documents (filing_id, filename);
CREATE INDEX documents_type ON documents (type);
`;
