/**
 * Free a buffer's memory as soon as its owner is done with it, instead of when the garbage
 * collector finds its last view (ArrayBuffers are freed only with their JS object; under a
 * small nursery that object is promoted and lives until a major GC, tens of MiB later).
 * @module
 */
import { isOwnedBuffer } from './owned-buffer.ts';

/**
 * Release the memory behind `b` now when `b` is the only view of its `ArrayBuffer` (detaching
 * it: `b` and any copy of the reference then read as empty); a shared, pooled or already
 * detached buffer is left alone. Returns true when memory was released.
 * @example postMessage(result); releaseBuffer(input); // the input bytes are freed here
 */
export function releaseBuffer(b: Uint8Array): boolean {
  if (b.byteLength === 0 || !isOwnedBuffer(b)) return false;
  const buffer = b.buffer as ArrayBuffer;
  if (buffer.detached || buffer.resizable) return false;
  buffer.transfer(0);
  return true;
}
