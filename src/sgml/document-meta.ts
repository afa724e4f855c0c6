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

const NONE = 0;
const TYPE = 1;
const SEQUENCE = 2;
const FILENAME = 3;
const DESCRIPTION = 4;

/** True when `text[at, at + lower.length)` is `lower` in any case (name chars only: `[A-Za-z0-9_-]`). */
function isName(text: string, at: number, lower: string): boolean {
  // `| 0x20` lowers a letter and keeps digits and `-`; `_` becomes DEL, which no name has.
  for (let j = 0; j < lower.length; j++)
    if ((text.charCodeAt(at + j) | 0x20) !== lower.charCodeAt(j)) return false;
  return true;
}

/** The lower-case names of the four read tags, by code (`NAMES[TYPE] === 'type'`). */
const NAMES = ['', 'type', 'sequence', 'filename', 'description'];

/**
 * Which of the four read tags the name `text[at, at + len)` is, or `NONE`. The candidate is picked
 * by length (and first letter) and compared once: one compare loop for the optimizing compiler
 * instead of four unrolled copies (that cut this module's TurboFan compile time).
 */
function nameAt(text: string, at: number, len: number): number {
  let code = NONE;
  if (len === 4) code = TYPE;
  else if (len === 11) code = DESCRIPTION;
  else if (len === 8) {
    const c = text.charCodeAt(at) | 0x20;
    code = c === 115 ? SEQUENCE : c === 102 ? FILENAME : NONE;
  }
  return code !== NONE && isName(text, at, NAMES[code] as string) ? code : NONE;
}

/**
 * Read the document tags in `buf[start, end)`; values run to the next tag or line break.
 * Every `<NAME>` (a letter, then letters, digits, `_` or `-`) starts a tag.
 * @example parseDocumentTags(buf, 10, 60) // { type: '8-K', sequence: '1', filename: 'a.htm' }
 */
export function parseDocumentTags(buf: Buffer, start: number, end: number): DocumentTags {
  const text = latin1(buf, start, end);
  return readDocumentTags(text, 0, text.length);
}

/**
 * `parseDocumentTags` over `text[start, end)` (latin1 text already decoded). The `<` of each tag
 * and each value's end are found by native searches: char loops cost ~5 ns a char here.
 */
export function readDocumentTags(text: string, start: number, end: number): DocumentTags {
  const tags: DocumentTags = {};
  // CR ends a value too; most files have none, so it is looked for once.
  const cr = text.indexOf('\r', start);
  const hasCr = cr >= 0 && cr < end;
  let pos = text.indexOf('<', start);
  while (pos >= 0 && pos < end) {
    const c0 = pos + 1 < end ? text.charCodeAt(pos + 1) | 0x20 : 0;
    if (c0 < 97 || c0 > 122) {
      pos = text.indexOf('<', pos + 1);
      continue;
    }
    let q = pos + 2;
    while (q < end && isNameChar(text.charCodeAt(q))) q++;
    if (q >= end || text.charCodeAt(q) !== 62) {
      pos = text.indexOf('<', pos + 1);
      continue;
    }
    // The value runs to the next `<`, LF or CR; scanning goes on at that next `<`.
    let next = text.indexOf('<', q + 1);
    if (next < 0 || next > end) next = end;
    let ve = text.indexOf('\n', q + 1);
    if (ve < 0 || ve > next) ve = next;
    if (hasCr) {
      const r = text.indexOf('\r', q + 1);
      if (r >= 0 && r < ve) ve = r;
    }
    // Only TYPE, SEQUENCE, FILENAME and DESCRIPTION are read (names compared in place, any case).
    const name = nameAt(text, pos + 1, q - pos - 1);
    if (name !== NONE) {
      const value = text.slice(q + 1, ve).trim();
      if (name === TYPE) tags.type ??= value;
      else if (name === SEQUENCE) tags.sequence ??= value;
      else if (name === FILENAME) tags.filename ??= value;
      else tags.description ??= value;
    }
    if (next >= end) break;
    pos = next;
  }
  return tags;
}
