/**
 * HTML → blocks in one pass: the scanner's tokens go through a small tree builder (implied
 * end tags as browsers apply them to `<p>`, `<li>`, `<tr>`, `<td>`; void elements) into the
 * element handlers. Input arrives in chunks, so a large document is never held twice.
 * @module
 */
import type { Block } from './block.ts';
import { BlockBuilder } from './block-builder.ts';
import {
  type Attributes,
  defaultHandlers,
  type ElementHandler,
  skippedElements,
} from './element-handlers.ts';
import { HtmlScanner, type OpenTag } from './html-scanner.ts';

/** Options for `parseHtml`. */
export interface ParseHtmlOptions {
  /** Extra or replacement element handlers, merged over `defaultHandlers`. */
  handlers?: Record<string, ElementHandler>;
  /** False when only the text is wanted: no Markdown is built and every block's `md` is its text. */
  markdown?: boolean;
}

const HIDDEN = 1;
const BOLD = 2;
const CENTER = 4;
const PAGE_BREAK_FLAG = 8;
const MAX_STYLE_CACHE = 4096;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Opening one of these closes an open `<p>` (as browsers do). */
const CLOSES_P = new Set([
  'p',
  'div',
  'table',
  'ul',
  'ol',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'hr',
  'form',
  'address',
  'center',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'figure',
  'fieldset',
]);
/** For an opening tag, the element it closes and the elements that stop the search. */
const IMPLIED: ReadonlyMap<string, { closes: ReadonlySet<string>; stop: ReadonlySet<string> }> = new Map([
  ['li', { closes: new Set(['li']), stop: new Set(['ul', 'ol', 'table']) }],
  ['tr', { closes: new Set(['tr']), stop: new Set(['table', 'tbody', 'thead', 'tfoot']) }],
  ['td', { closes: new Set(['td', 'th']), stop: new Set(['tr', 'table']) }],
  ['th', { closes: new Set(['td', 'th']), stop: new Set(['tr', 'table']) }],
  ['dt', { closes: new Set(['dt', 'dd']), stop: new Set(['dl']) }],
  ['dd', { closes: new Set(['dt', 'dd']), stop: new Set(['dl']) }],
  ['tbody', { closes: new Set(['tr', 'tbody', 'thead']), stop: new Set(['table']) }],
]);
/** What the tree builder needs to know about one tag name. */
interface TagInfo {
  handler: ElementHandler | undefined;
  implied: { closes: ReadonlySet<string>; stop: ReadonlySet<string> } | undefined;
  closesP: boolean;
  isVoid: boolean;
  skipped: boolean;
}
/** What one open tag (name and attributes) means to the tree builder, worked out once per distinct tag. */
interface TagMemo {
  info: TagInfo;
  /** HIDDEN from the style, the `hidden` attribute or a skipped element; BOLD and CENTER from the style. */
  styleFlags: number;
  pageBreak: boolean;
  /** Needs no frame when not hidden: no handler, no style flags, no `align`. */
  untracked: boolean;
  /** BOLD and CENTER from the handler and `align=center`. */
  extraFlags: number;
}
/** Distinct tag names remembered per document (hostile input may invent millions). */
const MAX_TAG_INFOS = 1024;
/** A Map, so that tag names like `constructor` or `__proto__` never reach Object.prototype. */
const defaultHandlerMap: ReadonlyMap<string, ElementHandler> = new Map(Object.entries(defaultHandlers));
/** An end tag searches at most this far down the open elements (bounds unclosed `<font>` floods). */
const MAX_CLOSE_SEARCH = 256;
const STYLE_OF_INTEREST = /none|bold|weight|center|break/i;
const DISPLAY_NONE = /display\s*:\s*none/i;
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|[6-9]00)|font\s*:[^;]*bold/i;
const CENTER_STYLE = /text-align\s*:\s*center/i;
const PAGE_BREAK = /(?:page-)?break-(?:before|after)\s*:\s*(?:always|page)/i;

/**
 * Parse HTML text (whole or in chunks) into blocks.
 * @param chunks the decoded document, in order
 * @returns the document's blocks
 * @example parseHtml(['<p><b>ITEM 7.01</b></p>']) // [{ kind: 'heading', ... }]
 */
