/**
 * Bench helper: build a store's champion lists of common words as `edgarbox ingest` leaves them
 * (built when the store has 20k documents or more and none are current; ~40 s at 100k filings),
 * timed, with one line printed.
 * @module
 */
import { createSqliteStore } from '../src/store/sqlite/store.ts';

/** Refresh the search lists of the SQLite store at `path` and print what was done. */
export async function refreshSearchListsTimed(path: string): Promise<void> {
  const store = createSqliteStore({ path });
  const t0 = performance.now();
  const lists = await store.refreshSearchLists?.();
  await store.close();
  console.log(
    lists?.built
      ? `search lists built: ${lists.terms} common words over ${lists.documents} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`
      : `search lists: ${lists?.reason ?? 'none'} (${lists?.documents ?? 0} documents)`,
  );
}
