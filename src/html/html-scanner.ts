/**
 * A fast, forgiving HTML tokenizer: jumps between `<` with `indexOf` instead of walking every
 * character through a state machine, so long attribute values (inline images, iXBRL styles)
 * and long text runs cost one search each. Entities are decoded with the `entities` package
 * (the WHATWG tables, including the Windows-1252 remapping of `&#146;`).
 *
 * Push-based: `write(chunk)` as often as needed, then `end()`. An incomplete tag at the end of
 * a chunk is kept for the next one; text is emitted only once the next `<` is seen.
 * @module
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { detached } from './inline-buffer.ts';
import { readTagName } from './tag-name.ts';
import { isBlankRange } from './whitespace.ts';

/** Receives tokens in document order. Tag and attribute names are lower-cased. */
export interface HtmlTokenSink {
  /**
   * An open tag. `tag` is the same object for every occurrence of the same tag text in one
   * document (while it stays cached), so a sink may remember what it derived from it in `memo`.
   */
  openTag(name: string, attribs: Record<string, string>, selfClosing: boolean, tag: OpenTag): void;
  closeTag(name: string): void;
  /** Text with entities decoded. */
  text(data: string): void;
  /**
   * Optional: whitespace-only runs the scanner recognises cheaply (most runs between tags:
   * `\n`, `&nbsp;`). They must mean to the sink exactly what `text` would; without this method
   * they go to `text`, and `text` may still receive whitespace-only runs either way.
   */
  space?(data: string): void;
}

/** An open tag as parsed once, replayed for every later occurrence of the same source text. */
export interface OpenTag {
  readonly name: string;
  /** Shared between occurrences: never mutate. */
  readonly attribs: Record<string, string>;
  readonly selfClosing: boolean;
  /** Raw-text element (`<script>`, `<style>` ...): its content up to the end tag is not markup. */
  readonly rawText: boolean;
  /** Free for the sink: whatever it derived from this tag (`undefined` until it sets it). */
  memo: unknown;
}

/** Attributes the converters read; others are skipped without being copied or decoded. */
export const defaultAttributes: ReadonlySet<string> = new Set([
  'style',
  'align',
  'href',
  'src',
  'alt',
  'colspan',
  'start',
  'hidden',
]);

/** Shared by every tag without a wanted attribute (never mutated). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Tags longer than this (inline images, unique iXBRL ids) are not cached. */
const MAX_CACHED_TAG = 512;
/** Distinct tags remembered per document before the cache starts over. */
const MAX_TAG_CACHE = 4096;
/** Slots of the first-level tag cache (a power of two). */
const RECENT_SLOTS = 1024;

/** Elements whose content is raw text up to their end tag (never parsed as markup). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext']);

const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Push tokenizer for HTML. */
export class HtmlScanner {
  private buffer = '';
  /** Index of the next `&` in `buffer` at or after the last text run (the buffer's length when none). */
  private nextAmp = -1;
  /** The sink takes whitespace-only runs separately. */
  private readonly spaces: boolean;
  /** Cached tags and attribute values are copied out of the chunk they were cut from (`detach()`). */
  private detaching = false;
  private rawTextEnd: string | null = null;
  private readonly sink: HtmlTokenSink;
  /** Wanted attribute names indexed by length, for allocation-free case-insensitive matching. */
  private readonly wanted: (string[] | undefined)[] = [];
  /** Parsed open tags by their source text. */
  private readonly tagCache = new Map<string, OpenTag>();
  /**
   * First level in front of `tagCache`: a slot picked from the tag's length and a few of its
   * characters holds one source text and its tag, checked by plain string equality (no hashing
   * of the whole tag, which the Map needs on every lookup).
   */
  private readonly recentKeys: (string | undefined)[] = new Array(RECENT_SLOTS);
  private readonly recentTags: (OpenTag | undefined)[] = new Array(RECENT_SLOTS);
  private lastTag: OpenTag = {
    name: '',
    attribs: NO_ATTRIBUTES,
    selfClosing: false,
    rawText: false,
    memo: undefined,
  };

  /**
   * @param sink receives the tokens
   * @param attributes the attribute names (lower case) to report; others are skipped
   */
  constructor(sink: HtmlTokenSink, attributes: ReadonlySet<string> = defaultAttributes) {
    this.sink = sink;
    this.spaces = typeof sink.space === 'function';
    for (const name of attributes) {
      const list = this.wanted[name.length] ?? [];
      list.push(name);
      this.wanted[name.length] = list;
    }
  }

