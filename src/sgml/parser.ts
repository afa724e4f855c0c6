/**
 * The push parser for EDGAR submissions: `write(chunk)` any number of times, then `end()`.
 * It keeps only a small window of unconsumed bytes (the header, or one document's leading tags, or
 * a 128-byte hold-back inside a body), so a 500 MB submission streams in bounded memory. Every
 * dialect goes through it; `parseSubmission` is this parser fed one chunk.
 * @module
 */
import { Buffer } from 'node:buffer';
import type {
  DocumentWrapper,
  HeaderNode,
  Submission,
  SubmissionDocument,
  SubmissionHeader,
} from '../core/submission.ts';
import { WarningSink } from '../core/warnings.ts';
import { asBuffer, isSpace, latin1, skipLineBreak, skipSpace, startsWithAt } from './bytes.ts';
import { toContentType } from './content-type.ts';
import { parseDocumentTags, readDocumentTags } from './document-meta.ts';
import { parseHeaderTree } from './header-tree.ts';
import { toSubmissionHeader } from './header-view.ts';
import { emptyHeader, type SubmissionParts, toSubmission } from './to-submission.ts';
import { findUuencodeBegin, uudecode } from './uudecode.ts';

/** A document as known when its body starts (no lengths yet). */
export type DocumentStart = Omit<SubmissionDocument, 'length' | 'blockLength'>;

/** Callbacks and limits for `createSubmissionParser`. */
export interface SubmissionParserOptions {
  /** The typed header, once the header is complete (an empty header for bare documents). */
  onHeader?: (header: SubmissionHeader) => void;
  /** A document's tags, wrapper, encoding and content type, when its body starts. */
  onDocumentStart?: (meta: DocumentStart) => void;
  /** Body bytes in order (wrapper stripped, still uuencoded). Valid only during the call. */
  onDocumentChunk?: (meta: DocumentStart, chunk: Uint8Array) => void;
  /** The finished document with its lengths. */
  onDocumentEnd?: (doc: SubmissionDocument) => void;
  /** Header larger than this is cut off with a warning (default 32 MiB). */
  maxHeaderBytes?: number;
}

/** A streaming submission parser. */
export interface SubmissionParser {
  /** Feed the next bytes. The chunk may be reused by the caller after the call returns. */
  write(chunk: Uint8Array): void;
  /** Finish; returns the whole `Submission` (offsets are absolute file offsets). */
  end(): Submission;
}

type State =
  | 'start'
  | 'pem'
  | 'after-envelope'
  | 'header'
  | 'between'
  | 'meta'
  | 'body-start'
  | 'body'
  | 'done';
type HeaderKind = 'sec-header' | 'tagged' | 'fragment';

const EMPTY = Buffer.alloc(0);
const HOLD = 128;
const WRAPPER_LOOKBACK = 96;
const LOOKAHEAD = 512;
const MAX_META = 64 * 1024;
/** Bytes of a document's leading tags decoded and searched at once (the tags are ~60-200 bytes). */
const META_WINDOW = 512;
/**
 * `write()` joins a pending window shorter than this with the chunk's first JOIN bytes: both under
 * 2 KiB, so the joined buffer comes from Node's buffer pool (a fresh ArrayBuffer cost ~1 us).
 */
