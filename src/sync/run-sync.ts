/**
 * The sync pipeline: resolve tickers, walk the selection's listings, fetch every listed filing the
 * store lacks (or that failed before) through the polite client, and ingest each one as it
 * arrives (one atomic write per filing, so an interrupted run loses nothing). Feed days stream
 * their `.nc.tar.gz` straight into the ingest pipeline.
 * @module
 */
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { isEdgarError } from '../core/errors.ts';
import { MAX_FILING_TEXT_CHARS, MAX_TEXT_CHARS, type ProcessOptions } from '../ingest/process-submission.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { createWorkerPool, type WorkerPool } from '../ingest/worker-pool.ts';
import type { Store } from '../store/store.ts';
import type { SyncClient, Validators } from './client.ts';
import { fetchListing, type Listing, type ListingResult, listingsOf, resolveCiks } from './plan.ts';
import { quarterOfDate, type Selection } from './selection.ts';
import type { SourceUrls } from './sources.ts';
import { type ListingMark, openSyncState, type SyncFailure, type SyncState } from './state.ts';
import type { SyncTarget } from './sync-target.ts';

/** Options of `runSync`. */
export interface RunSyncOptions {
  store: Store;
  client: SyncClient;
  urls: SourceUrls;
  selection: Selection;
  /**
   * What earlier runs remembered (default: the state kept in `store`, loaded now); saved as the
   * run goes and once more at its end.
   */
  state?: SyncState;
  /**
   * Filings being fetched or processed at once (default 8: twice the client's default in-flight
   * requests, so that parsing some never leaves the rate gate idle; the client's limits still apply).
   */
  concurrency?: number;
  /** Stop starting new fetches; what is in flight is finished and committed. */
  signal?: AbortSignal;
  /** Worker threads that parse and convert (default: 2, or 1 on a single core). */
  workers?: number;
  /** Submissions bigger than this stream through the ingest pipeline instead of memory (default 64 MiB). */
  bigBytes?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** Each failure as it happens. */
  onFailure?: (failure: SyncFailure) => void;
  /** Listing problems and notes, for people. */
  onNote?: (line: string) => void;
}

/** Running counts. */
export interface SyncProgress {
  /** Filings the listings name (after filters). */
  listed: number;
  /** Of those, already stored when the run started. */
  present: number;
  /** Filings to fetch. */
  toFetch: number;
  fetched: number;
  ingested: number;
  replaced: number;
  unchanged: number;
  failed: number;
  /** Bytes of submissions received. */
  bytes: number;
}

/** The closing summary (also `--json`). */
export interface SyncSummary extends SyncProgress {
  listings: number;
  /** Listings the server answered 304 for (done before, unchanged since). */
  listingsNotModified: number;
  /** Listings that could not be fetched, and why (their filings were not looked at). */
  listingFailures: Array<{ url: string; reason: string }>;
  feeds: Array<{ date: string; ingested: number; unchanged: number; failed: number; notModified: boolean }>;
  failures: SyncFailure[];
  /** HTTP requests started (retries included) and retries. */
  requests: number;
  retries: number;
  seconds: number;
  requestsPerSecond: number;
  interrupted: boolean;
}

/**
 * Sync the selection into the store.
 * @example const summary = await runSync({ store, client, urls, selection, state });
 */
export async function runSync(input: RunSyncOptions): Promise<SyncSummary> {
  const started = performance.now();
  const options: WithState = { ...input, state: input.state ?? (await openSyncState(input.store)) };
  const { client, urls, selection, state, signal } = options;
  const progress: SyncProgress = {
    listed: 0,
    present: 0,
    toFetch: 0,
    fetched: 0,
    ingested: 0,
    replaced: 0,
    unchanged: 0,
    failed: 0,
    bytes: 0,
  };
  const summary: SyncSummary = {
    ...progress,
    listings: 0,
    listingsNotModified: 0,
    listingFailures: [],
    feeds: [],
    failures: [],
    requests: 0,
    retries: 0,
    seconds: 0,
    requestsPerSecond: 0,
    interrupted: false,
  };
  const report = (): void => options.onProgress?.(progress);

  const ciks = await resolveCiks(selection, client, urls);
  await fetchListed(listingsOf(selection, ciks, urls), ciks, options, progress, summary, report);

  for (const date of selection.feeds) {
    if (signal?.aborted) break;
    summary.feeds.push(await syncFeed(date, options, progress, report));
    await state.save();
  }

  summary.interrupted = signal?.aborted === true;
  Object.assign(summary, progress);
  summary.requests = client.stats.requests;
  summary.retries = client.stats.retries;
  summary.seconds = (performance.now() - started) / 1000;
  summary.requestsPerSecond = summary.seconds > 0 ? summary.requests / summary.seconds : 0;
  summary.failures = summary.failures.slice(0, 1000);
  return summary;
}

