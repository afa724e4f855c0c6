/**
 * Blocks → plain text: readable paragraphs, one blank line between blocks, tables as
 * aligned rows (numbers right-aligned), preformatted text verbatim.
 * @module
 */
import type { Block, BlockCell, TableBlock } from './block.ts';
import { joinBlocks } from './join-blocks.ts';

const NUMERIC = /^[$€£¥]?\s?[(-]?[$€£¥]?\d[\d,.]*\)?%?\)?$|^[—–-]%?$/;
/** Column widths are capped so that one long cell does not push every row far right. */
const MAX_PAD = 40;

/**
 * Render blocks to plain text.
 * @example renderText([{ kind: 'paragraph', text: 'Hello', md: 'Hello' }]) // 'Hello\n'
 */
export function renderText(blocks: readonly Block[]): string {
  return joinBlocks(blocks, renderBlock);
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'list-item':
      return `${'  '.repeat(block.depth)}${block.ordered ? `${block.index}.` : '-'} ${block.text.replace(/\n/g, ' ')}`;
    case 'table':
      return renderTable(block);
    case 'pre':
      return block.text;
  }
}

function renderTable(table: TableBlock): string {
  const rows = table.rows;
  const width = rows[0]?.length ?? 0;
  const widths: number[] = new Array(width).fill(0);
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const w = Math.min((row[i] as BlockCell).text.length, MAX_PAD);
      if (w > (widths[i] ?? 0)) widths[i] = w;
    }
  }
  const lines: string[] = [];
  for (const row of rows) {
    // Cell texts never end in whitespace, so trailing empty cells and the last cell's right
    // padding are exactly what trimming the padded line would remove: they are left out.
    let last = row.length - 1;
    while (last >= 0 && (row[last] as BlockCell).text.length === 0) last--;
    let line = '';
    for (let i = 0; i <= last; i++) {
      const text = (row[i] as BlockCell).text;
      const w = widths[i] ?? 0;
      if (i > 0) line += '  ';
      if (NUMERIC.test(text)) line += text.padStart(w);
      else line += i === last ? text : text.padEnd(w);
    }
    lines.push(line);
  }
  return lines.join('\n');
}
