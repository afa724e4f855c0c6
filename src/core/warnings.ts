/**
 * Located warnings: parsers forgive malformed input and report what they noticed here
 * instead of throwing. A warning always says where (byte offset into the input).
 * @module
 */

/** Stable warning codes. Tests assert on these, never on message prose. */
export type WarningCode =
  | 'document-count-mismatch'
  | 'unterminated-document'
  | 'unterminated-text'
  | 'unterminated-header'
  | 'missing-header'
  | 'malformed-header-line'
  | 'malformed-tag'
  | 'missing-accession'
  | 'invalid-date'
  | 'invalid-cik'
  | 'duplicate-sequence'
  | 'uudecode-error'
  | 'unknown-dialect'
  | 'trailing-garbage'
  | 'encoding'
  | 'truncated'
  /** An `<XBRL>`/`<XML>`/`<PDF>` wrapper without its closing tag before `</TEXT>`. */
  | 'unterminated-wrapper'
  /** A `<DOCUMENT>` without `<TYPE>`. */
  | 'missing-type'
  /** A header larger than the parser's limit (the rest is not parsed as header). */
  | 'header-too-large'
  | (string & {});

/** A problem found in the input, with its byte offset (and 1-based line where known). */
export interface ParseWarning {
  code: WarningCode;
  message: string;
  /** Byte offset into the input where the problem was seen. */
  offset: number;
  /** 1-based line number, when the producer tracks lines. */
  line?: number;
}

/** Collects warnings; producers call `warn()`, consumers read `list`. */
export class WarningSink {
  readonly list: ParseWarning[] = [];
  /** Cap so that a pathological input cannot grow the list without bound. */
  readonly max: number;
  dropped = 0;
  constructor(max = 1000) {
    this.max = max;
  }
  warn(code: WarningCode, message: string, offset: number, line?: number): void {
    if (this.list.length >= this.max) {
      this.dropped++;
      return;
    }
    this.list.push(line === undefined ? { code, message, offset } : { code, message, offset, line });
  }
}
