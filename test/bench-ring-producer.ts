/**
 * Worker for `bench-file-ring.test.ts`: reads the files of `workerData` into the ring, like the
 * benchmark's reader thread.
 * @module
 */
import { closeSync, constants, openSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { claimFile, type FileRingMemory, FileRingProducer } from '../bench/synth/file-ring.ts';

const { files, memory } = workerData as { files: string[]; memory: FileRingMemory };
const ring = new FileRingProducer(memory);
for (let i = claimFile(ring.control, files.length); i >= 0; i = claimFile(ring.control, files.length)) {
  const fd = openSync(files[i] as string, constants.O_RDONLY);
  ring.putFile(fd, i);
  closeSync(fd);
}
ring.finish();
