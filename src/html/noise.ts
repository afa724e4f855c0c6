/**
 * Recognisers for filing noise that both outputs drop: page numbers, decoration lines,
 * and the checkbox glyphs that must stay attached to their labels.
 * @module
 */

const PAGE_NUMBER =
  /^(?:page\s+)?[-–—]?\s*(?:[a-z]{1,2}-)?\d{1,3}\s*[-–—]?$|^[-–—]?\s*[ivxlc]{1,7}\s*[-–—]?$/i;
const PAGE_OF = /^page\s+\d{1,4}\s+of\s+\d{1,4}$/i;
const DECORATION = /^[\s_\-=*~.·•#\\]*$/;
const CHECKBOXES = '☐☑☒□■✓✔✗✘þýo¨';

/**
 * True when a short line is only a page number (`12`, `- 12 -`, `F-3`, `Page 4`, `ii`, `Page 2 of 9`);
 * a lone year (`2024`) or footnote mark (`(1)`) is content.
 * @example isPageNumber('- 7 -') // true
 */
export function isPageNumber(line: string): boolean {
  return line.length <= 20 && (PAGE_NUMBER.test(line) || PAGE_OF.test(line));
}

/**
 * True when a line carries no words: empty, spaces, `____`, `----`, `* * *`.
 * @example isDecoration('______') // true
 */
export function isDecoration(line: string): boolean {
  return DECORATION.test(line);
}

/**
 * True when the cell text is only checkbox glyphs (`☐`, `☒`, Wingdings `þ`/`¨`).
 * @example isCheckbox('☐') // true
 */
export function isCheckbox(text: string): boolean {
  if (text.length === 0 || text.length > 3) return false;
  for (const ch of text) if (!CHECKBOXES.includes(ch) && ch !== ' ') return false;
  return text.trim().length > 0 && text.trim() !== 'o';
}
