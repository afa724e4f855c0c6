/**
 * Headings: real `<h1>`–`<h6>` tags, and the short bold or centred uppercase lines that
 * most filings use instead.
 * @module
 */
import type { HeadingBlock } from './block.ts';
import type { InlineContent } from './inline-buffer.ts';

const MAX_HEADING = 120;
const LETTERS = /[A-Za-z]/g;
const UPPER = /[A-Z]/g;
const NOT_A_HEADING_START = /^[☐☑☒□■•·●▪(\-–—*"“]/;
const NOT_A_HEADING_END = /[,;]$/;

/**
 * The heading for a finished block, or `null` when it is an ordinary paragraph.
 * @param content the block's inline content
 * @param level 1–6 inside `<hN>`, else 0
 * @param centred whether the block is centred
 * @example toHeading({ text: 'ITEM 7.01 REGULATION FD DISCLOSURE', md: '...', bold: true }, 0, false)
 */
export function toHeading(content: InlineContent, level: number, centred: boolean): HeadingBlock | null {
  const text = content.text.replace(/\n/g, ' ');
  const md = content.md.replace(/\n/g, ' ');
  if (level > 0) return { kind: 'heading', level, text, md };
  if (text.length > MAX_HEADING || NOT_A_HEADING_START.test(text) || NOT_A_HEADING_END.test(text))
    return null;
  if (content.text.split('\n').length > 3) return null;
  const letters = text.match(LETTERS)?.length ?? 0;
  if (letters < 3) return null;
  if (content.bold) return { kind: 'heading', level: centred ? 2 : 3, text, md };
  if (
    centred &&
    !content.text.includes('\n') &&
    text.length <= 80 &&
    (text.match(UPPER)?.length ?? 0) >= letters * 0.8
  ) {
    return { kind: 'heading', level: 2, text, md };
  }
  return null;
}
