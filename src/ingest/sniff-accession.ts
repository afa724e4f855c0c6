/**
 * Find a submission's accession number in its first bytes without parsing it, so that ingest
 * can ask the store for the stored hash (and skip unchanged bytes) before any real work.
 * @module
 */

const HEAD_BYTES = 64 * 1024;
const PATTERN =
  /(?:^|[\r\n])[ \t]*ACCESSION NUMBER:[ \t]*(\d{10}-\d{2}-\d{6})|<ACCESSION-NUMBER>[ \t]*(\d{10}-\d{2}-\d{6})/;

/**
 * The accession number declared in the header (indented or tagged form), or undefined.
 * Only a hint: the parser's result is authoritative.
 * @example sniffAccession(bytes) // '0001144204-17-013452'
 */
export function sniffAccession(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEAD_BYTES)).toString(
    'latin1',
  );
  const m = PATTERN.exec(head);
  return m ? (m[1] ?? m[2]) : undefined;
}
