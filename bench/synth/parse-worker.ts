/**
 * Benchmark worker: parse the files it is given (read into one reused buffer) and report totals.
 * @module
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseSubmission } from '../../src/sgml/index.ts';

const files = workerData as string[];
const cpu0 = process.threadCpuUsage();
let buf = Buffer.allocUnsafe(8 * 1024 * 1024);
let bytes = 0;
let documents = 0;
let warnings = 0;
for (const f of files) {
  const fd = openSync(f, 'r');
  const size = fstatSync(fd).size;
  if (size > buf.length) buf = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const r = readSync(fd, buf, n, size - n, n);
    if (r === 0) break;
    n += r;
  }
  closeSync(fd);
  const s = parseSubmission(buf.subarray(0, n));
  bytes += n;
  documents += s.documents.length;
  warnings += s.warnings.length;
}
const cpu = process.threadCpuUsage(cpu0);
// This thread's CPU seconds (reads + parse): on a busy machine the wall clock also counts waiting.
parentPort?.postMessage({
  bytes,
  documents,
  warnings,
  files: files.length,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
});
