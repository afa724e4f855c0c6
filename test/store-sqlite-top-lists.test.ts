/**
 * The champion lists (`top-lists.ts`, `top-list-reader.ts`) against the full search path: the
 * same hits, scores, snippets, totals and cursors for every page, before and after documents are
 * added and deleted, on a small generated corpus whose vocabulary makes some words "common" under
 * a small threshold and list size.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runIngest } from '../src/ingest/run-ingest.ts';
import { parseQuery } from '../src/search/query.ts';
import { parseFtsAverages, readFtsAverages } from '../src/store/sqlite/fts-averages.ts';
import { createSearcher, type Searcher } from '../src/store/sqlite/search.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { ftsIdf } from '../src/store/sqlite/top-list-reader.ts';
import { buildTopLists, refreshTopLists } from '../src/store/sqlite/top-lists.ts';
import type { FilingInput, SearchRequest, SearchResult, Store } from '../src/store/store.ts';
import { seeded } from './seeded-random.ts';
import { makeFiling } from './store-filing-fixture.ts';

const COMMON = ['acme', 'cargo', 'harbor', 'ledger', 'orbit', 'vessel'];
const MIDDLE = ['anchor', 'beacon', 'cobalt', 'drift', 'ember', 'fathom', 'gale', 'hull'];
const PHRASES = ['board of directors', 'going concern doubt', 'cargo harbor fee'];

/** `count` fictional filings of one document each, 5 to 150 words, from seed `seed`. */
function corpus(seed: number, count: number, first: number): FilingInput[] {
  const r = seeded(seed);
  const out: FilingInput[] = [];
  for (let i = first; i < first + count; i++) {
    const words: string[] = [];
    const n = 5 + Math.floor(r() ** 2 * 145);
    // Each document leans on one common word, so tf varies widely across documents.
    const lean = COMMON[Math.floor(r() * COMMON.length)] as string;
    for (let w = 0; w < n; w++) {
      const x = r();
      if (x < 0.15) words.push(lean);
      else if (x < 0.35) words.push(COMMON[Math.floor(r() * COMMON.length)] as string);
      else if (x < 0.55) words.push(MIDDLE[Math.floor(r() * MIDDLE.length)] as string);
      else if (x < 0.6) words.push(PHRASES[Math.floor(r() * PHRASES.length)] as string);
      else words.push(`filler${Math.floor(r() * 300)}`);
    }
    const text = words.join(' ');
    const form = i % 4 === 0 ? '10-K' : '8-K';
    out.push(
      makeFiling({
        accession: `0000000888-21-${String(i).padStart(6, '0')}`,
        form,
        filingDate: `2021-02-${String(1 + (i % 28)).padStart(2, '0')}`,
        parties: [{ cik: '0000000888', name: 'HARBOR LEDGER CO' }],
        documents: [{ type: form, filename: `h${i}.txt`, body: text, text }],
      }),
    );
  }
  return out;
}

/** Queries the lists may rank (words, ANDs, repeats, phrases) and some they must leave alone. */
const QUERIES = [
  'acme',
  'vessel',
  'orbit ledger',
  'cargo cargo',
  'acme beacon',
  '"board of directors"',
  '"cargo harbor fee" orbit',
  'harbor form:10-K',
  'acme -ledger',
  'acme OR beacon',
  'harb*',
  'filler7',
];

const LIMITS = [3, 20];
const OFFSETS = [0, 3, 12, 40];

