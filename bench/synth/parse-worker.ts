/**
 * Benchmark worker: parse files claimed from the shared list (read into one reused buffer) and
 * report totals. Files are claimed a few at a time through a shared counter, so a worker that gets
 * less of the CPU (a busy machine) does less of the work and both finish together.
 * @module
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseSubmission } from '../../src/sgml/index.ts';

const { files, next } = workerData as { files: string[]; next: Int32Array };
/** Files claimed per step of the shared counter. */
const CLAIM = 8;
const cpu0 = process.threadCpuUsage();
/**
 * Reads land in one reused 256 KiB buffer (larger files in a buffer of their own). Measured on the
 * 1 GB corpus: reading into a reused 8 MiB buffer cost twice the kernel time (0.35-0.40 s vs
 * 0.14-0.17 s per half), the same as a fresh buffer per file; the cause is not known (the 8 MiB
 * buffer is mmap-backed), the effect repeats.
 */
const small = Buffer.allocUnsafe(256 * 1024);
let bytes = 0;
let documents = 0;
let warnings = 0;
for (;;) {
  const from = Atomics.add(next, 0, CLAIM);
  if (from >= files.length) break;
  for (const f of files.slice(from, from + CLAIM)) {
    // open + one pread + close: no fstat (a read of a regular file returns less than asked only at
    // its end, so a short read is the whole file; a full buffer doubles and reads on). Numeric open
    // flags skip the flag-string parse.
    const fd = openSync(f, constants.O_RDONLY);
    let buf = small;
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, n);
      n += r;
      if (r === 0 || n < buf.length) break;
      const grown = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(grown, 0, 0, n);
      buf = grown;
    }
    closeSync(fd);
    const s = parseSubmission(buf.subarray(0, n));
    bytes += n;
    documents += s.documents.length;
    warnings += s.warnings.length;
  }
}
const cpu = process.threadCpuUsage(cpu0);
// Since the thread started: module loading and compiling included.
const total = process.threadCpuUsage();
// This thread's CPU seconds (reads + parse): on a busy machine the wall clock also counts waiting.
parentPort?.postMessage({
  bytes,
  documents,
  warnings,
  files: files.length,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  totalCpuSeconds: (total.user + total.system) / 1e6,
});
