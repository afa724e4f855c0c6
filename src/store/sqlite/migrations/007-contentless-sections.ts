/**
 * Schema version 7: `section_fts` keeps no copy of the section text. A section's body is a slice
 * of its document's stored Markdown, so the index holds only terms (FTS5 `content = ''`,
 * `contentless_delete = 1` so a replaced filing's rows can still be deleted); snippets of section
 * hits re-index the page's slices on their own (`../snippets.ts`). Writing a section then costs
 * its tokenizing alone, not a second stored copy of its text. The terms are copied from the old
 * table's stored text, so every existing section stays searchable with the same rowid.
 * @module
 */
import type Database from 'better-sqlite3';

/** SQL that rebuilds a contentful `section_fts` as a contentless one, with the same terms and rowids. */
export const migration007 = `
CREATE VIRTUAL TABLE section_fts_v7 USING fts5 (body, content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO section_fts_v7 (rowid, body) SELECT rowid, body FROM section_fts;
DROP TABLE section_fts;
ALTER TABLE section_fts_v7 RENAME TO section_fts;
`;

/**
 * Apply migration 7 unless `section_fts` is contentless already (a contentless table has no text
 * to copy: running the copy again would index empty rows).
 */
export function toContentlessSections(db: Database.Database): void {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'section_fts'").pluck().get();
  if (typeof sql === 'string' && /content\s*=\s*''/.test(sql)) return;
  db.exec(migration007);
}
