/**
 * Our Markdown (as `html/` writes it) to DOM, safely: no raw HTML passes through (a `<tag>` in
 * the Markdown is shown as text), every string becomes a text node. Blocks: headings,
 * paragraphs, lists, pipe tables, fenced code, rules, quotes. Headings get ids for the outline.
 * @module
 */
import { type Child, h } from './dom.ts';
import { renderInline } from './markdown-inline.ts';

/** A heading met while rendering, for an outline. */
export interface OutlineHeading {
  level: number;
  text: string;
  id: string;
}

/** Rendering state shared across the segments of one document. */
export interface MarkdownContext {
  headings: OutlineHeading[];
  /** Prefix of generated heading ids. */
  idPrefix: string;
}

const FENCE = /^(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const TABLE_SEP = /^\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (c === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

function renderTable(lines: string[]): HTMLElement {
  const [head, , ...body] = lines;
  const headCells = splitRow(head ?? '');
  const hasHeader = headCells.some((c) => c !== '');
  const rows = body.map(splitRow);
  const table = h(
    'table',
    null,
    hasHeader
      ? h(
          'thead',
          null,
          h(
            'tr',
            null,
            headCells.map((c) => h('th', null, renderInline(c))),
          ),
        )
      : null,
    h(
      'tbody',
      null,
      rows.map((r) =>
        h(
          'tr',
          null,
          r.map((c) => h('td', /^[($-]?[\d,.]+%?\)?$/.test(c) ? { class: 'num' } : null, renderInline(c))),
        ),
      ),
    ),
  );
  return h('div', { class: 'table-wrap' }, table);
}

function renderList(lines: string[]): HTMLElement {
  const root = { el: h(LIST.exec(lines[0] ?? '')?.[2]?.match(/\d/) ? 'ol' : 'ul'), indent: -1 };
  const stack: Array<{ el: HTMLElement; indent: number }> = [root];
  let lastItem: HTMLElement | undefined;
  for (const line of lines) {
    const m = LIST.exec(line);
    if (!m) {
      if (lastItem) lastItem.append(' ', ...nodes(renderInline(line.trim())));
      continue;
    }
    const indent = (m[1] ?? '').length;
    const ordered = /\d/.test(m[2] ?? '');
    let top = stack[stack.length - 1] as { el: HTMLElement; indent: number };
    if (indent > top.indent && lastItem) {
      const sub = { el: h(ordered ? 'ol' : 'ul'), indent };
      lastItem.append(sub.el);
      stack.push(sub);
      top = sub;
    } else {
      while (stack.length > 1 && indent < top.indent) {
        stack.pop();
        top = stack[stack.length - 1] as { el: HTMLElement; indent: number };
      }
      if (stack.length === 1) top.indent = indent;
    }
    lastItem = h('li', null, renderInline(m[3] ?? ''));
    top.el.append(lastItem);
  }
  return root.el;
}

function nodes(children: Child[]): Array<Node | string> {
  return children.flatMap((c) =>
    c === null || c === undefined || c === false || Array.isArray(c)
      ? []
      : [typeof c === 'number' ? String(c) : c],
  );
}

function headingText(el: HTMLElement): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Render Markdown to a list of block elements.
 * @example container.append(...renderMarkdown(md, { headings: [], idPrefix: 'd2' }))
 */
export function renderMarkdown(md: string, ctx: MarkdownContext): HTMLElement[] {
  const lines = md.split(/\r?\n/);
  const out: HTMLElement[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] as string;
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).startsWith(marker)) body.push(lines[i++] as string);
      i++;
      out.push(h('pre', null, h('code', null, body.join('\n'))));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min((heading[1] as string).length + 1, 6);
      const id = `${ctx.idPrefix}-h${ctx.headings.length + 1}`;
      const el = h(`h${level}` as 'h2', { id }, renderInline(heading[2] ?? ''));
      ctx.headings.push({ level: level - 1, text: headingText(el), id });
      out.push(el);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push(h('hr'));
      i++;
      continue;
    }
    if (line.trimStart().startsWith('|') && TABLE_SEP.test(lines[i + 1] ?? '')) {
      const rows: string[] = [];
      while (i < lines.length && (lines[i] as string).trimStart().startsWith('|'))
        rows.push(lines[i++] as string);
      out.push(renderTable(rows));
      continue;
    }
    if (LIST.test(line)) {
      const items: string[] = [];
      while (i < lines.length && (lines[i] as string).trim() !== '' && !HEADING.test(lines[i] as string))
        items.push(lines[i++] as string);
      out.push(renderList(items));
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && (lines[i] as string).startsWith('>'))
        quoted.push((lines[i++] as string).replace(/^>\s?/, ''));
      out.push(h('blockquote', null, renderMarkdown(quoted.join('\n'), ctx)));
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i] as string;
      if (
        l.trim() === '' ||
        HEADING.test(l) ||
        FENCE.test(l) ||
        (l.trimStart().startsWith('|') && para.length === 0)
      )
        break;
      para.push(l);
      i++;
    }
    if (para.length === 0) {
      // a lone `|` line that is not a table
      para.push(line);
      i++;
    }
    out.push(h('p', null, renderInline(para.join('\n'))));
  }
  return out;
}
