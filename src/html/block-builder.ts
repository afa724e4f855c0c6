/**
 * The state of one HTML conversion: receives SAX-level events from the element handlers
 * (text, breaks, block boundaries, tables, lists, links) and builds the block model.
 * @module
 */
import type { Block } from './block.ts';
import { classifyTable } from './classify-table.ts';
import { toHeading } from './heading.ts';
import { InlineBuffer, type InlineContent } from './inline-buffer.ts';
import { isDecoration, isPageNumber } from './noise.ts';
import { MAX_GRID_SLOTS, normalizeTable, type RawCell } from './normalize-table.ts';

interface TableState {
  rows: RawCell[][];
  row: RawCell[] | null;
  cell: RawCell | null;
  /** A table holding a nested table is only layout: its cells become ordinary blocks. */
  dissolved: boolean;
  slots: number;
}

interface ListState {
  ordered: boolean;
  count: number;
}

const BACK_TO_TOC =
  /^(?:table of contents|index|back to (?:the )?(?:table of )?contents|return to (?:the )?table of contents|toc)$/i;

/** Builds blocks from element-level events. One instance per document. */
export class BlockBuilder {
  readonly blocks: Block[] = [];
  private readonly buf: InlineBuffer;
  private tables: TableState[] = [];
  private lists: ListState[] = [];
  private pendingItem: { ordered: boolean; index: number; depth: number } | null = null;
  private headingLevel = 0;
  private pre: string[] | null = null;
  /** Blocks emitted since the last page break (for back-to-contents links after it). */
  private sinceBreak = 99;
  /** Indexes of paragraphs next to a page break: candidates for running headers and footers. */
  private readonly nearBreak = new Set<number>();
  /** `blocks.length` at each page break, in order: block `i` is on page (breaks at or before `i`). */
  private readonly breaks: number[] = [];
  /** > 0 while inside bold / centred / hidden elements. */
  boldDepth = 0;
  centerDepth = 0;
  hiddenDepth = 0;

  /** @param markdown false when only the text is wanted (every block's `md` is then its text) */
  constructor(markdown = true) {
    this.buf = new InlineBuffer(markdown);
  }

  /** From now on, copy block strings out of the decoded chunks (see `InlineBuffer.detach`). */
  detachStrings(): void {
    this.buf.detach = true;
  }

  /** Visible text. */
  text(data: string): void {
    if (this.pre) this.pre.push(data);
    else this.buf.add(data, this.boldDepth > 0);
  }

  /** Text that is only whitespace. */
  space(data: string): void {
    if (this.pre) this.pre.push(data);
    else this.buf.addSpace(data, this.boldDepth > 0);
  }

  /** Text with a different Markdown rendering (images). */
  raw(text: string, md: string): void {
    this.buf.addRaw(text, md);
  }

  /** `<br>`. */
  lineBreak(): void {
    if (this.pre) this.pre.push('\n');
    else if (this.buf.addBreak()) this.endBlock();
  }

  /** Start of a link: returns a token for `endLink`. */
  startLink(): { generation: number; start: number } {
    return { generation: this.buf.generation, start: this.buf.mark() };
  }

  /** End of a link: wrap its text when it did not span a block boundary. */
  endLink(token: { generation: number; start: number }, href: string): void {
    if (token.generation === this.buf.generation) this.buf.wrapLink(token.start, href);
  }

  /** A block boundary (`<p>`, `<div>`, `<hr>` ...). */
  endBlock(): void {
    if (this.buf.isBlank()) {
      this.buf.clear();
      return;
    }
    const table = this.openCellTable();
    const content = this.buf.take(table !== null);
    if (!content) return;
    if (table?.cell) table.cell.lines.push(content);
    else this.emitParagraph(content, this.headingLevel);
  }

  /** A page break (`page-break-before/after`, legacy `<PAGE>`). */
  pageBreak(): void {
    this.endBlock();
    const n = this.blocks.length;
    for (let i = Math.max(0, n - 2); i < n; i++) this.nearBreak.add(i);
    if (this.breaks[this.breaks.length - 1] !== n) this.breaks.push(n);
    this.sinceBreak = 0;
  }

  /** `<h1>`–`<h6>` open. */
  startHeading(level: number): void {
    this.endBlock();
    this.headingLevel = level;
  }

