/**
 * Benchmark driver run as its own process (after `compileForWorkers`, as plain JS): parse a
 * synthetic corpus in one process; print JSON timings, CPU time per thread and peak RSS.
 * Usage: `node parse-parallel.js <manifest.json> <mode>`, where mode is
 * - `1` or `2`: that many worker threads, each reading and parsing files claimed from a shared counter;
 * - `pipeline`: the main thread parses while one worker thread reads the files into a shared ring
 *   (`file-ring.ts`) ahead of it. Only one thread runs the parser, so V8 compiles it once (a second
 *   parsing thread is a second isolate: it compiles the parser again, ~0.3 s of CPU on this VM, and
 *   runs its first files unoptimized); the reads, the compiler and the GC helpers use the other core.
 *   While the ring is empty (the reader starting, or behind) the main thread reads files itself.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import {
  claimFile,
  createFileRingMemory,
  FileRingConsumer,
  type FileRingMemory,
  RING_FINISHED,
  RING_OVERSIZE,
  RING_READY,
} from './file-ring.ts';
import { readFile } from './read-file.ts';

interface WorkerResult {
  bytes?: number;
  documents?: number;
  warnings?: number;
  cpuSeconds: number;
  totalCpuSeconds: number;
}

const [manifest, mode] = process.argv.slice(2);
// Pipeline mode starts its reader thread first (it reads the manifest itself): the thread boots
// while this one reads the manifest and loads the parser.
const memory = mode === 'pipeline' ? createFileRingMemory(4 * 1024 * 1024) : undefined;
const reader = memory ? startWorker('./read-worker.js', { manifest, memory }) : undefined;
const files = (JSON.parse(readFileSync(manifest as string, 'utf8')) as { files: string[] }).files;
// The main thread's CPU so far: process startup, module loading, the manifest.
const startup = process.threadCpuUsage();
const t = process.hrtime.bigint();

function startWorker(script: string, workerData: unknown): Promise<WorkerResult> {
  return new Promise<WorkerResult>((resolve, reject) => {
    const w = new Worker(new URL(script, import.meta.url), {
      workerData,
      // Results are dropped file by file: a small heap keeps RSS flat.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 },
    });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** CPU seconds of this process's live threads, summed by thread name (Linux; empty elsewhere). */
function cpuByThreadName(): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    for (const id of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, 'latin1');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close).replace(/[\d-]+$/, '');
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime (fields 14 and 15 of stat), in clock ticks of 1/100 s.
      out[name] = (out[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100;
    }
  } catch {
    // not Linux, or a thread ended while being read
  }
  return out;
}

/**
 * This process's peak RSS in MiB: VmHWM on Linux. Not `resourceUsage().maxRSS`: after a spawn
 * Linux reports the larger of the child's peak and the parent's RSS at the spawn, so a child of
 * the bench (which holds preloaded batches) reported the bench's RSS.
 */
function peakRssMiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'latin1'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const seconds = (u: { user: number; system: number }) => (u.user + u.system) / 1e6;

/**
 * Parse every file the ring delivers, in a function of its own (not in the module's async body:
 * the optimizing compiler compiles this loop once). While the ring is empty (at start, before the
 * reader thread runs) it reads files here rather than wait.
 */
function parseFromRing(
  memory: FileRingMemory,
  parse: (bytes: Uint8Array) => { documents: unknown[]; warnings: unknown[] },
): { bytes: number; documents: number; warnings: number; selfRead: number } {
  const ring = new FileRingConsumer(memory);
  const control = new Int32Array(memory.control);
  const scratch = Buffer.allocUnsafe(256 * 1024);
  let bytes = 0;
  let documents = 0;
  let warnings = 0;
  let selfRead = 0;
  for (;;) {
    const r = ring.poll();
    let buf: Buffer;
    if (r === RING_READY) buf = ring.view;
    else if (r === RING_OVERSIZE) buf = readFile(files[ring.index] as string, scratch);
    else if (r === RING_FINISHED) break;
    else {
      const i = claimFile(control, files.length);
      if (i < 0) {
        ring.wait(20);
        continue;
      }
      buf = readFile(files[i] as string, scratch);
      selfRead++;
    }
    const s = parse(buf);
    bytes += buf.length;
    documents += s.documents.length;
    warnings += s.warnings.length;
    if (r === RING_READY || r === RING_OVERSIZE) ring.release();
  }
  return { bytes, documents, warnings, selfRead };
}

let bytes = 0;
let documents = 0;
let warnings = 0;
/** The busiest thread's CPU over the run, and the same with its start-up. */
let busiest = 0;
let busiestWithStartup = 0;
const workers: WorkerResult[] = [];
let mainCpu = 0;
let selfRead = 0;
let readerWaits = 0;

if (memory && reader) {
  const { parseSubmission } = await import('../../src/sgml/parse-submission.ts');
  const cpu0 = process.threadCpuUsage();
  const totals = parseFromRing(memory, parseSubmission);
  mainCpu = seconds(process.threadCpuUsage(cpu0));
  ({ bytes, documents, warnings, selfRead } = totals);
  const rr = (await reader) as WorkerResult & { waits: number };
  readerWaits = rr.waits;
  workers.push(rr);
  busiest = Math.max(mainCpu, rr.cpuSeconds);
  busiestWithStartup = Math.max(seconds(process.threadCpuUsage()), seconds(startup) + rr.totalCpuSeconds);
} else {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const n = Number(mode);
  workers.push(
    ...(await Promise.all(
      Array.from({ length: n }, () => startWorker('./parse-worker.js', { files, next })),
    )),
  );
  for (const r of workers) {
    bytes += r.bytes ?? 0;
    documents += r.documents ?? 0;
    warnings += r.warnings ?? 0;
  }
  // The busiest worker's own CPU seconds: the wall time the run would take on idle cores.
  busiest = Math.max(...workers.map((r) => r.cpuSeconds));
  // With startup: the main thread's startup CPU, then the busiest worker's CPU since its thread
  // started (module loading and compiling too): the whole run's wall time on idle cores.
  busiestWithStartup = seconds(startup) + Math.max(...workers.map((r) => r.totalCpuSeconds));
}
const wall = Number(process.hrtime.bigint() - t) / 1e9;
const usage = process.resourceUsage();
const processCpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
const byName = cpuByThreadName();
const mainTotal = seconds(process.threadCpuUsage());
const workersTotal = workers.reduce((a, r) => a + r.totalCpuSeconds, 0);
process.stdout.write(
  `${JSON.stringify({
    seconds: wall,
    bytes,
    documents,
    warnings,
    maxRssMiB: peakRssMiB(),
    cpuSeconds: busiest,
    cpuSecondsWithStartup: busiestWithStartup,
    // Every thread of the process (main, workers, V8's compiler and GC threads), start to end.
    processCpuSeconds: processCpu,
    threads: {
      main: mainTotal,
      mainParseLoop: mainCpu,
      workers: workers.map((r) => r.totalCpuSeconds),
      // V8's platform threads (optimizing compiles, concurrent and parallel GC), libuv, the rest.
      background: Math.max(0, processCpu - mainTotal - workersTotal),
      v8Platform: byName.V8Worker ?? 0,
    },
    selfRead,
    readerWaits,
  })}\n`,
);
