/**
 * The PostgreSQL side of `Store.getSyncState` / `putSyncState`: the `sync_state` table.
 * @module
 */
import type pg from 'pg';
import type { SyncStateEntry } from '../store.ts';

/**
 * The value kept under `key`, or `undefined`.
 * @example await getSyncStateValue(pool, 'sync:failures')
 */
export async function getSyncStateValue(pool: pg.Pool, key: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM sync_state WHERE key = $1', [key]);
  return rows[0]?.value;
}

/**
 * Upsert (or delete, for `null`) every entry in one transaction.
 * @example await putSyncStateValues(pool, [{ key: 'sync:failures', value: '{}' }])
 */
export async function putSyncStateValues(pool: pg.Pool, entries: SyncStateEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const e of entries) {
      if (e.value === null) await client.query('DELETE FROM sync_state WHERE key = $1', [e.key]);
      else
        await client.query(
          'INSERT INTO sync_state (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
          [e.key, e.value],
        );
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
