/**
 * Test helper: maps Markdown offsets back to positions in the source HTML, by matching the
 * letters and digits that follow the offset. Used only to compare sections with reference
 * outputs that are measured in HTML source characters.
 * @module
 */
import { decodeHTML } from 'entities';

/** The HTML's visible letters and digits, lower-cased, with each one's source offset. */
export interface HtmlLetters {
  letters: string;
  offsets: Int32Array;
  length: number;
}

/** Visible letters and digits of an HTML document, with their offsets in the HTML. */
export function toHtmlLetters(html: string): HtmlLetters {
  const out: string[] = [];
  const offsets: number[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:.-]*)[^>]*>|<!--[\s\S]*?-->|<![^>]*>/g;
  let at = 0;
  let hidden = '';
  const push = (text: string, base: number) => {
    const decoded = decodeHTML(text).toLowerCase();
    for (let i = 0; i < decoded.length; i++) {
      const c = decoded[i] as string;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.push(c);
        offsets.push(base + Math.min(i, text.length - 1));
      }
    }
  };
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (hidden === '' && m.index > at) push(html.slice(at, m.index), at);
    const name = (m[2] ?? '').toLowerCase();
    if (hidden === '' && m[1] === '' && (name === 'script' || name === 'style' || name === 'ix:header'))
      hidden = name;
    else if (hidden !== '' && m[1] === '/' && name === hidden) hidden = '';
    at = m.index + m[0].length;
  }
  if (hidden === '' && at < html.length) push(html.slice(at), at);
  return { letters: out.join(''), offsets: Int32Array.from(offsets), length: html.length };
}

function lettersOf(markdown: string, from: number, count: number): string {
  let key = '';
  for (let i = from; i < markdown.length && key.length < count; i++) {
    const c = (markdown[i] as string).toLowerCase();
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
  }
  return key;
}

/**
 * HTML offset of the text at `mdOffset` in the Markdown, searching forward from `fromLetter`.
 * @returns the HTML offset and the letter index (to continue from), or undefined when not found
 */
export function toHtmlOffset(
  html: HtmlLetters,
  markdown: string,
  mdOffset: number,
  fromLetter: number,
): { offset: number; letter: number } | undefined {
  if (mdOffset >= markdown.length) return { offset: html.length, letter: html.letters.length };
  for (const size of [160, 80, 40, 20]) {
    const key = lettersOf(markdown, mdOffset, size);
    if (key.length === 0) return { offset: html.length, letter: html.letters.length };
    const at = html.letters.indexOf(key, fromLetter);
    if (at >= 0) return { offset: html.offsets[at] ?? html.length, letter: at };
  }
  return undefined;
}
