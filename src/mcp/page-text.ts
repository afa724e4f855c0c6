/**
 * Paging long text for agents: a window of at most `maxChars` characters from `offset`, cut at a
 * line break when one is near the end, never inside a surrogate pair, with the offset to continue.
 * @module
 */

/** One window of a longer text. Offsets are UTF-16 code units into the whole text. */
export interface TextPage {
  /** The window's text. */
  text: string;
  /** Start (inclusive) of the window. */
  start: number;
  /** End (exclusive) of the window. */
  end: number;
  /** Length of the whole text. */
  totalChars: number;
  /** Where the next window starts; absent when this window reaches the end. */
  nextOffset?: number;
}

/**
 * Cut `[offset, offset + maxChars)` out of `text`, preferring to end after a line break that
 * lies in the last fifth of the window. An offset past the end gives an empty last page.
 * @example pageText('a\nb\nc', 0, 3) // { text: 'a\nb', start: 0, end: 3, totalChars: 5, nextOffset: 3 }
 */
export function pageText(text: string, offset: number, maxChars: number): TextPage {
  const total = text.length;
  const start = alignStart(text, Math.min(Math.max(0, offset), total));
  let end = Math.min(total, start + Math.max(1, maxChars));
  if (end < total) {
    const floor = start + Math.floor(maxChars * 0.8);
    const nl = text.lastIndexOf('\n', end - 1);
    if (nl >= floor && nl + 1 > start) end = nl + 1;
    else if (isLowSurrogate(text.charCodeAt(end)) && end - 1 > start) end -= 1;
  }
  const page: TextPage = { text: text.slice(start, end), start, end, totalChars: total };
  if (end < total) page.nextOffset = end;
  return page;
}

function alignStart(text: string, offset: number): number {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) ? offset - 1 : offset;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
