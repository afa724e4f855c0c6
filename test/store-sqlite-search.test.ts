/**
 * The SQLite search paths against a plain reference: the same hits in the same order, the same
 * total and the same snippets as the straightforward FTS5 queries (`ORDER BY bm25, rowid`,
 * `count(*)`, `snippet()` over the match), on a small seeded corpus of fictional filings.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { parseQuery } from '../src/search/query.ts';
import { parseSnippet, SNIPPET_CLOSE, SNIPPET_OPEN } from '../src/search/snippet.ts';
import { encodeCursor } from '../src/store/cursor.ts';
import { toFtsMatch } from '../src/store/sqlite/fts.ts';
import { migrate } from '../src/store/sqlite/migrate.ts';
import { latestSchemaVersion, migrations } from '../src/store/sqlite/migrations/index.ts';
import { createSearcher } from '../src/store/sqlite/search.ts';
import { createSnippetMaker } from '../src/store/sqlite/snippets.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { createFilingWriter } from '../src/store/sqlite/write-filings.ts';
import type { FilingInput, SearchRequest, Store } from '../src/store/store.ts';
import { seeded } from './seeded-random.ts';
import { contractFilings } from './store-contract.ts';
import { makeFiling } from './store-filing-fixture.ts';

const WORDS =
  'zeppelin helium rocket payload orbit launch revenue quarter board directors going concern doubt lease fee tour fleet pigeon quasar battery cobalt'.split(
    ' ',
  );
const PHRASES = ['going concern doubt', 'board of directors', 'lease termination fee', 'helium shortage'];

/** 400 fictional filings of one or two short documents; words repeat so scores tie often. */
function corpus(): FilingInput[] {
  const r = seeded(7);
  const out: FilingInput[] = [];
  for (let i = 0; i < 400; i++) {
    const form = i % 3 === 0 ? '10-K' : '8-K';
    const texts = Array.from({ length: 1 + (i % 2) }, () => {
      const words: string[] = [];
      const n = 8 + Math.floor(r() * 30);
      for (let w = 0; w < n; w++)
        words.push(
          r() < 0.08
            ? (PHRASES[Math.floor(r() * PHRASES.length)] as string)
            : (WORDS[Math.floor(r() * WORDS.length)] as string),
        );
      return words.join(' ');
    });
    out.push(
      makeFiling({
        accession: `0000000777-20-${String(i).padStart(6, '0')}`,
        form,
        filingDate: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
        parties: [{ cik: '0000000777', name: 'ZEPPELIN TOURS INC' }],
        documents: texts.map((t, d) => ({
          type: d === 0 ? form : 'EX-99.1',
          filename: `doc${i}-${d + 1}.txt`,
          body: t,
          text: t,
        })),
      }),
    );
  }
  return out;
}

const QUERIES: Array<{ q: string; forms?: string[] }> = [
  { q: 'zeppelin' },
  { q: 'helium rocket' },
  { q: '"going concern doubt"' },
  { q: '"board of directors" OR quasar' },
  { q: '"lease termination fee" -pigeon' },
  { q: 'orbit -"helium shortage"' },
  { q: 'bat*' },
  { q: '"board of directors"', forms: ['10-K'] },
  { q: 'fleet tour', forms: ['8-K'] },
];

