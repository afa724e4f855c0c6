/**
 * Benchmark reader thread (pipeline mode): claim files from the shared counter and read each one
 * straight into the shared ring for the parsing thread; report this thread's CPU time.
 * @module
 */
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { claimFile, type FileRingMemory, FileRingProducer } from './file-ring.ts';

const { manifest, memory } = workerData as { manifest: string; memory: FileRingMemory };
const files = (JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] }).files;
const cpu0 = process.threadCpuUsage();
const ring = new FileRingProducer(memory);
let count = 0;
for (let i = claimFile(ring.control, files.length); i >= 0; i = claimFile(ring.control, files.length)) {
  const fd = openSync(files[i] as string, constants.O_RDONLY);
  ring.putFile(fd, i);
  closeSync(fd);
  count++;
}
ring.finish();
const cpu = process.threadCpuUsage(cpu0);
// Since the thread started: module loading included.
const total = process.threadCpuUsage();
parentPort?.postMessage({
  files: count,
  waits: ring.waits,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  totalCpuSeconds: (total.user + total.system) / 1e6,
});
