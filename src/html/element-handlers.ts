/**
 * One handler per HTML element kind, collected in a map that callers can extend
 * (`{ ...defaultHandlers, ...mine }`). Elements not in the map are inline and transparent;
 * elements whose content is never shown are listed in `skippedElements`.
 * @module
 */
import type { BlockBuilder } from './block-builder.ts';
import { escapeMarkdown } from './inline-buffer.ts';

/** Attributes as htmlparser2 reports them (names lower-cased). */
export type Attributes = Record<string, string>;

/** What an element does when it opens and closes. `open` may return state for `close`. */
export interface ElementHandler {
  open?: (b: BlockBuilder, attribs: Attributes) => unknown;
  close?: (b: BlockBuilder, state: unknown) => void;
  /** Text inside is bold (`<b>`, `<strong>`, `<th>`). */
  bold?: boolean;
  /** Content is centred (`<center>`). */
  center?: boolean;
}

/** Elements whose content never reaches the output (metadata, scripts, iXBRL hidden facts). */
export const skippedElements: ReadonlySet<string> = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'object',
  'embed',
  'iframe',
  'svg',
  'math',
  'ix:header',
  'ix:hidden',
  'xbrli:context',
]);

const block: ElementHandler = {
  open: (b) => b.endBlock(),
  close: (b) => b.endBlock(),
};

const bold: ElementHandler = { bold: true };

function heading(level: number): ElementHandler {
  return { open: (b) => b.startHeading(level), close: (b) => b.endHeading() };
}

const UNSAFE_URL = /^\s*(?:javascript|vbscript|data|file):/i;

const link: ElementHandler = {
  open: (b, attribs) => {
    const href = attribs.href?.trim();
    if (!href || href.startsWith('#') || UNSAFE_URL.test(href)) return null;
    return { token: b.startLink(), href: href.replace(/[\s()<>]/g, encodeURIComponent) };
  },
  close: (b, state) => {
    const s = state as { token: ReturnType<BlockBuilder['startLink']>; href: string } | null;
    if (s) b.endLink(s.token, s.href);
  },
};

const image: ElementHandler = {
  open: (b, attribs) => {
    const alt = attribs.alt?.trim() ?? '';
    const src = attribs.src?.trim() ?? '';
    const name = alt || (UNSAFE_URL.test(src) ? '' : (src.split(/[?#]/)[0]?.split('/').pop() ?? ''));
    if (name.length === 0) return;
    const label = name.length > 200 ? `${name.slice(0, 197)}...` : name;
    b.raw(` [image: ${label}] `, ` [image: ${escapeMarkdown(label)}] `);
  },
};

const list = (ordered: boolean): ElementHandler => ({
  open: (b, attribs) => b.startList(ordered, Number.parseInt(attribs.start ?? '1', 10) || 1),
  close: (b) => b.endList(),
});

const cell = (isHeader: boolean): ElementHandler => ({
  bold: isHeader,
  open: (b, attribs) => b.startCell(Number.parseInt(attribs.colspan ?? '1', 10) || 1),
  close: (b) => b.endCell(),
});

/** The default handler map. */
export const defaultHandlers: Readonly<Record<string, ElementHandler>> = {
  p: block,
  div: block,
  blockquote: block,
  section: block,
  article: block,
  header: block,
  footer: block,
  nav: block,
  aside: block,
  main: block,
  address: block,
  form: block,
  fieldset: block,
  figure: block,
  figcaption: block,
  caption: block,
  dl: block,
  dt: block,
  dd: block,
  body: block,
  center: { ...block, center: true },
  h1: heading(1),
  h2: heading(2),
  h3: heading(3),
  h4: heading(4),
  h5: heading(5),
  h6: heading(6),
  b: bold,
  strong: bold,
  a: link,
  img: image,
  br: { open: (b) => b.lineBreak() },
  hr: block,
  page: { open: (b) => b.pageBreak() },
  pre: { open: (b) => b.startPre(), close: (b) => b.endPre() },
  xmp: { open: (b) => b.startPre(), close: (b) => b.endPre() },
  ul: list(false),
  ol: list(true),
  li: { open: (b) => b.startItem(), close: (b) => b.endItem() },
  table: { open: (b) => b.startTable(), close: (b) => b.endTable() },
  tr: { open: (b) => b.startRow(), close: (b) => b.endRow() },
  td: cell(false),
  th: cell(true),
};