const MAX_JOINED_PENDING = 2048;
const JOIN = 2048;
const TEXT_CLOSE = Buffer.from('</TEXT>', 'latin1');
const DOC_OPEN = Buffer.from('<DOCUMENT>', 'latin1');
const TEXT_OPEN = Buffer.from('<TEXT>', 'latin1');
const DOC_CLOSE = Buffer.from('</DOCUMENT>', 'latin1');
const CLOSE_OPEN = Buffer.from('</', 'latin1');
const HEADER_ENDS = [
  '</SEC-HEADER>',
  '</IMS-HEADER>',
  '</SUBMISSION>',
  '</SEC-DOCUMENT>',
  '</IMS-DOCUMENT>',
].map((s) => Buffer.from(s, 'latin1'));
const CLOSERS = [
  '</SEC-HEADER>',
  '</IMS-HEADER>',
  '</SEC-DOCUMENT>',
  '</IMS-DOCUMENT>',
  '</SUBMISSION>',
  '-----END PRIVACY-ENHANCED MESSAGE-----',
];
const WRAPPERS: ReadonlyArray<readonly [DocumentWrapper, string]> = [
  ['XBRL', '<XBRL>'],
  ['XML', '<XML>'],
  ['PDF', '<PDF>'],
];
const PEM_BEGIN = '-----BEGIN PRIVACY-ENHANCED MESSAGE-----';
const ACCESSION = /\b(\d{10}-\d{2}-\d{6})\b/;

/** True for a non-empty run of ASCII digits (`/^\d+$/` without a regex call). */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when `b` holds exactly the bytes of `pat` at `i` (a JS loop: no native call per check). */
function bytesAt(b: Buffer, i: number, pat: Buffer): boolean {
  for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) return false;
  return true;
}

/** Index of the `>` ending a leading `<NAME>` (letters and `-`) of `text`, or -1. */
function leadingTagEnd(text: string): number {
  if (text.charCodeAt(0) !== 60) return -1;
  const gt = text.indexOf('>', 1);
  if (gt < 2) return -1;
  for (let i = 1; i < gt; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    if (c !== 45 && (lower < 97 || lower > 122)) return -1;
  }
  return gt;
}

/** The last three bytes of `</TEXT>`. */
const TEXT_CLOSE_XT = Buffer.from('XT>', 'latin1');

/**
 * Index of the first `</TEXT>` at or after `from` in `b`, or -1. V8's search for a short needle
 * runs a memchr for its first byte and compares the rest in C++: `XT>` starts with the rarest byte
 * of `</TEXT>` (`X`: 0.4 per 1,000 bytes of HTML, `/` 10, `<` 20), so it runs ~2x faster than a
 * search for `/TEXT>` (synthetic and real corpus), and it returns to JavaScript almost only at a
 * real `</TEXT>` or `<TEXT>`.
 */
function findTextClose(b: Buffer, from: number): number {
  for (let i = b.indexOf(TEXT_CLOSE_XT, from + 4); i >= 0; i = b.indexOf(TEXT_CLOSE_XT, i + 1)) {
    if (b[i - 1] === 69 && b[i - 2] === 84 && b[i - 3] === 47 && b[i - 4] === 60) return i - 4;
  }
  return -1;
}

/**
 * Create a push parser.
 * @example
 * const p = createSubmissionParser({ onDocumentChunk: (meta, chunk) => sink.write(chunk) });
 * for await (const chunk of stream) p.write(chunk);
 * const submission = p.end();
 */
export function createSubmissionParser(options: SubmissionParserOptions = {}): SubmissionParser {
  const parser = new PushParser(options);
  return { write: (chunk) => parser.write(chunk), end: () => parser.end() };
}

/** The state machine behind `createSubmissionParser` and `parseSubmission`. */
export class PushParser {
  private readonly options: SubmissionParserOptions;
  private readonly sink = new WarningSink();
  private buf: Buffer = EMPTY;
  /** Absolute offset of `buf[0]`. */
  private base = 0;
  /** Absolute offset where processing continues. */
  private pos = 0;
  private final = false;
  private state: State = 'start';
  private pem = false;
  private envelope: 'sec-document' | 'ims-document' | 'submission' | undefined;
  private envelopeValue = '';
  private headerKind: HeaderKind = 'fragment';
  private headerStart = 0;
  private headerScan = 0;
  private header: SubmissionHeader | undefined;
  private readonly documents: SubmissionDocument[] = [];
  // current document
  private docStart = 0;
  private metaScan = 0;
  private current: DocumentStart | undefined;
  private wrapper: DocumentWrapper | undefined;
  /** The current document closed with `</DOCUMENT>` before any `<TEXT>`: it has no body. */
  private bodyless = false;
  private bodyEmitted = 0;
  private bodyScan = 0;
  private garbageWarned = false;
  private accessionFromContent = '';
  /** `stepMeta`'s decoded window from the document's first tag (absolute end), for its tags. */
  private metaText: string | undefined;
  private metaTextEnd = 0;

