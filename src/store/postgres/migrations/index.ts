/**
 * The PostgreSQL schema migrations, in order. Version N is `migrations[N - 1]`; a store whose
 * `schema_version` is higher than `migrations.length` was written by a newer edgarbox.
 * @module
 */
import type pg from 'pg';
import { initialSchema } from './001-initial.ts';
import { documentPosition } from './002-document-position.ts';
import { mergedEntities, rebuildEntities } from './003-merged-entities.ts';
import { acceptanceOrder } from './004-acceptance-order.ts';
import { syncState } from './005-sync-state.ts';

/** One migration: the SQL that takes the schema from `version - 1` to `version`. */
export interface Migration {
  version: number;
  sql: string;
  /** A step run after `sql` in the same transaction, for what SQL alone cannot compute. */
  after?: (client: pg.PoolClient) => Promise<void>;
}

/** Every migration, oldest first. */
export const migrations: Migration[] = [
  { version: 1, sql: initialSchema },
  { version: 2, sql: documentPosition },
  { version: 3, sql: mergedEntities, after: rebuildEntities },
  { version: 4, sql: acceptanceOrder },
  { version: 5, sql: syncState },
];
