/**
 * XBRL flags of a filing, derived from its document list exactly as the SQLite store does, so
 * both backends answer the same: `isXbrl` (an XBRL instance, `<XBRL>` wrapper or an extracted
 * inline instance `*_htm.xml`) and `isInlineXbrl` (an extracted inline instance is present).
 * @module
 */
import type { Submission } from '../../core/submission.ts';

/** True when a document is an XBRL instance or is wrapped in `<XBRL>`. */
export function hasXbrl(submission: Submission): boolean {
  return submission.documents.some(
    (d) => d.wrapper === 'XBRL' || /^EX-101\.INS$/i.test(d.type) || /_htm\.xml$/i.test(d.filename),
  );
}

/** True when the submission carries an inline XBRL instance (`*_htm.xml`). */
export function hasInlineXbrl(submission: Submission): boolean {
  return submission.documents.some((d) => /_htm\.xml$/i.test(d.filename));
}
