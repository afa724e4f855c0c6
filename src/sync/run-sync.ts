/**
 * The sync pipeline: resolve tickers, walk the selection's listings, fetch every listed filing the
 * store lacks (or that failed before) through the polite client, and ingest each one as it
 * arrives (one atomic write per filing, so an interrupted run loses nothing). Feed days stream
 * their `.nc.tar.gz` straight into the ingest pipeline.
 * @module
 */
import { Readable } from 'node:stream';
import { isEdgarError } from '../core/errors.ts';
import { ingestOne } from '../ingest/ingest-one.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import type { Store } from '../store/store.ts';
import type { SyncClient } from './client.ts';
import { fetchListing, type ListingResult, listingsOf, resolveCiks } from './plan.ts';
import { quarterOfDate, type Selection } from './selection.ts';
import type { SourceUrls } from './sources.ts';
import type { SyncFailure, SyncState } from './state.ts';
import type { SyncTarget } from './sync-target.ts';

/** Options of `runSync`. */
export interface RunSyncOptions {
  store: Store;
  client: SyncClient;
  urls: SourceUrls;
  selection: Selection;
  state: SyncState;
  /** Filings fetched at once (default 4; the client's rate still applies). */
  concurrency?: number;
  /** Stop starting new fetches; what is in flight is finished and committed. */
  signal?: AbortSignal;
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
export async function runSync(options: RunSyncOptions): Promise<SyncSummary> {
  const started = performance.now();
  const { store, client, urls, selection, state, signal } = options;
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
  const listings = listingsOf(selection, ciks, urls);
  // The next listing is fetched while the current one's filings are: the rate gate, not the
  // gaps between listings, sets the pace. At most two listings are held at once.
  const fetchAt = (i: number): Promise<ListingResult> | undefined => {
    const listing = listings[i];
    if (!listing || signal?.aborted) return undefined;
    const p = fetchListing(listing, selection, ciks, client, urls, state.data.listings[listing.key]);
    p.catch(() => {});
    return p;
  };
  let pending = fetchAt(0);
  for (let i = 0; pending !== undefined; i++) {
    let result: ListingResult;
    try {
      result = await pending;
    } catch (e) {
      // A listing that cannot be had (a daily index of a holiday is a 404) is reported, and the
      // walk goes on; a block page or an interruption ends the run.
      if (isEdgarError(e, 'blocked') || signal?.aborted) throw e;
      const url = listings[i]?.url ?? '';
      summary.listingFailures.push({ url, reason: e instanceof Error ? e.message : String(e) });
      options.onNote?.(`listing failed: ${e instanceof Error ? e.message : String(e)}`);
      pending = fetchAt(i + 1);
      continue;
    }
    pending = fetchAt(i + 1);
    const listing = result.listing;
    summary.listings++;
    for (const w of result.warnings) options.onNote?.(w);
    if (result.notModified) {
      summary.listingsNotModified++;
      continue;
    }
    delete state.data.listings[listing.key];
    const before = progress.failed;
    const todo: SyncTarget[] = [];
    for (const t of result.targets) {
      progress.listed++;
      if (
        state.data.failures[t.accession] === undefined &&
        (await store.getFilingHash(t.accession)) !== undefined
      ) {
        progress.present++;
      } else todo.push(t);
    }
    progress.toFetch += todo.length;
    report();
    await fetchAll(todo, options, progress, summary, report);
    if (progress.failed === before && !signal?.aborted && Object.keys(result.validators).length > 0) {
      state.data.listings[listing.key] = result.validators;
    }
    state.save();
  }

  for (const date of selection.feeds) {
    if (signal?.aborted) break;
    summary.feeds.push(await syncFeed(date, options, progress, report));
    state.save();
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

/** Fetch and ingest the targets, `concurrency` at a time, each committed as it arrives. */
async function fetchAll(
  todo: SyncTarget[],
  options: RunSyncOptions,
  progress: SyncProgress,
  summary: SyncSummary,
  report: () => void,
): Promise<void> {
  const { store, client, urls, state, signal } = options;
  let next = 0;
  let blocked = false;
  const fail = (t: SyncTarget, reason: string): void => {
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
    progress.failed++;
    options.onFailure?.(f);
    state.save();
  };
  const one = async (t: SyncTarget): Promise<void> => {
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
        if (ok !== true) return fail(t, ok);
      } else {
        progress.fetched++;
        progress.bytes += res.bytes.length;
        const r = await ingestOne({ store, bytes: res.bytes, label: url });
        if (!r.ok) return fail(t, r.reason);
        if (r.accession !== t.accession) return fail(t, `the server sent ${r.accession} for ${t.accession}`);
        if (r.status === 'inserted') progress.ingested++;
        else if (r.status === 'replaced') progress.replaced++;
        else progress.unchanged++;
      }
      if (state.data.failures[t.accession] !== undefined) {
        delete state.data.failures[t.accession];
        state.save();
      }
    } catch (e) {
      if (signal?.aborted) return;
      if (isEdgarError(e, 'blocked')) {
        blocked = true;
        throw e;
      }
      fail(t, e instanceof Error ? e.message : String(e));
    } finally {
      report();
    }
  };
  const worker = async (): Promise<void> => {
    while (next < todo.length && !signal?.aborted && !blocked) {
      const t = todo[next++];
      if (t) await one(t);
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 4, todo.length));
  await Promise.all(Array.from({ length: n }, worker));
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
  options: RunSyncOptions,
  progress: SyncProgress,
  report: () => void,
): Promise<SyncSummary['feeds'][number]> {
  const { client, urls, state, store } = options;
  const compact = date.replaceAll('-', '');
  const url = `${urls.archives}/Archives/edgar/Feed/${date.slice(0, 4)}/QTR${quarterOfDate(date)}/${compact}.nc.tar.gz`;
  const res = await client.open(url, state.data.feeds[date]);
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
  if (s.failed.length === 0 && !s.interrupted) state.data.feeds[date] = res.validators;
  return {
    date,
    ingested: s.ingested + s.replaced,
    unchanged: s.unchanged,
    failed: s.failed.length,
    notModified: false,
  };
}
