/**
 * Prepared statements for SQL built at run time (filter shapes vary): prepared once per distinct
 * text, kept in a small bounded map.
 * @module
 */
import type Database from 'better-sqlite3';

/** `prepare(sql)` that reuses a statement for the same SQL text. */
export type PrepareCached = (sql: string) => Database.Statement;

/**
 * Create a bounded cache of prepared statements over `db`.
 * @example const prepare = createStatementCache(db); prepare('SELECT 1').get();
 */
export function createStatementCache(db: Database.Database, max = 200): PrepareCached {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let st = cache.get(sql);
    if (!st) {
      if (cache.size >= max) cache.clear();
      st = db.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  };
}
