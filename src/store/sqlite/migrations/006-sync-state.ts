/**
 * Schema version 6: `sync_state`, the small key/value table where `edgarbox sync` keeps what it
 * remembers between runs (listing validators, feed days done, failures), so the state travels
 * with the store and a crash between a filing and its bookkeeping is one transaction apart.
 * @module
 */

/** SQL of migration 6. */
export const migration006 = `
CREATE TABLE IF NOT EXISTS sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
`;