  constructor(options: SubmissionParserOptions) {
    this.options = options;
  }

  write(chunk: Uint8Array): void {
    if (this.final) throw new Error('write() after end()');
    if (chunk.length === 0) return;
    const view = asBuffer(chunk);
    if (this.buf.length === 0) {
      // Keep a view when nothing is pending (one-chunk parses never copy).
      this.buf = view;
    } else if (this.buf.length < MAX_JOINED_PENDING && view.length >= 2 * JOIN) {
      // A small pending window (a body's hold-back, a document's first tags): join it with the
      // chunk's first JOIN bytes only and parse that; once what stays pending lies inside the
      // chunk, go on in a view of the chunk instead of copying all of it. Same as writing the two
      // parts one after the other, which any chunking allows.
      this.buf = Buffer.concat([this.buf, view.subarray(0, JOIN)]);
      this.run();
      const chunkAbs = this.limit - JOIN;
      this.buf =
        this.base >= chunkAbs
          ? view.subarray(this.base - chunkAbs)
          : Buffer.concat([this.buf, view.subarray(JOIN)]);
    } else {
      this.buf = Buffer.concat([this.buf, view]);
    }
    this.run();
    // The caller may reuse its chunk: keep our own copy of what stays unconsumed.
    if (this.buf.length > 0 && this.buf.buffer === view.buffer) this.buf = Buffer.from(this.buf);
  }

  /** Parse all of `bytes` as the complete input (no copy, no hold-back). */
  parseAll(bytes: Uint8Array): Submission {
    this.buf = asBuffer(bytes);
    this.final = true;
    this.run();
    return this.finish();
  }

  end(): Submission {
    if (this.final) throw new Error('end() called twice');
    this.final = true;
    this.run();
    return this.finish();
  }

  private get limit(): number {
    return this.base + this.buf.length;
  }

  private rel(abs: number): number {
    return abs - this.base;
  }

  private run(): void {
    while (this.step()) {
      /* keep stepping */
    }
    this.compact();
  }

  /** Drop bytes no state can look back at. */
  private compact(): void {
    let keep = this.pos;
    if (this.state === 'header') keep = this.headerStart;
    else if (this.state === 'meta') keep = this.docStart;
    else if (this.state === 'body') keep = Math.min(this.bodyEmitted, this.bodyScan);
    const drop = this.rel(keep);
    if (drop <= 0) return;
    this.buf = drop >= this.buf.length ? EMPTY : this.buf.subarray(drop);
    this.base += drop;
  }

  /** One state transition; false when more input is needed or parsing is done. */
  private step(): boolean {
    switch (this.state) {
      case 'start':
      case 'after-envelope':
        return this.stepStart();
      case 'pem':
        return this.stepPem();
      case 'header':
        return this.stepHeader();
      case 'between':
        return this.stepBetween();
      case 'meta':
        return this.stepMeta();
      case 'body-start':
        return this.stepBodyStart();
      case 'body':
        return this.stepBody();
      case 'done':
        return false;
    }
  }

  /** The line at `abs` (content end, next line start), or undefined when incomplete. */
  private line(abs: number): { end: number; next: number } | undefined {
    const b = this.buf;
    const r = this.rel(abs);
    let i = r;
    const n = b.length;
    while (i < n && b[i] !== 10 && b[i] !== 13) i++;
    if (i >= n) return this.final ? { end: this.limit, next: this.limit } : undefined;
    if (b[i] === 13 && i + 1 >= n && !this.final) return undefined; // CR LF may straddle chunks
    return { end: this.base + i, next: this.base + skipLineBreak(b, i, n) };
  }

