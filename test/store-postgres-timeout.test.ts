/**
 * The PostgreSQL search time limit (`PostgresStoreOptions.statementTimeoutMs`, what `openStore`
 * sets for `serve`, `start` and `mcp`): on a real PostgreSQL server, a search that runs past the
 * limit is stopped by the server and answered with EdgarError `timeout`, the store goes on
 * answering, and opening (migrating) a store is never cut short by the limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isEdgarError } from '../src/core/errors.ts';
import { SCHEMA_VERSION } from '../src/store/postgres/migrate.ts';
import { createPostgresStore } from '../src/store/postgres/store.ts';
import { createTestDatabase, dropTestDatabase } from './pg-server.ts';
import { loadSlowFilings, searchRequest as request, SLOW_QUERY as SLOW } from './slow-search-fixture.ts';

const FILINGS = 1000;

const db = await createTestDatabase();
const skip = typeof db === 'string' ? false : db.skip;
const url = typeof db === 'string' ? db : '';

describe('PostgreSQL search time limit (statementTimeoutMs)', { skip }, () => {
  /** Wall ms of the slow search without a limit (the faster of two runs). */
  let full = 0;

  before(async () => {
    // Migrating under a 1 ms statement limit: every migration statement runs in full anyway
    // (opening would fail otherwise).
    await (await createPostgresStore({ url, statementTimeoutMs: 1 })).close();
    const open = await createPostgresStore({ url });
    try {
      assert.equal((await open.stats()).schemaVersion, SCHEMA_VERSION);
      full = await loadSlowFilings(open, FILINGS);
    } finally {
      await open.close();
    }
  });

  after(async () => {
    if (url) await dropTestDatabase(url);
  });

  it('search() past the limit rejects with EdgarError timeout; the store goes on answering', async () => {
    // A quarter of the whole search, then a sixteenth (at least 5 ms): the whole search was timed
    // once, perhaps while the machine was busier than now, so a quarter may be enough to finish
    // it; no limit stopping it fails the test. A cheap read stays well inside the limit.
    let stopped = false;
    for (const part of [4, 16]) {
      const limit = Math.max(5, Math.round(full / part));
      const store = await createPostgresStore({ url, statementTimeoutMs: limit });
      try {
        const outcome = await store.search(request(SLOW)).then(
          (r) => r.total,
          (e: unknown) => e,
        );
        if (outcome === FILINGS) continue;
        assert.ok(isEdgarError(outcome, 'timeout'), `limit ${limit} ms: ${String(outcome)}`);
        stopped = true;
        // The cancelled statement's connection went back to the pool in working order.
        const filing = await store.getFiling('0000000888-21-000017');
        assert.equal(filing?.documents[0]?.filename, 'tour17.txt');
        break;
      } finally {
        await store.close();
      }
    }
    assert.ok(stopped, `no limit down to a sixteenth of ${full.toFixed(0)} ms stopped the search`);
  });
});
