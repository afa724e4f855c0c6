/**
 * Decide whether a normalized table holds data (kept as a table) or only lays text out
 * (one cell, one row, checkbox rows, signature blocks, "Item 7.01 | text" and bullet
 * columns), and produce the blocks for it.
 * @module
 */
import type { BlockCell, TableBlock } from './block.ts';
import type { InlineContent } from './inline-buffer.ts';
import { isCheckbox } from './noise.ts';
import type { Grid, GridCell } from './normalize-table.ts';

const SIGNATURE = /^(?:\/s\/|By:|Name:|Title:)/i;
const ENUMERATOR =
  /^(?:\(?[0-9a-z]{1,3}[.)]|\([0-9a-z]{1,4}\)|[•·●▪◦○■\-–—*†‡§]|item\s+\d+[a-z]?(?:\.\d+)?\.?)$/i;

/** What a table becomes: a data table, or paragraphs in reading order. */
export type TableOutcome = { table: TableBlock } | { paragraphs: InlineContent[] };

/**
 * Classify a normalized grid and build its output.
 * @example classifyTable(normalizeTable(rows)) // { paragraphs: [...] } for a one-cell layout table
 */
export function classifyTable(grid: Grid): TableOutcome {
  const width = grid[0]?.length ?? 0;
  if (grid.length === 0 || width === 0) return { paragraphs: [] };
  if (width === 1) return { paragraphs: grid.flatMap((row) => row[0]?.lines ?? []) };
  if (grid.length === 1 || isLayout(grid, width)) return { paragraphs: grid.map(joinRow) };
  return { table: toTableBlock(grid) };
}

function isLayout(grid: Grid, width: number): boolean {
  let enumerated = 0;
  for (const row of grid) {
    for (const cell of row) {
      if (cell && (isCheckbox(cell.text) || SIGNATURE.test(cell.text))) return true;
    }
    const first = row[0];
    if (first && ENUMERATOR.test(first.text)) enumerated++;
  }
  // Footnote and bullet lists laid out as "(1) | text" or "• | text", and "Item 7.01 | text".
  return width === 2 && enumerated === grid.length && grid.some((row) => (row[1]?.text.length ?? 0) > 40);
}

function joinRow(row: (GridCell | null)[]): InlineContent {
  const text: string[] = [];
  const md: string[] = [];
  let bold = true;
  for (const cell of row) {
    if (!cell) continue;
    text.push(cell.text);
    md.push(cell.md);
    bold &&= cell.bold;
  }
  return { text: text.join(' '), md: md.join(' '), bold };
}

function toTableBlock(grid: Grid): TableBlock {
  const rows: BlockCell[][] = grid.map((row) =>
    row.map((cell) => (cell ? { text: cell.text, md: cell.md } : EMPTY)),
  );
  return { kind: 'table', rows };
}

const EMPTY: BlockCell = { text: '', md: '' };
