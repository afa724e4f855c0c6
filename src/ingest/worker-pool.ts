/**
 * A fixed pool of worker threads running `processSubmission`. Tasks go to the least busy worker;
 * the bytes move in the transfer list. A worker that dies fails its tasks and is replaced.
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isOwnedBuffer } from './owned-buffer.ts';
import type { ProcessOptions, ProcessResult } from './process-submission.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** A pool of ingest workers. */
export interface WorkerPool {
  readonly size: number;
  /** Tasks sent and not yet answered. */
  readonly pending: number;
  /** Process `bytes` in a worker. `bytes` is moved (detached) when it owns its memory. */
  run(bytes: Uint8Array, label: string, options: ProcessOptions): Promise<ProcessResult>;
  /** Stop every worker (pending tasks fail). */
  close(): Promise<void>;
}

/** Options of `createWorkerPool`. */
export interface WorkerPoolOptions {
  /** Number of threads (default: the machine's available parallelism). */
  size?: number;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, (r: ProcessResult) => void>;
}

/** The worker script beside this module: `.ts` when running from source, `.js` once built. */
export function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./worker${ext}`, import.meta.url);
}

/**
 * Start the workers.
 * @example const pool = createWorkerPool({ size: 2 }); const r = await pool.run(bytes, 'a.txt', opts);
 */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const url = workerUrl();
  const slots: Slot[] = [];
  let nextId = 1;
  let pending = 0;
  let closed = false;

  const spawn = (index: number): Slot => {
    const slot: Slot = { worker: new Worker(url), tasks: new Map() };
    slot.worker.on('message', (msg: WorkerResponse) => {
      const done = slot.tasks.get(msg.id);
      if (!done) return;
      slot.tasks.delete(msg.id);
      pending--;
      done(msg.result);
    });
    const fail = (why: string): void => {
      for (const done of slot.tasks.values()) {
        pending--;
        done({ ok: false, reason: why });
      }
      slot.tasks.clear();
      if (!closed) slots[index] = spawn(index);
    };
    slot.worker.on('error', (e) => fail(`worker crashed: ${e.message}`));
    slot.worker.on('exit', (code) => {
      if (slots[index] === slot && !closed) fail(`worker exited with code ${code}`);
    });
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(spawn(i));

  return {
    size,
    get pending() {
      return pending;
    },
    run(bytes, label, opts) {
      if (closed) return Promise.resolve({ ok: false, reason: 'worker pool closed' });
      let slot = slots[0] as Slot;
      for (const s of slots) if (s.tasks.size < slot.tasks.size) slot = s;
      const id = nextId++;
      const req: WorkerRequest = { id, label, bytes, options: opts };
      return new Promise((resolve) => {
        slot.tasks.set(id, resolve);
        pending++;
        slot.worker.postMessage(req, isOwnedBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : []);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
      for (const s of slots) {
        for (const done of s.tasks.values()) done({ ok: false, reason: 'worker pool closed' });
        s.tasks.clear();
      }
      pending = 0;
    },
  };
}