/** The options once the state is loaded. */
type WithState = RunSyncOptions & { state: SyncState };

/** A listing whose filings are on their way: its validators are kept once all of them are stored. */
interface Track {
  key: string;
  validators: Validators;
  /** Targets queued or in flight. */
  outstanding: number;
  /** All its targets are queued. */
  queued: boolean;
  failed: boolean;
}

const PROCESS_OPTIONS: ProcessOptions = {
  maxTextChars: MAX_TEXT_CHARS,
  maxFilingTextChars: MAX_FILING_TEXT_CHARS,
};

/** Targets waiting for a worker, at most (the producer waits beyond it). */
const QUEUE_MAX = 10_000;

/**
 * Walk the listings (the next one fetched while the current one's filings download) and feed
 * one queue of targets to `concurrency` workers, so the rate gate, not the gaps between
 * listings, sets the pace. Each filing is committed as it arrives.
 */
async function fetchListed(
  listings: Listing[],
  ciks: string[],
  options: WithState,
  progress: SyncProgress,
  summary: SyncSummary,
  report: () => void,
): Promise<void> {
  const { store, client, urls, state, signal, selection } = options;
  const queue: Array<{ t: SyncTarget; track: Track }> = [];
  const seen = new Set<string>();
  let producing = true;
  let fatal: unknown;
  const sleepers: Array<() => void> = [];
  let producerWake: (() => void) | undefined;
  const wakeAll = (): void => {
    for (const w of sleepers.splice(0)) w();
    const p = producerWake;
    producerWake = undefined;
    p?.();
  };
  const stopped = (): boolean => signal?.aborted === true || fatal !== undefined;
  let lastSave = 0;
  const saveSoon = (): void => {
    if (performance.now() - lastSave < 1000) return;
    lastSave = performance.now();
    // Throttled and in the background; the closing save (awaited) writes whatever this missed.
    state
      .save()
      .catch((e: unknown) =>
        options.onNote?.(`sync state not saved yet: ${e instanceof Error ? e.message : String(e)}`),
      );
  };

  // A 304 is trusted only while the store holds at least as many filings as when the listing was done.
  const storedAtStart = (await store.stats()).filings;
  const trusted = (mark: ListingMark | undefined): Validators | undefined => {
    if (!mark || (mark.filings !== undefined && storedAtStart < mark.filings)) return undefined;
    const v: Validators = {};
    if (mark.etag) v.etag = mark.etag;
    if (mark.lastModified) v.lastModified = mark.lastModified;
    return v;
  };
  const marked: string[] = [];

  const settle = (track: Track): void => {
    if (!track.queued || track.outstanding > 0) return;
    if (!track.failed && !stopped() && Object.keys(track.validators).length > 0) {
      // The store held at least `storedAtStart` filings (the exact count is set at the end of the
      // run; this lower bound already protects a crashed run's marks against later deletions).
      state.data.listings[track.key] = { ...track.validators, filings: storedAtStart };
      marked.push(track.key);
    }
    saveSoon();
  };

  const fail = (t: SyncTarget, track: Track, reason: string): void => {
    const prior = state.data.failures[t.accession];
    const f: SyncFailure = {
      accession: t.accession,
      path: t.path,
      reason,
      at: new Date().toISOString(),
      attempts: (prior?.attempts ?? 0) + 1,
    };
    state.data.failures[t.accession] = f;
    summary.failures.push(f);
    track.failed = true;
    progress.failed++;
    options.onFailure?.(f);
    saveSoon();
  };

  const one = async (t: SyncTarget, track: Track): Promise<void> => {
    const url = `${urls.archives}${t.path}`;
    try {
      let res: Awaited<ReturnType<SyncClient['getBytes']>> | undefined;
      try {
        res = await client.getBytes(url);
      } catch (e) {
        // Too big to hold (the server said so up front): stream it through the pipeline.
        if (!isEdgarError(e, 'too-large')) throw e;
      }
      if (res === undefined) {
        const ok = await ingestStream(t, url, options, progress);
        if (ok !== true) return fail(t, track, ok);
      } else {
        progress.fetched++;
        progress.bytes += res.bytes.length;
        // Parse and convert in a worker thread: the main thread keeps the rate gate's time.
        const r = await pool().run(res.bytes, url, PROCESS_OPTIONS);
        if (!r.ok) return fail(t, track, r.reason);
        const got = r.filing.submission.accessionNumber;
        if (got !== t.accession) return fail(t, track, `the server sent ${got} for ${t.accession}`);
        const [put] = await store.putFilings([r.filing]);
        if (!put || put.status === 'failed') return fail(t, track, put?.error ?? 'store refused the filing');
        if (put.status === 'inserted') progress.ingested++;
        else if (put.status === 'replaced') progress.replaced++;
        else progress.unchanged++;
      }
      if (state.data.failures[t.accession] !== undefined) {
        delete state.data.failures[t.accession];
        saveSoon();
      }
    } catch (e) {
      if (signal?.aborted) return;
      if (isEdgarError(e, 'blocked')) {
        fatal ??= e;
        wakeAll();
        return;
      }
      fail(t, track, e instanceof Error ? e.message : String(e));
    } finally {
      track.outstanding--;
      settle(track);
      report();
    }
  };

  const worker = async (): Promise<void> => {
    while (!stopped()) {
      const item = queue.shift();
      if (!item) {
        if (!producing) return;
        await new Promise<void>((r) => sleepers.push(r));
        continue;
      }
      const p = producerWake;
      producerWake = undefined;
      p?.();
      await one(item.t, item.track);
    }
  };

  const produce = async (): Promise<void> => {
    const fetchAt = (i: number): Promise<ListingResult> | undefined => {
      const listing = listings[i];
      if (!listing || stopped()) return undefined;
      const p = fetchListing(
        listing,
        selection,
        ciks,
        client,
        urls,
        trusted(state.data.listings[listing.key]),
      );
      p.catch(() => {});
      return p;
    };
    let pending = fetchAt(0);
    for (let i = 0; pending !== undefined && !stopped(); i++) {
      let result: ListingResult;
      try {
        result = await pending;
      } catch (e) {
        // A listing that cannot be had (a daily index of a holiday is a 404) is reported, and
        // the walk goes on; a block page or an interruption ends the run.
        if (signal?.aborted) return;
        if (isEdgarError(e, 'blocked')) {
          fatal ??= e;
          return;
        }
        const reason = e instanceof Error ? e.message : String(e);
        summary.listingFailures.push({ url: listings[i]?.url ?? '', reason });
        options.onNote?.(`listing failed: ${reason}`);
        pending = fetchAt(i + 1);
        continue;
      }
      const { listing } = result;
      summary.listings++;
      for (const w of result.warnings) options.onNote?.(w);
      if (result.notModified) {
        summary.listingsNotModified++;
        pending = fetchAt(i + 1);
        continue;
      }
      delete state.data.listings[listing.key];
      const track: Track = {
        key: listing.key,
        validators: result.validators,
        outstanding: 0,
        queued: false,
        failed: false,
      };
      for (const t of result.targets) {
        if (stopped()) break;
        progress.listed++;
        if (seen.has(t.accession)) continue;
        seen.add(t.accession);
        if (
          state.data.failures[t.accession] === undefined &&
          (await store.getFilingHash(t.accession)) !== undefined
        ) {
          progress.present++;
          continue;
        }
        while (queue.length >= QUEUE_MAX && !stopped()) await new Promise<void>((r) => (producerWake = r));
        queue.push({ t, track });
        track.outstanding++;
        progress.toFetch++;
        sleepers.shift()?.();
      }
      track.queued = true;
      settle(track);
      report();
      // Fetch the next listing only now: two listings at most are held at once.
      pending = fetchAt(i + 1);
    }
  };

  let workers: WorkerPool | undefined;
  const pool = (): WorkerPool => {
    workers ??= createWorkerPool({ size: options.workers ?? Math.min(2, availableParallelism()) });
    return workers;
  };
  const n = Math.max(1, options.concurrency ?? 8);
  await Promise.all([
    produce()
      .catch((e: unknown) => {
        fatal ??= e;
      })
      .finally(() => {
        producing = false;
        wakeAll();
      }),
    ...Array.from({ length: n }, worker),
  ]).finally(() => workers?.close());
  if (marked.length > 0) {
    const filings = (await store.stats()).filings;
    for (const key of marked) {
      const mark = state.data.listings[key];
      if (mark) mark.filings = filings;
    }
  }
  await state.save();
  if (fatal !== undefined) throw fatal;
}

