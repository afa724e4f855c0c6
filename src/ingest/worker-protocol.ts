/**
 * Messages between the ingest pipeline and its worker threads.
 * @module
 */
import type { ProcessOptions, ProcessResult } from './process-submission.ts';

/** Main → worker: process these bytes (moved in the transfer list, not copied). */
export interface WorkerRequest {
  id: number;
  label: string;
  bytes: Uint8Array;
  options: ProcessOptions;
}

/** Worker → main: the outcome (compressed raw chunks moved back in the transfer list). */
export interface WorkerResponse {
  id: number;
  result: ProcessResult;
}
