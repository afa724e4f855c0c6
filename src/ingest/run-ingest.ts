/**
 * The ingest pipeline: read sources (files, directories, archives, stdin) in order, skip
 * unchanged bytes by hash before any parsing, parse/convert/compress in worker threads, and
 * write whole filings to the Store in batches (one transaction per batch; each filing atomic).
 * Memory is bounded by the bytes in flight and the batch size, not by the input.
 * @module
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { SearchListsRefresh, Store } from '../store/store.ts';
import { createCommitQueue, type Outcome } from './commit-queue.ts';
import type { IngestFailure, IngestProgress, IngestSummary } from './ingest-summary.ts';
import { MAX_FILING_TEXT_CHARS, MAX_TEXT_CHARS, type ProcessOptions } from './process-submission.ts';
import { BIG_SUBMISSION_BYTES, readSources } from './read-sources.ts';
import { sniffAccession } from './sniff-accession.ts';
import type { BytesItem, StreamItem } from './source-item.ts';
import { createWorkerPool } from './worker-pool.ts';

/** Options of `runIngest`. */
export interface RunIngestOptions {
  store: Store;
  /** Files, directories, archives, or `-` for stdin. */
  paths: readonly string[];
  /**
   * Worker threads, fixed. Default: one fewer than the cores (at least one; the writer is busy on
   * this thread), plus one more when the writer keeps waiting for them.
   */
  workers?: number;
  /** A worker with no progress for this long is replaced and its submission fails (default 120 s). */
  taskTimeoutMs?: number;
  /** Stop reading when aborted; what is in flight is finished and committed. */
  signal?: AbortSignal;
  /** What `-` reads (default `process.stdin`). */
  stdin?: NodeJS.ReadableStream;
  /** Filings per write transaction at most (default 128). */
  batchFilings?: number;
  /** Bytes (compressed raw + text) per write transaction at most (default 8 MiB). */
  batchBytes?: number;
  /** Commit a partial batch after this many milliseconds (default 1000). */
  batchMillis?: number;
  /** Uncompressed bytes handed to workers and not yet returned, at most (default 8 MiB per worker). */
  inflightBytes?: number;
  /** Submissions above this size are read as streams (default 64 MiB). */
  bigThreshold?: number;
  /** Text/Markdown cap per document, in characters. */
  maxTextChars?: number;
  /** Text + Markdown cap per filing, in characters. */
  maxFilingTextChars?: number;
  /** Called after every settled submission (throttle in the caller). */
  onProgress?: (progress: IngestProgress) => void;
  /** Called for every failure as it happens (the summary lists them all too). */
  onFailure?: (failure: IngestFailure) => void;
  /**
   * After the last batch of a run that wrote filings, refresh the store's search lists
   * (`Store.refreshSearchLists`: built when the store is big and has grown enough; default true).
   */
  searchLists?: boolean;
  /** Progress of a search-list build: words done, words to do. */
  onSearchLists?: (done: number, total: number) => void;
}

/** What a streamed submission counts for against the in-flight byte budget. */
const STREAM_WEIGHT = 8 * 1024 * 1024;

/** Default uncompressed bytes handed to each worker and not yet returned. */
const INFLIGHT_PER_WORKER = 8 * 1024 * 1024;

/** A pool that may grow adds a worker when, over a window this long (milliseconds)... */
const GROW_WINDOW_MS = 1000;

/**
 * ...the workers were on a core at least this share of it each, and the cores left over by them
 * and the writer (its time not spent waiting for workers) add up to at least this much: a free
 * core for the new worker. Growing without one (a writer busy most of the time on 2 cores) only
 * made three threads share two cores: 10k synthetic filings, 2 workers 41.7 s and 315 MiB peak
 * RSS against 37.6 s and 261 MiB with one.
 */
const GROW_BUSY_SHARE = 0.8;

/**
 * Ingest every submission under `paths` into `store`.
 * @example const summary = await runIngest({ store, paths: ['feed/20250110.nc.tar.gz'] });
 */
