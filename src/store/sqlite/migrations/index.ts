/**
 * The SQLite schema migrations, in order. Version N is the N-th entry; opening a store applies
 * every migration above its recorded `schema_version`, each in its own transaction.
 * @module
 */
import type Database from 'better-sqlite3';
import { migration001 } from './001-initial.ts';
import { migration002 } from './002-text-chars.ts';
import { migration003 } from './003-duplicate-sequences.ts';
import { rebuildEntities } from './004-merged-entities.ts';
import { migration005 } from './005-acceptance-order.ts';
import { migration006 } from './006-sync-state.ts';
import { toContentlessSections } from './007-contentless-sections.ts';
import { migration008 } from './008-top-lists.ts';

/** One schema step. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** A step run after `sql` in the same transaction, for what SQL alone cannot compute. */
  after?: (db: Database.Database) => void;
}

/** Every migration, oldest first. Append only: never edit a released one. */
export const migrations: Migration[] = [
  { version: 1, description: 'filings, documents, sections, entities, raw chunks, FTS5', sql: migration001 },
  { version: 2, description: 'documents.text_chars for cheap stats', sql: migration002 },
  { version: 3, description: 'documents may share a sequence number', sql: migration003 },
  { version: 4, description: 'entities merged over all their filings', sql: '', after: rebuildEntities },
  { version: 5, description: 'filings listed by acceptance time within a date', sql: migration005 },
  { version: 6, description: 'sync_state: what edgarbox sync remembers between runs', sql: migration006 },
  {
    version: 7,
    description: 'section_fts without a second copy of the section text',
    sql: '',
    after: toContentlessSections,
  },
  { version: 8, description: 'fts_top_lists: champion lists for ranking common words', sql: migration008 },
];

/** The schema version this edgarbox writes. */
export const latestSchemaVersion: number = migrations.length;
