/**
 * The leading tags of a `<DOCUMENT>` block (`<TYPE>`, `<SEQUENCE>`, `<FILENAME>`, `<DESCRIPTION>`).
 * @module
 */
import type { Buffer } from 'node:buffer';
import { latin1 } from './bytes.ts';

/** What the tags before `<TEXT>` said. */
export interface DocumentTags {
  type?: string;
  sequence?: string;
  filename?: string;
  description?: string;
}

/** True for the chars of a tag name after its first letter: `[A-Za-z0-9_-]`. */
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/**
 * Read the document tags in `buf[start, end)`; values run to the next tag or line break.
 * Every `<NAME>` (a letter, then letters, digits, `_` or `-`) starts a tag; a char loop rather than
 * a global regex, as this runs once per document.
 * @example parseDocumentTags(buf, 10, 60) // { type: '8-K', sequence: '1', filename: 'a.htm' }
 */
export function parseDocumentTags(buf: Buffer, start: number, end: number): DocumentTags {
  const text = latin1(buf, start, end);
  const tags: DocumentTags = {};
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    if (text.charCodeAt(pos) !== 60) {
      pos++;
      continue;
    }
    const c0 = text.charCodeAt(pos + 1) | 0x20;
    if (c0 < 97 || c0 > 122) {
      pos++;
      continue;
    }
    let q = pos + 2;
    while (q < n && isNameChar(text.charCodeAt(q))) q++;
    if (q >= n || text.charCodeAt(q) !== 62) {
      pos++;
      continue;
    }
    let ve = q + 1;
    for (; ve < n; ve++) {
      const c = text.charCodeAt(ve);
      if (c === 60 || c === 10 || c === 13) break;
    }
    const name = text.slice(pos + 1, q).toUpperCase();
    if (name === 'TYPE' || name === 'SEQUENCE' || name === 'FILENAME' || name === 'DESCRIPTION') {
      const value = text.slice(q + 1, ve).trim();
      if (name === 'TYPE') tags.type ??= value;
      else if (name === 'SEQUENCE') tags.sequence ??= value;
      else if (name === 'FILENAME') tags.filename ??= value;
      else tags.description ??= value;
    }
    pos = ve;
  }
  return tags;
}