/**
 * Stream one big submission through the ingest pipeline (bounded memory). Resolves true when
 * stored, else the reason.
 */
async function ingestStream(
  t: SyncTarget,
  url: string,
  options: RunSyncOptions,
  progress: SyncProgress,
): Promise<true | string> {
  const res = await options.client.open(url);
  if (!res.body) return 'empty answer';
  const s = await runIngest({
    store: options.store,
    paths: ['-'],
    stdin: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>),
    workers: 1,
  });
  progress.fetched++;
  progress.bytes += s.bytes;
  progress.ingested += s.ingested;
  progress.replaced += s.replaced;
  progress.unchanged += s.unchanged;
  const failure = s.failed[0];
  if (failure) return failure.reason;
  if ((await options.store.getFilingHash(t.accession)) === undefined)
    return `${url} did not hold ${t.accession}`;
  return true;
}

/** Stream one day's feed archive (`Feed/{YYYY}/QTR{n}/{YYYYMMDD}.nc.tar.gz`) into ingest. */
async function syncFeed(
  date: string,
  options: WithState,
  progress: SyncProgress,
  report: () => void,
): Promise<SyncSummary['feeds'][number]> {
  const { client, urls, state, store } = options;
  const compact = date.replaceAll('-', '');
  const url = `${urls.archives}/Archives/edgar/Feed/${date.slice(0, 4)}/QTR${quarterOfDate(date)}/${compact}.nc.tar.gz`;
  // As for listings: a 304 is trusted only while the store holds at least as many filings.
  const mark = state.data.feeds[date];
  const stored = (await store.stats()).filings;
  const validators = mark && (mark.filings === undefined || stored >= mark.filings) ? mark : undefined;
  const res = await client.open(
    url,
    validators && {
      ...(validators.etag ? { etag: validators.etag } : {}),
      ...(validators.lastModified ? { lastModified: validators.lastModified } : {}),
    },
  );
  if (res.notModified || !res.body) return { date, ingested: 0, unchanged: 0, failed: 0, notModified: true };
  delete state.data.feeds[date];
  const base = { ...progress };
  const s = await runIngest({
    store,
    paths: ['-'],
    stdin: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => {
      progress.fetched = base.fetched + p.files;
      progress.bytes = base.bytes + p.bytes;
      report();
    },
    onFailure: (f) => options.onNote?.(`${url}: ${f.source}: ${f.reason}`),
  });
  progress.fetched = base.fetched + s.files;
  progress.bytes = base.bytes + s.bytes;
  progress.ingested += s.ingested;
  progress.replaced += s.replaced;
  progress.unchanged += s.unchanged;
  progress.failed += s.failed.length;
  if (s.failed.length === 0 && !s.interrupted)
    state.data.feeds[date] = { ...res.validators, filings: (await store.stats()).filings };
  return {
    date,
    ingested: s.ingested + s.replaced,
    unchanged: s.unchanged,
    failed: s.failed.length,
    notModified: false,
  };
}
