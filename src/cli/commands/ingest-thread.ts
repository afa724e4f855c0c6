/**
 * The thread `edgarbox ingest` runs the pipeline in: it opens the store and calls `runIngest`,
 * reporting progress, failures and the summary to the CLI thread by message. Running here,
 * with a small V8 nursery (`resourceLimits`), keeps the peak RSS low and leaves the CLI thread
 * free for the progress bar and Ctrl-C.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isEdgarError } from '../../core/errors.ts';
import type { IngestFailure, IngestProgress, IngestSummary } from '../../ingest/ingest-summary.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { openStore } from '../db-option.ts';

/** SQLite page cache of the ingest writer, in MiB (the store's default is 32). */
const INGEST_CACHE_MIB = 8;

/** What the CLI thread passes in `workerData`. */
export interface IngestThreadInput {
  paths: string[];
  db?: string;
  workers?: number;
  batch?: number;
}

/** Messages from the ingest thread. */
export type IngestThreadMessage =
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'failure'; failure: IngestFailure }
  | { type: 'summary'; summary: IngestSummary }
  | { type: 'error'; code?: string; message: string };

/** Messages to the ingest thread. */
export type IngestThreadCommand = { type: 'abort' };

const port = parentPort;
if (port) {
  const input = workerData as IngestThreadInput;
  const controller = new AbortController();
  port.on('message', (m: IngestThreadCommand) => {
    if (m.type === 'abort') controller.abort();
  });
  const send = (m: IngestThreadMessage): void => port.postMessage(m);
  let lastProgress = 0;
  try {
    // The writer appends: a small page cache costs it nothing measurable and saves ~24 MiB of RSS.
    const store = openStore(input.db, { cacheMiB: INGEST_CACHE_MIB });
    try {
      const summary = await runIngest({
        store,
        paths: input.paths,
        signal: controller.signal,
        ...(input.workers === undefined ? {} : { workers: input.workers }),
        ...(input.batch === undefined ? {} : { batchFilings: input.batch }),
        onProgress: (progress) => {
          const now = performance.now();
          if (now - lastProgress < 100) return;
          lastProgress = now;
          send({ type: 'progress', progress });
        },
        onFailure: (failure) => send({ type: 'failure', failure }),
      });
      send({ type: 'summary', summary });
    } finally {
      await store.close();
    }
  } catch (e) {
    if (isEdgarError(e)) send({ type: 'error', code: e.code, message: e.message });
    else send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    port.close();
  }
}
