/**
 * The SQLite `Store`: one file, WAL, FTS5, prepared statements. Reads can run while another
 * process writes (WAL); writes from several processes wait on each other (busy timeout).
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createError, isEdgarError } from '../../core/errors.ts';
import type { Store, StoreStats } from '../store.ts';
import { tuneFts } from './fts-tuning.ts';
import { migrate } from './migrate.ts';
import { latestSchemaVersion } from './migrations/index.ts';
import { createEntityReader } from './read-entities.ts';
import { createFilingReader } from './read-filings.ts';
import { createSearcher } from './search.ts';
import { createSyncStateTable } from './sync-state.ts';
import { refreshTopLists, type TopListsRefresh } from './top-lists.ts';
import { createFilingWriter } from './write-filings.ts';

/** Options of `createSqliteStore`. */
export interface SqliteStoreOptions {
  /** Database file (created with its folder when missing), or `:memory:`. */
  path: string;
  /** Open read-only (no migration; the file must exist and be current). */
  readonly?: boolean;
  /** Page cache in MiB (default 32). */
  cacheMiB?: number;
  /** How long a write waits for another writer, in ms (default 10,000). */
  busyTimeoutMs?: number;
  /**
   * Time limit of each `search`, ms: a search still running then stops with EdgarError
   * `timeout` (its statements check the clock as they go, since a synchronous search cannot be
   * interrupted from outside). Default: no limit.
   */
  searchTimeLimitMs?: number;
}

/**
 * Open (or create) a SQLite store, migrating an older schema.
 * @throws EdgarError `store-version` when the file is from a newer edgarbox; `store-error` when it
 * is not an edgarbox store or cannot be opened.
 * A read-only open of an older store migrates it first through a brief read-write connection.
 * @param afterMigration internal: set on the reopen after that migration.
 * @example const store = createSqliteStore({ path: 'edgarbox.db' });
 */
export function createSqliteStore(options: SqliteStoreOptions, afterMigration = false): Store {
  let db: Database.Database;
  try {
    if (options.path !== ':memory:' && !options.readonly)
      mkdirSync(dirname(options.path), { recursive: true });
    db = new Database(options.path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      timeout: options.busyTimeoutMs ?? 10_000,
    });
  } catch (e) {
    throw createError('store-error', `cannot open ${options.path}: ${(e as Error).message}`);
  }
  let schemaVersion: number;
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = OFF');
    db.pragma('temp_store = MEMORY');
    db.pragma(`cache_size = ${-1024 * (options.cacheMiB ?? 32)}`);
    if (options.readonly) {
      schemaVersion =
        (db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
      if (schemaVersion > latestSchemaVersion)
        throw createError('store-version', schemaVersion, latestSchemaVersion);
      if (schemaVersion < latestSchemaVersion) {
        if (afterMigration)
          throw createError(
            'store-error',
            `${options.path} did not migrate to schema ${latestSchemaVersion}`,
          );
        // An older store: migrate it once through a short read-write connection, then go on
        // read-only (so `search` right after an upgrade just works).
        db.close();
        void createSqliteStore({ ...options, readonly: false }).close();
        return createSqliteStore(options, true);
      }
    } else {
      schemaVersion = migrate(db);
      tuneFts(db);
    }
  } catch (e) {
    db.close();
    if (isEdgarError(e)) throw e;
    throw createError(
      'store-error',
      `${options.path} is not a usable edgarbox store: ${(e as Error).message}`,
    );
  }
  const writer = createFilingWriter(db);
  const filings = createFilingReader(db);
  const entities = createEntityReader(db);
  const searcher = createSearcher(
    db,
    options.searchTimeLimitMs === undefined ? {} : { timeLimitMs: options.searchTimeLimitMs },
  );
  const syncState = createSyncStateTable(db);

  function stats(): StoreStats {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
    return {
      backend: 'sqlite',
      schemaVersion,
      filings: one('SELECT count(*) AS n FROM filings'),
      documents: one('SELECT count(*) AS n FROM documents'),
      entities: one('SELECT count(*) AS n FROM entities'),
      sections: one('SELECT count(*) AS n FROM sections'),
      rawBytes: one('SELECT sum(size) AS n FROM filings'),
      rawStoredBytes: one('SELECT sum(raw_stored_bytes) AS n FROM filings'),
      textChars: one('SELECT sum(text_chars) AS n FROM documents'),
    };
  }

  return {
    putFilings: async (batch) => writer.putFilings(batch),
    getFilingHash: async (accession) => writer.getFilingHash(accession),
    deleteFiling: async (accession) => writer.deleteFiling(accession),
    getFiling: async (accession) => filings.getFiling(accession),
    listFilings: async (query) => filings.listFilings(query),
    openRaw: async (accession) => filings.openRaw(accession),
    readDocument: async (accession, ref) => filings.readDocument(accession, ref),
    getDocumentText: async (accession, ref) => filings.getDocumentText(accession, ref),
    getDocumentMarkdown: async (accession, ref) => filings.getDocumentMarkdown(accession, ref),
    getSections: async (accession, ref) => filings.getSections(accession, ref),
    getEntity: async (cik) => entities.getEntity(cik),
    listEntities: async (query) => entities.listEntities(query),
    search: async (request) => searcher.search(request),
    getSyncState: async (key) => syncState.get(key),
    putSyncState: async (entries) => syncState.put(entries),
    stats: async () => stats(),
    refreshSearchLists: async (o = {}) => {
      let r: TopListsRefresh;
      try {
        r = refreshTopLists(db, {
          ...(o.force ? { force: true } : {}),
          ...(o.onProgress ? { onProgress: o.onProgress } : {}),
        });
      } catch (e) {
        // Another connection wrote during the build (its reads are one snapshot): the old lists
        // stay, still exact; the next ingest builds again.
        if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY'))
          return { built: false, reason: 'busy', documents: 0 };
        throw e;
      }
      return r.built
        ? { built: true, documents: r.documents, terms: r.terms, seconds: Math.round(r.seconds * 10) / 10 }
        : { built: false, reason: r.reason, documents: r.documents };
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
