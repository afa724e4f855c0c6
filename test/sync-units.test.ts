import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isEdgarError } from '../src/core/errors.ts';
import { HttpStatusError, parseRetryAfter } from '../src/sync/http-error.ts';
import { parseMasterIndex } from '../src/sync/parse-master-index.ts';
import { filterTargets, indexListings, listingsOf } from '../src/sync/plan.ts';
import { createRateGate } from '../src/sync/rate-gate.ts';
import { parseIndexRef, parseSelection } from '../src/sync/selection.ts';
import { retryDelay, shouldRetry } from '../src/sync/should-retry.ts';
import { resolveSource, resolveUserAgent, SEC_SOURCE } from '../src/sync/sources.ts';
import { openSyncState, syncStateKey } from '../src/sync/state.ts';
import { parseSubmissionsPage } from '../src/sync/submissions-page.ts';
import { repoRoot } from './corpus.ts';

const fixture = (name: string): string =>
  readFileSync(join(repoRoot, 'test', 'fixtures', 'sync', name), 'latin1');

test('parseMasterIndex() reads quarterly rows after the dashes and warns on a bad row with its line', () => {
  const { targets, warnings } = parseMasterIndex(fixture('master-2017q1.idx'));
  assert.deepEqual(
    targets.map((t) => [t.accession, t.cik, t.form, t.filingDate]),
    [
      ['0001144204-17-013452', '0001279704', '8-K', '2017-03-08'],
      ['0001144204-17-013999', '0001279704', '10-K', '2017-03-10'],
      ['0000990001-17-000002', '0000990001', '4', '2017-02-01'],
      ['0000990001-17-000002', '0001279704', '4', '2017-02-01'],
    ],
  );
  assert.equal(targets[0]?.path, '/Archives/edgar/data/1279704/000114420417013452/0001144204-17-013452.txt');
  assert.equal(targets[0]?.companyName, 'Tidal Kite Corp');
  assert.deepEqual(
    warnings.map((w) => [w.code, w.line]),
    [['index-bad-row', 15]],
  );
});

test('parseMasterIndex() reads daily files (compact dates, File Name header, CRLF)', () => {
  const { targets, warnings } = parseMasterIndex(fixture('master.20170308.idx'));
  assert.equal(warnings.length, 0);
  assert.deepEqual(
    targets.map((t) => [t.accession, t.filingDate]),
    [['0001144204-17-013452', '2017-03-08']],
  );
});

test('parseMasterIndex() gives no rows and one warning for a foreign file, none for an empty one', () => {
  assert.deepEqual(
    parseMasterIndex('<html>Your request rate is too high</html>').warnings.map((w) => w.code),
    ['index-no-header'],
  );
  assert.deepEqual(parseMasterIndex(''), { targets: [], warnings: [] });
});

test('parseSubmissionsPage() reads recent columns, keeps sizes, drops bad accessions and unsafe file names', () => {
  const page = parseSubmissionsPage(fixture('submissions-CIK0001279704.json'), '0001279704');
  assert.deepEqual(
    page.targets.map((t) => [t.accession, t.form, t.filingDate, t.size]),
    [
      ['0001144204-17-013452', '8-K', '2017-03-08', 28261],
      ['0001144204-17-013999', '10-K', '2017-03-10', 90210],
    ],
  );
  assert.deepEqual(
    page.files.map((f) => f.name),
    ['CIK0001279704-submissions-001.json'],
  );
  const overflow = parseSubmissionsPage(
    JSON.stringify({ accessionNumber: ['0001144204-04-000001'], filingDate: ['2004-01-02'], form: ['10-Q'] }),
    '0001279704',
  );
  assert.deepEqual(
    overflow.targets.map((t) => t.accession),
    ['0001144204-04-000001'],
  );
  assert.deepEqual(parseSubmissionsPage('{not json', '0001279704'), { targets: [], files: [] });
});

test('parseSelection() normalises CIKs, splits tickers and comma lists, and checks dates', () => {
  const s = parseSelection({
    cik: ['1279704,clrb'],
    form: ['8-K', '10-K,8-K'],
    from: '20170101',
    to: '2017-12-31',
  });
  assert.deepEqual(s.ciks, ['0001279704']);
  assert.deepEqual(s.tickers, ['CLRB']);
  assert.deepEqual(s.forms, ['8-K', '10-K']);
  assert.equal(s.from, '2017-01-01');
  assert.equal(s.to, '2017-12-31');
  const bad = (input: Parameters<typeof parseSelection>[0], code: string): void =>
    assert.throws(
      () => parseSelection(input),
      (e: unknown) => isEdgarError(e) && e.code === code,
    );
  bad({}, 'invalid-argument');
  bad({ from: '2017-02-30' }, 'invalid-date');
  bad({ from: '2018-01-01', to: '2017-01-01' }, 'invalid-argument');
  bad({ cik: ['12/34'] }, 'invalid-cik');
  bad({ submissions: true, form: ['8-K'], from: '2017-01-01' }, 'invalid-argument');
  bad({ index: ['2017Q5'] }, 'invalid-argument');
});