  private stepStart(): boolean {
    const p = this.base + skipSpace(this.buf, this.rel(this.pos), this.buf.length);
    this.pos = p;
    if (p >= this.limit) {
      if (!this.final) return false;
      if (this.state === 'start') this.sink.warn('unknown-dialect', 'Empty input', p);
      this.state = 'done';
      return false;
    }
    const line = this.line(p);
    if (!line) {
      if (this.limit - p > MAX_META) return this.classify(p, { end: this.limit, next: this.limit });
      return false;
    }
    return this.classify(p, line);
  }

  private classify(p: number, line: { end: number; next: number }): boolean {
    const b = this.buf;
    const r = this.rel(p);
    const text = latin1(b, r, Math.min(this.rel(line.end), r + 200));
    const first = this.state === 'start';
    if (first && text.startsWith(PEM_BEGIN)) {
      this.pem = true;
      this.pos = line.next;
      this.state = 'pem';
      return true;
    }
    // A leading `<NAME>` (what /^<([A-Za-z-]+)>(.*)$/ matched: the text holds no line break).
    const gt = leadingTagEnd(text);
    const name = gt > 0 ? text.slice(1, gt).toUpperCase() : undefined;
    if (first && (name === 'SEC-DOCUMENT' || name === 'IMS-DOCUMENT' || name === 'SUBMISSION')) {
      this.envelope =
        name === 'SEC-DOCUMENT' ? 'sec-document' : name === 'IMS-DOCUMENT' ? 'ims-document' : 'submission';
      this.envelopeValue = text.slice(gt + 1).trim();
      this.pos = line.next;
      if (name === 'SUBMISSION') {
        this.headerKind = 'tagged';
        this.beginHeader(line.next);
      } else {
        this.state = 'after-envelope';
      }
      return true;
    }
    if (name === 'SEC-HEADER' || name === 'IMS-HEADER') {
      this.headerKind = 'sec-header';
      this.beginHeader(line.next);
      return true;
    }
    if (name === 'DOCUMENT') {
      this.state = 'between';
      return true;
    }
    if (gt > 0 || /^[A-Z][A-Z0-9 ,&()/-]*:/.test(text)) {
      this.headerKind = 'fragment';
      this.beginHeader(p);
      return true;
    }
    this.sink.warn(
      'unknown-dialect',
      `Expected <SEC-DOCUMENT>, <SUBMISSION> or <DOCUMENT>, got ${JSON.stringify(text.slice(0, 60))}`,
      p,
    );
    this.state = 'between';
    return true;
  }

  private stepPem(): boolean {
    // Skip the PEM preamble: every line up to the first that starts with '<'.
    for (;;) {
      if (this.pos >= this.limit) {
        if (this.final) this.state = 'start';
        return this.final;
      }
      if (this.buf[this.rel(this.pos)] === 60) {
        this.state = 'start';
        return true;
      }
      const line = this.line(this.pos);
      if (!line) return false;
      this.pos = line.next;
    }
  }

  private beginHeader(abs: number): void {
    this.state = 'header';
    this.headerStart = abs;
    this.headerScan = abs;
    this.pos = abs;
  }

