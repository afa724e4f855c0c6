/**
 * A fixed pool of worker threads running `processSubmission`. Tasks go to the least busy worker;
 * the bytes move in the transfer list. A worker that dies fails its tasks and is replaced.
 * @module
 */

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { siblingModule } from '../core/sibling-module.ts';
import { isOwnedBuffer, toOwnedBuffer } from './owned-buffer.ts';
import type { ProcessOptions, ProcessResult } from './process-submission.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** A streamed task: `sent` settles once every chunk was handed over, `result` when processed. */
export interface StreamTask {
  sent: Promise<void>;
  result: Promise<ProcessResult>;
}

/** A pool of ingest workers. */
export interface WorkerPool {
  /** Threads running now. */
  readonly size: number;
  /** Threads `grow()` may reach. */
  readonly maxSize: number;
  /** Start one more thread when below `maxSize`; true when it did. */
  grow(): boolean;
  /** Tasks sent and not yet answered. */
  readonly pending: number;
  /** CPU seconds the workers reported with their results so far (all workers, ever). */
  readonly cpuSeconds: number;
  /** Process `bytes` in a worker. `bytes` is moved (detached) when it owns its memory. */
  run(bytes: Uint8Array, label: string, options: ProcessOptions): Promise<ProcessResult>;
  /**
   * Stream a big submission to one worker, at most `window` chunks ahead of it.
   * The chunks are read to the end unless the worker dies first.
   */
  runStream(
    chunks: AsyncIterable<Uint8Array>,
    label: string,
    options: ProcessOptions,
    window?: number,
  ): StreamTask;
  /** Stop every worker (pending tasks fail). */
  close(): Promise<void>;
}

/** Options of `createWorkerPool`. */
export interface WorkerPoolOptions {
  /** Number of threads to start with (default: the machine's available parallelism). */
  size?: number;
  /** Most threads `grow()` may start (default `size`). */
  maxSize?: number;
  /**
   * Young-generation limit per worker in MiB (default 2). V8's default lets each isolate keep
   * up to ~100 MiB of short-lived garbage; a small nursery keeps the peak RSS of ingest low.
   */
  youngGenerationMb?: number;
  /**
   * A worker that makes no progress (no result, no acknowledged chunk) for this long is stopped
   * and replaced; its current submission fails as timed out (default 120,000 ms).
   */
  taskTimeoutMs?: number;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, (r: ProcessResult) => void>;
  acks: Map<number, () => void>;
  /** When the worker last showed progress (or got work while idle). */
  lastActivity: number;
  /** The thread CPU seconds its last result reported. */
  cpuSeconds: number;
  /** Why the pool stopped this worker, when it did. */
  stopReason?: string;
}

