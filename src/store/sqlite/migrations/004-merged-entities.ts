/**
 * Schema version 4: an entity is the merge over all its filings (`../../entity-merge.ts`), its
 * merge state kept in `entities.party_json`; rows written before held the latest party block
 * only, so every entity is rebuilt from the stored filings. No table changes.
 * @module
 */
import type Database from 'better-sqlite3';
import { createEntityRefresher } from '../entity-refresh.ts';

/** Rebuild every entity row from the stored filings. */
export function rebuildEntities(db: Database.Database): void {
  createEntityRefresher(db).rebuildAll();
}
