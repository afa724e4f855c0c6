/**
 * Recognise what a byte stream is from its first bytes: gzip, tar, or anything else (taken to
 * be a submission). Extensions are not trusted: `.nc.tar.gz` and `.tgz` are found by content.
 * @module
 */

/** What the first bytes say the input is. */
export type SniffResult = 'gzip' | 'tar' | 'plain';

/** How many leading bytes `sniff` wants to see (a tar header block). */
export const SNIFF_BYTES = 512;

/**
 * Classify an input from its first bytes (up to `SNIFF_BYTES`).
 * @example sniff(firstBlock) // 'gzip'
 */
export function sniff(head: Uint8Array): SniffResult {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // ustar magic at 257: "ustar\0" (POSIX) or "ustar " (GNU).
  if (
    head.length >= 262 &&
    head[257] === 0x75 &&
    head[258] === 0x73 &&
    head[259] === 0x74 &&
    head[260] === 0x61 &&
    head[261] === 0x72
  ) {
    return 'tar';
  }
  return 'plain';
}