  /** The wanted attribute name equal (ignoring ASCII case) to `s[start, end)`, or `null`. */
  private wantedName(s: string, start: number, end: number): string | null {
    const candidates = this.wanted[end - start];
    if (!candidates) return null;
    for (const name of candidates) {
      let k = 0;
      while (k < name.length && (s.charCodeAt(start + k) | 0x20) === name.charCodeAt(k)) k++;
      if (k === name.length) return name;
    }
    return null;
  }

  /**
   * From now on, copy what the scanner keeps across chunks (cached tag text, attribute values)
   * out of the chunk it was cut from, so that a long document's chunks can be freed.
   */
  detach(): void {
    this.detaching = true;
  }

  /** Feed the next chunk of the document. */
  write(chunk: string): void {
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.nextAmp = -1;
    const consumed = this.scan(false);
    this.buffer = consumed >= this.buffer.length ? '' : this.buffer.slice(consumed);
  }

  /** Finish: whatever is left is text (an unterminated tag or comment is dropped). */
  end(): void {
    this.nextAmp = -1;
    this.scan(true);
    this.buffer = '';
  }

  private emitText(start: number, end: number): void {
    if (end <= start) return;
    const s = this.buffer;
    // One search per `&` of the document instead of one per text run.
    if (this.nextAmp < start) {
      const amp = s.indexOf('&', start);
      this.nextAmp = amp < 0 ? s.length : amp;
    }
    if (this.nextAmp >= end) {
      if (this.spaces && isBlankRange(s, start, end)) this.sink.space?.(s.slice(start, end));
      else this.sink.text(s.slice(start, end));
      return;
    }
    const raw = s.slice(start, end);
    if (raw === '&nbsp;' && this.spaces) this.sink.space?.('\u00a0');
    else this.sink.text(decodeHTML(raw));
  }

