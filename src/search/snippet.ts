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
  let text = '';
  const highlights: Array<[number, number]> = [];
  let open = -1;
  let space = false;
  for (const ch of marked) {
    if (ch === SNIPPET_OPEN) {
      if (space) {
        text += ' ';
        space = false;
      }
      open = text.length;
    } else if (ch === SNIPPET_CLOSE) {
      if (open >= 0 && text.length > open) {
        const last = highlights[highlights.length - 1];
        // Adjacent highlights separated by one space (a phrase) merge into one range.
        if (last && last[1] + 1 >= open && text.slice(last[1], open).trim() === '') last[1] = text.length;
        else highlights.push([open, text.length]);
      }
      open = -1;
    } else if (/\s/.test(ch)) {
      space = text.length > 0;
    } else {
      if (space) {
        text += ' ';
        space = false;
      }
      text += ch;
    }
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
