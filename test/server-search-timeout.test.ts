/**
 * The search time limit. A SQLite search is synchronous: it blocks the event loop, so the
 * server's own timer (`withTimeout`) cannot stop it; the store's `searchTimeLimitMs` stops it from
 * inside. Over a real store of fictional filings whose search takes far longer than the limit
 * and a real HTTP listener on 127.0.0.1: the slow search is answered by a `timeout` error soon
 * after the limit, a request sent beside it is served, and searches that stay inside the limit
 * answer exactly as without one.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../src/cli/db-option.ts';
import { isEdgarError } from '../src/core/errors.ts';
import { createApp } from '../src/server/app.ts';
import { createNodeServer } from '../src/server/node.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { createSlowStoreFile, searchRequest as request, SLOW_QUERY as SLOW } from './slow-search-fixture.ts';

const FILINGS = 2000;

describe('search time limit (SqliteStoreOptions.searchTimeLimitMs)', () => {
  let dir: string;
  let path: string;
  /** Wall ms of the slow search without a limit (the faster of two runs). */
  let full = 0;
  /**
   * This thread's CPU ms for that search: what "stopped instead of running to the end" is judged
   * on, since a loaded machine stretches wall times (the limit itself is wall time, so a stopped
   * search uses less CPU, never more, under load).
   */
  let fullCpu = 0;
  /** The limit the tests set: a tenth of the whole search. */
  let limit = 0;

  before(async () => {
    ({ dir, path, full } = await createSlowStoreFile(FILINGS));
    limit = Math.max(5, Math.round(full / 10));
    const store = createSqliteStore({ path, readonly: true });
    try {
      fullCpu = await threadCpuMs(async () =>
        assert.equal((await store.search(request(SLOW))).total, FILINGS),
      );
    } finally {
      await store.close();
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('search() stops with EdgarError timeout soon after the limit instead of running to the end', async () => {
    const store = createSqliteStore({ path, readonly: true, searchTimeLimitMs: limit });
    try {
      const took = await threadCpuMs(() =>
        assert.rejects(store.search(request(SLOW)), (e) => isEdgarError(e) && e.code === 'timeout'),
      );
      assert.ok(
        took < fullCpu / 2,
        `stopped after ${took.toFixed(0)} ms of CPU (limit ${limit} ms, whole search ${fullCpu.toFixed(0)} ms of CPU)`,
      );
      // The next search starts its own clock.
      assert.equal((await store.search(request('tour17'))).total, 1);
    } finally {
      await store.close();
    }
  });

  it('openStore() (what serve, start and mcp open) passes queryTimeLimitMs on as the search limit', async () => {
    const limited = openStore(path, { readonly: true, queryTimeLimitMs: limit });
    const open = openStore(path, { readonly: true });
    try {
      await assert.rejects(limited.search(request(SLOW)), (e) => isEdgarError(e) && e.code === 'timeout');
      assert.equal((await open.search(request(SLOW))).total, FILINGS);
    } finally {
      await limited.close();
      await open.close();
    }
  });

  it('search() inside the limit answers exactly as a store without one (pages, totals, snippets, filters)', async () => {
    const open = createSqliteStore({ path, readonly: true });
    const limited = createSqliteStore({ path, readonly: true, searchTimeLimitMs: 60_000 });
    try {
      const first = await open.search(request(SLOW));
      assert.ok(first.nextCursor);
      assert.deepEqual(await limited.search(request(SLOW)), first);
      const requests = [
        request(SLOW, { cursor: first.nextCursor, limit: 3 }),
        request('tour17 OR tour18 OR tour1999', { sort: 'date' }),
        request('tour17 OR tour18'),
        request('"helium tour" form:10-Q', { limit: 5 }),
        request('form:10-Q'),
        request('cik:888', { limit: 3 }),
      ];
      for (const r of requests)
        assert.deepEqual(await limited.search(r), await open.search(r), JSON.stringify(r));
    } finally {
      await open.close();
      await limited.close();
    }
  });

  it('GET /api/search answers a slow search with 503 timeout soon after the limit; a request beside it is served', async () => {
    const store = createSqliteStore({ path, readonly: true, searchTimeLimitMs: limit });
    const server = await createNodeServer({ app: createApp({ store }), port: 0 });
    try {
      const timed = async (url: string) => {
        const t = performance.now();
        const res = await fetch(`${server.url}${url}`);
        const body = (await res.json()) as { error?: { code: string }; filings?: number; total?: number };
        return { status: res.status, body, ms: performance.now() - t };
      };
      // The first fetch() loads the HTTP client: not part of what is timed.
      assert.equal((await timed('/api/stats')).status, 200);
      // Server, client and the synchronous search all run on this thread: its CPU over both
      // requests stays far below the whole search's however loaded the machine is.
      let slow = { status: 0, body: {} as Awaited<ReturnType<typeof timed>>['body'], ms: 0 };
      let stats = slow;
      const cpu = await threadCpuMs(async () => {
        [slow, stats] = await Promise.all([
          timed(`/api/search?q=${encodeURIComponent(SLOW)}`),
          timed('/api/stats'),
        ]);
      });
      assert.equal(slow.status, 503);
      assert.equal(slow.body.error?.code, 'timeout');
      assert.ok(
        cpu < fullCpu / 2,
        `both answered after ${cpu.toFixed(0)} ms of CPU, ${slow.ms.toFixed(0)} ms of wall (limit ${limit} ms, whole search ${fullCpu.toFixed(0)} ms of CPU)`,
      );
      assert.equal(stats.status, 200);
      assert.equal(stats.body.filings, FILINGS);
      assert.ok(
        stats.ms < full,
        `stats answered after ${stats.ms.toFixed(0)} ms (whole search ${full.toFixed(0)} ms)`,
      );
      const fast = await timed('/api/search?q=tour17');
      assert.deepEqual([fast.status, fast.body.total], [200, 1]);
    } finally {
      await server.close();
      await store.close();
    }
  });
});

/** CPU ms this thread spends while `run` runs (other threads and waiting not counted). */
async function threadCpuMs(run: () => Promise<unknown>): Promise<number> {
  const start = process.threadCpuUsage();
  await run();
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
}