describe('SQLite search paths', () => {
  let dir: string;
  let store: Store;
  /** The same file under a time limit it never reaches: its clock checks must change nothing. */
  let limited: Store;
  let db: Database.Database;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-search-'));
    const path = join(dir, 's.db');
    store = createSqliteStore({ path });
    await store.putFilings(corpus());
    limited = createSqliteStore({ path, readonly: true, searchTimeLimitMs: 60_000 });
    db = new Database(path, { readonly: true });
  });

  after(async () => {
    await store.close();
    await limited.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reference: every ranked hit as `rowid`, in (bm25, rowid) order, with its snippet. */
  function reference(q: string, forms?: string[]): Array<{ id: number; score: number; s: string }> {
    const text = parseQuery(q).text;
    assert.ok(text);
    const form = forms ? 'AND f.form = ?' : '';
    return db
      .prepare(
        `SELECT document_fts.rowid AS id, bm25(document_fts) AS score,
           snippet(document_fts, 0, char(2), char(3), '…', 24) AS s
         FROM document_fts JOIN documents d ON d.id = document_fts.rowid JOIN filings f ON f.id = d.filing_id
         WHERE document_fts MATCH ? ${form} ORDER BY score, document_fts.rowid`,
      )
      .all(toFtsMatch(text), ...(forms ?? [])) as Array<{ id: number; score: number; s: string }>;
  }

  function docId(accession: string, sequence: number): number {
    return db
      .prepare(
        'SELECT d.id FROM documents d JOIN filings f ON f.id = d.filing_id WHERE f.accession = ? AND d.sequence = ?',
      )
      .pluck()
      .get(accession, sequence) as number;
  }

  it('search() pages through the same hits, order, total and snippets as the plain FTS5 queries', async () => {
    for (const [{ q, forms }, searched] of QUERIES.flatMap((query) => [
      [query, store] as const,
      [query, limited] as const,
    ])) {
      const want = reference(q, forms);
      assert.ok(want.length > 25, `${q}: the fixture should give more than one page`);
      const parsed = parseQuery(q);
      const got: Array<{ id: number; score: number; s: string }> = [];
      let cursor: string | undefined;
      do {
        const req: SearchRequest = {
          ...(parsed.text ? { text: parsed.text } : {}),
          filters: { ...parsed.filters, ...(forms ? { forms } : {}) },
          sort: 'relevance',
          limit: 7,
          ...(cursor ? { cursor } : {}),
        };
        const res = await searched.search(req);
        assert.equal(res.total, want.length, `${q}: total`);
        for (const h of res.hits)
          got.push({ id: docId(h.accession, h.sequence), score: -h.score, s: JSON.stringify(h.snippet) });
        cursor = res.nextCursor;
      } while (cursor);
      assert.deepEqual(
        got.map((h) => [h.id, h.score]),
        want.map((h) => [h.id, h.score]),
        `${q}: hits in order`,
      );
      assert.deepEqual(
        got.map((h) => h.s),
        want.map((h) => JSON.stringify(parseSnippet(h.s))),
        `${q}: snippets`,
      );
      // A cursor after the last hit: no hits, the same exact total.
      const last = want[want.length - 1] as { id: number; score: number };
      const past = await searched.search({
        ...(parsed.text ? { text: parsed.text } : {}),
        filters: { ...parsed.filters, ...(forms ? { forms } : {}) },
        sort: 'relevance',
        limit: 7,
        cursor: encodeCursor({ s: last.score, i: last.id }),
      });
      assert.deepEqual([past.hits.length, past.total, past.nextCursor], [0, want.length, undefined], q);
    }
  });

  it('createSnippetMaker() gives the same snippets from a scratch index as from a pass over the match', () => {
    const make = createSnippetMaker(db);
    for (const { q } of QUERIES) {
      const text = parseQuery(q).text;
      assert.ok(text);
      const match = toFtsMatch(text);
      const ids = reference(q)
        .slice(0, 20)
        .map((h) => h.id);
      const pass = make('document_fts', match, ids, 'pass');
      const scratch = make('document_fts', match, ids, 'scratch');
      assert.equal(pass.size, ids.length, q);
      assert.deepEqual([...scratch].sort(), [...pass].sort(), q);
      // The scratch table is emptied after each use.
      assert.equal(db.prepare('SELECT count(*) FROM temp.edgarbox_snip_text').pluck().get(), 0);
    }
  });
});

/**
 * The plain statement of what `parseSnippet` does (its first implementation, kept as the oracle):
 * white-space runs to one space, ends trimmed, stray markers dropped, a phrase's highlights merged.
 */
function referenceParseSnippet(marked: string): { text: string; highlights: Array<[number, number]> } {
  const m = marked.replace(/\s+/g, ' ').trim();
  const highlights: Array<[number, number]> = [];
  let text = '';
  let i = 0;
  for (;;) {
    const open = m.indexOf(SNIPPET_OPEN, i);
    if (open < 0) {
      text += m.slice(i).replaceAll(SNIPPET_CLOSE, '');
      break;
    }
    text += m.slice(i, open).replaceAll(SNIPPET_CLOSE, '');
    const close = m.indexOf(SNIPPET_CLOSE, open + 1);
    const end = close < 0 ? m.length : close;
    const start = text.length;
    text += m.slice(open + 1, end).replaceAll(SNIPPET_OPEN, '');
    if (text.length > start) {
      const last = highlights[highlights.length - 1];
      if (last && (last[1] === start || (last[1] === start - 1 && text[last[1]] === ' ')))
        last[1] = text.length;
      else highlights.push([start, text.length]);
    }
    i = end + 1;
  }
  return { text, highlights };
}

