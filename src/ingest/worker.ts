/**
 * The ingest worker thread: receives submission bytes, returns `processSubmission`'s result.
 * Loaded by `createWorkerPool` (as `.ts` from source, `.js` once built).
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { isOwnedBuffer } from './owned-buffer.ts';
import { processSubmission } from './process-submission.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

const port = parentPort;
if (port) {
  port.on('message', (req: WorkerRequest) => {
    let response: WorkerResponse;
    try {
      response = { id: req.id, result: processSubmission(req.bytes, req.label, req.options) };
    } catch (e) {
      response = {
        id: req.id,
        result: { ok: false, reason: `internal error: ${e instanceof Error ? e.message : e}` },
      };
    }
    const transfer: ArrayBuffer[] = [];
    const result = response.result;
    if (result.ok && !(result.filing.raw instanceof Uint8Array)) {
      const raw = result.filing.raw;
      raw.chunks = raw.chunks.map((c) => (isOwnedBuffer(c) ? c : Uint8Array.from(c)));
      for (const c of raw.chunks) transfer.push(c.buffer as ArrayBuffer);
    }
    port.postMessage(response, transfer);
  });
}
