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
  /** Length of the line (trimmed for heading-like lines): a cheap measure of how much text it carries. */
  size: number;
  /** True for `#` headings and lines that are bold or italic as a whole. */
  emphasized: boolean;
  /** True for table rows (`| a | b |`). */
  tableRow: boolean;
  /** The first visible word could start a heading (`Item`, `Part`, `Signatures`). */
  headingLike: boolean;
}

const headingPrefix = /^\s{0,3}#{1,6}\s+/;
const tableRowShape = /^\s*\|.*\|\s*$/;
const headingStart = /^[ \t#>*_|\\[+-]*(?:item|part|sig)/gim;

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
    const raw =
      markdown.charCodeAt(end - 1) === 13 ? markdown.slice(start, end - 1) : markdown.slice(start, end);
    lines.push({ start, end, raw, size: raw.length, headingLike: false, emphasized: false, tableRow: false });
    start = end + 1;
  }
  // One native scan finds the few lines that may be headings; only those are examined further.
  let index = 0;
  for (const m of markdown.matchAll(headingStart)) {
    while (index + 1 < lines.length && (lines[index + 1] as MarkdownLine).start <= m.index) index++;
    const line = lines[index] as MarkdownLine;
    const trimmed = line.raw.trim();
    line.headingLike = true;
    line.size = trimmed.length;
    line.emphasized =
      headingPrefix.test(line.raw) ||
      /^(\*\*|__)[^*_]+(\*\*|__)[.:]?$/.test(trimmed) ||
      /^\*[^*]+\*$/.test(trimmed);
    line.tableRow = tableRowShape.test(line.raw);
  }
  return lines;
}
