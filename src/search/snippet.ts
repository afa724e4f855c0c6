/**
 * Highlighted snippets, backend-neutral: backends mark matches with `SNIPPET_OPEN` /
 * `SNIPPET_CLOSE`; `parseSnippet` turns that into text plus ranges, and the `format*` helpers
 * render it for a terminal or a web page.
 * @module
 */
import { isWhitespace } from '../core/whitespace.ts';

/** Marker a backend puts before a matched word (STX: never part of indexed text). */
export const SNIPPET_OPEN = '\u0002';
/** Marker a backend puts after a matched word (ETX). */
export const SNIPPET_CLOSE = '\u0003';
/** What a backend puts where it cut the text. */
export const SNIPPET_ELLIPSIS = '…';

/** A snippet as plain text plus `[start, end)` highlight ranges (same shape as `Snippet` in the store). */
export interface MarkedSnippet {
  text: string;
  highlights: Array<[number, number]>;
}

const OPEN = SNIPPET_OPEN.charCodeAt(0);
const CLOSE = SNIPPET_CLOSE.charCodeAt(0);

/** Add the highlight `[start, text.length)`, merged into the previous one across a single space (a phrase). */
function addHighlight(highlights: Array<[number, number]>, text: string, start: number): void {
  if (text.length <= start) return;
  const last = highlights[highlights.length - 1];
  if (last && (last[1] === start || (last[1] === start - 1 && text.charCodeAt(last[1]) === 32)))
    last[1] = text.length;
  else highlights.push([start, text.length]);
}

/**
 * Strip the markers from a backend's snippet and record where they were. Whitespace runs are
 * collapsed to one space and the ends trimmed (document text keeps its line breaks; a snippet
 * should not); stray markers are dropped; adjacent highlights separated by one space (a phrase)
 * merge into one range. One pass over the string, no regular expression and no per-segment
 * copies: this was the largest JavaScript cost of a small search (~4 us a snippet, 20 a page).
 * Lone spaces, most of a snippet's white space, are copied with the text around them.
 * @example parseSnippet('the \u0002CLR\u0003 131') // { text: 'the CLR 131', highlights: [[4, 7]] }
 */
export function parseSnippet(marked: string): MarkedSnippet {
  const highlights: Array<[number, number]> = [];
  const n = marked.length;
  let text = '';
  // Start of the text not yet copied; highlight state.
  let from = 0;
  let inside = false;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = marked.charCodeAt(i);
    if (c > 32 && c < 0xa0) {
      i++;
    } else if (c === OPEN || c === CLOSE) {
      if (i > from) text += marked.slice(from, i);
      from = ++i;
      if (c === OPEN && !inside) {
        inside = true;
        start = text.length;
      } else if (c === CLOSE && inside) {
        inside = false;
        addHighlight(highlights, text, start);
      }
    } else if (!isWhitespace(c)) {
      i++;
    } else {
      const run = i++;
      while (i < n && isWhitespace(marked.charCodeAt(i))) i++;
      // A lone space inside the text is kept as it is (copied later with its neighbours).
      if (c === 32 && i === run + 1 && run > 0 && i < n) continue;
      if (run > from) text += marked.slice(from, run);
      // A run at either end of the snippet is trimmed; any other becomes one space.
      if (run > 0 && i < n) text += ' ';
      from = i;
    }
  }
  if (n > from) text += marked.slice(from, n);
  if (inside) addHighlight(highlights, text, start);
  return { text, highlights };
}

/**
 * Render a snippet with `before`/`after` around each highlight.
 * @example formatSnippet(s, '\x1b[1m', '\x1b[22m') // bold on a terminal
 */
export function formatSnippet(snippet: MarkedSnippet, before: string, after: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    out += snippet.text.slice(at, s) + before + snippet.text.slice(s, e) + after;
    at = e;
  }
  return out + snippet.text.slice(at);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Render a snippet as HTML: text escaped, highlights in `<mark>`. Safe to insert into a page.
 * @example toHtmlSnippet({ text: 'a <b>', highlights: [[0, 1]] }) // '<mark>a</mark> &#60;b&#62;'
 */
export function toHtmlSnippet(snippet: MarkedSnippet): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    out += `${escapeHtml(snippet.text.slice(at, s))}<mark>${escapeHtml(snippet.text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(snippet.text.slice(at));
}