  private stepHeader(): boolean {
    const b = this.buf;
    const from = this.rel(this.headerScan);
    // The first <DOCUMENT> at a line start bounds the search for the header closers, so no
    // pattern is ever searched through document bodies. Closers are searched segment by segment
    // between successive <DOCUMENT> hits (indented copies have no line-start <DOCUMENT>), so the
    // search stops at the first closer instead of running every pattern to the end of the input.
    let stop = -1;
    let stopLen = 0;
    let isDoc = false;
    let seg = from;
    for (;;) {
      const d = b.indexOf(DOC_OPEN, seg);
      const segEnd = d >= 0 ? d : b.length;
      // Every closer starts with '</': walk those hits and take the first where a closer ends
      // inside the segment (one search for an indented header instead of one per closer).
      for (let i = b.indexOf(CLOSE_OPEN, seg); i >= 0 && i < segEnd; i = b.indexOf(CLOSE_OPEN, i + 1)) {
        for (const pat of HEADER_ENDS) {
          if (i + pat.length <= segEnd && bytesAt(b, i, pat)) {
            stop = i;
            stopLen = pat.length;
            break;
          }
        }
        if (stop >= 0) break;
      }
      if (stop >= 0 || d < 0) break;
      if (d === 0 || b[d - 1] === 10 || b[d - 1] === 13) {
        stop = d;
        isDoc = true;
        break;
      }
      seg = d + 1;
    }
    const max = this.options.maxHeaderBytes ?? 32 * 1024 * 1024;
    if (stop < 0) {
      const size = this.limit - this.headerStart;
      if (!this.final && size <= max) {
        this.headerScan = Math.max(this.headerStart, this.limit - 16);
        return false;
      }
      if (size > max) this.sink.warn('header-too-large', `Header exceeds ${max} bytes`, this.headerStart);
      else if (this.headerKind === 'sec-header')
        this.sink.warn('unterminated-header', 'Missing </SEC-HEADER>', this.limit);
      this.finishHeader(Math.min(this.limit, this.headerStart + max));
      this.pos = this.limit;
      this.state = this.final ? 'done' : 'between';
      return !this.final;
    }
    const stopAbs = this.base + stop;
    const closer = latin1(b, stop, stop + stopLen);
    if (isDoc || closer === '</SUBMISSION>' || closer.endsWith('-DOCUMENT>')) {
      if (this.headerKind === 'sec-header')
        this.sink.warn('unterminated-header', 'Missing </SEC-HEADER>', stopAbs);
      this.finishHeader(stopAbs);
      this.pos = stopAbs;
    } else {
      // the </SEC-HEADER> line itself is skipped by stepBetween (it is in CLOSERS)
      this.finishHeader(stopAbs);
      this.pos = stopAbs;
    }
    this.state = 'between';
    return true;
  }

  private finishHeader(endAbs: number): void {
    const raw: HeaderNode[] = parseHeaderTree(
      this.buf,
      this.rel(this.headerStart),
      this.rel(endAbs),
      this.sink,
      this.base,
    );
    this.header = toSubmissionHeader(raw, this.sink);
    this.options.onHeader?.(this.header);
  }

  private stepBetween(): boolean {
    const b = this.buf;
    const p = this.base + skipSpace(b, this.rel(this.pos), b.length);
    this.pos = p;
    if (p >= this.limit) {
      if (this.final) this.state = 'done';
      return false;
    }
    if (this.limit - p < 48 && !this.final) return false;
    const r = this.rel(p);
    if (startsWithAt(b, r, '<DOCUMENT>')) {
      if (!this.header) {
        this.header = emptyHeader();
        this.options.onHeader?.(this.header);
      }
      this.docStart = p;
      this.metaScan = p + 10;
      this.state = 'meta';
      this.garbageWarned = false;
      return true;
    }
    for (const closer of CLOSERS) {
      if (startsWithAt(b, r, closer)) {
        const line = this.line(p);
        if (!line) return false;
        this.pos = line.next;
        return true;
      }
    }
    // Something else: skip to the next <DOCUMENT>.
    if (!this.garbageWarned) {
      this.sink.warn(
        'trailing-garbage',
        `Unexpected content ${JSON.stringify(latin1(b, r, Math.min(b.length, r + 40)))}`,
        p,
      );
      this.garbageWarned = true;
    }
    const next = b.indexOf(DOC_OPEN, r + 1);
    if (next >= 0) {
      this.pos = this.base + next;
      return true;
    }
    if (this.final) {
      this.pos = this.limit;
      this.state = 'done';
      return false;
    }
    this.pos = Math.max(p, this.limit - DOC_OPEN.length);
    return false;
  }

