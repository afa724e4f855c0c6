/**
 * Find a submission's accession number in its first bytes without parsing it, so that ingest
 * can ask the store for the stored hash (and skip unchanged bytes) before any real work.
 * @module
 */

const FIRST_LOOK = 4 * 1024;
const HEAD_BYTES = 64 * 1024;
const PATTERN =
  /(?:^|[\r\n])[ \t]*ACCESSION NUMBER:[ \t]*(\d{10}-\d{2}-\d{6})|<ACCESSION-NUMBER>[ \t]*(\d{10}-\d{2}-\d{6})/;

/**
 * The accession number declared in the header (indented or tagged form), or undefined.
 * Only a hint: the parser's result is authoritative. Looks at the first 4 KiB, then 64 KiB.
 * @example sniffAccession(bytes) // '0001144204-17-013452'
 */
export function sniffAccession(bytes: Uint8Array): string | undefined {
  for (const limit of [FIRST_LOOK, HEAD_BYTES]) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString(
      'latin1',
    );
    const m = PATTERN.exec(head);
    if (m) return m[1] ?? m[2];
    if (bytes.length <= limit) return undefined;
  }
  return undefined;
}
