/**
 * Benchmark driver run as its own process (after `compileForWorkers`, as plain JS): parse a
 * synthetic corpus with `n` worker threads claiming files from a shared counter; print JSON timings and peak RSS.
 * Usage: `node parse-parallel.js <manifest.json> <n>`.
 * @module
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

interface WorkerResult {
  bytes: number;
  documents: number;
  warnings: number;
  cpuSeconds: number;
  totalCpuSeconds: number;
}

const [manifest, count] = process.argv.slice(2);
const files = (JSON.parse(readFileSync(manifest as string, 'utf8')) as { files: string[] }).files;
const n = Number(count);
// The index of the next file to parse, shared by the workers (Atomics.add claims a few at a time).
const next = new Int32Array(new SharedArrayBuffer(4));
// The main thread's CPU so far: process startup, module loading, the manifest.
const startup = process.threadCpuUsage();
const t = process.hrtime.bigint();
const results = await Promise.all(
  Array.from(
    { length: n },
    () =>
      new Promise<WorkerResult>((resolve, reject) => {
        const w = new Worker(new URL('./parse-worker.js', import.meta.url), {
          workerData: { files, next },
          // Parse results are dropped file by file: a small heap keeps RSS flat.
          resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 },
        });
        w.once('message', resolve);
        w.once('error', reject);
      }),
  ),
);
const seconds = Number(process.hrtime.bigint() - t) / 1e9;
const usage = process.resourceUsage();
const sum = (key: 'bytes' | 'documents' | 'warnings') => results.reduce((a, r) => a + r[key], 0);
process.stdout.write(
  `${JSON.stringify({
    seconds,
    bytes: sum('bytes'),
    documents: sum('documents'),
    warnings: sum('warnings'),
    maxRssMiB: usage.maxRSS / 1024,
    // The busiest worker's own CPU seconds: the wall time the run would take on idle cores.
    cpuSeconds: Math.max(...results.map((r) => r.cpuSeconds)),
    // Startup included: the main thread's startup CPU, then the busiest worker's CPU since its
    // thread started (module loading and compiling too): the whole run's wall time on idle cores.
    cpuSecondsWithStartup:
      (startup.user + startup.system) / 1e6 + Math.max(...results.map((r) => r.totalCpuSeconds)),
    // Every thread of the process (main, workers, V8's compiler and GC threads), start to end.
    processCpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  })}\n`,
);