  private stepMeta(): boolean {
    const b = this.buf;
    const from = this.rel(this.metaScan);
    const metaEnd = this.rel(this.docStart) + MAX_META;
    // Search only the leading-tags window, never the body. </DOCUMENT> matters only before <TEXT>
    // (a document without a body). The tags fit in a few hundred bytes: that much is decoded once,
    // searched natively and handed on for reading the tags; past it, a byte loop over the region.
    const regionEnd = Math.min(b.length, metaEnd + DOC_CLOSE.length);
    const winEnd = Math.min(regionEnd, from + META_WINDOW);
    const text = from < winEnd ? latin1(b, from, winEnd) : '';
    let t = -1;
    let d = -1;
    const ti = text.indexOf('<TEXT>');
    // Before <TEXT> only: a backward search of the tags, and the first one only when there is one.
    const di =
      ti < 0
        ? text.indexOf('</DOCUMENT>')
        : ti >= DOC_CLOSE.length && text.lastIndexOf('</DOCUMENT>', ti - DOC_CLOSE.length) >= 0
          ? text.indexOf('</DOCUMENT>')
          : -1;
    if (di >= 0 && (ti < 0 || di < ti)) d = from + di;
    else if (ti >= 0) t = from + ti;
    else {
      // Neither lies wholly inside the window: go on where one could still start.
      for (let i = Math.max(from, winEnd - DOC_CLOSE.length + 1); i < regionEnd; i++) {
        if (b[i] !== 60) continue;
        if (i + TEXT_OPEN.length <= regionEnd && bytesAt(b, i, TEXT_OPEN)) {
          t = i;
          break;
        }
        if (i + DOC_CLOSE.length <= regionEnd && bytesAt(b, i, DOC_CLOSE)) {
          d = i;
          break;
        }
      }
    }
    // The decoded window, when it starts at the document's first tag.
    if (from === this.rel(this.docStart) + 10) {
      this.metaText = text;
      this.metaTextEnd = this.base + winEnd;
    } else {
      this.metaText = undefined;
    }
    if ((t < 0 || t > metaEnd) && (d < 0 || d > metaEnd)) {
      if (!this.final && b.length < metaEnd) {
        this.metaScan = Math.max(this.docStart + 10, this.limit - 16);
        return false;
      }
      // No <TEXT>: the body starts at the first line that is not a tag.
      let q = this.rel(this.docStart) + 10;
      for (;;) {
        q = skipSpace(b, q, b.length);
        if (q >= b.length || b[q] !== 60) break;
        while (q < b.length && b[q] !== 10 && b[q] !== 13) q++;
      }
      this.sink.warn('unterminated-document', 'Document has no <TEXT> or </DOCUMENT>', this.docStart);
      this.startDocument(this.base + q, this.base + q);
      return true;
    }
    if (t >= 0 && (d < 0 || t < d)) {
      let after = t + TEXT_OPEN.length;
      if (after >= b.length && !this.final) return false;
      if (b[after] === 13 && after + 1 >= b.length && !this.final) return false;
      after = skipLineBreak(b, after, b.length);
      this.startDocument(this.base + t, this.base + after);
      return true;
    }
    // </DOCUMENT> before any <TEXT>: an empty document.
    this.sink.warn('unterminated-text', 'Document has no <TEXT>', this.docStart);
    const dAbs = this.base + (d as number);
    this.bodyless = true;
    this.startDocument(dAbs, dAbs);
    return true;
  }

