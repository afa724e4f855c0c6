/**
 * Benchmark: the web UI in headless Chromium. Prints the bytes a first visit loads (shell,
 * stylesheet, client modules; raw and gzip) against the Preact + Vite page measured in
 * `../shared/reference/dependencies.md` (14 KB of JS), and the wall time from navigation to
 * content on the search, filing and company pages (cold: a new browser context per round), plus
 * the time from clicking "Next page" to the next results (prefetched).
 *
 * Store: `--db <file>` (e.g. the 100k-filing store `npm run bench:search -- --filings 100000`
 * builds under `bench/.data/`); by default that store when present, else the real corpus ingested
 * into a temporary store. Needs `/usr/bin/chromium` (or `EDGARBOX_CHROMIUM`).
 *
 * Usage: `npm run bench:web` (5 rounds); `npm run bench:web -- --rounds 20 --db big.db`.
 *
 * Last result: see the end of this file.
 * @module
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { runIngest } from '../src/ingest/run-ingest.ts';
import { createApp } from '../src/server/app.ts';
import { createNodeServer } from '../src/server/node.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';

const { values: args } = parseArgs({
  options: { db: { type: 'string' }, rounds: { type: 'string', default: '5' } },
});
const ROUNDS = Math.max(1, Number(args.rounds));
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const CHROMIUM = process.env.EDGARBOX_CHROMIUM ?? '/usr/bin/chromium';
/** JS of the measured Preact + Vite page (dependencies.md). */
const PREACT_BASELINE_BYTES = 14 * 1024;

if (!existsSync(CHROMIUM)) {
  console.error(`bench:web needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  process.exit(2);
}

let tmp: string | undefined;
let dbPath = args.db ?? join(here, '.data', 'fts-100000-seed42-v1.db');
if (!existsSync(dbPath)) {
  tmp = mkdtempSync(join(tmpdir(), 'edgarbox-bench-web-'));
  dbPath = join(tmp, 'store.db');
  const s = createSqliteStore({ path: dbPath });
  const corpus = process.env.EDGARBOX_CORPUS ?? resolve(repo, '..', 'shared', 'corpus');
  await runIngest({ store: s, paths: [join(corpus, 'sgml')], workers: 2 });
  await s.close();
}
const store = createSqliteStore({ path: dbPath });
const stats = await store.stats();
const server = await createNodeServer({ app: createApp({ store }), port: 0 });
const base = server.url;
console.log(`store: ${dbPath} (${stats.filings.toLocaleString('en-US')} filings)`);

// What a first visit loads.
const shell = await (await fetch(`${base}/`)).text();
const assets = [
  '/assets/style.css',
  '/assets/main.js',
  ...[...shell.matchAll(/href="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string),
];
let raw = Buffer.byteLength(shell);
let gz = gzipSync(shell).length;
let js = 0;
let jsGz = 0;
for (const a of assets) {
  const body = Buffer.from(await (await fetch(`${base}${a}`)).arrayBuffer());
  raw += body.length;
  gz += gzipSync(body).length;
  if (a.endsWith('.js')) {
    js += body.length;
    jsGz += gzipSync(body).length;
  }
}
console.log(
  `first visit: ${assets.length + 1} files, ${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gzip); JS ${(js / 1024).toFixed(1)} KB, ${(jsGz / 1024).toFixed(1)} KB gzip (${(jsGz / PREACT_BASELINE_BYTES).toFixed(2)}x the 14 KB of JS of the Preact+Vite page)`,
);

// Targets taken from the store itself, so any store works.
const first = (await (await fetch(`${base}/api/filings?limit=1`)).json()) as {
  filings: Array<{ accession: string; cik: string; companyName: string }>;
};
const f = first.filings[0];
if (!f) throw new Error('the store is empty');
const word = (f.companyName.match(/[A-Za-z]{4,}/)?.[0] ?? 'report').toLowerCase();
const pages: Array<[string, string, string]> = [
  ['search', `/?q=${encodeURIComponent(word)}`, '.summary'],
  ['filing (reading view)', `/filing/${f.accession}`, '.viewer'],
  ['company (timeline)', `/company/${Number(f.cik)}`, '.timeline, .empty'],
];

// The API calls behind each page, timed from Node, to tell server time from browser time.
const apiCalls: Array<[string, string[]]> = [
  ['search', [`/api/search?q=${encodeURIComponent(word)}&limit=20`]],
  ['filing (reading view)', [`/api/filings/${f.accession}`, `/api/filings/${f.accession}/sections`]],
  ['company (timeline)', [`/api/companies/${Number(f.cik)}`, `/api/filings?cik=${Number(f.cik)}&limit=100`]],
];
const apiTimes = new Map<string, number>();
for (const [name, urls] of apiCalls) {
  const list: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    await Promise.all(urls.map(async (u) => (await fetch(`${base}${u}`)).arrayBuffer()));
    list.push(performance.now() - t0);
  }
  apiTimes.set(name, median(list));
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function timed(page: Page, path: string, selector: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(`${base}${path}`);
  await page.waitForSelector(selector);
  return performance.now() - t0;
}

const times = new Map<string, number[]>();
const next: number[] = [];
const open: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  for (const [name, path, sel] of pages) {
    const list = times.get(name) ?? [];
    list.push(await timed(page, path, sel));
    times.set(name, list);
  }
  // Next page (prefetched while the first page is read).
  await page.goto(`${base}/?q=${encodeURIComponent(word)}`);
  await page.waitForSelector('.summary');
  const link = page.locator('a[rel=next]');
  if ((await link.count()) > 0) {
    await page.waitForTimeout(300);
    await page.evaluate(() => document.querySelector('.summary')?.setAttribute('data-old', ''));
    const t0 = performance.now();
    await link.click();
    await page.waitForSelector('.summary:not([data-old])');
    next.push(performance.now() - t0);
  }
  // Open the first result in the page (no reload): the usual move once the UI is loaded.
  const t1 = performance.now();
  await page.locator('a[data-hit]').first().click();
  await page.waitForSelector('.viewer');
  open.push(performance.now() - t1);
  await ctx.close();
}
for (const [name, list] of times)
  console.log(
    `${name.padEnd(24)} median ${median(list).toFixed(0).padStart(5)} ms  (cold, ${list.length} rounds; its API calls ${(apiTimes.get(name) ?? 0).toFixed(0)} ms)`,
  );
if (next.length)
  console.log(`${'next page'.padEnd(24)} median ${median(next).toFixed(0).padStart(5)} ms  (prefetched)`);
else console.log(`next page: "${word}" has a single page of results here`);
console.log(
  `${'open a result'.padEnd(24)} median ${median(open).toFixed(0).padStart(5)} ms  (in the page, no reload)`,
);

await browser.close();
await server.close();
await store.close();
if (tmp) rmSync(tmp, { recursive: true, force: true });

/*
Last result (2026-11-21; the 2 cores shared with other engineers' runs, load average 15-17, so the
browser times are several times what an idle machine gives; the API times show the server's share):
store: bench/.data/fts-100000-seed42-v1.db (100,000 filings)
first visit: 16 files, 58.8 KB (21.4 KB gzip); JS 44.3 KB, 16.9 KB gzip (1.21x the 14 KB of JS of the Preact+Vite page)
search                   median  1156 ms  (cold, 5 rounds; its API calls 45 ms)
filing (reading view)    median   915 ms  (cold, 5 rounds; its API calls 4 ms)
company (timeline)       median   706 ms  (cold, 5 rounds; its API calls 22 ms)
next page                median   196 ms  (prefetched)
open a result            median   240 ms  (in the page, no reload)
*/
