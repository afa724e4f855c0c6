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

const TAG = /<([A-Za-z][A-Za-z0-9_-]*)>([^<\r\n]*)/g;

/**
 * Read the document tags in `buf[start, end)`; values run to the next tag or line break.
 * @example parseDocumentTags(buf, 10, 60) // { type: '8-K', sequence: '1', filename: 'a.htm' }
 */
export function parseDocumentTags(buf: Buffer, start: number, end: number): DocumentTags {
  const text = latin1(buf, start, end);
  const tags: DocumentTags = {};
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const value = (m[2] ?? '').trim();
    switch ((m[1] as string).toUpperCase()) {
      case 'TYPE':
        tags.type ??= value;
        break;
      case 'SEQUENCE':
        tags.sequence ??= value;
        break;
      case 'FILENAME':
        tags.filename ??= value;
        break;
      case 'DESCRIPTION':
        tags.description ??= value;
        break;
    }
  }
  return tags;
}
