/**
 * The write side of the ingest pipeline: outcomes arrive out of order from the workers, are
 * taken back in input order (so that of two versions of one accession the later one ends up
 * stored), and whole filings are written in batches, one `Store.putFilings` call (one
 * transaction) per batch. Counts and failures are kept in the shared `IngestProgress`.
 * @module
 */
import type { FilingInput, PutResult, Store } from '../store/store.ts';
import {
  type IngestFailure,
  type IngestProgress,
  type IngestReplacement,
  MAX_LISTED_REPLACEMENTS,
} from './ingest-summary.ts';
import type { ProcessResult } from './process-submission.ts';
import { releaseBuffer } from './release-buffer.ts';

/** What became of one input, as the pipeline reports it to the queue. */
export type Outcome =
  /** Processed by a worker; `sniffed` is the accession the early hash check looked up. */
  | { kind: 'done'; label: string; result: ProcessResult; sniffed: string | undefined }
  /** Same bytes as stored: nothing to write. */
  | { kind: 'unchanged'; label: string }
  /** Could not be read or processed. */
  | { kind: 'failed'; label: string; reason: string };

/** Options of `createCommitQueue`. */
export interface CommitQueueOptions {
  store: Store;
  /** Counts to update (shared with the pipeline). */
  progress: IngestProgress;
  /** Filings per batch at most. */
  batchFilings: number;
  /** Compressed raw bytes + text characters per batch at most. */
  batchBytes: number;
  /** A partial batch is due after this many milliseconds. */
  batchMillis: number;
  onProgress?: (progress: IngestProgress) => void;
  onFailure?: (failure: IngestFailure) => void;
}

/** The ordered, batched writer. */
export interface CommitQueue {
  /** Record the outcome of input number `seq` (0, 1, 2, ... in input order, each once). */
  settle(seq: number, outcome: Outcome): void;
  /** Note that a version of `accession` is on its way (until its outcome is written). */
  hold(accession: string | undefined): void;
  /** True while a version of `accession` is read but not yet committed. */
  isPending(accession: string): boolean;
  /** True when the current batch is full enough (or old enough) to be written. */
  due(): boolean;
  /** Write the oldest filings waiting, at most one batch (`batchFilings`, `batchBytes`), in one transaction. */
  flush(): Promise<void>;
  /** Filings taken back in order and waiting to be written. */
  readonly queued: number;
  /** Every failure so far, in input order. */
  readonly failures: IngestFailure[];
  /** The first `MAX_LISTED_REPLACEMENTS` replacements so far, in input order. */
  readonly replacements: IngestReplacement[];
  /** Warnings of the filings written so far. */
  readonly warnings: number;
}

interface Pending {
  label: string;
  sniffed: string | undefined;
  filing: FilingInput;
  /** `weigh(filing)`. */
  weight: number;
}

/**
 * Create the writer.
 * @example const queue = createCommitQueue({ store, progress, batchFilings: 128, batchBytes: 8 << 20, batchMillis: 1000 });
 */
export function createCommitQueue(options: CommitQueueOptions): CommitQueue {
  const { store, progress } = options;
  const outcomes = new Map<number, Outcome>();
  const uncommitted = new Map<string, number>();
  const failures: IngestFailure[] = [];
  const replacements: IngestReplacement[] = [];
  const batch: Pending[] = [];
  let nextCommit = 0;
  let batchWeight = 0;
  let warnings = 0;
  let lastFlush = performance.now();

  const release = (accession: string | undefined): void => {
    if (accession === undefined) return;
    const n = (uncommitted.get(accession) ?? 0) - 1;
    if (n > 0) uncommitted.set(accession, n);
    else uncommitted.delete(accession);
  };

  const fail = (source: string, reason: string, accession?: string): void => {
    const f: IngestFailure = accession === undefined ? { source, reason } : { source, reason, accession };
    failures.push(f);
    progress.failed++;
    options.onFailure?.(f);
  };

  const record = (item: Pending, r: PutResult): void => {
    if (r.status === 'inserted') progress.ingested++;
    else if (r.status === 'replaced') {
      progress.replaced++;
      if (replacements.length < MAX_LISTED_REPLACEMENTS)
        replacements.push({ source: item.label, accession: r.accession });
    } else if (r.status === 'unchanged') progress.unchanged++;
    else fail(item.label, r.error ?? 'store refused the filing', r.accession);
    if (r.status === 'inserted' || r.status === 'replaced')
      warnings += item.filing.submission.warnings.length;
  };

  return {
    failures,
    replacements,
    get warnings() {
      return warnings;
    },
    get queued() {
      return batch.length;
    },
    hold(accession) {
      if (accession !== undefined) uncommitted.set(accession, (uncommitted.get(accession) ?? 0) + 1);
    },
    isPending(accession) {
      return uncommitted.has(accession);
    },
    settle(seq, outcome) {
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
          const weight = weigh(o.result.filing);
          batch.push({ label: o.label, sniffed: o.sniffed, filing: o.result.filing, weight });
          batchWeight += weight;
        }
      }
      options.onProgress?.(progress);
    },
    due() {
      return (
        batch.length >= options.batchFilings ||
        batchWeight >= options.batchBytes ||
        (batch.length > 0 && performance.now() - lastFlush >= options.batchMillis)
      );
    },
    async flush() {
      lastFlush = performance.now();
      if (batch.length === 0) return;
      let n = 0;
      let weight = 0;
      for (; n < batch.length && n < options.batchFilings && weight < options.batchBytes; n++)
        weight += (batch[n] as Pending).weight;
      const items = batch.splice(0, n);
      batchWeight -= weight;
      let results: PutResult[];
      try {
        results = await store.putFilings(items.map((i) => i.filing));
      } catch (e) {
        const reason = `store: ${e instanceof Error ? e.message : String(e)}`;
        for (const i of items) {
          freeRaw(i.filing);
          release(i.sniffed);
          fail(i.label, reason, i.filing.submission.accessionNumber);
        }
        return;
      }
      items.forEach((item, k) => {
        freeRaw(item.filing);
        release(item.sniffed);
        const r = results[k];
        if (r) record(item, r);
        else fail(item.label, 'store returned no result', item.filing.submission.accessionNumber);
      });
      options.onProgress?.(progress);
    },
  };
}

/**
 * Free a written filing's compressed raw chunks now (they came from a worker and nothing else
 * holds them) rather than at the next major GC.
 */
function freeRaw(filing: FilingInput): void {
  const raw = filing.raw;
  if (raw instanceof Uint8Array) return;
  for (const c of raw.chunks) releaseBuffer(c);
}

/** How much a filing weighs in a batch: compressed raw bytes plus text and Markdown characters. */
function weigh(filing: FilingInput): number {
  let n = 0;
  const raw = filing.raw;
  if (raw instanceof Uint8Array) n += raw.length;
  else for (const c of raw.chunks) n += c.length;
  for (const d of filing.documents ?? []) n += (d.text?.length ?? 0) + (d.markdown?.length ?? 0);
  return n;
}