describe('parseSnippet (one pass)', () => {
  it('parseSnippet() gives what the plain regular-expression statement gives for any mix of markers, white space and text', () => {
    const parts = [
      'a',
      'bc',
      ' ',
      '  ',
      '\n',
      '\t',
      '\r\n',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u0085',
      '\u200b',
    ];
    parts.push('é', '…', '\u0002', '\u0003', '\u0002\u0002', '\u0003\u0003', ' \u0003 ', '\u0002 ');
    const r = seeded(11);
    let differ = 0;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const n = Math.floor(r() * 12);
      for (let j = 0; j < n; j++) s += parts[Math.floor(r() * parts.length)];
      if (JSON.stringify(parseSnippet(s)) !== JSON.stringify(referenceParseSnippet(s))) {
        differ++;
        assert.deepEqual(parseSnippet(s), referenceParseSnippet(s), JSON.stringify(s));
      }
    }
    assert.equal(differ, 0);
  });

  it('parseSnippet() merges a phrase, trims the ends and keeps an unclosed highlight', () => {
    assert.deepEqual(parseSnippet(' \n…the \u0002going\u0003 \u0002concern\u0003\tdoubt \n'), {
      text: '…the going concern doubt',
      highlights: [[5, 18]],
    });
    assert.deepEqual(parseSnippet('x \u0002tail  end'), { text: 'x tail end', highlights: [[2, 10]] });
  });
});

describe('migration 7 (contentless section_fts)', () => {
  it('createSqliteStore() migrates a version-6 store: section search keeps its hits, totals and snippets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgarbox-m7-'));
    try {
      const path = join(dir, 'v6.db');
      const db = new Database(path);
      assert.equal(migrate(db, migrations.slice(0, 6)), 6);
      const written = createFilingWriter(db).putFilings(contractFilings());
      assert.ok(written.every((r) => r.status === 'inserted'));
      const queries = ['helium section:1A', 'zeppelin section:1A section:7', 'revenue OR fleet section:7'];
      const request = (q: string): SearchRequest => {
        const parsed = parseQuery(q);
        return { ...(parsed.text ? { text: parsed.text } : {}), filters: parsed.filters, sort: 'relevance' };
      };
      const before6 = queries.map((q) => createSearcher(db).search(request(q)));
      // The version-6 table's own snippet() is the reference for the snippets.
      const own = db
        .prepare(
          `SELECT snippet(section_fts, 0, char(2), char(3), '…', 24) FROM section_fts WHERE section_fts MATCH '"helium"'`,
        )
        .pluck()
        .all() as string[];
      db.close();
      assert.deepEqual(
        before6.map((r) => r.total),
        [1, 2, 1],
      );
      assert.equal(own.length, before6[0]?.total);

      const store = createSqliteStore({ path });
      try {
        assert.equal((await store.stats()).schemaVersion, latestSchemaVersion);
        for (const [i, q] of queries.entries())
          assert.deepEqual(await store.search(request(q)), before6[i], q);
        assert.deepEqual(before6[0]?.hits[0]?.snippet, parseSnippet(own[0] as string));
        // Replacing the filing deletes its rows from the contentless index.
        const changed = contractFilings().map((f) => ({ ...f, sha256: `${f.sha256}-changed` }));
        assert.ok((await store.putFilings(changed)).every((r) => r.status === 'replaced'));
        assert.equal((await store.search(request('helium section:1A'))).total, before6[0]?.total);
      } finally {
        await store.close();
      }
      const after7 = new Database(path, { readonly: true });
      const sql = after7.prepare("SELECT sql FROM sqlite_master WHERE name = 'section_fts'").pluck().get();
      assert.match(String(sql), /content = ''/);
      assert.equal(after7.pragma('integrity_check', { simple: true }), 'ok');
      after7.close();
      // Running migration 7 again (its version row gone) leaves the contentless index as it is.
      const again = new Database(path);
      again.exec('DELETE FROM schema_version WHERE version = 7');
      again.close();
      const reopened = createSqliteStore({ path });
      try {
        assert.deepEqual(await reopened.search(request('helium section:1A')), before6[0]);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
