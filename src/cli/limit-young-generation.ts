/**
 * Keep the calling process's V8 nursery (young generation) at its starting size, for long
 * allocation-heavy work on the main thread (`edgarbox ingest`). V8 grows each semi-space up to
 * 32 MiB under steady allocation (64 MiB of nursery held for good); `--max-semi-space-size` is
 * read only when an isolate starts, but the growth factor is read at every growth, so setting it
 * to 1 at run time stops the growth. Process-wide: worker threads started later keep their own
 * `resourceLimits`, which are no larger.
 * @module
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * Stop the nursery from growing from here on; returns its size now, in bytes.
 * @example limitYoungGeneration(); await runIngest(options); // the nursery stays at ~2 MiB
 */
export function limitYoungGeneration(): number {
  setFlagsFromString('--semi-space-growth-factor=1');
  return youngGenerationBytes();
}

/**
 * Bytes the nursery (new space) of the calling thread's isolate holds now.
 * @example youngGenerationBytes() // 2097152
 */
export function youngGenerationBytes(): number {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return space?.space_size ?? 0;
}
