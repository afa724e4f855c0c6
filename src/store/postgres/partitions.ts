/**
 * Per-year partitions, created on demand before a filing of a new year is written. DDL runs in
 * its own short transaction under an advisory lock so concurrent writers never race on it.
 * @module
 */
import type pg from 'pg';

/** Tables partitioned by `filing_year`. */
export const PARTITIONED_TABLES = [
  'filings',
  'filing_parties',
  'documents',
  'fts_chunks',
  'sections',
  'raw_chunks',
] as const;

const PARTITION_LOCK = 0x6564_6762;

/** The partition key of a filing: the year of its filing date, 0 when unknown. */
export function filingYear(filingDate: string | undefined): number {
  const m = /^(\d{4})-/.exec(filingDate ?? '');
  return m === null ? 0 : Number(m[1]);
}

/**
 * Make sure every table has a partition for each of `years`. `known` caches years already
 * checked by this process.
 */
export async function ensurePartitions(
  client: pg.PoolClient,
  years: number[],
  known: Set<number>,
): Promise<void> {
  const missing = [...new Set(years)].filter(
    (y) => !known.has(y) && Number.isInteger(y) && y >= 0 && y < 10000,
  );
  if (missing.length === 0) return;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
    for (const y of missing) {
      const suffix = `y${String(y).padStart(4, '0')}`;
      for (const table of PARTITIONED_TABLES) {
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${table}_${suffix} PARTITION OF ${table} FOR VALUES FROM (${y}) TO (${y + 1})`,
        );
      }
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
  for (const y of missing) known.add(y);
}
