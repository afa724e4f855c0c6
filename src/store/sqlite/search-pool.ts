/**
 * Searches of a SQLite store on a few reader threads. A SQLite search is synchronous: ranking a
 * common word over 100k filings takes ~100 ms, and on the caller's thread that blocks its event
 * loop (every other request of a server waits). On reader threads it does not, and concurrent
 * searches use every core. Each thread opens the file read-only (WAL: it sees every commit) with
 * the same search time limit; a search goes to the thread with the fewest in flight.
 * @module
 */

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createError, EdgarError, type ErrorCode } from '../../core/errors.ts';
import { siblingModule } from '../../core/sibling-module.ts';
import type { SearchRequest, SearchResult, Store } from '../store.ts';

/** Options of `createSearchPool`. */
export interface SearchPoolOptions {
  /** The store file (it must exist at its current schema: open the store itself first). */
  path: string;
  /** Reader threads (default `defaultSearchThreads()`). */
  threads?: number;
  /** Time limit of each search in ms, as `SqliteStoreOptions.searchTimeLimitMs`. */
  searchTimeLimitMs?: number;
  /** Page cache of each reader in MiB (default 16). */
  cacheMiB?: number;
}

/** Searches on reader threads. */
export interface SearchPool {
  /** `Store.search`, answered by a reader thread. */
  search(request: SearchRequest): Promise<SearchResult>;
  /** Stop the threads; searches still in flight fail with `store-error`. */
  close(): Promise<void>;
}

/** What a reader thread is started with (internal, `search-worker.ts`). */
export interface SearchWorkerData {
  path: string;
  cacheMiB: number;
  searchTimeLimitMs?: number;
}

/** A reader thread's answer (internal, `search-worker.ts`). */
export type SearchReply =
  | { id: number; result: SearchResult }
  | { id: number; error: { code?: ErrorCode; message: string } };

interface Pending {
  resolve: (r: SearchResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Reader threads for a server on this machine: one per core, at most 4. */
export function defaultSearchThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Start the reader threads.
 * @example const pool = createSearchPool({ path: 'edgarbox.db', searchTimeLimitMs: 10_000 });
 */
export function createSearchPool(options: SearchPoolOptions): SearchPool {
  const size = Math.max(1, options.threads ?? defaultSearchThreads());
  const data: SearchWorkerData = {
    path: options.path,
    cacheMiB: options.cacheMiB ?? 16,
    ...(options.searchTimeLimitMs === undefined ? {} : { searchTimeLimitMs: options.searchTimeLimitMs }),
  };
  const slots: Array<Slot | undefined> = Array.from({ length: size }, () => undefined);
  let nextId = 1;
  let closed = false;

  function fail(slot: Slot, why: string): void {
    const e = createError('store-error', why);
    for (const p of slot.pending.values()) p.reject(e);
    slot.pending.clear();
  }

  function start(index: number): Slot {
    const worker = new Worker(siblingModule('search-worker', import.meta.url), { workerData: data });
    const slot: Slot = { worker, pending: new Map() };
    // An idle pool does not keep the process alive; a search in flight does.
    worker.unref();
    worker.on('message', (reply: SearchReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if ('result' in reply) p.resolve(reply.result);
      else
        p.reject(
          reply.error.code === undefined
            ? new Error(reply.error.message)
            : new EdgarError(reply.error.code, reply.error.message),
        );
    });
    worker.on('error', (e) => fail(slot, `search thread failed: ${e.message}`));
    worker.on('exit', (code) => {
      // Replaced on the next search; its searches in flight fail.
      if (slots[index] === slot) slots[index] = undefined;
      fail(slot, `search thread stopped (exit code ${code})`);
    });
    slots[index] = slot;
    return slot;
  }

  function pick(): Slot {
    let best: Slot | undefined;
    for (let i = 0; i < size; i++) {
      const slot = slots[i] ?? start(i);
      if (slot.pending.size === 0) return slot;
      if (!best || slot.pending.size < best.pending.size) best = slot;
    }
    return best as Slot;
  }

  // Started now, not on the first search: a thread takes ~0.1-0.2 s to load.
  for (let i = 0; i < size; i++) start(i);

  return {
    search(request) {
      if (closed) return Promise.reject(createError('store-error', 'the search pool is closed'));
      const slot = pick();
      const id = nextId++;
      return new Promise<SearchResult>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, request });
      });
    },
    async close() {
      closed = true;
      await Promise.all(
        slots.map(async (slot, i) => {
          if (!slot) return;
          slots[i] = undefined;
          fail(slot, 'the search pool is closed');
          await slot.worker.terminate();
        }),
      );
    },
  };
}

/**
 * `store` with its searches answered by `pool`; closing it closes both.
 * @example const served = withSearchPool(store, createSearchPool({ path }));
 */
export function withSearchPool(store: Store, pool: SearchPool): Store {
  return {
    ...store,
    search: (request) => pool.search(request),
    close: async () => {
      await pool.close();
      await store.close();
    },
  };
}
