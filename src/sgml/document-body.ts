/**
 * Document bodies from a parsed submission: the raw body (a view), the decoded bytes, and the
 * `DocumentInput` the text and Markdown converters take.
 * @module
 */
import type { DocumentInput } from '../core/document-input.ts';
import type { SubmissionDocument } from '../core/submission.ts';
import { findUuencodeBegin, uudecode } from './uudecode.ts';

/**
 * The body bytes of `doc` (wrapper stripped, still uuencoded if it was): a subarray of `bytes`, no copy.
 * @example new TextDecoder().decode(documentBody(bytes, s.documents[0]))
 */
export function documentBody(bytes: Uint8Array, doc: SubmissionDocument): Uint8Array {
  return bytes.subarray(doc.offset, doc.offset + doc.length);
}

/**
 * The file's real bytes: uudecoded for `encoding: 'uuencode'` (a new buffer), else the body view.
 * @example writeFileSync(doc.filename, decodeDocument(bytes, doc))
 */
export function decodeDocument(bytes: Uint8Array, doc: SubmissionDocument): Uint8Array {
  if (doc.encoding !== 'uuencode') return documentBody(bytes, doc);
  const end = doc.offset + doc.length;
  const begin = findUuencodeBegin(bytes, doc.offset, end);
  return uudecode(bytes, begin ? begin.dataStart : doc.offset, end).bytes;
}

/**
 * What `toText` / `toMarkdown` take for one document.
 * @example toMarkdown(toDocumentInput(bytes, s.documents[s.primaryDocument]))
 */
export function toDocumentInput(bytes: Uint8Array, doc: SubmissionDocument): DocumentInput {
  const input: DocumentInput = {
    bytes: decodeDocument(bytes, doc),
    type: doc.type,
    filename: doc.filename,
    contentType: doc.contentType,
  };
  if (doc.description !== undefined) input.description = doc.description;
  return input;
}