describe('champion lists', () => {
  let dir: string;
  let path: string;
  let store: Store;
  let db: Database.Database;
  let full: Searcher;
  let lists: Searcher;
  let proved = 0;
  let fellBack = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-top-lists-'));
    path = join(dir, 's.db');
    store = createSqliteStore({ path });
    await store.putFilings(corpus(11, 300, 0));
    db = new Database(path);
    buildTopLists(db, { minDocs: 40, size: 25 });
    full = createSearcher(db, { topLists: false });
    lists = createSearcher(db, { onTopLists: (p) => (p ? proved++ : fellBack++) });
  });

  after(async () => {
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every page of `q` at `limit` through the cursor, and each offset: both paths must agree. */
  function assertSame(q: string): void {
    const parsed = parseQuery(q);
    for (const limit of LIMITS) {
      let cursor: string | undefined;
      for (let page = 0; page < 30; page++) {
        const req: SearchRequest = { filters: parsed.filters, limit, ...(cursor ? { cursor } : {}) };
        if (parsed.text) req.text = parsed.text;
        const a: SearchResult = full.search(req);
        assert.deepEqual(lists.search(req), a, `${q} limit ${limit} page ${page}`);
        cursor = a.nextCursor;
        if (!cursor) break;
      }
      for (const offset of OFFSETS) {
        const req: SearchRequest = { filters: parsed.filters, limit, offset };
        if (parsed.text) req.text = parsed.text;
        assert.deepEqual(lists.search(req), full.search(req), `${q} limit ${limit} offset ${offset}`);
      }
    }
  }

  it('parseFtsAverages() reads the row count and token total bm25() uses', () => {
    // 2 = one byte; 0x81 0x00 = 128; nine bytes: eight 7-bit groups then a whole byte.
    assert.deepEqual(parseFtsAverages(new Uint8Array([2, 0x81, 0x00])), { rows: 2, tokens: [128] });
    const nine = new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81, 0x05]);
    assert.deepEqual(parseFtsAverages(new Uint8Array([1, ...nine])), { rows: 1, tokens: [2 ** 8 + 5] });
    assert.deepEqual(parseFtsAverages(new Uint8Array(0)), { rows: 0, tokens: [0] });
    const avg = readFtsAverages(db, 'document_fts');
    assert.equal(avg.rows, (db.prepare('SELECT count(*) AS n FROM document_fts').get() as { n: number }).n);
    // bm25() of one word, recomputed from the decoded N and avgdl and each document's tf and
    // length (from fts5vocab), must be what FTS5 returns.
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.t_inst USING fts5vocab(main, 'document_fts', 'instance')",
    );
    const lengths = new Map(
      (
        db.prepare('SELECT doc, count(*) AS n FROM temp.t_inst GROUP BY doc').all() as Array<{
          doc: number;
          n: number;
        }>
      ).map((r) => [r.doc, r.n]),
    );
    assert.equal(
      [...lengths.values()].reduce((a, b) => a + b, 0),
      avg.tokens[0],
    );
    const avgdl = (avg.tokens[0] as number) / avg.rows;
    const tf = db
      .prepare("SELECT doc, count(*) AS n FROM temp.t_inst WHERE term = 'beacon' GROUP BY doc")
      .all() as Array<{
      doc: number;
      n: number;
    }>;
    const scores = new Map(
      (
        db
          .prepare(
            "SELECT rowid AS id, bm25(document_fts) AS s FROM document_fts WHERE document_fts MATCH 'beacon'",
          )
          .all() as Array<{
          id: number;
          s: number;
        }>
      ).map((r) => [r.id, r.s]),
    );
    assert.equal(scores.size, tf.length);
    const idf = ftsIdf(avg.rows, tf.length);
    for (const { doc, n } of tf) {
      const dl = lengths.get(doc) as number;
      const expected = -idf * ((n * 2.2) / (n + 1.2 * (1 - 0.75 + (0.75 * dl) / avgdl)));
      assert.ok(Math.abs((scores.get(doc) as number) - expected) < 1e-12 * Math.abs(expected), `doc ${doc}`);
    }
  });

  it('buildTopLists() keeps the K best documents of each common word and bounds the rest by theta', () => {
    const rows = db
      .prepare('SELECT term, df, theta, rowids FROM fts_top_lists ORDER BY term')
      .all() as Array<{
      term: string;
      df: number;
      theta: number;
      rowids: string;
    }>;
    // Every common word (and no rare one) has a list; the phrase words too when they are common.
    for (const w of COMMON)
      assert.ok(
        rows.some((r) => r.term === w),
        w,
      );
    assert.ok(!rows.some((r) => r.term.startsWith('filler')));
    const n = readFtsAverages(db, 'document_fts').rows;
    for (const r of rows) {
      const ids = new Set(JSON.parse(r.rowids) as number[]);
      assert.ok(r.df >= 40 && ids.size === Math.min(25, r.df), r.term);
      const all = db
        .prepare('SELECT rowid AS id, bm25(document_fts) AS s FROM document_fts WHERE document_fts MATCH ?')
        .all(`"${r.term}"`) as Array<{ id: number; s: number }>;
      assert.equal(all.length, r.df);
      const idf = ftsIdf(n, r.df);
      for (const d of all) {
        const g = -d.s / idf;
        if (ids.has(d.id)) assert.ok(g >= r.theta * (1 - 1e-12), `${r.term} ${d.id} in the list`);
        else assert.ok(g <= r.theta * (1 + 1e-12), `${r.term} ${d.id} outside the list`);
      }
    }
  });

  it('search() gives the same pages, scores, totals and cursors with the lists as without', () => {
    proved = 0;
    fellBack = 0;
    for (const q of QUERIES) assertSame(q);
    // The lists did rank pages (else this test compares the full path with itself), and some
    // pages (deep offsets, cursors past the lists) went back to the full path.
    assert.ok(proved > 50, `proved ${proved}`);
    assert.ok(fellBack > 10, `fell back ${fellBack}`);
  });

  it('search() with the lists stays exact after documents are added and deleted', async () => {
    // New documents (rowids above the build's) are scored on every search.
    await store.putFilings(corpus(12, 60, 300));
    proved = 0;
    for (const q of QUERIES.slice(0, 7)) assertSame(q);
    assert.ok(proved > 20, `proved ${proved} after adding`);
    // Deleting the newest filings, then adding one: SQLite reuses a rowid at or below the
    // build's largest, and the trigger moves the boundary below it.
    const maxBefore = (db.prepare('SELECT max_rowid AS m FROM fts_top_meta').get() as { m: number }).m;
    for (let i = 0; i < 20; i++) await store.deleteFiling(`0000000888-21-${String(i * 7).padStart(6, '0')}`);
    for (let i = 250; i < 360; i++) await store.deleteFiling(`0000000888-21-${String(i).padStart(6, '0')}`);
    await store.putFilings(corpus(13, 1, 500));
    const maxAfter = (db.prepare('SELECT max_rowid AS m FROM fts_top_meta').get() as { m: number }).m;
    const newest = (db.prepare('SELECT max(id) AS m FROM documents').get() as { m: number }).m;
    assert.ok(
      newest <= maxBefore && maxAfter < newest,
      `boundary ${maxBefore} -> ${maxAfter}, new id ${newest}`,
    );
    proved = 0;
    for (const q of QUERIES.slice(0, 7)) assertSame(q);
    assert.ok(proved > 20, `proved ${proved} after deleting`);
  });

  it('search() with the lists falls back to the full path when the bound cannot be proved', () => {
    // One document per list: a page of 5 needs rows past the lists, and the bound fails.
    buildTopLists(db, { minDocs: 40, size: 1 });
    proved = 0;
    fellBack = 0;
    for (const q of ['acme', 'orbit ledger']) {
      const req: SearchRequest = {
        text: parseQuery(q).text as SearchRequest['text'] & object,
        filters: {},
        limit: 5,
      };
      assert.deepEqual(lists.search(req), full.search(req), q);
    }
    assert.equal(fellBack, 2);
    assert.equal(proved, 0);
    // Lists holding every document of their word: the candidates are the whole match.
    buildTopLists(db, { minDocs: 40, size: 10_000 });
    proved = 0;
    assertSame('acme');
    assertSame('"board of directors"');
    assert.ok(proved > 0);
  });

  it('refreshTopLists() builds on a big enough store, then only once it has changed by the growth share', async () => {
    const small = refreshTopLists(db, { minStoreDocs: 1_000_000 });
    assert.deepEqual([small.built, small.built ? '' : small.reason], [false, 'small']);
    const first = refreshTopLists(db, { minStoreDocs: 10, minDocs: 40, size: 25, force: true });
    assert.equal(first.built, true);
    const again = refreshTopLists(db, { minStoreDocs: 10, minDocs: 40, size: 25 });
    assert.deepEqual([again.built, again.built ? '' : again.reason], [false, 'current']);
    // 30 % of ~260 documents: 60 new filings of one document each pass it.
    await store.putFilings(corpus(14, 80, 600));
    const grown = refreshTopLists(db, { minStoreDocs: 10, minDocs: 40, size: 25 });
    assert.equal(grown.built, true);
    assert.equal(
      (db.prepare('SELECT max_rowid AS m FROM fts_top_meta').get() as { m: number }).m,
      (db.prepare('SELECT max(id) AS m FROM document_fts_docsize').get() as { m: number }).m,
    );
    assertSame('acme');
  });

  it('Store.refreshSearchLists() keeps the old lists when another connection writes during the build', async () => {
    const before = db.prepare('SELECT built_at FROM fts_top_meta').pluck().get();
    let wrote = false;
    const r = await store.refreshSearchLists?.({
      force: true,
      onProgress: () => {
        if (wrote) return;
        wrote = true;
        db.prepare(
          "INSERT INTO sync_state (key, value, updated_at) VALUES ('top-lists-test', 'x', '')",
        ).run();
      },
    });
    assert.deepEqual(r, { built: false, reason: 'busy', documents: 0 });
    assert.equal(db.prepare('SELECT built_at FROM fts_top_meta').pluck().get(), before);
  });

  it('search() ranks without the lists once the documents newer than them outnumber those they cover', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'edgarbox-top-lists-stale-'));
    try {
      const p2 = join(dir2, 's.db');
      const s2 = createSqliteStore({ path: p2 });
      await s2.putFilings(corpus(21, 60, 0));
      const db2 = new Database(p2);
      buildTopLists(db2, { minDocs: 10, size: 5 });
      let tried = 0;
      const searcher = createSearcher(db2, { onTopLists: () => tried++ });
      const req: SearchRequest = { text: { kind: 'term', token: 'acme' }, filters: {}, limit: 3 };
      searcher.search(req);
      assert.equal(tried, 1);
      await s2.putFilings(corpus(22, 61, 60));
      const full2 = createSearcher(db2, { topLists: false });
      assert.deepEqual(searcher.search(req), full2.search(req));
      assert.equal(tried, 1);
      db2.close();
      await s2.close();
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('runIngest() refreshes the search lists at its end and names the build in its summary', async () => {
    const dir3 = mkdtempSync(join(tmpdir(), 'edgarbox-top-lists-ingest-'));
    const target = createSqliteStore({ path: join(dir3, 's.db') });
    try {
      const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
      const lines: string[] = [];
      // The real store, its build forced (the example filings are far below the size it waits for).
      const forced: Store = {
        ...target,
        refreshSearchLists: (o) =>
          (target.refreshSearchLists as NonNullable<Store['refreshSearchLists']>)({ ...o, force: true }),
      };
      const summary = await runIngest({
        store: forced,
        paths: [join(repo, 'examples')],
        workers: 1,
        onSearchLists: (done, total) => lines.push(`${done}/${total}`),
      });
      assert.equal(summary.ingested, 3);
      assert.equal(summary.searchLists?.built, true);
      assert.ok((summary.searchLists?.documents ?? 0) > 3);
      assert.ok(lines.length > 0);
      // Nothing new: no refresh at all.
      const again = await runIngest({ store: forced, paths: [join(repo, 'examples')], workers: 1 });
      assert.equal(again.unchanged, 3);
      assert.equal(again.searchLists, undefined);
    } finally {
      await target.close();
      rmSync(dir3, { recursive: true, force: true });
    }
  });

  it('edgarbox optimize --json rebuilds the lists and says so', () => {
    const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    const r = spawnSync(
      process.execPath,
      [join(repo, 'src/cli/bin.ts'), 'optimize', '--db', path, '--json'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { built: boolean; terms: number; documents: number };
    assert.equal(out.built, true);
    // The CLI uses the default threshold (5,000 documents): this store has no word that common.
    assert.equal(out.terms, 0);
    assert.ok(out.documents > 300);
    assert.equal((db.prepare('SELECT count(*) AS n FROM fts_top_lists').get() as { n: number }).n, 0);
  });
});
