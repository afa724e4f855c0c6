/**
 * A reader thread of `createSearchPool`: opens the store file read-only and answers searches.
 * Loaded as `.ts` from source, `.js` once built.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isEdgarError } from '../../core/errors.ts';
import type { SearchRequest } from '../store.ts';
import type { SearchReply, SearchWorkerData } from './search-pool.ts';
import { createSqliteStore } from './store.ts';

const data = workerData as SearchWorkerData;
const store = createSqliteStore({
  path: data.path,
  readonly: true,
  cacheMiB: data.cacheMiB,
  ...(data.searchTimeLimitMs === undefined ? {} : { searchTimeLimitMs: data.searchTimeLimitMs }),
});

parentPort?.on('message', (msg: { id: number; request: SearchRequest }) => {
  store.search(msg.request).then(
    (result) => parentPort?.postMessage({ id: msg.id, result } satisfies SearchReply),
    (e: unknown) => {
      const error = isEdgarError(e)
        ? { code: e.code, message: e.message }
        : { message: e instanceof Error ? e.message : String(e) };
      parentPort?.postMessage({ id: msg.id, error } satisfies SearchReply);
    },
  );
});