test('parseIndexRef() reads quarters and days', () => {
  assert.deepEqual(parseIndexRef('2017Q1'), { kind: 'quarter', year: 2017, quarter: 1 });
  assert.deepEqual(parseIndexRef('2017-QTR4'), { kind: 'quarter', year: 2017, quarter: 4 });
  assert.deepEqual(parseIndexRef('20170308'), { kind: 'day', date: '2017-03-08' });
});

test('listingsOf() walks submissions JSON for CIKs, index files for --index, and quarters for a date range', () => {
  const urls = resolveSource('http://127.0.0.1:9/');
  assert.deepEqual(
    listingsOf(parseSelection({ cik: ['1279704'] }), ['0001279704'], urls).map((l) => l.url),
    ['http://127.0.0.1:9/submissions/CIK0001279704.json'],
  );
  assert.deepEqual(
    listingsOf(parseSelection({ index: ['2017Q1', '2017-03-08'] }), [], urls).map((l) => l.url),
    [
      'http://127.0.0.1:9/Archives/edgar/full-index/2017/QTR1/master.idx',
      'http://127.0.0.1:9/Archives/edgar/daily-index/2017/QTR1/master.20170308.idx',
    ],
  );
  const range = indexListings(
    parseSelection({ form: ['8-K'], from: '2016-11-30', to: '2017-04-01' }),
    [],
    urls,
  );
  assert.deepEqual(
    range.map((l) => l.url.replace('http://127.0.0.1:9/Archives/edgar/full-index/', '')),
    ['2016/QTR4/master.idx', '2017/QTR1/master.idx', '2017/QTR2/master.idx'],
  );
  // The same URL with other filters is another listing for the sync state.
  const other = indexListings(
    parseSelection({ form: ['10-K'], from: '2016-11-30', to: '2017-04-01' }),
    [],
    urls,
  );
  assert.notEqual(other[0]?.key, range[0]?.key);
});

test('filterTargets() applies CIKs, forms and dates and keeps each accession once', () => {
  const { targets } = parseMasterIndex(fixture('master-2017q1.idx'));
  const sel = parseSelection({ cik: ['1279704'], form: ['4', '8-K'], to: '2017-03-08' });
  assert.deepEqual(
    filterTargets(targets, sel, ['0001279704']).map((t) => t.accession),
    ['0001144204-17-013452', '0000990001-17-000002'],
  );
  assert.deepEqual(
    filterTargets(targets, parseSelection({ index: ['2017Q1'] }), []).map((t) => t.accession),
    ['0001144204-17-013452', '0001144204-17-013999', '0000990001-17-000002'],
  );
});

test('resolveSource() defaults to SEC hosts and takes any http URL; resolveUserAgent() refuses SEC without one', () => {
  assert.equal(resolveSource(), SEC_SOURCE);
  assert.equal(resolveSource('https://www.sec.gov').isSec, true);
  assert.deepEqual(resolveSource('http://127.0.0.1:8080/mirror/'), {
    archives: 'http://127.0.0.1:8080/mirror',
    data: 'http://127.0.0.1:8080/mirror',
    isSec: false,
  });
  assert.throws(
    () => resolveSource('file:///etc/passwd'),
    (e: unknown) => isEdgarError(e, 'invalid-argument'),
  );
  assert.throws(
    () => resolveUserAgent(SEC_SOURCE, undefined, {}),
    (e: unknown) => isEdgarError(e, 'missing-user-agent'),
  );
  assert.throws(
    () => resolveUserAgent(SEC_SOURCE, 'curl', {}),
    (e: unknown) => isEdgarError(e, 'missing-user-agent'),
  );
  assert.equal(
    resolveUserAgent(SEC_SOURCE, undefined, { EDGARBOX_USER_AGENT: 'Jane Doe jane@example.com' }),
    'Jane Doe jane@example.com',
  );
  assert.equal(resolveUserAgent(resolveSource('http://127.0.0.1:1'), undefined, {}), 'edgarbox-sync');
});

test('shouldRetry() retries 429, 5xx and network errors, not 403, 404, 501 or our own errors', () => {
  const url = 'http://127.0.0.1/x';
  assert.equal(shouldRetry(new HttpStatusError(url, 429)), true);
  assert.equal(shouldRetry(new HttpStatusError(url, 503)), true);
  assert.equal(shouldRetry(new HttpStatusError(url, 500)), true);
  assert.equal(shouldRetry(new HttpStatusError(url, 501)), false);
  assert.equal(shouldRetry(new HttpStatusError(url, 404)), false);
  const blocked = new HttpStatusError(url, 403);
  assert.equal(blocked.code, 'blocked');
  assert.equal(shouldRetry(blocked), false);
  assert.equal(shouldRetry(new TypeError('fetch failed')), true);
  assert.equal(shouldRetry(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), true);
  assert.equal(shouldRetry('not an error'), false);
});