  /** Read the tags in `[docStart, metaEnd)`, then wait for the body start. */
  private startDocument(metaEnd: number, bodyStart: number): void {
    const tagsStart = this.docStart + 10;
    const text = this.metaText;
    this.metaText = undefined;
    const tags =
      text !== undefined && metaEnd <= this.metaTextEnd && metaEnd >= tagsStart
        ? readDocumentTags(text, 0, metaEnd - tagsStart)
        : parseDocumentTags(this.buf, this.rel(tagsStart), this.rel(metaEnd));
    const position = this.documents.length + 1;
    const seqText = tags.sequence ?? '';
    const sequence = isDigits(seqText) ? Number(seqText) : position;
    const doc: DocumentStart = {
      type: tags.type ?? '',
      sequence,
      filename: tags.filename ?? '',
      offset: bodyStart,
      encoding: 'text',
      contentType: 'text/plain',
      blockOffset: this.docStart,
    };
    if (!tags.filename) {
      doc.filename = `${sequence}.txt`;
      doc.filenameSynthesised = true;
    }
    if (tags.description) doc.description = tags.description;
    if (tags.type === undefined) this.sink.warn('missing-type', 'Document has no <TYPE>', this.docStart);
    this.current = doc;
    this.pos = bodyStart;
    this.state = 'body-start';
  }

  private stepBodyStart(): boolean {
    const b = this.buf;
    const doc = this.current as DocumentStart;
    const start = this.rel(doc.offset);
    if (this.bodyless) return this.endBodyless(doc, start);
    if (b.length - start < LOOKAHEAD && !this.final) return false;
    let offset = start;
    this.wrapper = undefined;
    const q = skipSpace(b, start, b.length);
    // A wrapper tag's second char is X or P (any case); most bodies (`<HTML>`, text) stop there.
    let wi = -1;
    if (b[q] === 60) {
      const c = (b[q + 1] ?? 0) | 0x20;
      if (c === 120) wi = startsWithAt(b, q, '<XBRL>') ? 0 : startsWithAt(b, q, '<XML>') ? 1 : -1;
      else if (c === 112 && startsWithAt(b, q, '<PDF>')) wi = 2;
    }
    if (wi >= 0) {
      const [w, tag] = WRAPPERS[wi] as readonly [DocumentWrapper, string];
      this.wrapper = w;
      offset = skipLineBreak(b, q + tag.length, b.length);
    }
    if (this.wrapper) doc.wrapper = this.wrapper;
    doc.offset = this.base + offset;
    const lookEnd = Math.min(b.length, offset + LOOKAHEAD);
    const begin = findUuencodeBegin(b, offset, lookEnd);
    if (begin) {
      doc.encoding = 'uuencode';
      doc.uuencodeName = begin.name;
    }
    const head = () =>
      begin
        ? Buffer.from(uudecode(b, begin.dataStart, lookEnd).bytes.subarray(0, 16)).toString('latin1')
        : latin1(b, offset, lookEnd);
    doc.contentType = toContentType(
      doc.filenameSynthesised ? undefined : doc.filename,
      doc.uuencodeName,
      head,
    );
    if (!this.header?.accessionNumber && !this.envelopeValue && !this.accessionFromContent && !begin) {
      const m = ACCESSION.exec(latin1(b, offset, lookEnd));
      if (m) this.accessionFromContent = m[1] as string;
    }
    this.options.onDocumentStart?.(doc);
    this.bodyEmitted = doc.offset;
    this.bodyScan = doc.offset;
    this.pos = doc.offset;
    this.state = 'body';
    return true;
  }

  /**
   * Close a document whose `</DOCUMENT>` (at `start`) came before any `<TEXT>`: an empty body, and
   * the block ends after that `</DOCUMENT>` (the next document's `</TEXT>` is not this one's).
   */
  private endBodyless(doc: DocumentStart, start: number): boolean {
    const b = this.buf;
    const close = start + DOC_CLOSE.length;
    if (close >= b.length && !this.final) return false;
    this.bodyless = false;
    this.wrapper = undefined;
    doc.contentType = toContentType(doc.filenameSynthesised ? undefined : doc.filename, undefined, '');
    this.options.onDocumentStart?.(doc);
    this.bodyEmitted = doc.offset;
    const blockEnd = this.base + skipLineBreak(b, close, b.length);
    this.endDocument(doc.offset, blockEnd, blockEnd);
    return true;
  }

