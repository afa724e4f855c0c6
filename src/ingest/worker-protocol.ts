/**
 * Messages between the ingest pipeline and its worker threads.
 * @module
 */
import type { ProcessOptions, ProcessResult } from './process-submission.ts';

/** Main → worker. Byte buffers move in the transfer list, they are not copied. */
export type WorkerRequest =
  /** Process one whole submission. */
  | { type: 'bytes'; id: number; label: string; bytes: Uint8Array; options: ProcessOptions }
  /** Start a streamed submission; chunks follow, each acknowledged, then `stream-end`. */
  | { type: 'stream-begin'; id: number; label: string; options: ProcessOptions }
  | { type: 'stream-chunk'; id: number; chunk: Uint8Array }
  | { type: 'stream-end'; id: number };

/**
 * Worker → main: a chunk was consumed, or the outcome (compressed raw chunks moved back) with the
 * worker thread's CPU time so far in seconds (how busy the workers are).
 */
export type WorkerResponse =
  | { type: 'ack'; id: number }
  | { type: 'result'; id: number; result: ProcessResult; cpuSeconds: number };
