/**
 * Benchmark worker: parse files claimed from the shared list (read into one reused buffer) and
 * report totals. Files are claimed a few at a time through a shared counter, so a worker that gets
 * less of the CPU (a busy machine) does less of the work and both finish together.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseSubmission } from '../../src/sgml/parse-submission.ts';
import { readFile } from './read-file.ts';

const { files, next } = workerData as { files: string[]; next: Int32Array };
/** Files claimed per step of the shared counter. */
const CLAIM = 8;
const cpu0 = process.threadCpuUsage();
/**
 * Parse the files claimed from the shared counter, reading each into one reused 256 KiB buffer
 * (larger files into a buffer of their own). A function of its own, not module code: the
 * optimizing compiler compiles the loop once.
 */
function parseClaimed(): { bytes: number; documents: number; warnings: number } {
  const scratch = Buffer.allocUnsafe(256 * 1024);
  let bytes = 0;
  let documents = 0;
  let warnings = 0;
  for (;;) {
    const from = Atomics.add(next, 0, CLAIM);
    if (from >= files.length) break;
    for (let i = from; i < from + CLAIM && i < files.length; i++) {
      const buf = readFile(files[i] as string, scratch);
      const s = parseSubmission(buf);
      bytes += buf.length;
      documents += s.documents.length;
      warnings += s.warnings.length;
    }
  }
  return { bytes, documents, warnings };
}

const { bytes, documents, warnings } = parseClaimed();
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
