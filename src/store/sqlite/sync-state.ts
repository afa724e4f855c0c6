/**
 * The SQLite side of `Store.getSyncState` / `putSyncState`: the `sync_state` table.
 * @module
 */
import type Database from 'better-sqlite3';
import type { SyncStateEntry } from '../store.ts';

/** Sync-state reads and writes on one connection. */
export interface SyncStateTable {
  get(key: string): string | undefined;
  put(entries: SyncStateEntry[]): void;
}

/**
 * Statements for the `sync_state` table (prepared on first use, so a read-only store of an
 * older schema never prepares them).
 * @example const table = createSyncStateTable(db); table.put([{ key: 'a', value: '1' }]);
 */
export function createSyncStateTable(db: Database.Database): SyncStateTable {
  let statements:
    | { get: Database.Statement; write: Database.Transaction<(entries: SyncStateEntry[]) => void> }
    | undefined;
  const prepared = () => {
    if (statements) return statements;
    const get = db.prepare('SELECT value FROM sync_state WHERE key = ?');
    const set = db.prepare(
      'INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    const del = db.prepare('DELETE FROM sync_state WHERE key = ?');
    const write = db.transaction((entries: SyncStateEntry[]) => {
      const now = new Date().toISOString();
      for (const e of entries) {
        if (e.value === null) del.run(e.key);
        else set.run(e.key, e.value, now);
      }
    });
    statements = { get, write };
    return statements;
  };
  return {
    get(key) {
      const row = prepared().get.get(key) as { value: string } | undefined;
      return row?.value;
    },
    put(entries) {
      if (entries.length === 0) return;
      prepared().write.immediate(entries);
    },
  };
}