export async function runIngest(options: RunIngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { store, signal } = options;
  // The writer (this thread) is one busy core: start one worker fewer than the cores and add
  // one only when the writer waits for them (conversion-heavy input), so the threads never
  // oversubscribe the cores when writing is the bottleneck.
  const cores = availableParallelism();
  const pool = createWorkerPool({
    size: options.workers ?? Math.max(1, cores - 1),
    maxSize: options.workers ?? Math.max(1, cores),
    ...(options.taskTimeoutMs === undefined ? {} : { taskTimeoutMs: options.taskTimeoutMs }),
  });
  const processOptions: ProcessOptions = {
    maxTextChars: options.maxTextChars ?? MAX_TEXT_CHARS,
    maxFilingTextChars: options.maxFilingTextChars ?? MAX_FILING_TEXT_CHARS,
  };
  // Enough tasks queued per worker to keep it busy while the writer is inside a (synchronous)
  // batch write; memory is bounded by the in-flight bytes, not by the task count. A write of one
  // batch (~100 small filings) outlasts 32 small tasks: with 32, the writer then waited for the
  // rest of its next batch (putFilings 75% of the writer's wall time on 2k synthetic filings; 84%
  // with 128, where the in-flight bytes are what binds).
  const maxInflight = (): number => options.inflightBytes ?? pool.size * INFLIGHT_PER_WORKER;
  const maxTasks = (): number => pool.size * 128;

  const progress: IngestProgress = {
    files: 0,
    bytesRead: 0,
    bytes: 0,
    ingested: 0,
    unchanged: 0,
    replaced: 0,
    failed: 0,
  };
  const queue = createCommitQueue({
    store,
    progress,
    batchFilings: options.batchFilings ?? 128,
    batchBytes: options.batchBytes ?? 8 * 1024 * 1024,
    batchMillis: options.batchMillis ?? 1000,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.onFailure === undefined ? {} : { onFailure: options.onFailure }),
  });
  let nextSeq = 0;
  let inflight = 0;
  let inflightBytes = 0;
  let wake: (() => void) | undefined;
  const settle = (seq: number, outcome: Outcome): void => {
    queue.settle(seq, outcome);
    const w = wake;
    wake = undefined;
    w?.();
  };

  // How long the writer waited for the workers in the current window, and the workers' CPU
  // when it began (to decide on growing).
  let windowStart: number | undefined;
  let windowIdle = 0;
  let windowCpu = 0;
  /**
   * Wait for the next settled task. Grow the pool when the writer keeps waiting for workers that
   * are busy all the time: the work is conversion-bound and a core is free. Workers that wait
   * for a core (a loaded machine) are no reason to start another.
   */
  const waitForWorkers = async (): Promise<void> => {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    const now = performance.now();
    if (windowStart === undefined) {
      windowStart = now; // the first result: the workers are up, start measuring
      windowCpu = pool.cpuSeconds;
      return;
    }
    windowIdle += now - t0;
    const window = now - windowStart;
    if (window < GROW_WINDOW_MS) return;
    const workerCores = ((pool.cpuSeconds - windowCpu) * 1000) / window;
    const writerCores = 1 - windowIdle / window;
    const workersBusy = workerCores >= pool.size * GROW_BUSY_SHARE;
    const freeCore = cores - workerCores - writerCores >= GROW_BUSY_SHARE;
    if (workersBusy && freeCore && pool.pending >= pool.size) pool.grow();
    windowStart = now;
    windowIdle = 0;
    windowCpu = pool.cpuSeconds;
  };

  /**
   * Wait until capacity allows one more task of `size` bytes, writing each batch as soon as it is
   * due (so the results waiting in memory stay within about one batch plus what is in flight).
   */
  const waitForRoom = async (size: number): Promise<void> => {
    while (inflight > 0 && (inflight >= maxTasks() || inflightBytes + size > maxInflight())) {
      if (queue.due()) await queue.flush();
      else await waitForWorkers();
    }
    if (queue.due()) await queue.flush();
  };

  const dispatch = (seq: number, label: string, bytes: Buffer, sniffed: string | undefined): void => {
    const size = bytes.length;
    inflight++;
    inflightBytes += size;
    queue.hold(sniffed);
    void pool.run(bytes, label, processOptions).then((result) => {
      inflight--;
      inflightBytes -= size;
      settle(seq, { kind: 'done', label, result, sniffed });
    });
  };

  const handleBytes = async (item: BytesItem): Promise<void> => {
    const seq = nextSeq++;
    const { bytes, label } = item;
    progress.bytes += bytes.length;
    const accession = sniffAccession(bytes);
    if (accession !== undefined && !queue.isPending(accession)) {
      const stored = await store.getFilingHash(accession);
      if (stored !== undefined && stored === createHash('sha256').update(bytes).digest('hex')) {
        settle(seq, { kind: 'unchanged', label });
        return;
      }
    }
    await waitForRoom(bytes.length);
    dispatch(seq, label, bytes, accession);
  };

  const handleStream = async (item: StreamItem): Promise<void> => {
    // A big submission streams to one worker through the push parser, a few chunks ahead of
    // it; it counts as one task of `STREAM_WEIGHT` bytes against the in-flight budget.
    const seq = nextSeq++;
    const { label } = item;
    await waitForRoom(STREAM_WEIGHT);
    inflight++;
    inflightBytes += STREAM_WEIGHT;
    let streamed = 0;
    const counted = (async function* () {
      for await (const c of item.chunks) {
        streamed += c.length;
        yield c;
      }
    })();
    const task = pool.runStream(counted, label, processOptions);
    let sendError: string | undefined;
    try {
      await task.sent;
    } catch (e) {
      sendError = e instanceof Error ? e.message : String(e);
      item.cancel();
    }
    progress.bytes += streamed;
    void task.result.then((result) => {
      inflight--;
      inflightBytes -= STREAM_WEIGHT;
      if (sendError !== undefined) settle(seq, { kind: 'failed', label, reason: sendError });
      else settle(seq, { kind: 'done', label, result, sniffed: undefined });
    });
  };

  let interrupted = false;
  try {
    const sources = readSources(options.paths, {
      bigThreshold: options.bigThreshold ?? BIG_SUBMISSION_BYTES,
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      onRead: (n) => {
        progress.bytesRead += n;
      },
    });
    for await (const item of sources) {
      if (signal?.aborted) {
        interrupted = true;
        if (item.kind === 'stream') item.cancel();
        break;
      }
      progress.files++;
      if (item.kind === 'error')
        settle(nextSeq++, { kind: 'failed', label: item.label, reason: item.reason });
      else if (item.kind === 'bytes') await handleBytes(item);
      else await handleStream(item);
    }
    if (signal?.aborted) interrupted = true;
    while (inflight > 0) {
      if (queue.due()) await queue.flush();
      else await waitForWorkers();
    }
    while (queue.queued > 0) await queue.flush();
  } finally {
    await pool.close();
  }

  // The lists are rebuilt only now and then (amortized), so the run's time includes it.
  let searchLists: SearchListsRefresh | undefined;
  if (options.searchLists !== false && !interrupted && progress.ingested + progress.replaced > 0) {
    const refreshed = await options.store.refreshSearchLists?.(
      options.onSearchLists ? { onProgress: options.onSearchLists } : {},
    );
    if (refreshed?.built) searchLists = refreshed;
  }
  const seconds = (performance.now() - started) / 1000;
  const written = progress.ingested + progress.replaced + progress.unchanged;
  return {
    ...(searchLists ? { searchLists } : {}),
    files: progress.files,
    ingested: progress.ingested,
    unchanged: progress.unchanged,
    replaced: progress.replaced,
    replacements: queue.replacements,
    failed: queue.failures,
    warnings: queue.warnings,
    bytes: progress.bytes,
    seconds: round(seconds, 3),
    mbPerSecond: round(seconds > 0 ? progress.bytes / 1e6 / seconds : 0, 2),
    filingsPerSecond: round(seconds > 0 ? written / seconds : 0, 1),
    interrupted,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
