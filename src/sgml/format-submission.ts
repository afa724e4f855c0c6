/**
 * `formatSubmission`: write a parsed submission back in the `.txt` complete-submission form.
 * @module
 */
import { Buffer } from 'node:buffer';
import type { Submission } from '../core/submission.ts';
import { asBuffer } from './bytes.ts';
import { formatIndentedHeader, type IndentedHeaderOptions } from './indented-header.ts';

/** Options for `formatSubmission`. */
export type FormatSubmissionOptions = IndentedHeaderOptions;

/**
 * The `.txt` rendering of `submission` (parsed from `bytes`).
 * - From a `.txt` source (indented header, any era): the envelope and header are the source bytes
 *   (SEC's whitespace layout differs by era, so the source is the authority) and the documents are
 *   re-assembled from their block offsets: well-formed files come back byte-identical.
 * - From a `.nc` source (tagged header): `<SEC-DOCUMENT>` / `<SEC-HEADER>` lines are written with the
 *   filing date, the header is converted to the indented form (`formatIndentedHeader`), the
 *   `<DOCUMENT>` blocks are copied verbatim, then `</SEC-DOCUMENT>`.
 * @example writeFileSync(`${s.accessionNumber}.txt`, formatSubmission(s, bytes))
 */
export function formatSubmission(
  submission: Submission,
  bytes: Uint8Array,
  options: FormatSubmissionOptions = {},
): Uint8Array {
  const buf = asBuffer(bytes);
  const docs = submission.documents;
  if (submission.dialect !== 'submission') {
    if (docs.length === 0) return buf;
    const parts: Buffer[] = [];
    let at = 0;
    for (const d of docs) {
      if (d.blockOffset > at) parts.push(buf.subarray(at, d.blockOffset));
      parts.push(buf.subarray(d.blockOffset, d.blockOffset + d.blockLength));
      at = d.blockOffset + d.blockLength;
    }
    parts.push(buf.subarray(at));
    return Buffer.concat(parts);
  }
  const acc = submission.accessionNumber;
  const date = (submission.filingDate ?? '').replaceAll('-', '');
  const head =
    `<SEC-DOCUMENT>${acc}.txt : ${date}\n<SEC-HEADER>${acc}.hdr.sgml : ${date}\n` +
    `${formatIndentedHeader(submission.raw, options)}</SEC-HEADER>\n`;
  const parts: Buffer[] = [Buffer.from(head, 'latin1')];
  for (const d of docs) parts.push(buf.subarray(d.blockOffset, d.blockOffset + d.blockLength));
  parts.push(Buffer.from('</SEC-DOCUMENT>\n', 'latin1'));
  return Buffer.concat(parts);
}
