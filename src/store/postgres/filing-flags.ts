/**
 * XBRL flags of a filing, derived from its documents: `isXbrl` (an XBRL instance or `<XBRL>`
 * wrapper) and `isInlineXbrl` (an HTML document declaring the inline XBRL namespace).
 * @module
 */
import type { Submission } from '../../core/submission.ts';

const IX_MARKERS = ['xmlns:ix=', '<ix:header'];
/** How far into an HTML body to look for the inline XBRL namespace. */
const IX_SCAN_BYTES = 512 * 1024;

/** True when a document is an XBRL instance or is wrapped in `<XBRL>`. */
export function hasXbrl(submission: Submission): boolean {
  return submission.documents.some(
    (d) => d.wrapper === 'XBRL' || /^EX-101\.INS$/i.test(d.type) || /_htm\.xml$/i.test(d.filename),
  );
}

/**
 * True when an HTML document's body declares inline XBRL. `readBody(offset, length)` returns
 * the raw bytes of that range of the submission.
 */
export function hasInlineXbrl(
  submission: Submission,
  readBody: (offset: number, length: number) => Uint8Array,
): boolean {
  const decoder = new TextDecoder('latin1');
  return submission.documents.some((d) => {
    if (d.contentType !== 'text/html' && d.contentType !== 'application/xhtml+xml') return false;
    const head = decoder.decode(readBody(d.offset, Math.min(d.length, IX_SCAN_BYTES))).toLowerCase();
    return IX_MARKERS.some((m) => head.includes(m));
  });
}
