/**
 * Plain-text documents (the pre-2001 ASCII filings) → blocks. Legacy markup is understood:
 * `<PAGE>` is a page break, `<TABLE>`…`</TABLE>` is kept aligned (its `<CAPTION>`, `<S>`,
 * `<C>`, `<FN>` markers blanked out), isolated page-number lines are dropped, ordinary
 * paragraphs are re-flowed and columnar blocks kept verbatim.
 * @module
 */
import type { Block } from './block.ts';
import { escapeMarkdown } from './inline-buffer.ts';
import { isDecoration, isPageNumber } from './noise.ts';

const PAGE = /^\s*<PAGE>\s*$/i;
const TABLE_START = /^\s*<TABLE>/i;
const TABLE_END = /<\/TABLE>\s*$/i;
/** The legacy column and caption markers; replaced by spaces of the same width to keep alignment. */
const LEGACY_TAG = /<\/?(?:S|C|R|CAPTION|FN|F\d{1,2}|TABLE|PAGE)>/gi;
/** A gap of 3+ spaces (or a tab) between words, after the first few characters of the line. */
const COLUMN_GAP = /^.{6,}?\S(?: {3,}|\t)\S/;
const ANY_GAP = /\S(?: {3,}|\t)\S/;
const UPPER = /[A-Z]/g;
const SHORT_LINE = 55;
const LETTERS = /[A-Za-z]/g;

/**
 * Parse a plain-text document into blocks.
 * @example parsePlainText('ITEM 1. BUSINESS\n\nThe Company makes widgets.\n') // heading + paragraph
 */
export function parsePlainText(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.split(/\r\n?|\n/);
  let para: string[] = [];
  const flush = (): void => {
    if (para.length > 0) pushParagraph(blocks, para);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (PAGE.test(line)) {
      flush();
      continue;
    }
    if (TABLE_START.test(line)) {
      flush();
      const table: string[] = [];
      for (; i < lines.length; i++) {
        const row = lines[i] as string;
        table.push(blankTags(row));
        if (TABLE_END.test(row)) break;
      }
      pushTable(blocks, table);
      continue;
    }
    const clean = blankTags(line);
    if (clean.trim().length === 0) flush();
    else para.push(clean);
  }
  flush();
  return blocks;
}

function blankTags(line: string): string {
  return line.includes('<') ? line.replace(LEGACY_TAG, (tag) => ' '.repeat(tag.length)) : line;
}

function pushTable(blocks: Block[], rows: string[]): void {
  const kept = rows.filter((r) => r.trim().length > 0).map((r) => r.replace(/\s+$/, ''));
  if (kept.length === 0) return;
  const indent = Math.min(...kept.map((r) => /^ */.exec(r)?.[0].length ?? 0));
  blocks.push({ kind: 'pre', text: kept.map((r) => r.slice(indent)).join('\n'), lang: '' });
}

function pushParagraph(blocks: Block[], lines: string[]): void {
  const trimmed = lines.map((l) => l.trim());
  if (trimmed.every((l) => isDecoration(l))) return;
  if (trimmed.length === 1 && isPageNumber(trimmed[0] as string)) return;
  if (isColumnar(trimmed)) {
    const indent = Math.min(...lines.map((l) => /^ */.exec(l)?.[0].length ?? 0));
    blocks.push({
      kind: 'pre',
      text: lines.map((l) => l.slice(indent).replace(/\s+$/, '')).join('\n'),
      lang: '',
    });
    return;
  }
  const kept = trimmed.filter((l) => !isDecoration(l)).map((l) => l.replace(/\s{2,}/g, ' '));
  // Runs of short lines are lists (names, addresses): keep their line breaks; prose is re-flowed.
  const short = kept.filter((l) => l.length < SHORT_LINE).length;
  const text = kept.join(kept.length >= 2 && short >= kept.length * 0.8 ? '\n' : ' ');
  const md = escapeMarkdown(text);
  const oneLine = text.replace(/\n/g, ' ');
  if (trimmed.length <= 2 && isHeadingLine(oneLine)) {
    blocks.push({ kind: 'heading', level: 3, text: oneLine, md: md.replace(/\n/g, ' ') });
  } else blocks.push({ kind: 'paragraph', text, md });
}

/**
 * True when a block is laid out in columns (kept verbatim): most of its lines have a wide gap
 * between words past an enumerator ("1.   PURPOSE." is prose, "Revenues    $ 12" is columns).
 */
function isColumnar(lines: string[]): boolean {
  if (lines.length === 1) {
    // One line with a gap ("99.1   Press release ...") stays aligned unless it is a heading.
    const line = lines[0] as string;
    return ANY_GAP.test(line) && !isHeadingLine(line.replace(/\s{2,}/g, ' '));
  }
  let gaps = 0;
  for (const line of lines) if (COLUMN_GAP.test(line)) gaps++;
  return gaps >= 2 && gaps * 2 >= lines.length;
}

/** Short, mostly upper-case lines are the headings of ASCII filings (`ITEM 1. BUSINESS`). */
function isHeadingLine(text: string): boolean {
  if (text.length > 100) return false;
  const letters = text.match(LETTERS)?.length ?? 0;
  return letters >= 4 && (text.match(UPPER)?.length ?? 0) >= letters * 0.9 && !/[,;]$/.test(text);
}
