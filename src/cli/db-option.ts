/**
 * The `--db` option every store-using command shares: `--db <file|postgres://url>`, else
 * `$EDGARBOX_DB`, else a `postgres://` `$DATABASE_URL`, else `./edgarbox.db`.
 * @module
 */
import { createLazyPostgresStore, isPostgresUrl } from '../store/postgres/lazy-store.ts';
import { createSearchPool, withSearchPool } from '../store/sqlite/search-pool.ts';
import { createSqliteStore } from '../store/sqlite/store.ts';
import type { Store } from '../store/store.ts';

/** The store file when neither `--db` nor `EDGARBOX_DB` says otherwise. */
export const DEFAULT_DB = 'edgarbox.db';

/**
 * Which store file to use.
 * @example resolveDbPath(flags.db) // 'edgarbox.db' unless --db or EDGARBOX_DB say otherwise
 */
export function resolveDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env.EDGARBOX_DB;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const url = env.DATABASE_URL;
  return url !== undefined && isPostgresUrl(url) ? url : DEFAULT_DB;
}

/** What `openStore` may set beyond the target. */
export interface OpenStoreOptions {
  /** Open read-only. */
  readonly?: boolean;
  /**
   * Time limit of each search, ms, enforced inside the backend (SQLite: the search statements
   * check the clock; PostgreSQL: `statement_timeout`, a second later, so that the caller's own
   * timer answers first and the server still frees the connection).
   */
  queryTimeLimitMs?: number;
  /** SQLite page cache in MiB (the store's default otherwise; no effect on PostgreSQL). */
  cacheMiB?: number;
  /**
   * SQLite: answer searches on this many reader threads (`createSearchPool`), so that a long
   * search does not block the caller's event loop (servers); 0 or absent: on the caller's thread.
   * No effect on PostgreSQL (its queries never block) or on `:memory:`.
   */
  searchThreads?: number;
}

/**
 * Open the store the `--db` flag (or its defaults) names.
 * @example const store = openStore(flags.db, { queryTimeLimitMs: 10_000 });
 */
export function openStore(flag?: string, options: OpenStoreOptions = {}): Store {
  const target = resolveDbPath(flag);
  const limit = options.queryTimeLimitMs;
  if (isPostgresUrl(target)) {
    return createLazyPostgresStore({
      url: target,
      readonly: options.readonly === true,
      ...(limit === undefined ? {} : { statementTimeoutMs: limit + 1000 }),
    });
  }
  const store = createSqliteStore({
    path: target,
    ...(options.readonly ? { readonly: true } : {}),
    ...(limit === undefined ? {} : { searchTimeLimitMs: limit }),
    ...(options.cacheMiB === undefined ? {} : { cacheMiB: options.cacheMiB }),
  });
  const threads = options.searchThreads ?? 0;
  if (threads <= 0 || target === ':memory:') return store;
  // The store is open (and migrated) first: the readers open the file read-only.
  const pool = createSearchPool({
    path: target,
    threads,
    ...(limit === undefined ? {} : { searchTimeLimitMs: limit }),
  });
  return withSearchPool(store, pool);
}
