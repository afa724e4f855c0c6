/**
 * Buffers that own their whole `ArrayBuffer`, so they can be moved to a worker thread in a
 * transfer list (Node's small-buffer pool is shared and cannot be transferred).
 * @module
 */

/** True when `b` is the only view of its `ArrayBuffer` (safe to transfer). */
export function isOwnedBuffer(b: Uint8Array): boolean {
  return (
    b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && !(b.buffer instanceof SharedArrayBuffer)
  );
}

/**
 * Concatenate `parts` into a fresh buffer that owns its memory.
 * @example const bytes = toOwnedBuffer([a, b]); worker.postMessage(bytes, [bytes.buffer]);
 */
export function toOwnedBuffer(parts: readonly Uint8Array[], total?: number): Buffer {
  if (parts.length === 1 && isOwnedBuffer(parts[0] as Uint8Array)) {
    const p = parts[0] as Uint8Array;
    return Buffer.from(p.buffer, 0, p.byteLength);
  }
  let size = total ?? 0;
  if (total === undefined) for (const p of parts) size += p.byteLength;
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return at === size ? out : out.subarray(0, at);
}
