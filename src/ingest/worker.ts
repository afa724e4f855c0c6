/**
 * The ingest worker thread: receives submission bytes (whole, or streamed in acknowledged
 * chunks) and returns `processSubmission`'s result. Loaded by `createWorkerPool` (as `.ts` from
 * source, `.js` once built).
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { isOwnedBuffer } from './owned-buffer.ts';
import { createStreamProcessor, type StreamProcessor } from './process-stream.ts';
import { type ProcessResult, processSubmission } from './process-submission.ts';
import { releaseBuffer } from './release-buffer.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

const port = parentPort;
const streams = new Map<number, StreamProcessor>();

function reply(id: number, run: () => ProcessResult): void {
  let result: ProcessResult;
  try {
    result = run();
  } catch (e) {
    result = { ok: false, reason: `internal error: ${e instanceof Error ? e.message : e}` };
  }
  const transfer: ArrayBuffer[] = [];
  if (result.ok && !(result.filing.raw instanceof Uint8Array)) {
    const raw = result.filing.raw;
    raw.chunks = raw.chunks.map((c) => (isOwnedBuffer(c) ? c : Uint8Array.from(c)));
    for (const c of raw.chunks) transfer.push(c.buffer as ArrayBuffer);
  }
  const cpu = process.threadCpuUsage();
  const response: WorkerResponse = { type: 'result', id, result, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  port?.postMessage(response, transfer);
}

if (port) {
  port.on('message', (req: WorkerRequest) => {
    switch (req.type) {
      case 'bytes':
        reply(req.id, () => processSubmission(req.bytes, req.label, req.options));
        // The result is posted (copied): free the submission's bytes now, not at a major GC.
        releaseBuffer(req.bytes);
        break;
      case 'stream-begin':
        streams.set(req.id, createStreamProcessor(req.label, req.options));
        break;
      case 'stream-chunk': {
        streams.get(req.id)?.write(req.chunk);
        const ack: WorkerResponse = { type: 'ack', id: req.id };
        port.postMessage(ack);
        break;
      }
      case 'stream-end': {
        const processor = streams.get(req.id);
        streams.delete(req.id);
        reply(req.id, () => processor?.end() ?? { ok: false, reason: 'internal error: unknown stream' });
        break;
      }
    }
  });
}
