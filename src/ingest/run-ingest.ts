/**
 * The ingest pipeline: read sources (files, directories, archives, stdin) in order, skip
 * unchanged bytes by hash before any parsing, parse/convert/compress in worker threads, and
 * write whole filings to the Store in batches (one transaction per batch; each filing atomic).
 * Memory is bounded by the bytes in flight and the batch size, not by the input.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.ts';
import type { IngestFailure, IngestProgress, IngestSummary } from './ingest-summary.ts';
import {
  MAX_FILING_TEXT_CHARS,
  MAX_TEXT_CHARS,
  type ProcessOptions,
  type ProcessResult,
} from './process-submission.ts';
import { BIG_SUBMISSION_BYTES, readSources } from './read-sources.ts';
import { sniffAccession } from './sniff-accession.ts';
import type { BytesItem, StreamItem } from './source-item.ts';
import { createWorkerPool } from './worker-pool.ts';

/** Options of `runIngest`. */
export interface RunIngestOptions {
  store: Store;
  /** Files, directories, archives, or `-` for stdin. */
  paths: readonly string[];
  /** Worker threads (default: available parallelism). */
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
}

/** What a streamed submission counts for against the in-flight byte budget. */
const STREAM_WEIGHT = 8 * 1024 * 1024;

type Outcome =
  | { kind: 'done'; label: string; result: ProcessResult; sniffed: string | undefined }
  | { kind: 'unchanged'; label: string }
  | { kind: 'failed'; label: string; reason: string };

/**
 * Ingest every submission under `paths` into `store`.
 * @example const summary = await runIngest({ store, paths: ['feed/20250110.nc.tar.gz'] });
 */