  /** `<h1>`–`<h6>` close. */
  endHeading(): void {
    this.endBlock();
    this.headingLevel = 0;
  }

  /** `<pre>` open. */
  startPre(): void {
    this.endBlock();
    if (!this.openCellTable()) this.pre = [];
  }

  /** `<pre>` close. */
  endPre(): void {
    if (!this.pre) {
      this.endBlock();
      return;
    }
    const text = this.pre
      .join('')
      .replace(/\r\n?/g, '\n')
      .replace(/^\n+|\s+$/g, '');
    this.pre = null;
    if (text.length > 0) this.push({ kind: 'pre', text, lang: '' });
  }

  /** `<ul>` / `<ol>` open. */
  startList(ordered: boolean, start: number): void {
    this.endBlock();
    this.lists.push({ ordered, count: start - 1 });
  }

  /** `<ul>` / `<ol>` close. */
  endList(): void {
    this.endBlock();
    this.lists.pop();
    this.pendingItem = null;
  }

  /** `<li>` open. */
  startItem(): void {
    this.endBlock();
    const list = this.lists[this.lists.length - 1];
    const ordered = list?.ordered ?? false;
    const index = list ? ++list.count : 1;
    this.pendingItem = { ordered, index, depth: Math.max(0, this.lists.length - 1) };
  }

  /** `<li>` close. */
  endItem(): void {
    this.endBlock();
    this.pendingItem = null;
  }

  /** `<table>` open. */
  startTable(): void {
    this.endBlock();
    const parent = this.openCellTable();
    if (parent) this.dissolve(parent);
    this.tables.push({ rows: [], row: null, cell: null, dissolved: false, slots: 0 });
  }

  /** `<tr>` open. */
  startRow(): void {
    const table = this.liveTable();
    if (!table) {
      this.endBlock();
      return;
    }
    this.endCell();
    this.endRow();
    table.row = [];
  }

  /** `<td>` / `<th>` open. */
  startCell(colspan: number): void {
    const table = this.liveTable();
    if (!table) {
      this.endBlock();
      return;
    }
    this.endCell();
    this.endBlock();
    if (!table.row) table.row = [];
    table.slots += colspan;
    if (table.slots > MAX_GRID_SLOTS) {
      this.dissolve(table);
      return;
    }
    table.cell = { lines: [], colspan };
  }

  /** `<td>` / `<th>` close. */
  endCell(): void {
    const table = this.liveTable();
    if (!table?.cell) {
      this.endBlock();
      return;
    }
    this.endBlock();
    table.row?.push(table.cell);
    table.cell = null;
  }

  /** `<tr>` close. */
  endRow(): void {
    const table = this.liveTable();
    if (!table) {
      this.endBlock();
      return;
    }
    this.endCell();
    if (table.row && table.row.length > 0) table.rows.push(table.row);
    table.row = null;
  }

