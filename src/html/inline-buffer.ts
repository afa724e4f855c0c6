/**
 * Collects the inline content of one block (a paragraph or a table cell) and turns it into
 * normalized lines on `take()`. Parts are joined once at the end: no quadratic string building.
 * Markdown parts are kept separately only once a link or image makes them differ from the
 * escaped text; until then the Markdown is the escaped text, computed once per block.
 * @module
 */
import { isDecoration } from './noise.ts';

/** Marks a `<br>` inside the collected parts; a private-use character filings do not contain. */
const BREAK = '\uE000';
const NON_SPACE = /\S/;
/**
 * A whitespace run that is not already one plain space (a lone space is left alone: replacing
 * only these runs with one space collapses every run, with far fewer matches than `/\s+/g`).
 */
const SPACE_RUN = /(?: \s|[^\S ])\s*/g;
const RULE = /^[\s_=\\]*$/;
const MD_SPECIAL = /[\\`*_[\]<>|]/g;
const MD_SPECIAL_ONE = /[\\`*_[\]<>|]/;

/** A finished piece of inline content: `\n` separates source lines. */
export interface InlineContent {
  text: string;
  md: string;
  /** True when (almost) all visible characters were bold. */
  bold: boolean;
  /** True when the first of several lines was bold (a run-in heading above a `<br>`). */
  firstLineBold?: boolean;
}

/**
 * Escape characters that Markdown would read as syntax in running text.
 * @example escapeMarkdown('a_b*c') // 'a\\_b\\*c'
 */
export function escapeMarkdown(text: string): string {
  // Most text has nothing to escape: one native search decides, the replace runs only on hits.
  return MD_SPECIAL_ONE.test(text) ? text.replace(MD_SPECIAL, '\\$&') : text;
}

/** Inline collector for one block; reuse it after `take()`. */
export class InlineBuffer {
  private text: string[] = [];
  /** Markdown parts, or `null` while the Markdown is just the escaped text. */
  private md: string[] | null = null;
  private boldChars = 0;
  private plainChars = 0;
  private lastWasBreak = false;
  private visible = false;
  private firstLineBold: boolean | null = null;
  /**
   * True once a document spans several decoded chunks: block strings are then copied out of
   * the chunk they were cut from, so that finished blocks do not keep every chunk alive.
   */
  detach = false;
  /** Bumped on every `take()`, so that a pending link knows whether its start is still here. */
  generation = 0;
  /** False when only the text is wanted: the Markdown of every block is then its text. */
  private readonly markdown: boolean;

  /** @param markdown false to skip building Markdown (`take()` then returns the text as `md`) */
  constructor(markdown = true) {
    this.markdown = markdown;
  }

  /** Append source text (entities already decoded). */
  add(text: string, bold: boolean): void {
    // Whitespace before the first visible character never reaches the output.
    if (!this.visible && !NON_SPACE.test(text)) return;
    this.text.push(text);
    if (this.md) this.md.push(escapeMarkdown(text));
    if (bold) this.boldChars += text.length;
    if (!this.visible || this.lastWasBreak || (!bold && this.plainChars < 8)) {
      if (NON_SPACE.test(text)) {
        this.visible = true;
        this.lastWasBreak = false;
        if (!bold) this.plainChars += text.trim().length;
      }
    }
  }

  /** Append whitespace-only source text: what `add` does with it, without looking for visible characters. */
  addSpace(text: string, bold: boolean): void {
    if (!this.visible) return;
    this.text.push(text);
    if (this.md) this.md.push(text);
    if (bold) this.boldChars += text.length;
  }

  /** Append text whose Markdown form differs (`[image: x]`). */
  addRaw(text: string, md: string): void {
    if (this.markdown) this.markdownParts().push(md);
    this.text.push(text);
    this.plainChars += text.length;
    this.lastWasBreak = false;
    this.visible = true;
  }

