import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as tar from 'tar';
import { runIngest } from '../src/ingest/run-ingest.ts';
import { createApp } from '../src/server/app.ts';
import { createNodeServer, type RunningServer } from '../src/server/node.ts';
import { createPostgresStore } from '../src/store/postgres/store.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import type { ListFilingsQuery, Store } from '../src/store/store.ts';
import { auditStore } from '../src/sync/audit.ts';
import { type ClientOptions, createClient } from '../src/sync/client.ts';
import { runSync, type SyncSummary } from '../src/sync/run-sync.ts';
import { parseSelection, type SelectionInput } from '../src/sync/selection.ts';
import { resolveSource } from '../src/sync/sources.ts';
import { openSyncState, type SyncState, syncStateKey } from '../src/sync/state.ts';
import { corpusPath, corpusSkip, repoRoot } from './corpus.ts';
import { createTestDatabase, dropTestDatabase } from './pg-server.ts';
import { createSyncProxy, type SyncProxy } from './sync-proxy.ts';

// `edgarbox sync` end to end: a real `edgarbox serve` on 127.0.0.1 loaded with the corpus's
// SGML submissions (store A), a recording proxy in front of it (sync-proxy.ts), and second,
// empty stores filled by sync. Nothing here talks to anything but 127.0.0.1.

const skip = corpusSkip();
const bin = join(repoRoot, 'src', 'cli', 'bin.ts');
let dir = '';
let storeA: Store;
let server: RunningServer;
let proxy: SyncProxy;

before(async () => {
  if (skip.skip) return;
  dir = mkdtempSync(join(tmpdir(), 'edgarbox-sync-'));
  storeA = createSqliteStore({ path: join(dir, 'a.db') });
  const sgml = corpusPath('sgml') as string;
  await runIngest({ store: storeA, paths: [sgml], workers: 2 });
  server = await createNodeServer({
    app: createApp({ store: storeA, limits: { cacheSeconds: 0 } }),
    port: 0,
  });
  proxy = await createSyncProxy(server.url);
  proxy.setExtra(
    '/files/company_tickers.json',
    JSON.stringify({ '0': { cik_str: 37996, ticker: 'F', title: 'FORD MOTOR CO' } }),
  );
});

