/**
 * Highlighted snippets, backend-neutral: backends mark matches with `SNIPPET_OPEN` /
 * `SNIPPET_CLOSE`; `parseSnippet` turns that into text plus ranges, and the `format*` helpers
 * render it for a terminal or a web page.
 * @module
 */

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

/**
 * Strip the markers from a backend's snippet and record where they were. Whitespace runs are
 * collapsed to one space (document text keeps its line breaks; a snippet should not).
 * @example parseSnippet('the \u0002CLR\u0003 131') // { text: 'the CLR 131', highlights: [[4, 7]] }
 */
export function parseSnippet(marked: string): MarkedSnippet {
  const m = marked.replace(/\s+/g, ' ').trim();
  const highlights: Array<[number, number]> = [];
  let text = '';
  let i = 0;
  for (;;) {
    const open = m.indexOf(SNIPPET_OPEN, i);
    if (open < 0) {
      text += m.slice(i).replaceAll(SNIPPET_CLOSE, '');
      break;
    }
    text += m.slice(i, open).replaceAll(SNIPPET_CLOSE, '');
    const close = m.indexOf(SNIPPET_CLOSE, open + 1);
    const end = close < 0 ? m.length : close;
    const start = text.length;
    text += m.slice(open + 1, end).replaceAll(SNIPPET_OPEN, '');
    if (text.length > start) {
      const last = highlights[highlights.length - 1];
      // Adjacent highlights separated by one space (a phrase) merge into one range.
      if (last && (last[1] === start || (last[1] === start - 1 && text[last[1]] === ' ')))
        last[1] = text.length;
      else highlights.push([start, text.length]);
    }
    i = end + 1;
  }
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