  /**
   * Append a line break (`<br>`).
   * @returns true when it directly follows another break (a paragraph break, `<br><br>`)
   */
  addBreak(): boolean {
    if (this.lastWasBreak) return true;
    if (this.firstLineBold === null && this.visible) {
      this.firstLineBold = this.boldChars > 0 && this.plainChars <= 1;
    }
    this.text.push(BREAK);
    if (this.md) this.md.push(BREAK);
    this.lastWasBreak = true;
    return false;
  }

  /** Position where a link starts (wrap it later with `wrapLink`). */
  mark(): number {
    return this.markdown ? this.markdownParts().length : 0;
  }

  /** Wrap the Markdown parts from `start` to the end as a link to `href`. */
  wrapLink(start: number, href: string): void {
    if (!this.markdown) return;
    const md = this.markdownParts();
    if (start >= md.length) return;
    const joined = md.slice(start).join('');
    const inner = joined.trim();
    if (inner.length === 0 || inner.includes(BREAK)) return;
    const lead = joined.length - joined.trimStart().length;
    const trail = joined.length - joined.trimEnd().length;
    md.length = start;
    md.push(`${joined.slice(0, lead)}[${inner}](${href})${joined.slice(joined.length - trail)}`);
  }

  /** True when nothing but whitespace has been collected. */
  isBlank(): boolean {
    return !this.visible;
  }

  /** Forget a blank buffer's parts (cheaper than `take()`, which would find nothing). */
  clear(): void {
    if (this.text.length > 0) this.text.length = 0;
    this.md = null;
    this.boldChars = 0;
    this.plainChars = 0;
    this.lastWasBreak = false;
    this.firstLineBold = null;
    this.generation++;
  }

  /**
   * Finish the block: normalized content, or `null` when it has no visible characters.
   * @param cell in table cells only underlines count as decoration (`-` there means nil)
   */
  take(cell = false): InlineContent | null {
    const drop = cell ? isRule : isDecoration;
    const parts = this.text;
    const text = this.visible
      ? normalize(
          parts.length === 1
            ? this.detach
              ? detached(parts[0] as string)
              : (parts[0] as string)
            : parts.join(''),
          drop,
        )
      : '';
    let md = '';
    if (text.length > 0 && !this.markdown) md = text;
    else if (text.length > 0) md = this.md ? normalize(this.md.join(''), drop) : escapeMarkdown(text);
    const bold = this.boldChars > 0 && this.plainChars <= 1;
    const firstLineBold = this.firstLineBold === true;
    this.text = [];
    this.md = null;
    this.boldChars = 0;
    this.plainChars = 0;
    this.lastWasBreak = false;
    this.visible = false;
    this.firstLineBold = null;
    this.generation++;
    if (text.length === 0) return null;
    return firstLineBold && !bold ? { text, md, bold, firstLineBold } : { text, md, bold };
  }

  private markdownParts(): string[] {
    if (!this.md) this.md = this.text.map((t) => (t === BREAK ? t : escapeMarkdown(t)));
    return this.md;
  }
}

/**
 * A copy of `s` that shares no memory with the string it was cut from (V8 keeps a slice's
 * whole parent alive): flattening a fresh concatenation copies the characters once.
 * @example detached(chunk.slice(10, 20))
 */
export function detached(s: string): string {
  return s.length === 0 ? s : ` ${s}`.slice(1);
}

/** In table cells only underlines are decoration: `-` and `*` there mean nil or a footnote. */
function isRule(line: string): boolean {
  return RULE.test(line);
}

/** Collapse whitespace, split at breaks, drop empty and decoration-only lines. */
function normalize(joined: string, drop: (line: string) => boolean): string {
  const collapsed = joined.replace(SPACE_RUN, ' ');
  if (!collapsed.includes(BREAK)) {
    const one = collapsed.trim();
    return drop(one) ? '' : one;
  }
  const lines: string[] = [];
  for (const part of collapsed.split(BREAK)) {
    const line = part.trim();
    if (!drop(line)) lines.push(line);
  }
  return lines.join('\n');
}
