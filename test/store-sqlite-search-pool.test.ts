/**
 * Searches on reader threads (`createSearchPool`, what `serve` and `start` use through
 * `openStore({ searchThreads })`). Over a real store file of fictional filings whose broad search
 * takes a while: the pool answers exactly what the store answers, errors keep their codes, and a
 * long search leaves the caller's event loop (and so a real HTTP server on 127.0.0.1) free.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../src/cli/db-option.ts';
import { isEdgarError } from '../src/core/errors.ts';
import { createApp } from '../src/server/app.ts';
import { createNodeServer } from '../src/server/node.ts';
import { createSearchPool } from '../src/store/sqlite/search-pool.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { createSlowStoreFile, searchRequest as request, SLOW_QUERY as SLOW } from './slow-search-fixture.ts';

const FILINGS = 2000;

/**
 * Call `start`; measure how long the event loop then takes to run a macrotask, and how long the
 * call takes to settle (wall ms).
 */
async function loopDelay<T>(start: () => Promise<T>): Promise<{ delay: number; took: number; result: T }> {
  const t = performance.now();
  const tick = new Promise<number>((resolve) => setImmediate(() => resolve(performance.now() - t)));
  const result = await start();
  const took = performance.now() - t;
  return { delay: await tick, took, result };
}

describe('createSearchPool', () => {
  let dir: string;
  let path: string;
  /** Wall ms of the slow search on the caller's thread (the faster of two runs). */
  let full = 0;

  before(async () => {
    ({ dir, path, full } = await createSlowStoreFile(FILINGS));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('search() answers exactly what the store answers (pages, cursors, totals, snippets, filters, sort)', async () => {
    const store = createSqliteStore({ path, readonly: true });
    const pool = createSearchPool({ path, threads: 2 });
    try {
      const first = await store.search(request(SLOW));
      assert.ok(first.nextCursor);
      assert.deepEqual(await pool.search(request(SLOW)), first);
      const requests = [
        request(SLOW, { cursor: first.nextCursor, limit: 3 }),
        request('tour17 OR tour18 OR tour1999', { sort: 'date' }),
        request('"helium tour" form:10-Q', { limit: 5 }),
        request('form:10-Q'),
        request('cik:888', { limit: 3 }),
        request('nowhere'),
      ];
      // Concurrently: the answers come back to the right callers.
      const [direct, pooled] = await Promise.all([
        Promise.all(requests.map((r) => store.search(r))),
        Promise.all(requests.map((r) => pool.search(r))),
      ]);
      assert.deepEqual(pooled, direct);
      assert.equal(pooled.at(-1)?.total, 0);
    } finally {
      await pool.close();
      await store.close();
    }
  });

  it('search() rejects with the store error code: invalid-query for a bad cursor, timeout past the limit', async () => {
    const pool = createSearchPool({
      path,
      threads: 1,
      searchTimeLimitMs: Math.max(2, Math.round(full / 10)),
    });
    try {
      await assert.rejects(pool.search(request(SLOW, { cursor: 'not-a-cursor' })), (e) =>
        isEdgarError(e, 'invalid-query'),
      );
      await assert.rejects(pool.search(request(SLOW)), (e) => isEdgarError(e, 'timeout'));
      // The thread goes on answering.
      assert.equal((await pool.search(request('tour17'))).total, 1);
    } finally {
      await pool.close();
    }
  });

  it('a long search on the pool leaves the event loop free; on the caller thread it blocks it', async () => {
    const store = createSqliteStore({ path, readonly: true });
    const pool = createSearchPool({ path, threads: 1 });
    try {
      await pool.search(request('tour17')); // the thread is up and its statements prepared
      // Each delay against its own search's time, so that a loaded machine slows both alike.
      const direct = await loopDelay(() => store.search(request(SLOW)));
      assert.ok(
        direct.delay > direct.took * 0.8,
        `caller thread: loop delayed ${direct.delay.toFixed(1)} ms by a ${direct.took.toFixed(0)} ms search`,
      );
      const pooled = await loopDelay(() => pool.search(request(SLOW)));
      assert.equal(pooled.result.total, FILINGS);
      assert.ok(
        pooled.delay < pooled.took / 4,
        `pool: loop delayed ${pooled.delay.toFixed(1)} ms by a ${pooled.took.toFixed(0)} ms search`,
      );
    } finally {
      await pool.close();
      await store.close();
    }
  });

  it('close() fails the searches in flight and later ones with store-error', async () => {
    const pool = createSearchPool({ path, threads: 1 });
    const inFlight = assert.rejects(pool.search(request(SLOW)), (e) => isEdgarError(e, 'store-error'));
    await pool.close();
    await inFlight;
    await assert.rejects(pool.search(request('tour17')), (e) => isEdgarError(e, 'store-error'));
  });

  it('openStore({ searchThreads }) behind a real HTTP server: a request beside a long search is answered first', async () => {
    const store = openStore(path, { searchThreads: 2 });
    const server = await createNodeServer({ app: createApp({ store }), port: 0 });
    try {
      const timed = async (url: string) => {
        const t = performance.now();
        const res = await fetch(`${server.url}${url}`);
        const body = (await res.json()) as { filings?: number; total?: number };
        return { status: res.status, body, done: performance.now(), ms: performance.now() - t };
      };
      assert.equal((await timed(`/api/search?q=tour17`)).body.total, 1);
      const [slow, stats] = await Promise.all([
        timed(`/api/search?q=${encodeURIComponent(SLOW)}`),
        timed('/api/stats'),
      ]);
      assert.equal(slow.status, 200);
      assert.equal(slow.body.total, FILINGS);
      assert.equal(stats.body.filings, FILINGS);
      assert.ok(
        stats.done < slow.done,
        `stats answered in ${stats.ms.toFixed(0)} ms, the search in ${slow.ms.toFixed(0)} ms`,
      );
    } finally {
      await server.close();
      await store.close();
    }
  });
});
