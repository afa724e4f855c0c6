/**
 * `npm run bench:ingest`: end-to-end ingest throughput (MB/s, filings/s, peak RSS) on a seeded
 * synthetic corpus and on the real corpus, and in the same run the raw FTS5 insert rate of the
 * same text (bare better-sqlite3, contentful fts5, 1,000 docs per transaction).
 * Target (issue 4): ingest >= 0.7x the raw FTS5 insert rate using both cores; peak RSS <= 250 MiB.
 *
 *   node bench/ingest.bench.ts [--filings 10000] [--seed 1] [--workers N] [--rounds 1] [--no-real] [--no-synth] [--from-source]
 *     [--db postgres://host/db]   (also ingest each case into PostgreSQL and print it beside SQLite)
 *
 * Both sides of the ratio are the same text (MB of text per second): the ingest's time for the
 * whole SGML against the bare inserts of the text it stored. `--rounds N` alternates ingest and
 * baseline N times and prints medians; every figure carries the load average it ran under.
 *
 * The ingest is the real CLI in a child process, built first into the gitignored
 * `bench/.data/dist` (what `npm run build` publishes); `--from-source` runs `src/` through Node's
 * type stripping instead (about 50 MiB more RSS). Peak RSS and CPU are read from /proc (Linux).
 * The synthetic corpus is cached as one .tar in the OS temp folder.
 *
 * Lead's rerun (2026-11-22 04:47-04:50 UTC, load 1.5-3.0 falling after a test run, nothing else
 * running; HEAD f6561fa with malloc arenas = max(2, cores / 2), i.e. 2 here; `--no-real --rounds 2`):
 * ingest 41.97 and 37.44 s (9.5 MB/s of SGML median, 252 filings/s), CPU 51.7 and 48.1 s (writer
 * 34.1 and 30.9 s); raw FTS5 30.87 and 37.58 s -> 0.86x by wall (target 0.7x: MET), ~1.00x by CPU;
 * peak RSS 230 and 225 MiB (target 250 MiB: MET).
 * Before (2026-11-22 04:21 UTC, load 1.8-2.8: other engineers' benchmarks running; HEAD
 * 8d6dd8c, `--no-real --rounds 2`): synthetic 10,000 filings: ingest 41.77 and 40.58 s (9.2 MB/s of
 * SGML median, 243 filings/s), CPU 51.2 and 51.2 s (busiest thread, the writer, 33.4 and 32.5 s);
 * raw FTS5 30.57 and 32.62 s (CPU 29.8 and 30.3 s) -> 0.77x by wall at that load (target 0.7x,
 * MET), ~0.91x by CPU. Peak RSS 217 and 222 MiB (target 250 MiB: MET). What changed (8d6dd8c):
 * the pipeline and the store writer run on the CLI's main thread (one V8 isolate fewer; the
 * nursery kept at its starting size with `--semi-space-growth-factor=1`, set at run time), the
 * worker frees each submission's bytes once its result is posted and the writer frees the
 * compressed raw chunks once written (ArrayBuffer transfer(0), instead of at a major GC), and
 * `ingest` re-runs itself once (`process.execve`, same PID) with MALLOC_MMAP_THRESHOLD_=131072 and
 * MALLOC_ARENA_MAX=2. Peak RSS per change (CLI alone, 10k, VmHWM, 3 runs each, back to back, load
 * 1.5-3.4): before 247-275 MiB; main thread 236-258; + buffers freed 235-259 (median 245); + mmap
 * threshold alone 214-251; + both malloc settings 204-223 (the build as committed: 213, 216, 222,
 * 227, 233). `--optimize-for-size` would give 170-174 MiB but costs ~15 % more CPU (writer +7 %,
 * worker +25 %): not used. glibc's malloc_stats() mid-run before the tuning: main arena 44 MiB
 * (38 in use), the worker's arena 44-47 MiB with only 15-32 MiB in use (its result messages).
 * Same conditions, back to back (04:32, load 1.6-2.3), 26d277a vs 8d6dd8c: peak RSS 254, 259 vs
 * 220, 224 MiB; wall 40.1, 38.3 vs 39.0, 39.3 s; writer CPU 31.7, 31.8 vs 32.2, 32.5 s; process
 * CPU 48.7, 48.3 vs 49.7, 50.5 s (the fixed mmap threshold maps and faults in large blocks
 * afresh: ~+2 % writer, ~+3 % total). Expect on a quiet machine: ~0.9x by wall (0.93x before,
 * minus those 2 %), peak RSS ~205-235 MiB (all 12 runs of this build: 213-233).
 * Earlier (2026-11-22 02:55 UTC, load 1.2-1.7, nothing else running; HEAD 958c098, `--no-real
 * --rounds 2`): synthetic 10,000 filings: ingest 35.97 and 38.19 s (10.2 MB/s of SGML median, 270
 * filings/s), CPU 46.3 and 48.2 s (writer 30.5 and 31.8 s); raw FTS5 35.06 and 33.66 s -> 0.93x by
 * wall (target 0.7x, MET), ~1.05x by CPU. Peak RSS 245 and 267 MiB (target 250 MiB: MISSED in one
 * of two rounds). 27 more runs of the CLI alone (lead, 02:32-02:55, RSS sampled every 0.25 s):
 * 243-276 MiB with FTS5 hashsize 8, 4 or 2 MiB, the writer's page cache at 2 MiB, 4 MiB batches and
 * in-flight bytes, temp files instead of temp memory, a forced major GC every second in the ingest
 * thread, one V8 platform thread, or MALLOC_ARENA_MAX=2; hashsize 1 MiB 239-254 MiB but 48.8-55.5 s;
 * only MALLOC_ARENA_MAX=1 (one glibc arena for all threads) stayed below every time: 222-236 MiB, at
 * 39.7-45.3 s instead of 36-38 s. The process has ~51 MiB of the node binary resident, three
 * isolates (~110 MiB for a 3-filing ingest), and two ~45 MiB malloc arenas (smaps) whose free space
 * one thread cannot reuse for another.
 * Earlier (2026-11-22 02:22-02:30 UTC, load 1.2-2.0 (other engineers' jobs came and went),
 * after 7cae03a: FTS5 hashsize 8 MiB + automerge 8, pool grows only onto a free core), two runs of
 * `--rounds 2`: synthetic 10,000 filings: ingest 34.8-45.0 s (median of each run 41.7 and 39.9 s),
 * 9.1-9.5 MB/s of SGML, 241-251 filings/s, CPU 51.7 and 46.8 s (writer 34.3 and 31.0 s); raw FTS5
 * 31.7-36.9 s (CPU 32.7 and 34.8 s) -> 0.81x and 0.91x by wall (target 0.7x, MET), ~0.96-1.12x
 * by CPU. Peak RSS 252-274 MiB (target 250 MiB, MISSED by ~5 %). Expect ~0.8-0.9x by wall on a
 * quiet machine (the target is judged by wall there: both cores free, nothing else to measure).
 *   Where the writer's time went before the tuning (CPU profile of Store.putFilings alone over the
 *   prepared FilingInputs of 2,000 synthetic filings, ingest-sized batches): document_fts inserts
 *   77 %, commit 22 % (FTS5 segment flushes and merges, WAL append, checkpoints), every other row
 *   (filings, documents with Markdown, raw_chunks, parties, items), header/party JSON and the
 *   entity refresh ~3 % together; section_fts 0 (the synthetic filings have no item headings; on
 *   the real corpus section_fts tokenizes 37 % as many characters as document_fts: 1.03 M of 2.79
 *   M, its nested Part/Item sections cover the primary documents ~1.9 times). Compression and
 *   hashing already run in the workers; the JSON left on the writer is < 0.5 %, not worth moving.
 *   At 10k the writer's CPU was 37.4 s against 29.0 s for the bare inserts: FTS5's default 1 MiB
 *   pending-terms hash flushed each 8 MiB batch as 3-4 small level-0 segments, and automerge 4
 *   rewrote every posting over ~4 levels. Same process, same inputs, writer CPU at 10k: hashsize
 *   8 MiB + automerge 8: 25.6-26.2 s; hashsize 4 MiB: 27.2; 2 MiB: 27.6; automerge 16 alone: 29.7-
 *   32.8; wal_autocheckpoint 4k-16k pages: within noise (no checkpoints at all: worse, 38.6 s: the
 *   WAL index grows). The index ends with 14 segments instead of 11; term, phrase and rare-word
 *   queries on it took the same time (wall p50/p99 within noise, same process). The pool change:
 *   with the faster writer the old rule (writer idle > 50 %) added a second worker beside a busy
 *   writer: 41.7 s and 315 MiB against 37.6 s and 261 MiB with one.
 *   Peak RSS: with any hashsize above 1 MiB the ingest's peak RSS is 245-282 MiB over 15 runs
 *   (median ~262; 1 MiB: 236-237). It is native memory kept by glibc's per-thread malloc arenas:
 *   one 64 MiB arena is ~63 MiB resident (smaps), and the same build with MALLOC_ARENA_MAX=1
 *   peaks at 222 MiB (one run, 41.6 s). Likely cause (not proven): FTS5's hash entries, now
 *   alive across a whole batch, pin the arena between the large temporaries of binding texts. Smaller
 *   batches (4 MiB) or in-flight bytes (4 MiB per worker) did not lower it and cost wall time.
 * Before this pass, on a quiet machine (2026-11-22 00:57 UTC, load 1.3-1.5, nothing else running; after
 * 7f8efd1, 128 tasks in flight per worker): synthetic 10,000 filings: ingest 48.0 s, 7.9 MB/s of
 * SGML, 208 filings/s, CPU 58.4 s (writer 41.4 s); raw FTS5 29.5 s (CPU 28.6 s) -> 0.61x by wall
 * (target 0.7x, MISSED), ~0.69x by CPU; peak RSS 237 MiB (met). Just before 7f8efd1, same load:
 * 54.1 s, 0.58x by wall, 248 MiB. On idle cores the wall figure is the honest one: the writer is
 * busy ~86% of the wall time and its own CPU is 1.45x the raw insert's, so what is left is the
 * store's write cost (Store.putFilings), not the pipeline.
 * Earlier (2026-11-22, 2 vCPU shared with three other engineers' benchmarks and two of this
 * bench's own 100k runs, load 5-8; one worker + the writer by default):
 *   synthetic 10,000 filings (378 MB SGML, 336 MB of text), 2 rounds: ingest 86-101 s, 3.8-4.4 MB/s
 *   of SGML, 99-116 filings/s, 3.6 MB/s of text; raw FTS5 52-59 s (6.1 MB/s of text) -> 0.59x by
 *   wall. By CPU: ingest 57.8 s, busiest thread (the store writer) 41.5 s, raw FTS5 30.8 s -> ~0.74x
 *   on 2 idle cores. Peak RSS 209-220 MiB (was 277-317 MiB with two workers and a 32 MiB page cache).
 *   Wall time on a loaded machine says little here: with kernel autogroup scheduling each session
 *   gets an equal share of the cores, so the ingest (writer + worker in one process) gets the same
 *   share as the one-thread baseline and the wall ratio tends to raw CPU / all ingest CPU (0.53x),
 *   not raw CPU / writer CPU; the target ("using both cores") is judged by the CPU line.
 *   synthetic 100,000 filings (3,783 MB SGML), one run each at load 6.5-8.5 (the two overlapped):
 *   one worker (3b7c5d9) 1,730 s, 2.2 MB/s, 58 filings/s, CPU 634 s (writer ~495 s, worker ~113 s),
 *   peak RSS 243 MiB; the build before the growth fix grew to two workers under that load: 1,944 s,
 *   1.9 MB/s, 51 filings/s, CPU 686 s (writer 530 s), peak RSS 297 MiB. Raw FTS5 of the same
 *   126,816 texts (3,361 MB): 583 s, 5.8 MB/s, CPU 329 s [load 2.7-4.8] -> 0.34x by wall (loaded,
 *   overlapping runs), ~0.66x by CPU (writer ~495 s): at 100k the store writer's per-filing cost
 *   grows faster than bare FTS5 inserts do (its CPU is in Store.putFilings, src/store/sqlite).
 *   real corpus sgml/ (13.2 MB, 42 of 50 files are submissions): 2.4-3.0 s, 4.4-5.6 MB/s, peak RSS
 *   168-171 MiB; its text is only 2.8 MB, so the FTS5 ratio (0.06x) measures HTML conversion and
 *   uudecoding of large documents, not the store.
 * @module
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { loadavg as osLoadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { corpusRoot, hasCorpus, repoRoot } from '../test/corpus.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

await main();

interface ChildReport {
  summary: {
    files: number;
    ingested: number;
    unchanged: number;
    failed: unknown[];
    bytes: number;
    seconds: number;
    mbPerSecond: number;
    filingsPerSecond: number;
  };
  wallSeconds: number;
  maxRssMiB: number | undefined;
  cpuSeconds: number | undefined;
  /** CPU of the busiest thread (the store writer on synthetic text): a floor for the wall time. */
  busiestCpuSeconds: number | undefined;
}

