/**
 * Decide a document's character encoding and decode it: valid UTF-8 is UTF-8, anything
 * else is Windows-1252 (the WHATWG reading of Latin-1, which EDGAR's older documents use);
 * a declared charset other than those two is honoured when the platform knows it.
 * @module
 */
import { isUtf8 } from 'node:buffer';

/** Decoded text is produced in slices of this many bytes, so a 100 MB body is never one string twice. */
const CHUNK = 1 << 20;
const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;
const LATIN = /^(?:iso-?8859-1|latin-?1|l1|windows-1252|cp1252|us-ascii|ascii|iso_8859-1)$/i;

/**
 * The WHATWG encoding label to decode `bytes` with: `utf-8`, `windows-1252`, or a declared other one.
 * @example detectEncoding(new TextEncoder().encode('café')) // 'utf-8'
 */
export function detectEncoding(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  const declared = DECLARED.exec(head);
  const label = (declared?.[1] ?? declared?.[2] ?? '').toLowerCase();
  if (label && !LATIN.test(label) && !/^utf-?8$/.test(label) && isSupported(label)) return label;
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

function isSupported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decode `bytes` lazily, one slice at a time (multi-byte characters split across slices are kept whole).
 * @example for (const s of decodeChunks(bytes)) parser.write(s)
 */
export function* decodeChunks(bytes: Uint8Array, encoding = detectEncoding(bytes)): Generator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, bytes.length);
    yield decoder.decode(bytes.subarray(offset, end), { stream: end < bytes.length });
  }
}

/**
 * Decode a whole document to one string.
 * @example decodeText(bytes) // 'Madison, Wisc. ...'
 */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(detectEncoding(bytes)).decode(bytes);
}