export function parseHtml(chunks: Iterable<string>, options: ParseHtmlOptions = {}): Block[] {
  const handlers = options.handlers
    ? new Map(Object.entries({ ...defaultHandlers, ...options.handlers }))
    : defaultHandlerMap;
  const b = new BlockBuilder(options.markdown ?? true);
  // The open elements, as parallel arrays (no object per element).
  const names: string[] = [];
  const frameHandlers: (ElementHandler | undefined)[] = [];
  const frameFlags: number[] = [];
  const frameStates: unknown[] = [];

  const push = (name: string, handler: ElementHandler | undefined, flags: number, state: unknown): void => {
    names.push(name);
    frameHandlers.push(handler);
    frameFlags.push(flags);
    frameStates.push(state);
  };

  const close = (): void => {
    names.pop();
    const handler = frameHandlers.pop();
    const flags = frameFlags.pop() ?? 0;
    const state = frameStates.pop();
    if (flags & HIDDEN) {
      b.hiddenDepth--;
      return;
    }
    if (handler?.close) handler.close(b, state);
    if (flags & BOLD) b.boldDepth--;
    if (flags & CENTER) b.centerDepth--;
  };

  const popTo = (index: number): void => {
    while (names.length > index) close();
  };

  // Filings repeat the same style strings thousands of times: remember what each one means.
  const styleCache = new Map<string, number>();
  const styleFlags = (style: string): number => {
    const cached = styleCache.get(style);
    if (cached !== undefined) return cached;
    let flags = 0;
    if (STYLE_OF_INTEREST.test(style)) {
      if (DISPLAY_NONE.test(style)) flags |= HIDDEN;
      if (BOLD_STYLE.test(style)) flags |= BOLD;
      if (CENTER_STYLE.test(style)) flags |= CENTER;
      if (PAGE_BREAK.test(style)) flags |= PAGE_BREAK_FLAG;
    }
    if (styleCache.size < MAX_STYLE_CACHE) styleCache.set(style, flags);
    return flags;
  };

  // Everything the tree builder knows about a tag name, found with one lookup per tag.
  const tagInfos = new Map<string, TagInfo>();
  const tagInfo = (name: string): TagInfo => {
    const cached = tagInfos.get(name);
    if (cached !== undefined) return cached;
    const info: TagInfo = {
      handler: handlers.get(name),
      implied: IMPLIED.get(name),
      closesP: CLOSES_P.has(name),
      isVoid: VOID.has(name),
      skipped: skippedElements.has(name),
    };
    if (tagInfos.size < MAX_TAG_INFOS) tagInfos.set(name, info);
    return info;
  };

  const memoOf = (name: string, attribs: Attributes): TagMemo => {
    const info = tagInfo(name);
    const style = attribs.style;
    let flags = style ? styleFlags(style) : 0;
    const pageBreak = (flags & PAGE_BREAK_FLAG) !== 0;
    flags &= ~PAGE_BREAK_FLAG;
    if (attribs.hidden !== undefined || info.skipped) flags |= HIDDEN;
    const handler = info.handler;
    let extraFlags = 0;
    if (handler?.bold) extraFlags |= BOLD;
    if (handler?.center || (attribs.align !== undefined && attribs.align.toLowerCase() === 'center'))
      extraFlags |= CENTER;
    const untracked = handler === undefined && flags === 0 && attribs.align === undefined;
    return { info, styleFlags: flags, pageBreak, untracked, extraFlags };
  };

  /** Open an element; returns false for a plain inline element, which is not tracked at all. */
  const open = (name: string, attribs: Attributes, m: TagMemo): boolean => {
    if (b.hiddenDepth > 0) {
      push(name, undefined, 0, undefined);
      return true;
    }
    if (m.styleFlags & HIDDEN) {
      b.hiddenDepth++;
      push(name, undefined, HIDDEN, undefined);
      return true;
    }
    // `<font>`, `<span>`, `<ix:nonFraction>`... without meaning here: their end tag finds no
    // open element of that name and is ignored, so they need no frame.
    if (m.untracked) return false;
    const handler = m.info.handler;
    const flags = m.styleFlags | m.extraFlags;
    if (m.pageBreak) b.pageBreak();
    if (flags & BOLD) b.boldDepth++;
    if (flags & CENTER) b.centerDepth++;
    push(name, handler, flags, handler?.open ? handler.open(b, attribs) : undefined);
    return true;
  };

  const startTag = (name: string, attribs: Attributes, selfClosing: boolean, tag?: OpenTag): void => {
    let m = tag?.memo as TagMemo | undefined;
    if (m === undefined) {
      m = memoOf(name, attribs);
      if (tag !== undefined) tag.memo = m;
    }
    const info = m.info;
    const implied = info.implied;
    if (implied) {
      for (let i = names.length - 1; i >= 0 && i >= names.length - MAX_CLOSE_SEARCH; i--) {
        const openName = names[i] as string;
        if (implied.stop.has(openName)) break;
        if (implied.closes.has(openName)) {
          popTo(i);
          break;
        }
      }
    }
    if (info.closesP && names[names.length - 1] === 'p') popTo(names.length - 1);
    if (open(name, attribs, m) && (selfClosing || info.isVoid)) close();
  };

  const endTag = (name: string): void => {
    for (let i = names.length - 1; i >= 0 && i >= names.length - MAX_CLOSE_SEARCH; i--) {
      if (names[i] === name) {
        popTo(i);
        return;
      }
    }
    if (name === 'p' || name === 'br') startTag(name, {}, true);
  };

  const scanner = new HtmlScanner({
    openTag: startTag,
    closeTag: endTag,
    text: (data) => {
      if (b.hiddenDepth === 0) b.text(data);
    },
    space: (data) => {
      if (b.hiddenDepth === 0) b.space(data);
    },
  });
  let count = 0;
  for (const chunk of chunks) {
    // Past the first chunk, keep no string that is a slice of a chunk (it would pin the chunk).
    if (count++ === 1) {
      scanner.detach();
      b.detachStrings();
    }
    scanner.write(chunk);
  }
  scanner.end();
  popTo(0);
  return b.finish();
}
