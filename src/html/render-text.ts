/**
 * Blocks → plain text: readable paragraphs, one blank line between blocks, tables as
 * aligned rows (numbers right-aligned), preformatted text verbatim.
 * @module
 */
import type { Block, TableBlock } from './block.ts';
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
  const width = table.rows[0]?.length ?? 0;
  const widths: number[] = new Array(width).fill(0);
  for (const row of table.rows) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, Math.min(c.text.length, MAX_PAD));
    });
  }
  return table.rows
    .map((row) => {
      const cells = row.map((c, i) => {
        const w = widths[i] ?? 0;
        return NUMERIC.test(c.text) ? c.text.padStart(w) : c.text.padEnd(w);
      });
      return cells.join('  ').trimEnd();
    })
    .join('\n');
}