after(async () => {
  if (skip.skip) return;
  await proxy.close();
  await server.close();
  await storeA.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Eleven quarters holding most of the corpus's recent filings. */
const RANGE = { from: '2023-04-01', to: '2025-12-31' };

let n = 0;
function freshStore(): { store: Store; path: string } {
  const path = join(dir, `b${++n}.db`);
  return { store: createSqliteStore({ path }), path };
}

async function sync(
  store: Store,
  input: SelectionInput,
  client: Partial<ClientOptions> = {},
  state?: SyncState,
): Promise<SyncSummary> {
  // Without a state, the run uses (and saves) the one kept in the store, as the CLI does.
  return runSync({
    store,
    client: createClient({ userAgent: 'edgarbox tests test@example.com', rate: 100, ...client }),
    urls: resolveSource(proxy.url),
    selection: parseSelection(input),
    ...(state ? { state } : {}),
  });
}

async function accessions(store: Store, query: ListFilingsQuery): Promise<string[]> {
  const page = await store.listFilings({ ...query, limit: 10_000 });
  return page.filings.map((f) => f.accession).sort();
}

async function rawOf(store: Store, accession: string): Promise<Buffer> {
  const blob = await store.openRaw(accession);
  assert.ok(blob, `${accession} stored`);
  const parts: Uint8Array[] = [];
  for await (const c of blob.read()) parts.push(c);
  return Buffer.concat(parts);
}

/** B holds exactly A's filings for the query, with the same raw bytes. */
async function assertSameSelection(b: Store, query: ListFilingsQuery, atLeast: number): Promise<string[]> {
  const want = await accessions(storeA, query);
  assert.ok(want.length >= atLeast, `the corpus has ${want.length} filings for ${JSON.stringify(query)}`);
  assert.deepEqual(await accessions(b, query), want);
  for (const acc of want)
    assert.ok((await rawOf(b, acc)).equals(await rawOf(storeA, acc)), `${acc} same bytes`);
  return want;
}

const txtRequests = (from: number): string[] =>
  proxy.seen
    .slice(from)
    .filter((s) => s.path.endsWith('.txt') && s.outcome === 'forward')
    .map((s) => /(\d{10}-\d{2}-\d{6})\.txt$/.exec(s.path)?.[1] ?? '');

test(
  'runSync() by ticker (company_tickers.json) and submissions JSON mirrors the company byte for byte',
  skip,
  async () => {
    const { store } = freshStore();
    const s = await sync(store, { cik: ['F'] });
    assert.equal(s.failed, 0);
    const got = await assertSameSelection(store, { cik: '0000037996' }, 2);
    assert.equal(s.ingested, got.length);
    assert.equal(
      (await store.listFilings({ limit: 1000 })).filings.length,
      got.length,
      'nothing outside the CIK',
    );
    await store.close();
  },
);

test(
  'runSync() by form and date range walks the full-index quarters and stores just those filings',
  skip,
  async () => {
    const { store } = freshStore();
    const s = await sync(store, { form: ['8-K'], from: '2024-01-01', to: '2025-12-31' });
    assert.equal(s.listings, 8);
    const got = await assertSameSelection(store, { forms: ['8-K'], from: '2024-01-01', to: '2025-12-31' }, 3);
    assert.equal((await store.listFilings({ limit: 1000 })).filings.length, got.length);
    await store.close();
  },
);

test(
  'auditStore() and edgarbox audit list exactly the removed filings; a rerun fetches only those; then nothing is missing',
  skip,
  async () => {
    const { store, path } = freshStore();
    const first = await sync(store, { index: ['2025Q1'] });
    const all = await assertSameSelection(store, { from: '2025-01-01', to: '2025-03-31' }, 5);
    assert.equal(first.ingested, all.length);
    const removed = [all[0], all[2], all[4]] as string[];
    for (const acc of removed) assert.equal(await store.deleteFiling(acc), true);

    const state = await openSyncState(store);
    const client = createClient({ userAgent: 'ua@example.com', rate: 100 });
    const urls = resolveSource(proxy.url);
    const selection = parseSelection({ index: ['2025Q1'] });
    const before = await auditStore({ store, client, urls, selection, state });
    assert.deepEqual(
      before.missing.map((m) => m.accession),
      removed,
    );
    assert.equal(before.present, all.length - removed.length);
    assert.deepEqual(before.differs, []);

    // The CLI says the same (exit 1: something is missing).
    const cli = await run(['audit', '--index', '2025Q1', '--source', proxy.url, '--db', path, '--json']);
    assert.equal(cli.code, 1, cli.stderr);
    assert.deepEqual(
      (JSON.parse(cli.stdout) as { missing: Array<{ accession: string }> }).missing.map((m) => m.accession),
      removed,
    );

    const mark = proxy.seen.length;
    const again = await sync(store, { index: ['2025Q1'] });
    assert.deepEqual(txtRequests(mark).sort(), removed);
    assert.equal(again.present, all.length - removed.length);
    assert.equal(again.ingested, removed.length);

    const afterAudit = await auditStore({ store, client, urls, selection, state });
    assert.deepEqual(afterAudit.missing, []);
    assert.equal(afterAudit.present, all.length);
    const cli2 = await run(['audit', '--index', '2025Q1', '--source', proxy.url, '--db', path, '--json']);
    assert.equal(cli2.code, 0, cli2.stderr);
    await store.close();
  },
);

test(
  'auditStore() reports a stored filing that differs from the listing (size from submissions JSON)',
  skip,
  async () => {
    const { store } = freshStore();
    await sync(store, { cik: ['37996'] });
    const acc = (await accessions(store, { cik: '0000037996' }))[0] as string;
    // Serve a submissions JSON that lists another size for one filing.
    const res = await fetch(`${server.url}/submissions/CIK0000037996.json`);
    const doc = (await res.json()) as { filings: { recent: { accessionNumber: string[]; size: number[] } } };
    const i = doc.filings.recent.accessionNumber.indexOf(acc);
    const realSize = doc.filings.recent.size[i] as number;
    doc.filings.recent.size[i] = realSize + 1;
    const proxied = await createSyncProxy(server.url);
    try {
      proxied.setExtra('/submissions/CIK0000037996.json', JSON.stringify(doc));
      const report = await auditStore({
        store,
        client: createClient({ userAgent: 'ua@example.com', rate: 100 }),
        urls: resolveSource(proxied.url),
        selection: parseSelection({ cik: ['37996'] }),
        state: await openSyncState(undefined),
      });
      assert.deepEqual(report.missing, []);
      assert.deepEqual(report.differs, [
        { accession: acc, field: 'size', listed: realSize + 1, stored: realSize },
      ]);
    } finally {
      await proxied.close();
      await store.close();
    }
  },
);

test(
  'runSync() holds the rate limit: measured as requests start, and as they arrive at the server',
  skip,
  async () => {
    const { store } = freshStore();
    const rate = 8;
    const mark = proxy.seen.length;
    const starts: number[] = [];
    const t0 = performance.now();
    const s = await sync(
      store,
      { index: ['2024Q1', '2025Q1'] },
      { rate, concurrency: 4, onRequest: () => starts.push(performance.now()) },
    );
    const seconds = (performance.now() - t0) / 1000;
    const arrivals = proxy.seen.slice(mark).map((r) => r.t);
    assert.equal(arrivals.length, s.requests);
    assert.equal(starts.length, s.requests);
    assert.ok(starts.length >= 14, `${starts.length} requests`);
    // The client's own clock: never more than the rate in any second.
    assert.ok(
      maxInWindow(starts, 1000) <= rate,
      `at most ${rate} starts in any second, saw ${maxInWindow(starts, 1000)}`,
    );
    // The server's clock adds transport and event-loop jitter (this process also parses): one at most.
    const peak = maxInWindow(arrivals, 1000);
    assert.ok(peak <= rate + 1, `at most ${rate} (+1 jitter) arrivals in any second, saw ${peak}`);
    const span = ((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)) / 1000;
    assert.ok(
      (arrivals.length - 1) / span <= rate * 1.05,
      `mean arrival rate ${((arrivals.length - 1) / span).toFixed(2)}/s`,
    );
    // Held near the limit, not starved.
    const achieved = (starts.length - 1) / seconds;
    assert.ok(achieved >= rate * 0.5, `held near the limit: ${achieved.toFixed(1)}/s`);
    await store.close();
  },
);

test(
  'runSync() through dropped connections, 429 with Retry-After and seeded random 503s still ends complete',
  skip,
  async () => {
    const { store } = freshStore();
    proxy.setChaos({
      seed: 20261121,
      drop: 0.12,
      dropMidBody: 0.12,
      tooMany: 0.06,
      unavailable: 0.2,
      perPath: 2,
      paths: /^\/(Archives|submissions)\//,
    });
    const mark = proxy.seen.length;
    let s: SyncSummary;
    try {
      s = await sync(store, RANGE, { rate: 100, backoff: { baseMs: 50, maxMs: 2000 } });
    } finally {
      proxy.setChaos(undefined);
    }
    const outcomes = new Map<string, number>();
    for (const r of proxy.seen.slice(mark)) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    for (const o of ['drop', 'drop-mid-body', '429', '503'])
      assert.ok(
        (outcomes.get(o) ?? 0) > 0,
        `the server misbehaved with ${o}: ${JSON.stringify([...outcomes])}`,
      );
    assert.equal(s.failed, 0, JSON.stringify(s.failures));
    assert.ok(s.retries > 0);
    await assertSameSelection(store, RANGE, 25);
    await store.close();
  },
);

test('edgarbox sync killed with SIGKILL resumes without refetching what it had stored', skip, async () => {
  const { store: probe, path } = freshStore();
  await probe.close();
  const args = ['sync', '--from', RANGE.from, '--to', RANGE.to, '--source', proxy.url, '--db', path];
  const mark = proxy.seen.length;
  const child = spawn(process.execPath, [bin, ...args, '--rate', '8', '--concurrency', '1', '--quiet'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // Let it store several filings, then kill it without warning.
  while (txtRequests(mark).length < 6) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await exited;

  const killed = createSqliteStore({ path });
  const had = await accessions(killed, {});
  const all = await accessions(storeA, RANGE);
  assert.ok(
    had.length >= 4 && had.length < all.length,
    `stored ${had.length} of ${all.length} before the kill`,
  );
  const resumeMark = proxy.seen.length;
  const s = await sync(killed, RANGE);
  const refetched = txtRequests(resumeMark);
  assert.deepEqual(
    refetched.filter((a) => had.includes(a)),
    [],
  );
  // The killed run saved (in the store) the validators of the quarters it had finished, so the
  // resumed run may get those as 304s and not list their filings again (a finished quarter may
  // also hold none of them): every filing it lists as present is one it had.
  if (s.listingsNotModified === 0) assert.equal(s.present, had.length);
  else assert.ok(s.present <= had.length, `${s.present} present of ${had.length}`);
  assert.equal(refetched.length, all.length - had.length);
  await assertSameSelection(killed, RANGE, 25);
  await killed.close();
});

test("runSync() --feed streams a day's .nc.tar.gz into ingest", skip, async () => {
  const files = ['0000929638-25-000114.nc', '0001104659-25-002604.nc', '0001493152-25-001317.nc'];
  const parts: Buffer[] = [];
  for await (const c of tar.create({ gzip: true, cwd: corpusPath('sgml') as string, portable: true }, files))
    parts.push(c as Buffer);
  proxy.setExtra('/Archives/edgar/Feed/2025/QTR1/20250110.nc.tar.gz', Buffer.concat(parts));
  const { store } = freshStore();
  const s = await sync(store, { feed: ['2025-01-10'] });
  assert.equal(s.feeds.length, 1);
  assert.equal(s.feeds[0]?.ingested, files.length);
  const got = await accessions(store, {});
  assert.deepEqual(got, files.map((f) => f.replace('.nc', '')).sort());
  for (const f of files) {
    const original = readFileSync(join(corpusPath('sgml') as string, f));
    assert.ok((await rawOf(store, f.replace('.nc', ''))).equals(original), `${f} stored byte for byte`);
  }
  await store.close();
});

test(
  'runSync() reports a listing it cannot get (a day without filings) and syncs the others',
  skip,
  async () => {
    const { store } = freshStore();
    const s = await sync(store, { index: ['2025-01-11', '2025-01-10'] });
    assert.equal(s.listingFailures.length, 1);
    assert.match(s.listingFailures[0]?.url ?? '', /master\.20250111\.idx$/);
    assert.deepEqual(
      await accessions(store, {}),
      await accessions(storeA, { from: '2025-01-10', to: '2025-01-10' }),
    );
    await store.close();
  },
);

test('runSync() stops at the first 403 block page instead of fetching on', skip, async () => {
  const { store } = freshStore();
  const all = await accessions(storeA, RANGE);
  const blockedAcc = all[3] as string;
  const f = (await storeA.listFilings({ from: RANGE.from, to: RANGE.to, limit: 10_000 })).filings.find(
    (x) => x.accession === blockedAcc,
  );
  assert.ok(f);
  const path = `/Archives/edgar/data/${f.cik.replace(/^0+/, '')}/${blockedAcc.replaceAll('-', '')}/${blockedAcc}.txt`;
  proxy.setExtra(path, '<html>Your Request Originates from an Undeclared Automated Tool</html>', 403);
  const mark = proxy.seen.length;
  try {
    await assert.rejects(
      sync(store, RANGE, { rate: 20, concurrency: 2 }),
      (e: unknown) => (e as { code?: string }).code === 'blocked',
    );
  } finally {
    proxy.removeExtra(path);
  }
  const at = proxy.seen.findIndex((r, i) => i >= mark && r.path === path);
  const after = proxy.seen.slice(at + 1).filter((r) => r.path.endsWith('.txt'));
  // Only what the other worker had already started may follow the block page.
  assert.ok(after.length <= 2, `${after.length} filing requests after the block page`);
  assert.ok((await accessions(store, {})).length < all.length);
  await store.close();
});

/** The backends the store-kept state is tested on: SQLite always, PostgreSQL when one can be had. */
async function stateBackends(): Promise<
  Array<{ name: string; open: () => Promise<Store>; dispose: () => Promise<void> }>
> {
  const path = join(dir, `state${++n}.db`);
  const backends = [
    { name: 'sqlite', open: async () => createSqliteStore({ path }) as Store, dispose: async () => {} },
  ];
  const url = await createTestDatabase();
  if (typeof url === 'string')
    backends.push({
      name: 'postgres',
      open: () => createPostgresStore({ url }),
      dispose: () => dropTestDatabase(url),
    });
  return backends;
}

test(
  'runSync() keeps failures in the store (SQLite, PostgreSQL): a new connection audits the reason; a rerun clears it',
  skip,
  async (t) => {
    const all = await accessions(storeA, { from: '2025-01-01', to: '2025-03-31' });
    const failing = all[1] as string;
    // The filing's folder under every party (the index may list it under any of them).
    const f = await storeA.getFiling(failing);
    assert.ok(f);
    const paths = [...new Set([f.cik, ...f.parties.map((p) => p.cik)])].map(
      (cik) => `/Archives/edgar/data/${cik.replace(/^0+/, '')}/${failing.replaceAll('-', '')}/${failing}.txt`,
    );
    for (const backend of await stateBackends()) {
      await t.test(backend.name, async () => {
        const store = await backend.open();
        try {
          for (const path of paths) proxy.setExtra(path, 'gone', 404);
          let first: SyncSummary;
          try {
            first = await sync(store, { index: ['2025Q1'] });
          } finally {
            for (const path of paths) proxy.removeExtra(path);
          }
          assert.deepEqual(
            first.failures.map((x) => x.accession),
            [failing],
          );
          // Another connection to the same store sees the failure and its reason.
          const other = await backend.open();
          try {
            const report = await auditStore({
              store: other,
              client: createClient({ userAgent: 'ua@example.com', rate: 100 }),
              urls: resolveSource(proxy.url),
              selection: parseSelection({ index: ['2025Q1'] }),
            });
            assert.deepEqual(
              report.missing.map((m) => m.accession),
              [failing],
            );
            assert.equal(report.failed[0]?.accession, failing);
            assert.match(report.failed[0]?.reason ?? '', /404/);
            assert.equal(report.failed[0]?.attempts, 1);
          } finally {
            await other.close();
          }
          const mark = proxy.seen.length;
          const again = await sync(store, { index: ['2025Q1'] });
          assert.deepEqual(txtRequests(mark), [failing]);
          assert.equal(again.failed, 0);
          assert.equal(await store.getSyncState(syncStateKey('failures')), undefined);
        } finally {
          await store.close();
          await backend.dispose();
        }
      });
    }
  },
);

test(
  'runSync() sends validators back: an unchanged index is a 304 and nothing is fetched; after a deletion the index is read again',
  skip,
  async () => {
    const { store, path } = freshStore();
    proxy.setValidators(true);
    try {
      const first = await sync(store, { index: ['2025Q1'] });
      assert.ok(first.ingested >= 5);
      assert.equal(first.listingsNotModified, 0);
      // The validators are kept in the store: another connection to it sees them.
      const reopened = createSqliteStore({ path });
      const kept = JSON.parse((await reopened.getSyncState(syncStateKey('listings'))) ?? '{}') as Record<
        string,
        { etag?: string }
      >;
      await reopened.close();
      assert.equal(Object.values(kept).length, 1);
      assert.ok(Object.values(kept)[0]?.etag);
      const mark = proxy.seen.length;
      const second = await sync(store, { index: ['2025Q1'] });
      assert.equal(second.listingsNotModified, 1);
      assert.deepEqual(
        proxy.seen.slice(mark).map((r) => r.outcome),
        ['304'],
      );
      const gone = (await accessions(store, {}))[0] as string;
      await store.deleteFiling(gone);
      const mark2 = proxy.seen.length;
      const third = await sync(store, { index: ['2025Q1'] });
      assert.equal(third.listingsNotModified, 0);
      assert.deepEqual(txtRequests(mark2), [gone]);
    } finally {
      proxy.setValidators(false);
      await store.close();
    }
  },
);

test(
  'edgarbox sync --json prints the summary and exits 0; a rerun lists everything as already stored',
  skip,
  async () => {
    const { store: probe, path } = freshStore();
    await probe.close();
    const args = ['sync', '--index', '2025Q1', '--source', proxy.url, '--db', path, '--json', '--rate', '50'];
    const first = await run(args);
    assert.equal(first.code, 0, first.stderr);
    const want = await accessions(storeA, { from: '2025-01-01', to: '2025-03-31' });
    const s1 = JSON.parse(first.stdout) as SyncSummary;
    assert.equal(s1.ingested, want.length);
    assert.equal(s1.failed, 0);
    const second = await run(args);
    assert.equal(second.code, 0, second.stderr);
    const s2 = JSON.parse(second.stdout) as SyncSummary;
    // The server's ETag comes back as a 304 (the store keeps it), or the listing is read
    // and every filing is already stored: either way nothing is fetched.
    assert.equal(s2.fetched, 0);
    assert.ok(s2.listingsNotModified === 1 || s2.present === want.length);
  },
);

test('edgarbox sync refuses SEC without a User-Agent before any request', skip, async () => {
  const r = await run(['sync', '--cik', '320193', '--db', join(dir, 'never.db')], {
    EDGARBOX_USER_AGENT: '',
  });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /User-Agent/);
});

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Most timestamps inside any half-open window `[t, t + ms)`. */
function maxInWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
