import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import {
  createFileRingMemory,
  FileRingConsumer,
  RING_EMPTY,
  RING_FINISHED,
  RING_READY,
} from '../bench/synth/file-ring.ts';

test('FileRingConsumer.poll() delivers every file of a reader thread whole and in order, through wrap-arounds, full-ring waits and oversize files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'edgarbox-ring-'));
  try {
    // Empty, tiny, around the 256 KiB span a read is offered, above half of the 1 MiB ring
    // (oversize: the consumer reads those itself), then many files that wrap the ring.
    const sizes = [0, 1, 100, 70_000, 262_144, 262_145, 600_000, 300_000];
    for (let i = 0; i < 80; i++) sizes.push((i * 7919) % 90_000);
    const files = sizes.map((n, i) => {
      const path = join(dir, `${i}.bin`);
      const bytes = Buffer.alloc(n);
      for (let k = 0; k < n; k++) bytes[k] = (k * 31 + i) & 255;
      writeFileSync(path, bytes);
      return path;
    });
    const memory = createFileRingMemory(1024 * 1024, 8);
    const worker = new Worker(new URL('./bench-ring-producer.ts', import.meta.url), {
      workerData: { files, memory },
    });
    const exited = new Promise((resolve, reject) => {
      worker.once('exit', resolve);
      worker.once('error', reject);
    });
    const ring = new FileRingConsumer(memory);
    const got: Buffer[] = [];
    let oversize = 0;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (;;) {
      const r = ring.poll();
      if (r === RING_FINISHED) break;
      if (r === RING_EMPTY) {
        ring.wait(20);
        continue;
      }
      if (r === RING_READY) got.push(Buffer.from(ring.view));
      else {
        got.push(readFileSync(files[ring.index] as string));
        oversize++;
      }
      // A slow consumer now and then, so the ring fills and the reader waits.
      if (got.length % 5 === 0) Atomics.wait(pause, 0, 0, 2);
      ring.release();
    }
    await exited;
    assert.equal(got.length, files.length);
    for (let i = 0; i < files.length; i++) {
      assert.ok(got[i]?.equals(readFileSync(files[i] as string)), `file ${i} (${sizes[i]} bytes)`);
    }
    assert.equal(oversize, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
