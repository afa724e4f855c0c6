/**
 * Schema version 5: `sync_state`, the small key/value table where `edgarbox sync` keeps what it
 * remembers between runs (listing validators, feed days done, failures), so the state travels
 * with the store.
 * @module
 */

/** SQL of migration 5. */
export const syncState = `
CREATE TABLE IF NOT EXISTS sync_state (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;
