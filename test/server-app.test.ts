/**
 * `createApp()` called as a `Request → Response` function (no port), over a real in-memory SQLite
 * store holding the project's fictional example filings. Needs no corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isEdgarError } from '../src/core/errors.ts';
import { ingestOne } from '../src/ingest/ingest-one.ts';
import { createApp } from '../src/server/app.ts';
import { tokenMatches } from '../src/server/require-token.ts';
import { withTimeout } from '../src/server/with-timeout.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import type { Store } from '../src/store/store.ts';
import { repoRoot } from './corpus.ts';

const EIGHT_K = '0009999901-24-000003';
const FOLDER = `/Archives/edgar/data/9999901/${EIGHT_K.replaceAll('-', '')}`;

describe('createApp() over the example filings', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    store = createSqliteStore({ path: ':memory:' });
    const dir = join(repoRoot, 'examples');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const r = await ingestOne({ store, bytes: readFileSync(join(dir, name)) });
      assert.ok(r.ok, name);
    }
    app = createApp({ store });
  });

  after(async () => {
    await store.close();
  });

  test('GET /submissions/CIK##########.json lists the company filings newest first with insider flags', async () => {
    const res = await app.request('/submissions/CIK0009999901.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      cik: string;
      name: string;
      insiderTransactionForIssuerExists: number;
      insiderTransactionForOwnerExists: number;
      formerNames: Array<{ name: string; to: string }>;
      filings: {
        recent: { accessionNumber: string[]; form: string[]; acceptanceDateTime: string[]; items: string[] };
      };
    };
    assert.equal(doc.cik, '9999901');
    assert.equal(doc.name, 'Northwind Robotics, Inc.');
    assert.deepEqual(doc.filings.recent.form, ['4', '10-Q', '8-K']);
    assert.equal(doc.filings.recent.acceptanceDateTime[2], '2024-05-07T16:30:15.000Z');
    assert.equal(doc.filings.recent.items[2], '2.02,9.01');
    assert.equal(doc.insiderTransactionForIssuerExists, 1);
    assert.equal(doc.insiderTransactionForOwnerExists, 0);
    assert.ok(Array.isArray(doc.formerNames));
    const owner = (await (await app.request('/submissions/CIK0009999902.json')).json()) as {
      insiderTransactionForOwnerExists: number;
    };
    assert.equal(owner.insiderTransactionForOwnerExists, 1);
  });

  test('GET /cgi-bin/browse-edgar?action=getcompany filters by owner and type prefix', async () => {
    const entries = async (query: string) => {
      const xml = await (
        await app.request(`/cgi-bin/browse-edgar?action=getcompany&CIK=9999901&output=atom${query}`)
      ).text();
      return [...xml.matchAll(/<filing-type>([^<]+)<\/filing-type>/g)].map((m) => m[1]);
    };
    assert.deepEqual(await entries(''), ['4', '10-Q', '8-K']);
    assert.deepEqual(await entries('&owner=exclude'), ['10-Q', '8-K']);
    assert.deepEqual(await entries('&owner=only'), ['4']);
    assert.deepEqual(await entries('&type=10'), ['10-Q']);
    assert.deepEqual(await entries('&dateb=20240507'), ['8-K']);
    assert.deepEqual(await entries('&count=1&start=1'), ['10-Q']);
  });

  test('GET a document serves it by file name, sandboxed, and as text through /api/', async () => {
    const res = await app.request(`${FOLDER}/nwrx-ex991_20240507.htm`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(res.headers.get('content-security-policy'), 'sandbox');
    assert.match(await res.text(), /Northwind Robotics Reports First Quarter 2024 Results/);
    const text = await (await app.request(`/api/filings/${EIGHT_K}/documents/2/text`)).text();
    assert.match(text, /Northwind Robotics Reports First Quarter 2024 Results/);
    assert.doesNotMatch(text, /<P/);
  });

  test('GET a filing folder redirects to its slash form, which lists the folder like index.json', async () => {
    const bare = await app.request(FOLDER);
    assert.equal(bare.status, 301);
    assert.equal(new URL(bare.headers.get('location') ?? '', 'http://x').pathname, `${FOLDER}/`);
    const listing = (await (await app.request(`${FOLDER}/`)).json()) as {
      directory: { item: Array<{ name: string }> };
    };
    const names = listing.directory.item.map((i) => i.name);
    assert.deepEqual(names.slice(-2), ['nwrx-8k_20240507.htm', 'nwrx-ex991_20240507.htm']);
    assert.deepEqual(await (await app.request(`${FOLDER}/index.json`)).json(), listing);
  });

  test('HEAD on a .txt answers with its length and no body', async () => {
    const res = await app.request(`${FOLDER}/${EIGHT_K}.txt`, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(
      res.headers.get('content-length'),
      String(readFileSync(join(repoRoot, 'examples', `${EIGHT_K}.txt`)).length),
    );
    assert.equal((await res.arrayBuffer()).byteLength, 0);
  });

  test('GET a .txt with a Range header answers 206 with exactly those bytes, or 416', async () => {
    const whole = readFileSync(join(repoRoot, 'examples', `${EIGHT_K}.txt`));
    const part = await app.request(`${FOLDER}/${EIGHT_K}.txt`, { headers: { Range: 'bytes=10-99' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 10-99/${whole.length}`);
    assert.ok(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(10, 100)));
    const tail = await app.request(`${FOLDER}/${EIGHT_K}.txt`, { headers: { Range: 'bytes=-20' } });
    assert.ok(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 20)));
    const beyond = await app.request(`${FOLDER}/${EIGHT_K}.txt`, {
      headers: { Range: `bytes=${whole.length}-` },
    });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${whole.length}`);
  });

  test('GET with If-None-Match answers 304 for an unchanged .txt, document or submissions JSON', async () => {
    for (const path of [
      `${FOLDER}/${EIGHT_K}.txt`,
      `${FOLDER}/nwrx-8k_20240507.htm`,
      '/submissions/CIK0009999901.json',
    ]) {
      const first = await app.request(path);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[^"]+"$/, path);
      const again = await app.request(path, { headers: { 'If-None-Match': etag ?? '' } });
      assert.equal(again.status, 304, path);
      assert.equal((await again.arrayBuffer()).byteLength, 0);
      const other = await app.request(path, { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(other.status, 200, path);
      await other.arrayBuffer();
    }
  });

  test('POST /LATEST/search-index takes a JSON body like the EFTS web page sends', async () => {
    const res = await app.request('/LATEST/search-index', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        q: '"fleet orchestration"',
        forms: ['8-K', '10-Q'],
        dateRange: 'custom',
        startdt: '2024-01-01',
        enddt: '2024-12-31',
      }),
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      hits: { total: { value: number }; hits: Array<{ _source: { form: string } }> };
    };
    assert.ok(body.hits.total.value >= 2);
    assert.deepEqual(new Set(body.hits.hits.map((h) => h._source.form)), new Set(['8-K', '10-Q']));
  });

  test('GET /LATEST/search-index pages with from and size as EFTS does: the same hits, the same total', async () => {
    const page = async (query: string) => {
      const res = await app.request(`/LATEST/search-index?q=northwind${query}`);
      assert.equal(res.status, 200);
      const body = (await res.json()) as { hits: { total: { value: number }; hits: Array<{ _id: string }> } };
      return { total: body.hits.total.value, ids: body.hits.hits.map((h) => h._id) };
    };
    const all = await page('');
    assert.ok(all.total >= 3 && all.ids.length === all.total);
    for (let from = 0; from <= all.total; from++)
      assert.deepEqual(await page(`&from=${from}&size=2`), {
        total: all.total,
        ids: all.ids.slice(from, from + 2),
      });
    assert.equal((await app.request('/LATEST/search-index?q=northwind&from=9999&size=2')).status, 400);
  });

  test('POST /api/submissions is refused with 403 when no token is configured, and nothing changes', async () => {
    const before = await store.stats();
    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: { Authorization: 'Bearer anything' },
      body: readFileSync(join(repoRoot, 'examples', `${EIGHT_K}.txt`)),
    });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'writes-disabled');
    assert.deepEqual(await store.stats(), before);
  });

  test('an unknown path gets a JSON 404', async () => {
    const res = await app.request('/nothing/here');
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not-found');
  });
});

test('tokenMatches() accepts only the exact token', () => {
  assert.equal(tokenMatches('s3cret', 's3cret'), true);
  assert.equal(tokenMatches('s3cre', 's3cret'), false);
  assert.equal(tokenMatches('s3cret!', 's3cret'), false);
  assert.equal(tokenMatches('', 's3cret'), false);
});

test('withTimeout() rejects with EdgarError timeout when the work is slower than the limit', async () => {
  const slow = new Promise((resolve) => setTimeout(resolve, 200));
  await assert.rejects(withTimeout(slow, 10, 'slow query'), (e) => isEdgarError(e, 'timeout'));
  assert.equal(await withTimeout(Promise.resolve(7), 10, 'fast'), 7);
});
