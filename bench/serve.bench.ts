/**
 * Benchmark: `edgarbox serve` under concurrent load on loopback (autocannon), for the complete
 * submission `.txt`, the submissions JSON and search (edgarbox `/api/search` and the EFTS
 * `/LATEST/search-index`). The server runs in a child process so the load generator does not
 * share its event loop.
 *
 * Targets (issue 5): >= 5,000 req/s for a submissions JSON on this 2-core machine; search
 * p99 <= 50 ms with 100k filings stored. The 100k store is the one `npm run bench:search --
 * --filings 100000` builds (`bench/.data/fts-100000-seed42-v1.db`); without it the search rows
 * run on the corpus store only and say so.
 *
 * Usage: `npm run bench:serve` (5 s per endpoint); `npm run bench:serve -- --duration 30
 * --connections 64` for longer runs; `--search-db <file>` to point at another big store.
 *
 * Last result: see the end of this file.
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    'cache-seconds': { type: 'string', default: '2' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    'search-db': { type: 'string' },
  },
});

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

// Child mode: serve one store until killed, report the URL to the parent.
if (args.serve) {
  const [{ createSqliteStore }, { createApp }, { createNodeServer }] = await Promise.all([
    import('../src/store/sqlite/store.ts'),
    import('../src/server/app.ts'),
    import('../src/server/node.ts'),
  ]);
  const store = createSqliteStore({ path: args.serve });
  const app = createApp({ store, limits: { cacheSeconds: Number(args['cache-seconds']) } });
  const server = await createNodeServer({ app, port: 0 });
  process.send?.({ url: server.url });
  process.on('disconnect', () => process.exit(0));
} else {
  await main();
}

function startServer(db: string, cacheSeconds: number): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(
    fileURLToPath(import.meta.url),
    ['--serve', db, '--cache-seconds', String(cacheSeconds)],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok({ url: (m as { url: string }).url, child }));
    child.once('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  connections: number;
}

async function load(
  name: string,
  url: string,
  paths: string[],
  connections: number,
  duration: number,
): Promise<Row> {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { 'user-agent': 'edgarbox bench bench@example.com' },
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  const row = {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    connections,
  };
  console.log(
    `${name.padEnd(44)} | ${String(connections).padStart(4)} | ${row.rps.toFixed(0).padStart(7)} | ${row.p50.toFixed(1).padStart(6)} | ${row.p99.toFixed(1).padStart(6)} | ${row.non2xx}`,
  );
  return row;
}

async function main(): Promise<void> {
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  const { runIngest } = await import('../src/ingest/run-ingest.ts');
  const { createSqliteStore } = await import('../src/store/sqlite/store.ts');
  const corpus = process.env.EDGARBOX_CORPUS ?? resolve(repo, '..', 'shared', 'corpus');
  const source = existsSync(join(corpus, 'sgml')) ? join(corpus, 'sgml') : join(repo, 'examples');
  const dir = mkdtempSync(join(tmpdir(), 'edgarbox-bench-serve-'));
  const db = join(dir, 'store.db');
  const store = createSqliteStore({ path: db });
  const summary = await runIngest({ store, paths: [source] });
  await store.close();
  console.log(`store: ${summary.ingested} filings from ${source}`);

  const rows: Row[] = [];
  console.log(`${'endpoint'.padEnd(44)} | conn |   req/s | p50 ms | p99 ms | non-2xx`);
  const seedTxt = '/Archives/edgar/data/1279704/000114420417013452/0001144204-17-013452.txt';
  const seedJson = '/submissions/CIK0001279704.json';
  const hasSeed = source.endsWith('sgml');
  const txt = hasSeed ? seedTxt : '/Archives/edgar/data/9999901/000999990124000003/0009999901-24-000003.txt';
  const json = hasSeed ? seedJson : '/submissions/CIK0009999901.json';

  let s = await startServer(db, 2);
  rows.push(await load('.txt (28 KB, streamed from zstd chunks)', s.url, [txt], connections, duration));
  rows.push(await load('submissions JSON (2 s response cache)', s.url, [json], connections, duration));
  rows.push(
    await load(
      '/api/search?q=myeloma (corpus store)',
      s.url,
      ['/api/search?q=myeloma&limit=20'],
      connections,
      duration,
    ),
  );
  rows.push(
    await load(
      '/LATEST/search-index?q=myeloma (corpus)',
      s.url,
      ['/LATEST/search-index?q=myeloma&size=20'],
      connections,
      duration,
    ),
  );
  s.child.disconnect();
  s = await startServer(db, 0);
  rows.push(await load('submissions JSON (no cache)', s.url, [json], connections, duration));
  s.child.disconnect();

  const big = args['search-db'] ?? join(here, '.data', 'fts-100000-seed42-v1.db');
  if (existsSync(big)) {
    s = await startServer(big, 0);
    const phrases = [
      'results of operations',
      'multiple myeloma',
      'going concern doubt',
      'board of directors',
      'goodwill impairment charge',
      'lease termination fee',
    ];
    const words = ['revenue', 'cybersecurity', 'warrants', 'dividend', 'enrollment', 'impairment'];
    const api = [
      ...phrases.map((p) => `/api/search?q=${encodeURIComponent(`"${p}"`)}&limit=20`),
      ...words.map((w) => `/api/search?q=${w}&limit=20`),
    ];
    const efts = [
      ...phrases.map((p) => `/LATEST/search-index?q=${encodeURIComponent(`"${p}"`)}&size=20`),
      ...words.map((w) => `/LATEST/search-index?q=${w}&size=20`),
    ];
    rows.push(await load('/api/search, 100k filings', s.url, api, 1, duration));
    rows.push(await load('/api/search, 100k filings', s.url, api, 4, duration));
    rows.push(await load('/LATEST/search-index size=20, 100k filings', s.url, efts, 1, duration));
    rows.push(await load('/LATEST/search-index size=20, 100k filings', s.url, efts, 4, duration));
    s.child.disconnect();
  } else {
    console.log(
      `no 100k store at ${big}: run \`npm run bench:search -- --filings 100000\` first (search rows above are on the corpus store only)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });

  const sub = rows.find((r) => r.name.startsWith('submissions JSON (no cache)'));
  if (sub)
    console.log(
      `submissions JSON without cache: ${sub.rps.toFixed(0)} req/s = ${(sub.rps / 5000).toFixed(2)}x the 5,000 req/s target`,
    );
  for (const r of rows.filter((x) => x.name.includes('100k'))) {
    console.log(
      `${r.name} @${r.connections} conn: p99 ${r.p99.toFixed(1)} ms = ${(r.p99 / 50).toFixed(2)}x the 50 ms budget`,
    );
  }
}

/*
Last result: (filled in after a run)
*/
