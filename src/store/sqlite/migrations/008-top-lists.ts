/**
 * Schema version 8: champion lists for ranking common words (`../top-lists.ts`). For each word of
 * `document_fts` in at least `min_df` documents, the `size` documents it scores best in
 * (bm25() of that word alone) and the K-th one's tf part `theta`, so a search can prove that no
 * other document beats its page. `fts_top_meta` (one row, absent until the first build) holds the
 * index figures at build time; documents with a rowid above its `max_rowid` are newer than the
 * lists and always scored. The trigger keeps that true when SQLite reuses a rowid (the largest
 * document deleted, then a new one inserted): the boundary moves below the reused id. Idempotent
 * (a store rolled back to an older version number keeps its tables).
 * @module
 */

/** SQL of migration 8. */
export const migration008 = `
CREATE TABLE IF NOT EXISTS fts_top_lists (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL,
  theta REAL NOT NULL,
  rowids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fts_top_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rows INTEGER NOT NULL,
  avgdl REAL NOT NULL,
  max_rowid INTEGER NOT NULL,
  min_df INTEGER NOT NULL,
  size INTEGER NOT NULL,
  seconds REAL NOT NULL,
  built_at TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS fts_top_reused_rowid AFTER INSERT ON documents
WHEN new.id <= (SELECT max_rowid FROM fts_top_meta WHERE id = 1)
BEGIN
  UPDATE fts_top_meta SET max_rowid = new.id - 1 WHERE id = 1;
END;
`;
