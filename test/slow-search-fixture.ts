/**
 * A store's worth of fictional filings whose broad search takes a while: for the tests of the
 * search time limits and of searches on reader threads.
 * @module
 */

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseQuery } from '../src/search/query.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import type { SearchRequest, Store } from '../src/store/store.ts';
import { makeFiling } from './store-filing-fixture.ts';

/**
 * Words that every document of `slowFilings` holds hundreds of times (words, not phrases: FTS5
 * counts a phrase's documents before its first row, uninterruptibly).
 */
export const SLOW_QUERY = 'zeppelin OR helium OR tour OR fleet';

/**
 * `count` filings of one long document each (~600 words: `SLOW_QUERY`'s four repeated), all
 * matching it; filing `i` is `0000000888-21-00000i`, its document `tour{i}.txt` ends with the
 * word `tour{i}`; one in four is a 10-Q, the rest 8-Ks.
 */
export function slowFilings(count: number): Array<ReturnType<typeof makeFiling>> {
  return Array.from({ length: count }, (_, i) =>
    makeFiling({
      accession: `0000000888-21-${String(i).padStart(6, '0')}`,
      form: i % 4 === 0 ? '10-Q' : '8-K',
      filingDate: `2021-02-${String(1 + (i % 28)).padStart(2, '0')}`,
      parties: [{ cik: '0000000888', name: 'HELIUM TOURS INC' }],
      documents: [
        {
          type: '8-K',
          filename: `tour${i}.txt`,
          body: `${'zeppelin helium tour fleet '.repeat(150 + (i % 9))}tour${i}`,
        },
      ],
    }),
  );
}

/** The `SearchRequest` of the query `q` by relevance, with `more` on top. */
export function searchRequest(q: string, more: Partial<SearchRequest> = {}): SearchRequest {
  const parsed = parseQuery(q);
  return {
    ...(parsed.text ? { text: parsed.text } : {}),
    filters: parsed.filters,
    sort: 'relevance',
    ...more,
  };
}

/**
 * Put `slowFilings(count)` into `store` and time `SLOW_QUERY` there: the faster of two runs, in
 * wall ms (each must find every filing).
 */
export async function loadSlowFilings(store: Store, count: number): Promise<number> {
  await store.putFilings(slowFilings(count));
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 2; run++) {
    const t = performance.now();
    assert.equal((await store.search(searchRequest(SLOW_QUERY))).total, count);
    fastest = Math.min(fastest, performance.now() - t);
  }
  return fastest;
}

/** A SQLite store file in a new temp folder holding `slowFilings(count)`, closed again. */
export interface SlowStoreFile {
  /** The temp folder (the caller removes it). */
  dir: string;
  /** The store file. */
  path: string;
  /** What `loadSlowFilings` measured: wall ms of `SLOW_QUERY` on the caller's thread. */
  full: number;
}

/** Create a `SlowStoreFile`. */
export async function createSlowStoreFile(count: number): Promise<SlowStoreFile> {
  const dir = mkdtempSync(join(tmpdir(), 'edgarbox-slow-'));
  const path = join(dir, 's.db');
  const store = createSqliteStore({ path });
  try {
    return { dir, path, full: await loadSlowFilings(store, count) };
  } finally {
    await store.close();
  }
}