  private emitBody(upTo: number): void {
    if (upTo <= this.bodyEmitted) return;
    const cb = this.options.onDocumentChunk;
    if (cb) cb(this.current as DocumentStart, this.buf.subarray(this.rel(this.bodyEmitted), this.rel(upTo)));
    this.bodyEmitted = upTo;
  }

  private stepBody(): boolean {
    const b = this.buf;
    for (;;) {
      const p = findTextClose(b, this.rel(this.bodyScan));
      if (p < 0) {
        if (!this.final) {
          this.bodyScan = Math.max(this.bodyScan, this.limit - TEXT_CLOSE.length + 1);
          this.emitBody(Math.min(this.bodyScan, this.limit - HOLD));
          return false;
        }
        this.sink.warn(
          'unterminated-text',
          'Missing </TEXT>: the document runs to the end of the input',
          this.limit,
        );
        this.endDocument(this.limit, this.limit, this.limit);
        return false;
      }
      const pAbs = this.base + p;
      const q = skipSpace(b, p + TEXT_CLOSE.length, b.length);
      if (b.length - q < 40 && !this.final) {
        this.bodyScan = pAbs;
        this.emitBody(pAbs - HOLD);
        return false;
      }
      if (startsWithAt(b, q, '</DOCUMENT>')) {
        const blockEnd = skipLineBreak(b, q + DOC_CLOSE.length, b.length);
        if (blockEnd === q + DOC_CLOSE.length && blockEnd >= b.length && !this.final) {
          this.bodyScan = pAbs;
          return false;
        }
        this.endDocument(pAbs, this.base + blockEnd, this.base + blockEnd);
        return true;
      }
      if (q >= b.length || startsWithAt(b, q, '<DOCUMENT>') || CLOSERS.some((c) => startsWithAt(b, q, c))) {
        this.sink.warn('unterminated-document', 'Missing </DOCUMENT>', this.base + q);
        this.endDocument(pAbs, this.base + q, this.base + q);
        return true;
      }
      this.bodyScan = pAbs + TEXT_CLOSE.length;
    }
  }

  /** Close the current document: body ends at `textClose`, block at `blockEnd`. */
  private endDocument(textClose: number, blockEnd: number, next: number): void {
    const doc = this.current as DocumentStart;
    let bodyEnd = textClose;
    if (this.wrapper) {
      const b = this.buf;
      const floor = Math.max(this.rel(doc.offset), this.rel(textClose) - WRAPPER_LOOKBACK, 0);
      let e = this.rel(textClose);
      while (e > floor && isSpace(b[e - 1])) e--;
      const close = `</${this.wrapper}>`;
      if (e - close.length >= floor && startsWithAt(b, e - close.length, close)) {
        bodyEnd = this.base + e - close.length;
      } else {
        this.sink.warn('unterminated-wrapper', `Missing ${close} before </TEXT>`, textClose);
      }
    }
    bodyEnd = Math.max(bodyEnd, doc.offset);
    this.emitBody(bodyEnd);
    const finished: SubmissionDocument = {
      ...doc,
      length: bodyEnd - doc.offset,
      blockLength: blockEnd - doc.blockOffset,
    };
    this.documents.push(finished);
    this.options.onDocumentEnd?.(finished);
    this.current = undefined;
    this.bodyEmitted = next;
    this.bodyScan = next;
    this.pos = next;
    this.state = 'between';
  }

  private finish(): Submission {
    const parts: SubmissionParts = {
      documents: this.documents,
      pem: this.pem,
      size: this.limit,
      envelopeValue: this.envelopeValue,
      accessionFromContent: this.accessionFromContent,
      sink: this.sink,
    };
    if (this.header) parts.header = this.header;
    if (this.envelope) parts.envelope = this.envelope;
    return toSubmission(parts);
  }
}
