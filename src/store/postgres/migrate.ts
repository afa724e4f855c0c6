/**
 * Bring a PostgreSQL database to the current schema: `schema_version` records what was
 * applied; several processes opening the same database at once serialise on an advisory lock.
 * @module
 */
import type pg from 'pg';
import { createError } from '../../core/errors.ts';
import { migrations } from './migrations/index.ts';

/** Advisory lock key held while migrating (arbitrary, fixed). */
const MIGRATE_LOCK = 0x6564_6761;

/** The schema version this edgarbox writes. */
export const SCHEMA_VERSION: number = migrations.length;

/**
 * Apply the missing migrations; resolves to the schema version.
 * @throws EdgarError `store-version` when the database is newer than this edgarbox.
 */
export async function migrate(client: pg.PoolClient): Promise<number> {
  await client.query('SET default_transaction_read_only = off');
  // A store opened with a statement limit (`serve`) still migrates in full, and waits for the lock.
  await client.query('SET statement_timeout = 0');
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > SCHEMA_VERSION) throw createError('store-version', current, SCHEMA_VERSION);
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await m.after?.(client);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
    return Math.max(current, SCHEMA_VERSION);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]);
    await client.query('RESET default_transaction_read_only');
    await client.query('RESET statement_timeout');
  }
}
