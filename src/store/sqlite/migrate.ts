/**
 * Bring a SQLite store's schema up to date: reads `schema_version`, applies what is missing,
 * and refuses a store written by a newer edgarbox.
 * @module
 */
import type Database from 'better-sqlite3';
import { createError } from '../../core/errors.ts';
import { latestSchemaVersion, type Migration, migrations } from './migrations/index.ts';

/**
 * Apply pending migrations; resolves the version now in force.
 * @throws EdgarError `store-version` when the file's schema is newer than this code knows.
 */
export function migrate(db: Database.Database, all: Migration[] = migrations): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const version = db.prepare('SELECT max(version) AS v FROM schema_version');
  const current = (): number => (version.get() as { v: number | null }).v ?? 0;
  const found = current();
  const latest = all === migrations ? latestSchemaVersion : all.length;
  if (found > latest) throw createError('store-version', found, latest);
  for (const m of all) {
    if (m.version <= found) continue;
    db.transaction(() => {
      // Another process opening the same store may have applied it while this one waited for
      // the write lock: look again inside the (immediate) transaction.
      if (m.version <= current()) return;
      if (m.sql !== '') db.exec(m.sql);
      m.after?.(db);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    }).immediate();
  }
  return Math.max(found, latest);
}
