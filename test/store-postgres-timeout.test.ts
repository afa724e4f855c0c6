/**
 * The PostgreSQL search time limit (`PostgresStoreOptions.statementTimeoutMs`, what `openStore`
 * sets for `serve`, `start` and `mcp`): on a real PostgreSQL server, a search that runs past the
 * limit is stopped by the server and answered with EdgarError `timeout`, the store goes on
 * answering, and opening (migrating) a store is never cut short by the limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isEdgarError } from '../src/core/errors.ts';
import { parseQuery } from '../src/search/query.ts';
import { SCHEMA_VERSION } from '../src/store/postgres/migrate.ts';
import { createPostgresStore } from '../src/store/postgres/store.ts';
import type { SearchRequest } from '../src/store/store.ts';
import { createTestDatabase, dropTestDatabase } from './pg-server.ts';
import { makeFiling } from './store-filing-fixture.ts';

const FILINGS = 400;

function filings(): Array<ReturnType<typeof makeFiling>> {
  return Array.from({ length: FILINGS }, (_, i) =>
    makeFiling({
      accession: `0000000666-23-${String(i).padStart(6, '0')}`,
      form: '8-K',
      filingDate: `2023-05-${String(1 + (i % 28)).padStart(2, '0')}`,
      parties: [{ cik: '0000000666', name: 'KITE WORKS INC' }],
      documents: [
        { type: '8-K', filename: `kite${i}.txt`, body: `${'kite string wind tail '.repeat(300)}kite${i}` },
      ],
    }),
  );
}

const SLOW = 'kite OR string OR wind OR tail';

function request(q: string): SearchRequest {
  const parsed = parseQuery(q);
  return { ...(parsed.text ? { text: parsed.text } : {}), filters: parsed.filters, sort: 'relevance' };
}

const db = await createTestDatabase();
const skip = typeof db === 'string' ? false : db.skip;
const url = typeof db === 'string' ? db : '';

describe('PostgreSQL search time limit (statementTimeoutMs)', { skip }, () => {
  /** Wall ms of the slow search without a limit (the faster of two runs). */
  let full = Number.POSITIVE_INFINITY;

  before(async () => {
    // Migrating under a 1 ms statement limit: every migration statement runs in full anyway.
    const store = await createPostgresStore({ url, statementTimeoutMs: 1 });
    try {
      assert.equal((await store.stats()).schemaVersion, SCHEMA_VERSION);
    } finally {
      await store.close();
    }
    const open = await createPostgresStore({ url });
    try {
      await open.putFilings(filings());
      for (let run = 0; run < 2; run++) {
        const t = performance.now();
        assert.equal((await open.search(request(SLOW))).total, FILINGS);
        full = Math.min(full, performance.now() - t);
      }
    } finally {
      await open.close();
    }
  });

  after(async () => {
    if (url) await dropTestDatabase(url);
  });

  it('search() past the limit rejects with EdgarError timeout soon after it; the store goes on answering', async () => {
    const limit = Math.max(5, Math.round(full / 10));
    const store = await createPostgresStore({ url, statementTimeoutMs: limit });
    try {
      const t = performance.now();
      await assert.rejects(store.search(request(SLOW)), (e) => isEdgarError(e, 'timeout'));
      const took = performance.now() - t;
      assert.ok(
        took < full / 2,
        `stopped after ${took.toFixed(0)} ms (limit ${limit}, whole search ${full.toFixed(0)} ms)`,
      );
      // The cancelled statement's connection went back to the pool in working order.
      const filing = await store.getFiling('0000000666-23-000017');
      assert.equal(filing?.documents[0]?.filename, 'kite17.txt');
    } finally {
      await store.close();
    }
  });
});
