/**
 * A PostgreSQL `Store` that connects on first use, for callers that open stores synchronously
 * (the CLI's `--db` option). It loads `pg` only then, so SQLite-only users never load it.
 * @module
 */
import type { Store } from '../store.ts';
import type { PostgresStoreOptions } from './store.ts';

/** True for `postgres://` and `postgresql://` URLs. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * A store that opens (and migrates) the database on its first call; errors surface there.
 * @example const store = createLazyPostgresStore({ url: 'postgres://localhost/edgar' });
 */
export function createLazyPostgresStore(options: PostgresStoreOptions): Store {
  let opened: Promise<Store> | undefined;
  const get = (): Promise<Store> => {
    opened ??= import('./store.ts').then((m) => m.createPostgresStore(options));
    return opened;
  };
  return {
    putFilings: async (batch) => (await get()).putFilings(batch),
    getFilingHash: async (accession) => (await get()).getFilingHash(accession),
    deleteFiling: async (accession) => (await get()).deleteFiling(accession),
    getFiling: async (accession) => (await get()).getFiling(accession),
    listFilings: async (query) => (await get()).listFilings(query),
    openRaw: async (accession) => (await get()).openRaw(accession),
    readDocument: async (accession, ref) => (await get()).readDocument(accession, ref),
    getDocumentText: async (accession, ref) => (await get()).getDocumentText(accession, ref),
    getDocumentMarkdown: async (accession, ref) => (await get()).getDocumentMarkdown(accession, ref),
    getSections: async (accession, ref) => (await get()).getSections(accession, ref),
    getEntity: async (cik) => (await get()).getEntity(cik),
    listEntities: async (query) => (await get()).listEntities(query),
    search: async (request) => (await get()).search(request),
    getSyncState: async (key) => (await get()).getSyncState(key),
    putSyncState: async (entries) => (await get()).putSyncState(entries),
    stats: async () => (await get()).stats(),
    close: async () => {
      if (opened === undefined) return;
      const store = await opened.catch(() => undefined);
      await store?.close();
    },
  };
}
