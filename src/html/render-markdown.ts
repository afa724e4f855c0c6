/**
 * Blocks → Markdown (GitHub-flavoured): ATX headings, paragraphs, lists, GFM tables with
 * escaped pipes, fenced blocks for preformatted text and XML.
 * @module
 */
import type { Block, BlockCell, TableBlock } from './block.ts';
import { joinBlocks } from './join-blocks.ts';

const BLOCK_SYNTAX_START = /^(?:#{1,6}(?:\s|$)|[>+=]|[-*](?:\s|$)|\d{1,9}[.)](?:\s|$))/;

/**
 * Render blocks to Markdown. Blocks are separated by one blank line; list items by a newline.
 * @example toMarkdownFromBlocks([{ kind: 'heading', level: 3, text: 'Item 1', md: 'Item 1' }]) // '### Item 1\n'
 */
export function renderMarkdown(blocks: readonly Block[]): string {
  return joinBlocks(blocks, renderBlock);
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(Math.max(block.level, 1), 6))} ${block.md}`;
    case 'paragraph':
      return block.md.includes('\n')
        ? block.md.split('\n').map(escapeLineStart).join('\n')
        : escapeLineStart(block.md);
    case 'list-item':
      return `${'  '.repeat(block.depth)}${block.ordered ? `${block.index}.` : '-'} ${block.md.replace(/\n/g, ' ')}`;
    case 'table':
      return renderTable(block);
    case 'pre':
      return fence(block.text, block.lang);
  }
}

/** Keep a paragraph line from being read as a heading, list, quote or rule. */
function escapeLineStart(line: string): string {
  if (!BLOCK_SYNTAX_START.test(line)) return line;
  const m = /^\d+/.exec(line);
  return m ? `${m[0]}\\${line.slice(m[0].length)}` : `\\${line}`;
}

function renderTable(table: TableBlock): string {
  const lines: string[] = [];
  const width = table.rows[0]?.length ?? 0;
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r] as BlockCell[];
    let line = '|';
    for (const cell of row) line += ` ${escapeCell(cell.md)} |`;
    lines.push(row.length === 0 ? '|  |' : line);
    if (r === 0) lines.push(`|${' --- |'.repeat(width)}`);
  }
  return lines.join('\n');
}

/** A cell's Markdown on one line, with its unescaped pipes escaped (most cells need neither). */
function escapeCell(md: string): string {
  const line = md.includes('\n') ? md.replace(/\n/g, ' ') : md;
  return line.includes('|') ? line.replace(/(?<!\\)\|/g, '\\|') : line;
}

/** A fenced block whose fence is longer than any backtick run inside. */
function fence(text: string, lang: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`{3,}/g)) longest = Math.max(longest, m[0].length);
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}${lang}\n${text}\n${f}`;
}