export async function runIngest(options: RunIngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { store, signal } = options;
  const pool = createWorkerPool({
    ...(options.workers === undefined ? {} : { size: options.workers }),
    ...(options.taskTimeoutMs === undefined ? {} : { taskTimeoutMs: options.taskTimeoutMs }),
  });
  const processOptions: ProcessOptions = {
    maxTextChars: options.maxTextChars ?? MAX_TEXT_CHARS,
    maxFilingTextChars: options.maxFilingTextChars ?? MAX_FILING_TEXT_CHARS,
  };
  const batchFilings = options.batchFilings ?? 128;
  const batchBytes = options.batchBytes ?? 8 * 1024 * 1024;
  const batchMillis = options.batchMillis ?? 1000;
  const maxInflight = options.inflightBytes ?? pool.size * 8 * 1024 * 1024;
  const maxTasks = pool.size * 3;

  const progress: IngestProgress = {
    files: 0,
    bytesRead: 0,
    bytes: 0,
    ingested: 0,
    unchanged: 0,
    replaced: 0,
    failed: 0,
  };
  const failures: IngestFailure[] = [];
  let warnings = 0;

  // Outcomes are committed in input order (a reorder buffer keyed by sequence number), so that
  // two versions of one accession in a run end with the later one stored.
  const outcomes = new Map<number, Outcome>();
  let nextSeq = 0;
  let nextCommit = 0;
  let inflight = 0;
  let inflightBytes = 0;
  let wake: (() => void) | undefined;
  const batch: Array<{
    label: string;
    sniffed: string | undefined;
    filing: Extract<ProcessResult, { ok: true }>['filing'];
  }> = [];
  // Accessions (as sniffed from the header) read but not yet committed: the fast unchanged
  // check must not compare against the store while an earlier version is still on its way.
  const uncommitted = new Map<string, number>();
  const hold = (accession: string | undefined): void => {
    if (accession !== undefined) uncommitted.set(accession, (uncommitted.get(accession) ?? 0) + 1);
  };
  const release = (accession: string | undefined): void => {
    if (accession === undefined) return;
    const n = (uncommitted.get(accession) ?? 0) - 1;
    if (n > 0) uncommitted.set(accession, n);
    else uncommitted.delete(accession);
  };
  let batchWeight = 0;
  let lastFlush = performance.now();

  const fail = (source: string, reason: string, accession?: string): void => {
    const f: IngestFailure = accession === undefined ? { source, reason } : { source, reason, accession };
    failures.push(f);
    progress.failed++;
    options.onFailure?.(f);
  };

  const settle = (seq: number, outcome: Outcome): void => {
    outcomes.set(seq, outcome);
    for (let o = outcomes.get(nextCommit); o !== undefined; o = outcomes.get(nextCommit)) {
      outcomes.delete(nextCommit);
      nextCommit++;
      if (o.kind === 'unchanged') progress.unchanged++;
      else if (o.kind === 'failed') fail(o.label, o.reason);
      else if (!o.result.ok) {
        release(o.sniffed);
        fail(o.label, o.result.reason);
      } else {
        batch.push({ label: o.label, sniffed: o.sniffed, filing: o.result.filing });
        batchWeight += weigh(o.result.filing);
      }
    }
    options.onProgress?.(progress);
    const w = wake;
    wake = undefined;
    w?.();
  };

  const flush = async (): Promise<void> => {
    lastFlush = performance.now();
    if (batch.length === 0) return;
    const items = batch.splice(0);
    batchWeight = 0;
    let results: Awaited<ReturnType<Store['putFilings']>>;
    try {
      results = await store.putFilings(items.map((i) => i.filing));
    } catch (e) {
      const reason = `store: ${e instanceof Error ? e.message : String(e)}`;
      for (const i of items) {
        release(i.sniffed);
        fail(i.label, reason, i.filing.submission.accessionNumber);
      }
      return;
    }
    for (const i of items) release(i.sniffed);
    results.forEach((r, k) => {
      const item = items[k];
      if (!item) return;
      if (r.status === 'inserted') progress.ingested++;
      else if (r.status === 'replaced') progress.replaced++;
      else if (r.status === 'unchanged') progress.unchanged++;
      else fail(item.label, r.error ?? 'store refused the filing', r.accession);
      if (r.status === 'inserted' || r.status === 'replaced')
        warnings += item.filing.submission.warnings.length;
    });
    options.onProgress?.(progress);
  };

  const batchDue = (): boolean =>
    batch.length >= batchFilings ||
    batchWeight >= batchBytes ||
    (batch.length > 0 && performance.now() - lastFlush >= batchMillis);

  /** Wait until capacity allows one more task of `size` bytes, committing batches meanwhile. */
  const waitForRoom = async (size: number): Promise<void> => {
    while (inflight > 0 && (inflight >= maxTasks || inflightBytes + size > maxInflight)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      if (batchDue()) await flush();
    }
    if (batchDue()) await flush();
  };

  const dispatch = (seq: number, label: string, bytes: Buffer, sniffed: string | undefined): void => {
    const size = bytes.length;
    inflight++;
    inflightBytes += size;
    hold(sniffed);
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
    if (accession !== undefined && !uncommitted.has(accession)) {
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
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      if (batchDue()) await flush();
    }
    await flush();
  } finally {
    await pool.close();
  }

  const seconds = (performance.now() - started) / 1000;
  const written = progress.ingested + progress.replaced + progress.unchanged;
  return {
    files: progress.files,
    ingested: progress.ingested,
    unchanged: progress.unchanged,
    replaced: progress.replaced,
    failed: failures,
    warnings,
    bytes: progress.bytes,
    seconds: round(seconds, 3),
    mbPerSecond: round(seconds > 0 ? progress.bytes / 1e6 / seconds : 0, 2),
    filingsPerSecond: round(seconds > 0 ? written / seconds : 0, 1),
    interrupted,
  };
}

function weigh(filing: Extract<ProcessResult, { ok: true }>['filing']): number {
  let n = 0;
  const raw = filing.raw;
  if (raw instanceof Uint8Array) n += raw.length;
  else for (const c of raw.chunks) n += c.length;
  for (const d of filing.documents ?? []) n += (d.text?.length ?? 0) + (d.markdown?.length ?? 0);
  return n;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