/**
 * Start the workers.
 * @example const pool = createWorkerPool({ size: 2 }); const r = await pool.run(bytes, 'a.txt', opts);
 */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const maxSize = Math.max(size, options.maxSize ?? size);
  const url = siblingModule('worker', import.meta.url);
  const resourceLimits = { maxYoungGenerationSizeMb: options.youngGenerationMb ?? 2 };
  const timeoutMs = options.taskTimeoutMs ?? 120_000;
  const slots: Slot[] = [];
  let nextId = 1;
  let pending = 0;
  let cpuSeconds = 0;
  let closed = false;

  const spawn = (index: number): Slot => {
    const slot: Slot = {
      worker: new Worker(url, { resourceLimits }),
      tasks: new Map(),
      acks: new Map(),
      lastActivity: performance.now(),
      cpuSeconds: 0,
    };
    slot.worker.on('message', (msg: WorkerResponse) => {
      slot.lastActivity = performance.now();
      if (msg.type === 'ack') {
        slot.acks.get(msg.id)?.();
        return;
      }
      cpuSeconds += Math.max(0, msg.cpuSeconds - slot.cpuSeconds);
      slot.cpuSeconds = msg.cpuSeconds;
      const done = slot.tasks.get(msg.id);
      if (!done) return;
      slot.tasks.delete(msg.id);
      slot.acks.delete(msg.id);
      pending--;
      done(msg.result);
    });
    const fail = (why: string): void => {
      let first = true;
      for (const done of slot.tasks.values()) {
        pending--;
        const reason =
          slot.stopReason === undefined || first ? (slot.stopReason ?? why) : 'its worker was restarted';
        first = false;
        done({ ok: false, reason });
      }
      slot.tasks.clear();
      for (const ack of slot.acks.values()) ack();
      slot.acks.clear();
      if (!closed) slots[index] = spawn(index);
    };
    slot.worker.on('error', (e) => fail(`worker crashed: ${e.message}`));
    slot.worker.on('exit', (code) => {
      if (slots[index] === slot && !closed) fail(`worker exited with code ${code}`);
    });
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(spawn(i));

  // Watchdog: a parser stuck on a pathological input must not hang the whole ingest.
  const watchdog = setInterval(
    () => {
      const now = performance.now();
      for (const slot of slots) {
        if (slot.tasks.size === 0 || slot.stopReason !== undefined || now - slot.lastActivity < timeoutMs)
          continue;
        slot.stopReason = `timed out: no progress for ${Math.round(timeoutMs / 1000)} s`;
        void slot.worker.terminate();
      }
    },
    Math.max(1, Math.min(1000, timeoutMs / 2)),
  );
  watchdog.unref();

  const pick = (): Slot => {
    let slot = slots[0] as Slot;
    for (const s of slots) if (s.tasks.size < slot.tasks.size) slot = s;
    if (slot.tasks.size === 0) slot.lastActivity = performance.now();
    return slot;
  };

  const post = (slot: Slot, req: WorkerRequest, transfer: ArrayBuffer[] = []): void => {
    slot.worker.postMessage(req, transfer);
  };

  return {
    get size() {
      return slots.length;
    },
    maxSize,
    grow() {
      if (closed || slots.length >= maxSize) return false;
      slots.push(spawn(slots.length));
      return true;
    },
    get pending() {
      return pending;
    },
    get cpuSeconds() {
      return cpuSeconds;
    },
    run(bytes, label, opts) {
      if (closed) return Promise.resolve({ ok: false, reason: 'worker pool closed' });
      const slot = pick();
      const id = nextId++;
      return new Promise((resolve) => {
        slot.tasks.set(id, resolve);
        pending++;
        const transfer = isOwnedBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : [];
        post(slot, { type: 'bytes', id, label, bytes, options: opts }, transfer);
      });
    },
    runStream(chunks, label, opts, window = 2) {
      if (closed) {
        const result = Promise.resolve<ProcessResult>({ ok: false, reason: 'worker pool closed' });
        return { sent: Promise.resolve(), result };
      }
      const slot = pick();
      const id = nextId++;
      let settled = false;
      const result = new Promise<ProcessResult>((resolve) => {
        slot.tasks.set(id, (r) => {
          settled = true;
          resolve(r);
        });
        pending++;
      });
      let inFlight = 0;
      let wake: (() => void) | undefined;
      slot.acks.set(id, () => {
        inFlight--;
        const w = wake;
        wake = undefined;
        w?.();
      });
      const sent = (async () => {
        post(slot, { type: 'stream-begin', id, label, options: opts });
        try {
          for await (const c of chunks) {
            if (settled) break;
            const chunk = isOwnedBuffer(c) ? c : toOwnedBuffer([c]);
            inFlight++;
            post(slot, { type: 'stream-chunk', id, chunk }, [chunk.buffer as ArrayBuffer]);
            while (inFlight >= window && !settled) {
              await new Promise<void>((resolve) => {
                wake = resolve;
              });
            }
          }
        } finally {
          // Always close the worker's side, even when the source failed (the caller then
          // discards the result).
          if (!settled) post(slot, { type: 'stream-end', id });
        }
      })();
      return { sent, result };
    },
    async close() {
      closed = true;
      clearInterval(watchdog);
      await Promise.all(slots.map((s) => s.worker.terminate()));
      for (const s of slots) {
        for (const done of s.tasks.values()) done({ ok: false, reason: 'worker pool closed' });
        s.tasks.clear();
        s.acks.clear();
      }
      pending = 0;
    },
  };
}