  /** Scan the buffer; returns how many characters were consumed. */
  private scan(final: boolean): number {
    const s = this.buffer;
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      if (this.rawTextEnd !== null) {
        const close = findCloseTag(s, pos, this.rawTextEnd);
        if (close < 0) {
          if (!final) return pos;
          if (
            this.rawTextEnd === 'textarea' ||
            this.rawTextEnd === 'xmp' ||
            this.rawTextEnd === 'plaintext'
          ) {
            this.sink.text(s.slice(pos));
          }
          return n;
        }
        if (this.rawTextEnd === 'textarea' || this.rawTextEnd === 'xmp') this.sink.text(s.slice(pos, close));
        pos = close;
        this.rawTextEnd = null;
        continue;
      }
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (!final) return pos;
        this.emitText(pos, n);
        return n;
      }
      if (lt + 1 >= n) {
        if (!final) {
          this.emitText(pos, lt);
          return lt;
        }
        this.emitText(pos, n);
        return n;
      }
      const c = s.charCodeAt(lt + 1);
      let next: number;
      if (isLetter(c)) {
        this.emitText(pos, lt);
        next = this.openTag(lt);
      } else if (c === SLASH) {
        this.emitText(pos, lt);
        next = this.closeTag(lt);
      } else if (c === BANG || c === QUESTION) {
        this.emitText(pos, lt);
        next = this.markup(lt);
      } else {
        // A lone "<" (as in "a < b") is text.
        this.emitText(pos, lt + 1);
        pos = lt + 1;
        continue;
      }
      if (next < 0) {
        if (!final) return lt;
        return n;
      }
      pos = next;
    }
    return n;
  }

  /** `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE>`, `<?pi?>`: returns the index after it, or -1 if incomplete. */
  private markup(lt: number): number {
    const s = this.buffer;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.sink.text(s.slice(lt + 9, end));
      return end + 3;
    }
    const end = s.indexOf('>', lt + 2);
    return end < 0 ? -1 : end + 1;
  }

  private closeTag(lt: number): number {
    const s = this.buffer;
    const end = s.indexOf('>', lt + 2);
    if (end < 0) return -1;
    if (!isLetter(s.charCodeAt(lt + 2))) return end + 1; // `</ ...>` and `</>` are dropped
    let i = lt + 3;
    while (i < end && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== SLASH) i++;
    this.sink.closeTag(readTagName(s, lt + 2, i));
    return end + 1;
  }

  private openTag(lt: number): number {
    const s = this.buffer;
    // Filings repeat the same tags thousands of times (`<td style="...">`): a tag whose text
    // was seen before is read from the cache, name, attributes (shared, never mutated) and all.
    const gt = s.indexOf('>', lt + 2);
    let key: string | null = null;
    let slot = 0;
    if (gt > 0 && gt - lt < MAX_CACHED_TAG) {
      key = s.slice(lt, gt + 1);
      const len = gt - lt;
      slot =
        (len * 977 +
          s.charCodeAt(lt + 1) * 31 +
          s.charCodeAt(lt + 2) * 7 +
          s.charCodeAt(gt - 1) +
          s.charCodeAt(gt - 3) * 131 +
          s.charCodeAt(lt + (len >> 1)) * 17 +
          s.charCodeAt(lt + (len >> 2)) * 257 +
          s.charCodeAt(lt + ((3 * len) >> 2)) * 1031) &
        (RECENT_SLOTS - 1);
      let hit = this.recentKeys[slot] === key ? this.recentTags[slot] : undefined;
      if (hit === undefined) {
        hit = this.tagCache.get(key);
        if (hit !== undefined) {
          this.recentKeys[slot] = key;
          this.recentTags[slot] = hit;
        }
      }
      if (hit !== undefined) {
        this.emitOpenTag(hit);
        return gt + 1;
      }
    }
    const end = this.parseOpenTag(lt);
    if (end === gt + 1 && key !== null) {
      if (this.detaching) key = detached(key);
      if (this.tagCache.size >= MAX_TAG_CACHE) this.tagCache.clear();
      this.tagCache.set(key, this.lastTag);
      this.recentKeys[slot] = key;
      this.recentTags[slot] = this.lastTag;
    }
    return end;
  }

  private emitOpenTag(tag: OpenTag): void {
    this.sink.openTag(tag.name, tag.attribs, tag.selfClosing, tag);
    if (tag.rawText) this.rawTextEnd = tag.name;
  }

  /** Parse the open tag at `lt` (recorded in `lastTag`); returns the index after it, or -1 if incomplete. */
  private parseOpenTag(lt: number): number {
    const s = this.buffer;
    const n = s.length;
    let i = lt + 1;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isSpace(c) || c === SLASH || c === GT) break;
      i++;
    }
    if (i >= n) return -1;
    let name = readTagName(s, lt + 1, i);
    // Shorter names are copies already (V8 slices only strings of 13 characters or more).
    if (this.detaching && name.length >= 13) name = detached(name);
    let attribs: Record<string, string> = NO_ATTRIBUTES;
    let selfClosing = false;
    while (true) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      let c = s.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (s.charCodeAt(i + 1) === GT) {
          selfClosing = true;
          i += 2;
          break;
        }
        i++;
        continue;
      }
      const nameStart = i;
      while (i < n) {
        c = s.charCodeAt(i);
        if (isSpace(c) || c === EQUALS || c === GT || (c === SLASH && i > nameStart)) break;
        i++;
      }
      if (i >= n) return -1;
      const attrName = this.wantedName(s, nameStart, i);
      const keep = attrName !== null;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      let value = '';
      if (s.charCodeAt(i) === EQUALS) {
        i++;
        while (i < n && isSpace(s.charCodeAt(i))) i++;
        if (i >= n) return -1;
        const q = s.charCodeAt(i);
        if (q === DQUOTE || q === SQUOTE) {
          const close = s.indexOf(q === DQUOTE ? '"' : "'", i + 1);
          if (close < 0) return -1;
          if (keep) value = s.slice(i + 1, close);
          i = close + 1;
        } else {
          const start = i;
          while (i < n && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== GT) i++;
          if (i >= n) return -1;
          if (keep) value = s.slice(start, i);
        }
        if (keep && value.includes('&')) value = decodeHTMLAttribute(value);
        else if (keep && this.detaching) value = detached(value);
      }
      if (attrName !== null) {
        if (attribs === NO_ATTRIBUTES) attribs = {};
        if (!(attrName in attribs)) attribs[attrName] = value;
      }
    }
    const tag: OpenTag = {
      name,
      attribs,
      selfClosing,
      rawText: !selfClosing && RAW_TEXT.has(name),
      memo: undefined,
    };
    this.lastTag = tag;
    this.emitOpenTag(tag);
    return i;
  }
}

/** Index of `</name` (case-insensitive) followed by a delimiter, from `from`; -1 if absent. */
function findCloseTag(s: string, from: number, name: string): number {
  let i = from;
  while (true) {
    const at = s.indexOf('</', i);
    if (at < 0 || at + 2 + name.length >= s.length) return -1;
    if (s.slice(at + 2, at + 2 + name.length).toLowerCase() === name) {
      const after = s.charCodeAt(at + 2 + name.length);
      if (isSpace(after) || after === GT || after === SLASH) return at;
    }
    i = at + 2;
  }
}
