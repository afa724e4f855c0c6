/**
 * `{accession}-index-headers.html`: the tagged header in an HTML comment, the indented header and
 * one contentless `<DOCUMENT>` stanza per file, HTML-escaped, in a `<PRE>`.
 * @module
 */
import { toCompactDate } from './dates.ts';
import { escapeXml as x } from './escape.ts';
import { type TaggedHeaderInput, toTaggedHeader } from './tagged-header.ts';
import type { SecDocumentRow } from './types.ts';

/** What the page needs. */
export interface IndexHeadersInput {
  header: TaggedHeaderInput;
  /**
   * The indented header lines as filed, between the `<SEC-HEADER>` line and `</SEC-HEADER>`
   * (exclusive), starting with `<ACCEPTANCE-DATETIME>` when present.
   */
  indentedHeader: string;
  documents: readonly SecDocumentRow[];
}

/**
 * Render the page. The comment body is made safe: `--` never appears in it, so filing text cannot close it.
 * @example toIndexHeadersHtml({ header, indentedHeader, documents })
 */
export function toIndexHeadersHtml(input: IndexHeadersInput): string {
  const h = input.header;
  const stamp = toCompactDate(h.filingDate ?? '');
  const tagged = toTaggedHeader(h, stamp).map((l) => l.replace(/--/g, '- -').replace(/-$/, '- '));
  const out = [
    `<HTML><HEAD><TITLE>SEC EDGAR Submission ${h.accessionNumber}</TITLE>`,
    '<!--',
    ...tagged,
    '-->',
    '</HEAD><BODY>',
    `<PRE>${x(`<SEC-DOCUMENT>${h.accessionNumber}-index.html : ${stamp}`)}`,
    x(`<SEC-HEADER>${h.accessionNumber}.hdr.sgml : ${stamp}`),
  ];
  const indented = input.indentedHeader.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (indented) out.push(x(indented));
  out.push(x('</SEC-HEADER>'));
  for (const d of input.documents) {
    out.push(
      x('<DOCUMENT>'),
      x(`<TYPE>${d.type}`),
      x(`<SEQUENCE>${d.sequence}`),
      x(`<FILENAME>${d.filename}`),
    );
    if (d.description) out.push(x(`<DESCRIPTION>${d.description}`));
    out.push(
      x('<TEXT>'),
      `<a href="${x(encodeURIComponent(d.filename))}">Document ${d.sequence} - file: ${x(d.filename)}</a><br>`,
      x('</DOCUMENT>'),
    );
  }
  out.push(`${x('</SEC-DOCUMENT>')}</PRE></BODY></HTML>`);
  return out.join('\n');
}
