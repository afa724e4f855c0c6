/**
 * Schema version 3: an entity is the merge over all its filings (`../../entity-merge.ts`); its
 * merge state is kept in `entities.state` so a new filing folds in without reading the others.
 * Rows written before held the latest party block only, so every entity is rebuilt.
 * @module
 */
import type pg from 'pg';
import { refreshEntities } from '../entities.ts';

/** SQL of migration 3. */
export const mergedEntities = 'ALTER TABLE entities ADD COLUMN state jsonb';

/** CIKs rebuilt per statement. */
const GROUP = 1000;

/** Rebuild every entity row from the stored filings (inside the migration's transaction). */
export async function rebuildEntities(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ cik: string }>(
    "SELECT DISTINCT cik FROM filing_parties WHERE cik <> '' ORDER BY cik",
  );
  const ciks = rows.map((r) => r.cik);
  for (let i = 0; i < ciks.length; i += GROUP) await refreshEntities(client, ciks.slice(i, i + GROUP));
}