async function main(): Promise<void> {
  const filings = Number(flag('--filings') ?? 10_000);
  const seed = Number(flag('--seed') ?? 1);
  const workers = flag('--workers');
  let bin = join(repoRoot, 'src', 'cli', 'bin.ts');
  if (!args.includes('--from-source')) {
    const out = join(repoRoot, 'bench', '.data', 'dist');
    const t0 = performance.now();
    const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc');
    spawnSync(tsc, ['-p', join(repoRoot, 'tsconfig.build.json'), '--outDir', out], { stdio: 'ignore' });
    bin = join(out, 'cli', 'bin.js');
    if (!existsSync(bin)) throw new Error(`build failed: ${bin} missing`);
    console.log(`built ${bin} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const work = mkdtempSync(join(tmpdir(), 'edgarbox-bench-ingest-'));
  try {
    if (!args.includes('--no-synth')) {
      const tar = await synthTar(filings, seed);
      await runCase(`synthetic ${filings} filings (seed ${seed})`, bin, tar, work, workers);
    }
    if (!args.includes('--no-real') && hasCorpus) {
      await runCase('real corpus sgml/', bin, join(corpusRoot, 'sgml'), work, workers);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Run the CLI ingest, sampling its peak RSS (VmHWM) and CPU time from /proc while it runs. */
function runCli(bin: string, input: string, db: string, workers: string | undefined): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const argv = [
      bin,
      'ingest',
      input,
      '--db',
      db,
      '--json',
      '--quiet',
      ...(workers ? ['--workers', workers] : []),
    ];
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let maxRssMiB: number | undefined;
    let cpuSeconds: number | undefined;
    const perThread = new Map<string, number>();
    const ticks = (stat: string): number => {
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    };
    const sample = (): void => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'latin1');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) maxRssMiB = Math.max(maxRssMiB ?? 0, Number(hwm[1]) / 1024);
        cpuSeconds = ticks(readFileSync(`/proc/${child.pid}/stat`, 'latin1'));
        for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
          perThread.set(tid, ticks(readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'latin1')));
        }
      } catch {
        // not Linux, or the process just exited
      }
    };
    const timer = setInterval(sample, 50);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - t0) / 1000;
      if (code !== 0 && code !== 1) {
        reject(new Error(`ingest exited with ${code}`));
        return;
      }
      const busiestCpuSeconds = perThread.size > 0 ? Math.max(...perThread.values()) : undefined;
      resolve({ summary: JSON.parse(stdout), wallSeconds, maxRssMiB, cpuSeconds, busiestCpuSeconds });
    });
  });
}

async function runCase(
  name: string,
  bin: string,
  input: string,
  work: string,
  workers: string | undefined,
): Promise<void> {
  const rounds = Math.max(1, Number(flag('--rounds') ?? 1));
  const db = join(work, `${name.replace(/\W+/g, '-')}.db`);
  console.log(`\n== ${name}`);
  const ingests: Array<{ report: ChildReport; load: string }> = [];
  const raws: Array<{ raw: RawInsert; load: string }> = [];
  let textMB = 0;
  let docs = 0;
  for (let round = 1; round <= rounds; round++) {
    // Ingest, then the bare FTS5 insert of the text it stored, back to back (alternating over
    // rounds), so that both see about the same machine load.
    rmSync(db, { force: true });
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    const report = await runCli(bin, input, db, workers);
    const load = loadavg();
    ingests.push({ report, load });
    const s = report.summary;
    const rss = report.maxRssMiB === undefined ? 'n/a' : `${report.maxRssMiB.toFixed(0)} MiB`;
    const cpu =
      report.cpuSeconds === undefined
        ? ''
        : `, CPU ${report.cpuSeconds.toFixed(1)} s (busiest thread ${(report.busiestCpuSeconds ?? 0).toFixed(1)} s)`;
    console.log(
      `round ${round} ingest: ${s.ingested}/${s.files} filings, ${(s.bytes / 1e6).toFixed(1)} MB of SGML in ${s.seconds.toFixed(2)} s: ` +
        `${s.mbPerSecond.toFixed(1)} MB/s, ${s.filingsPerSecond.toFixed(0)} filings/s${cpu}, peak RSS ${rss} (target <= 250 MiB) [load ${load}]`,
    );
    const raw = await rawFtsInsert(db, join(work, 'raw-fts.db'));
    const rawLoad = loadavg();
    raws.push({ raw, load: rawLoad });
    textMB = raw.bytes / 1e6;
    docs = raw.docs;
    console.log(
      `round ${round} raw FTS5 insert of the same ${docs} texts (${textMB.toFixed(1)} MB): ${raw.seconds.toFixed(2)} s, ` +
        `${(textMB / raw.seconds).toFixed(1)} MB/s of text, CPU ${raw.cpuSeconds.toFixed(1)} s [load ${rawLoad}]`,
    );
  }
  const s = (ingests[0] as { report: ChildReport }).report.summary;
  const ingestWall = median(ingests.map((i) => i.report.summary.seconds));
  const rawWall = median(raws.map((r) => r.raw.seconds));
  const rawCpu = median(raws.map((r) => r.raw.cpuSeconds));
  const rssPeak = Math.max(...ingests.map((i) => i.report.maxRssMiB ?? 0));
  console.log(
    `${rounds > 1 ? `median of ${rounds}: ` : ''}ingest ${(s.bytes / 1e6 / ingestWall).toFixed(1)} MB/s of SGML, ` +
      `${(s.ingested / ingestWall).toFixed(0)} filings/s, ${(textMB / ingestWall).toFixed(1)} MB/s of text; ` +
      `raw FTS5 ${(textMB / rawWall).toFixed(1)} MB/s of text; peak RSS ${rssPeak.toFixed(0)} MiB (target <= 250 MiB)`,
  );
  // Both sides of the ratio are the same text (MB of text per second), not SGML against text.
  console.log(
    `ratio ingest / raw FTS5 insert (same text) = ${(rawWall / ingestWall).toFixed(2)}x by wall time (target >= 0.7x)`,
  );
  const cpuIngests = ingests.filter(
    (i) => i.report.cpuSeconds !== undefined && i.report.busiestCpuSeconds !== undefined,
  );
  if (cpuIngests.length > 0) {
    // On a busy machine wall time says little; by CPU time, two idle cores would take at least
    // max(busiest thread, everything / 2) for the ingest and the raw inserts' CPU for the baseline.
    const floor = median(
      cpuIngests.map((i) => Math.max(i.report.busiestCpuSeconds ?? 0, (i.report.cpuSeconds ?? 0) / 2)),
    );
    const busiest = median(cpuIngests.map((i) => i.report.busiestCpuSeconds ?? 0));
    const total = median(cpuIngests.map((i) => i.report.cpuSeconds ?? 0));
    console.log(
      `by CPU time: ingest ${total.toFixed(1)} s (busiest thread, the store writer, ${busiest.toFixed(1)} s), ` +
        `raw FTS5 ${rawCpu.toFixed(1)} s; on 2 idle cores ratio ~ ${(rawCpu / floor).toFixed(2)}x`,
    );
  }
  if (s.failed.length > 0)
    console.log(`(${s.failed.length} inputs failed: header-less documents and non-submissions)`);
  const pgUrl = flag('--db');
  if (pgUrl !== undefined) await postgresCase(name, bin, input, workers, pgUrl, ingestWall);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function loadavg(): string {
  return osLoadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

/**
 * `--db postgres://...`: the same ingest into a fresh database on that server, printed beside
 * the SQLite figures (the database `edgarbox_bench_<case>` is dropped and recreated).
 */
async function postgresCase(
  name: string,
  bin: string,
  input: string,
  workers: string | undefined,
  serverUrl: string,
  sqliteSeconds: number,
): Promise<void> {
  const { default: pg } = await import('pg');
  const dbName = `edgarbox_bench_${name.replace(/\W+/g, '_').toLowerCase()}`.slice(0, 60);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const report = await runCli(bin, input, url.toString(), workers);
  const s = report.summary;
  const rss = report.maxRssMiB === undefined ? 'n/a' : `${report.maxRssMiB.toFixed(0)} MiB`;
  console.log(
    `postgres ingest: ${s.ingested}/${s.files} filings, ${(s.bytes / 1e6).toFixed(1)} MB in ${s.seconds.toFixed(2)} s: ` +
      `${s.mbPerSecond.toFixed(1)} MB/s, ${s.filingsPerSecond.toFixed(0)} filings/s, peak RSS ${rss}; ` +
      `${(sqliteSeconds / s.seconds).toFixed(2)}x the SQLite rate`,
  );
}

interface RawInsert {
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  docs: number;
}

/**
 * The baseline: every document text the ingest stored, read back through the Store a page of
 * filings at a time (bounded memory, so the 100k case fits), inserted with bare better-sqlite3
 * into a contentful fts5 table (WAL + synchronous=NORMAL, 1,000 docs per transaction). Only the
 * inserts are timed.
 */
async function rawFtsInsert(db: string, path: string): Promise<RawInsert> {
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT); CREATE VIRTUAL TABLE fts USING fts5(body)');
  const insert = raw.prepare('INSERT INTO fts(rowid, body) VALUES (?, ?)');
  const tx = raw.transaction((texts: string[], first: number) => {
    texts.forEach((t, i) => {
      insert.run(first + i, t);
    });
  });
  const store = createSqliteStore({ path: db, readonly: true });
  const out: RawInsert = { seconds: 0, cpuSeconds: 0, bytes: 0, docs: 0 };
  let pending: string[] = [];
  const flushTexts = (): void => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    tx(pending, out.docs + 1);
    const c1 = process.cpuUsage(c0);
    out.seconds += (performance.now() - t0) / 1000;
    out.cpuSeconds += (c1.user + c1.system) / 1e6;
    out.docs += pending.length;
    pending = [];
  };
  try {
    let cursor: string | undefined;
    do {
      const page = await store.listFilings({ limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
      for (const f of page.filings) {
        const filing = await store.getFiling(f.accession);
        for (const d of filing?.documents ?? []) {
          if (!d.hasText) continue;
          const t = await store.getDocumentText(f.accession, d.sequence);
          if (!t) continue;
          out.bytes += Buffer.byteLength(t);
          pending.push(t);
          if (pending.length === 1000) flushTexts();
        }
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    if (pending.length > 0) flushTexts();
  } finally {
    await store.close();
    raw.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Minimal seeded synthetic corpus (performance-baselines.md §7 shape: .txt dialect, log-normal
// sizes with median ~30 KB, 1 + Exp(1.5) documents, HTML paragraphs from a Zipf-like vocabulary,
// 6 % uuencoded GRAPHIC exhibits). Written as one uncompressed .tar of ACCESSION.nc entries.
// ---------------------------------------------------------------------------------------------

function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function synthTar(filings: number, seed: number): Promise<string> {
  const dir = join(tmpdir(), 'edgarbox-bench-cache');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `synth-v1-${seed}-${filings}.tar`);
  if (existsSync(path)) return path;
  const t0 = performance.now();
  const rnd = mulberry32(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const vocab: string[] = [];
  for (let i = 0; i < 20000; i++) {
    let w = '';
    const len = 3 + Math.floor(rnd() * 8);
    for (let k = 0; k < len; k++) w += letters[Math.floor(rnd() * 26)];
    vocab.push(w);
  }
  const word = (): string => vocab[Math.floor(vocab.length * rnd() ** 3)] as string;
  const paragraph = (): string => {
    const n = 20 + Math.floor(rnd() * 80);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(rnd() < 0.05 ? String(Math.floor(rnd() * 100000)) : word());
    return `<p style="font-family:Times New Roman">${ws.join(' ')}.</p>\n`;
  };
  const forms = ['8-K', '8-K', '8-K', '10-Q', '10-K', '424B2', '6-K', 'DEF 14A', 'S-1'];
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  let written = 0;
  const write = async (b: Buffer): Promise<void> => {
    written += b.length;
    if (!out.write(b)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  for (let i = 0; i < filings; i++) {
    const acc = `${String(1000000 + (i % 10)).padStart(10, '0')}-24-${String(i).padStart(6, '0')}`;
    const cik = String(100000 + Math.floor(rnd() * 900000)).padStart(10, '0');
    const form = forms[Math.floor(rnd() * forms.length)] as string;
    const target = Math.min(6e6, Math.max(3e3, Math.exp(Math.log(30e3) + boxMuller(rnd))));
    const docCount = Math.min(30, 1 + Math.floor(-Math.log(1 - rnd()) / 1.5));
    const day = `2024${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    let docs = '';
    for (let d = 1; d <= docCount; d++) {
      const share = d === 1 ? 0.55 + rnd() * 0.3 : 0.3 / docCount;
      const type = d === 1 ? form : `EX-99.${d - 1}`;
      if (d > 1 && rnd() < 0.06) {
        const bin = Buffer.alloc(Math.floor(2000 + rnd() * 20000));
        for (let k = 0; k < bin.length; k++) bin[k] = Math.floor(rnd() * 256);
        docs += `<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>${d}\n<FILENAME>g${i}_${d}.jpg\n<TEXT>\n${uuencode(bin, `g${i}_${d}.jpg`)}</TEXT>\n</DOCUMENT>\n`;
        continue;
      }
      let body = '';
      while (body.length < target * share) body += paragraph();
      docs += `<DOCUMENT>\n<TYPE>${type}\n<SEQUENCE>${d}\n<FILENAME>d${i}_${d}.htm\n<DESCRIPTION>${type}\n<TEXT>\n<html><body>\n${body}</body></html>\n</TEXT>\n</DOCUMENT>\n`;
    }
    const header =
      `<SEC-DOCUMENT>${acc}.txt : ${day}\n<SEC-HEADER>${acc}.hdr.sgml : ${day}\n<ACCEPTANCE-DATETIME>${day}160000\n` +
      `ACCESSION NUMBER:\t\t${acc}\nCONFORMED SUBMISSION TYPE:\t${form}\nPUBLIC DOCUMENT COUNT:\t\t${docCount}\n` +
      `FILED AS OF DATE:\t\t${day}\nDATE AS OF CHANGE:\t\t${day}\n\nFILER:\n\n\tCOMPANY DATA:\t\n` +
      `\t\tCOMPANY CONFORMED NAME:\t\t\tSynthetic ${word()} ${word()} Corp\n\t\tCENTRAL INDEX KEY:\t\t\t${cik}\n` +
      `\t\tSTATE OF INCORPORATION:\t\t\tDE\n\t\tFISCAL YEAR END:\t\t\t1231\n\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t${form}\n` +
      `\t\tSEC ACT:\t\t1934 Act\n\t\tSEC FILE NUMBER:\t001-${String(i).padStart(5, '0')}\n</SEC-HEADER>\n`;
    const bytes = Buffer.from(`${header}${docs}</SEC-DOCUMENT>\n`, 'latin1');
    await write(tarHeader(`${acc}.nc`, bytes.length));
    await write(bytes);
    const pad = (512 - (bytes.length % 512)) % 512;
    if (pad > 0) await write(Buffer.alloc(pad));
  }
  await write(Buffer.alloc(1024));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, path);
  console.log(
    `generated ${filings} synthetic filings (${(written / 1e6).toFixed(0)} MB tar) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${path}`,
  );
  return path;
}

function boxMuller(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

function uuencode(bin: Buffer, name: string): string {
  const enc = (n: number): string => String.fromCharCode(n === 0 ? 96 : n + 32);
  let out = `begin 644 ${name}\n`;
  for (let i = 0; i < bin.length; i += 45) {
    const line = bin.subarray(i, i + 45);
    out += enc(line.length);
    for (let k = 0; k < line.length; k += 3) {
      const a = line[k] ?? 0;
      const b = line[k + 1] ?? 0;
      const c = line[k + 2] ?? 0;
      out += enc(a >> 2) + enc(((a & 3) << 4) | (b >> 4)) + enc(((b & 15) << 2) | (c >> 6)) + enc(c & 63);
    }
    out += '\n';
  }
  return `${out}${enc(0)}\nend\n`;
}

function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'latin1');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}
