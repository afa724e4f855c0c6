/**
 * What the text and Markdown converters take: one document's decoded bytes and its metadata.
 * @module
 */

/** One document's content, ready for conversion (uuencoded bodies already decoded). */
export interface DocumentInput {
  /** The body bytes (wrapper stripped; binaries decoded). */
  bytes: Uint8Array;
  /** `<TYPE>` (`8-K`, `EX-99.1`, `GRAPHIC`, ...). */
  type: string;
  filename: string;
  description?: string;
  /** MIME type as the parser decided it (`text/html`, `text/plain`, `application/xml`, `image/jpeg`, ...). */
  contentType: string;
}