test('retryDelay() takes Retry-After when sent, else exponential backoff with jitter inside its bounds', () => {
  const url = 'http://127.0.0.1/x';
  assert.equal(retryDelay(1, new HttpStatusError(url, 429, 3000)), 3000);
  assert.equal(retryDelay(1, new HttpStatusError(url, 429, 600_000), { maxMs: 60_000 }), 60_000);
  assert.equal(retryDelay(3, new Error('x'), { baseMs: 100, random: () => 0 }), 200);
  assert.equal(retryDelay(3, new Error('x'), { baseMs: 100, random: () => 0.999999 }), 400);
  assert.equal(retryDelay(30, new Error('x'), { baseMs: 100, maxMs: 5000, random: () => 0.999999 }), 5000);
});

test('parseRetryAfter() reads seconds and HTTP dates', () => {
  assert.equal(parseRetryAfter('2'), 2000);
  assert.equal(parseRetryAfter(null), undefined);
  assert.equal(parseRetryAfter('soon'), undefined);
  const now = Date.parse('2026-11-21T12:00:00Z');
  assert.equal(parseRetryAfter('Sat, 21 Nov 2026 12:00:05 GMT', now), 5000);
});

test('createRateGate() spaces starts so that no second holds more than the rate', async () => {
  const gate = createRateGate(50);
  const starts: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 30 }, async () => {
      await gate.take();
      starts.push(performance.now());
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  starts.sort((a, b) => a - b);
  // A taker notes its start when its continuation runs, up to a scheduling delay after the gate let
  // it go (ms on a loaded machine). So allow one spacing of slack: starts k apart are at least
  // (k - 1) x 20 ms apart. A gate that let two through at once fails at k = 2.
  for (let i = 0; i < starts.length; i++)
    for (let j = i + 2; j < starts.length; j++)
      assert.ok((starts[j] ?? 0) - (starts[i] ?? 0) >= (j - i - 1) * 20 - 0.5, `starts ${i} and ${j}`);
  assert.ok(seconds >= 29 / 50 - 0.001, `30 starts at 50/s took ${seconds} s`);
});

test('openSyncState() keeps failures and validators in the store, across a reopen, and starts a corrupt part fresh', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createSqliteStore } = await import('../src/store/sqlite/store.ts');
  const dir = mkdtempSync(join(tmpdir(), 'edgarbox-sync-state-'));
  try {
    const path = join(dir, 'a.db');
    const store = createSqliteStore({ path });
    const s = await openSyncState(store);
    assert.deepEqual(s.data, { version: 1, listings: {}, failures: {}, feeds: {} });
    s.data.failures['0001144204-17-013452'] = {
      accession: '0001144204-17-013452',
      path: '/x.txt',
      reason: 'HTTP 404',
      at: '2026-11-21T00:00:00Z',
      attempts: 1,
    };
    s.data.listings.k = { etag: '"abc"' };
    await s.save();
    await store.close();

    const reopened = createSqliteStore({ path });
    const again = await openSyncState(reopened);
    assert.equal(again.data.failures['0001144204-17-013452']?.reason, 'HTTP 404');
    assert.deepEqual(again.data.listings.k, { etag: '"abc"' });
    assert.deepEqual(again.data.feeds, {});
    // An emptied part is deleted from the store, not kept as '{}'.
    delete again.data.failures['0001144204-17-013452'];
    await again.save();
    assert.equal(await reopened.getSyncState(syncStateKey('failures')), undefined);
    assert.equal(await reopened.getSyncState(syncStateKey('listings')), '{"k":{"etag":"\\"abc\\""}}');

    await reopened.putSyncState([{ key: syncStateKey('listings'), value: '{"k":' }]);
    const corrupt = await openSyncState(reopened);
    assert.deepEqual(corrupt.data.listings, {});
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('openSyncState() save() writes only the parts that changed, in one call, and nothing when none did', async () => {
  const { createSqliteStore } = await import('../src/store/sqlite/store.ts');
  const store = createSqliteStore({ path: ':memory:' });
  const writes: string[][] = [];
  const spy = {
    getSyncState: (key: string) => store.getSyncState(key),
    putSyncState: async (entries: Array<{ key: string; value: string | null }>) => {
      writes.push(entries.map((e) => e.key));
      await store.putSyncState(entries);
    },
  };
  const s = await openSyncState(spy);
  await s.save();
  assert.deepEqual(writes, []);
  s.data.feeds['2025-01-10'] = { etag: '"f"', filings: 3 };
  s.data.listings.a = { lastModified: 'Fri, 10 Jan 2025 00:00:00 GMT' };
  // Two saves in a row run in order; the second finds nothing new to write.
  await Promise.all([s.save(), s.save()]);
  assert.deepEqual(writes, [[syncStateKey('listings'), syncStateKey('feeds')]]);
  s.data.feeds['2025-01-11'] = { etag: '"g"' };
  await s.save();
  assert.deepEqual(writes[1], [syncStateKey('feeds')]);
  assert.deepEqual((await openSyncState(store)).data.feeds, s.data.feeds);
  // In memory: nothing is written anywhere.
  const memory = await openSyncState(undefined);
  memory.data.listings.x = {};
  await memory.save();
  await store.close();
});