  /** `<table>` close. */
  endTable(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) {
      this.endBlock();
      return;
    }
    if (!table.dissolved) this.endRow();
    else this.endBlock();
    this.tables.pop();
    if (!table.dissolved) this.flushTable(table);
  }

  /** Finish the document: close everything still open and drop running headers and footers. */
  finish(): Block[] {
    if (this.pre) this.endPre();
    while (this.tables.length > 0) this.endTable();
    this.endBlock();
    dropRunningLines(this.blocks, this.nearBreak, this.breaks);
    return this.blocks;
  }

  private liveTable(): TableState | null {
    const table = this.tables[this.tables.length - 1];
    return table && !table.dissolved ? table : null;
  }

  private openCellTable(): TableState | null {
    const table = this.liveTable();
    return table?.cell ? table : null;
  }

  /** Emit what a table has so far and let the rest of it flow as ordinary blocks. */
  private dissolve(table: TableState): void {
    const cell = table.cell;
    if (cell) {
      const content = this.buf.take(true);
      if (content) cell.lines.push(content);
      table.row?.push(cell);
      table.cell = null;
    }
    if (table.row && table.row.length > 0) table.rows.push(table.row);
    table.row = null;
    this.flushTable(table);
    table.rows = [];
    table.dissolved = true;
  }

  private flushTable(table: TableState): void {
    if (table.rows.length === 0) return;
    const outcome = classifyTable(normalizeTable(table.rows));
    if ('table' in outcome) this.push(outcome.table);
    else for (const p of outcome.paragraphs) this.emitParagraph(p, 0);
  }

  private emitParagraph(content: InlineContent, headingLevel: number): void {
    const { text } = content;
    if (isDecoration(text)) return;
    if (isPageNumber(text)) return;
    if (this.sinceBreak < 2 && BACK_TO_TOC.test(text)) return;
    const item = this.pendingItem;
    if (item) {
      this.pendingItem = null;
      this.push({ kind: 'list-item', ...item, text: content.text, md: content.md });
      return;
    }
    const centred = this.centerDepth > 0;
    if (content.firstLineBold && headingLevel === 0 && !centred) {
      const t = content.text.indexOf('\n');
      const m = content.md.indexOf('\n');
      const lead = toHeading(
        { text: content.text.slice(0, t), md: content.md.slice(0, m), bold: true },
        0,
        centred,
      );
      if (lead && t > 0 && m > 0) {
        this.push(lead);
        this.push({ kind: 'paragraph', text: content.text.slice(t + 1), md: content.md.slice(m + 1) });
        return;
      }
    }
    const heading = toHeading(content, headingLevel, centred);
    this.push(heading ?? { kind: 'paragraph', text: content.text, md: content.md });
  }

  private push(block: Block): void {
    if (this.sinceBreak < 2) this.nearBreak.add(this.blocks.length);
    this.sinceBreak++;
    this.blocks.push(block);
  }
}

/** A paragraph that is only an image reference: page content (slides, charts), never furniture. */
const IMAGE_ONLY = /^\[image: [^\]]*\]$/;
const NUMBER = /\d+/g;

/** One occurrence of a candidate running line: its page and the numbers in it. */
interface Occurrence {
  page: number;
  numbers: number[];
}

/**
 * Drop short lines next to page breaks that repeat on three or more pages with a number that
 * counts the pages (running headers and footers: "Contoso | 2023 Form 10-K | 12" on the page
 * after "... | 11"). Lines of the same shape whose numbers do not follow the pages are
 * headings or list items ("Proposal No. 1" ... "Proposal No. 5") and stay.
 */
function dropRunningLines(blocks: Block[], nearBreak: Set<number>, breaks: readonly number[]): void {
  const seen = new Map<string, Occurrence[]>();
  const keyOf = (i: number): string | null => {
    const b = blocks[i];
    if (!b || b.kind === 'table' || b.kind === 'pre' || b.text.length > 80 || !/\d/.test(b.text)) return null;
    if (IMAGE_ONLY.test(b.text)) return null;
    return b.text.replace(NUMBER, '#').toLowerCase();
  };
  for (const i of nearBreak) {
    const key = keyOf(i);
    if (!key) continue;
    const numbers = ((blocks[i] as { text: string }).text.match(NUMBER) ?? []).map(Number);
    const list = seen.get(key) ?? [];
    list.push({ page: pageOf(i, breaks), numbers });
    seen.set(key, list);
  }
  const running = new Set<string>();
  for (const [key, list] of seen) if (list.length >= 3 && countsPages(list)) running.add(key);
  if (running.size === 0) return;
  const drop = new Set<number>();
  for (const i of nearBreak) {
    const key = keyOf(i);
    if (key && running.has(key)) drop.add(i);
  }
  let w = 0;
  for (let r = 0; r < blocks.length; r++) if (!drop.has(r)) blocks[w++] = blocks[r] as Block;
  blocks.length = w;
}

/** The page of block `i`: how many page breaks came before it. */
function pageOf(i: number, breaks: readonly number[]): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] as number) <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when, on three or more pages, one of the numbers minus the page is the same (a page number). */
function countsPages(list: readonly Occurrence[]): boolean {
  const width = list[0]?.numbers.length ?? 0;
  for (let j = 0; j < width; j++) {
    const pagesByOffset = new Map<number, Set<number>>();
    for (const { page, numbers } of list) {
      const offset = (numbers[j] as number) - page;
      const pages = pagesByOffset.get(offset) ?? new Set<number>();
      pages.add(page);
      if (pages.size >= 3) return true;
      pagesByOffset.set(offset, pages);
    }
  }
  return false;
}
