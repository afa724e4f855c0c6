/**
 * Table normalization: expand colspans into a grid, merge the "$" | "1,234" | ")" and "%"
 * cells that filings split apart, drop empty rows and spacer columns, and fold header cells
 * that a colspan left above an emptied currency column.
 * @module
 */
import type { InlineContent } from './inline-buffer.ts';

/** A cell as collected from the HTML: its lines and its colspan. */
export interface RawCell {
  lines: InlineContent[];
  colspan: number;
}

/** A cell of the normalized grid. */
export interface GridCell {
  text: string;
  md: string;
  bold: boolean;
  lines: InlineContent[];
}

/** Rows of equal width; `null` is an empty slot (spacer, colspan continuation, merged away). */
export type Grid = (GridCell | null)[][];

const MAX_COLSPAN = 100;
/** Beyond this many slots a "table" is treated as text, so one cell cannot make a huge grid. */
export const MAX_GRID_SLOTS = 500_000;
const CURRENCY = /^(?:US\s?\$|C\$|A\$|\$|€|£|¥|Ps\.|R\$)$/;
const CLOSER = /^(?:\)|%|\)%|%\)|\)\s*%)$/;
const HAS_DIGIT = /\d/;
const DASH = /^[-–—]$/;
const NUMERIC = /^[$€£¥(]*\s*[-–—]?\d[\d,.]*\s*\)?\s*%?\)?$|^[-–—]$/;

/**
 * Turn raw rows into a normalized grid.
 * @param rows raw rows in source order
 * @returns the grid (possibly with zero rows or zero columns)
 * @example normalizeTable([[cell('$'), cell('1,234'), cell(')')]]) // [[{ text: '$1,234)' }]]
 */
export function normalizeTable(rows: RawCell[][]): Grid {
  let grid = expand(rows);
  for (const row of grid) mergeSplitCells(row);
  grid = grid.filter((row) => row.some((c) => c !== null));
  grid = dropEmptyColumns(grid);
  return foldHeaderColumns(grid);
}

function toGridCell(raw: RawCell): GridCell | null {
  if (raw.lines.length === 0) return null;
  const first = raw.lines[0] as InlineContent;
  if (raw.lines.length === 1) return { text: first.text, md: first.md, bold: first.bold, lines: raw.lines };
  const text: string[] = [];
  const md: string[] = [];
  let bold = true;
  for (const line of raw.lines) {
    text.push(line.text);
    md.push(line.md);
    bold &&= line.bold;
  }
  return {
    text: text.join(' ').replace(/\n/g, ' '),
    md: md.join(' ').replace(/\n/g, ' '),
    bold,
    lines: raw.lines,
  };
}

function expand(rows: RawCell[][]): Grid {
  const grid: Grid = [];
  const dashes: { row: number; start: number; span: number; value: GridCell }[] = [];
  let width = 0;
  let slots = 0;
  for (const raw of rows) {
    const row: (GridCell | null)[] = [];
    // Header rows (no label in the first cell) keep spanning years and titles in the first slot.
    const body = (raw[0]?.lines.length ?? 0) > 0;
    for (const cell of raw) {
      const value = toGridCell(cell);
      const span = Math.min(Math.max(cell.colspan, 1), MAX_COLSPAN);
      const spanning = body && value !== null && span > 1;
      if (spanning && DASH.test(value.text)) {
        // A nil dash goes where the other rows have their values (placed below).
        dashes.push({ row: grid.length, start: row.length, span, value });
        for (let k = 0; k < span; k++) row.push(null);
        continue;
      }
      // Numbers align right: a spanning number sits in the last slot of its span, where the
      // numbers of rows with a separate "$" cell end up once that cell is merged.
      const last = spanning && NUMERIC.test(value.text);
      if (!last) row.push(value);
      for (let k = 1; k < span; k++) row.push(null);
      if (last) row.push(value);
    }
    slots += row.length;
    if (slots > MAX_GRID_SLOTS) break;
    if (row.length > width) width = row.length;
    grid.push(row);
  }
  for (const row of grid) while (row.length < width) row.push(null);
  for (const d of dashes) {
    let best = d.start + d.span - 1;
    let bestCount = -1;
    for (let c = d.start + d.span - 1; c >= d.start; c--) {
      let count = 0;
      for (let r = 0; r < grid.length; r++) if (r !== d.row && grid[r]?.[c]) count++;
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    const row = grid[d.row];
    if (row && best < row.length) row[best] = d.value;
  }
  return grid;
}

/** "$" joins the next value to its right; ")" and "%" join the value to their left. */
function mergeSplitCells(row: (GridCell | null)[]): void {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    if (CURRENCY.test(cell.text)) {
      for (let n = c + 1; n < row.length && n <= c + 3; n++) {
        const next = row[n];
        if (!next) continue;
        if (HAS_DIGIT.test(next.text) || next.text === '—' || next.text === '-') {
          row[n] = joinCells(cell, next, '');
          row[c] = null;
        }
        break;
      }
    } else if (CLOSER.test(cell.text)) {
      for (let p = c - 1; p >= 0 && p >= c - 3; p--) {
        const prev = row[p];
        if (!prev) continue;
        if (HAS_DIGIT.test(prev.text) || prev.text.startsWith('(') || DASH.test(prev.text)) {
          row[p] = joinCells(prev, cell, '');
          row[c] = null;
        }
        break;
      }
    }
  }
}

function joinCells(a: GridCell, b: GridCell, sep: string): GridCell {
  const text = `${a.text}${sep}${b.text}`;
  const md = `${a.md}${sep}${b.md}`;
  return { text, md, bold: a.bold && b.bold, lines: [{ text, md, bold: a.bold && b.bold }] };
}

function dropEmptyColumns(grid: Grid): Grid {
  const width = grid[0]?.length ?? 0;
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (grid.some((row) => row[c] !== null)) keep.push(c);
  if (keep.length === width) return grid;
  return grid.map((row) => keep.map((c) => row[c] ?? null));
}

/**
 * A colspan header sits above the first slot of its span; when that slot's column is empty
 * below the header rows (its "$" moved right), fold it into its right neighbour.
 */
function foldHeaderColumns(grid: Grid): Grid {
  // Header rows are the leading rows without a row label in the first column.
  const bodyStart = grid.findIndex((row) => row[0] !== null);
  if (bodyStart <= 0) return grid;
  let width = grid[0]?.length ?? 0;
  let c = 1;
  while (c < width - 1) {
    const headerOnly = grid.every((row, r) => r < bodyStart || row[c] === null);
    const complementary = grid.every((row) => row[c] === null || row[c + 1] === null);
    if (headerOnly && complementary && grid.some((row) => row[c] !== null)) {
      for (const row of grid) {
        if (row[c + 1] === null) row[c + 1] = row[c] ?? null;
        row.splice(c, 1);
      }
      width--;
    } else c++;
  }
  // A header that ended up right of its numbers (a span over "value | spacer") folds left.
  c = 2;
  while (c < width) {
    const headerOnly = grid.every((row, r) => r < bodyStart || row[c] === null);
    const leftHasNoHeader = grid.every((row, r) => r >= bodyStart || row[c - 1] === null);
    const complementary = grid.every((row) => row[c] === null || row[c - 1] === null);
    if (headerOnly && leftHasNoHeader && complementary && grid.some((row) => row[c] !== null)) {
      for (const row of grid) {
        if (row[c - 1] === null) row[c - 1] = row[c] ?? null;
        row.splice(c, 1);
      }
      width--;
    } else c++;
  }
  return grid;
}
