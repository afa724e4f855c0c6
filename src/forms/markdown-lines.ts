/**
 * The primary document's Markdown as lines of plain text, with their offsets.
 * Section finders read headings, bold lines and table rows here without caring how they were marked up.
 * @module
 */

/** One line of Markdown; its plain text is computed on demand (see `lineText`). */
export interface MarkdownLine {
  /** Offset of the line's first character in the Markdown. */
  start: number;
  /** Offset just past the line (before its newline). */
  end: number;
  /** The line as written. */
  raw: string;
  /** Plain text, once computed by `lineText`. */
  text?: string;
  /** Length of the trimmed line: a cheap measure of how much text it carries. */
  size: number;
  /** True for `#` headings and lines that are bold or italic as a whole. */
  emphasized: boolean;
  /** True for table rows (`| a | b |`). */
  tableRow: boolean;
  /** The first visible letter could start a heading (`Item`, `Part`, `Signatures`). */
  headingLike: boolean;
}

const headingPrefix = /^\s{0,3}#{1,6}\s+/;
const tableRowShape = /^\s*\|.*\|\s*$/;

/**
 * Reduces a Markdown line to plain text: markup, escapes, links and table pipes removed.
 * @param line one line of Markdown
 * @returns the visible text, whitespace collapsed and trimmed
 * @example toPlainLine('**ITEM 2\\.02 -** Results') // 'ITEM 2.02 - Results'
 */
export function toPlainLine(line: string): string {
  return line
    .replace(headingPrefix, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:>\s*)+/, '')
    .replace(/^\s*[-+]\s+/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/(\*\*|__|~~)/g, ' ')
    .replace(/(^|[\s|(])[*_]+(?=\S)|(?<=\S)[*_]+(?=$|[\s|).,:;])/g, '$1')
    .replace(/\|/g, ' ')
    .replace(/<[^>]{0,80}>/g, ' ')
    .replace(/[\s\u00a0\u2002-\u200b\u3000]+/g, ' ')
    .trim();
}

/**
 * The plain text of a line (computed once, then kept on the line).
 * @param line a line from `toMarkdownLines`
 * @returns `toPlainLine(line.raw)`
 */
export function lineText(line: MarkdownLine): string {
  line.text ??= toPlainLine(line.raw);
  return line.text;
}

/**
 * Splits Markdown into lines with offsets; plain text waits for `lineText`.
 * @param markdown the document's Markdown
 * @returns one entry per line (empty lines included, so indices follow the text)
 */
export function toMarkdownLines(markdown: string): MarkdownLine[] {
  const lines: MarkdownLine[] = [];
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    const raw = markdown.slice(start, end).replace(/\r$/, '');
    const trimmed = raw.trim();
    lines.push({
      start,
      end,
      raw,
      size: trimmed.length,
      headingLike: /^[\s#>*_|\\[+-]*[IiPpSs]/.test(raw),
      emphasized:
        headingPrefix.test(raw) ||
        /^(\*\*|__)[^*_]+(\*\*|__)[.:]?$/.test(trimmed) ||
        /^\*[^*]+\*$/.test(trimmed),
      tableRow: tableRowShape.test(raw),
    });
    start = end + 1;
  }
  return lines;
}
