/**
 * The EDGAR submission SGML layer: parse `.txt` / `.nc` submissions (every dialect), stream them,
 * read document bodies, and write the `.txt` form back.
 * @module
 */

export { parseAcceptanceDateTime, parseHeaderDate } from './dates.ts';
export { decodeDocument, documentBody, toDocumentInput } from './document-body.ts';
export { type FormatSubmissionOptions, formatSubmission } from './format-submission.ts';
export { canonicalKey, indentedToTag, tagToIndented } from './header-keys.ts';
export { formatIndentedHeader, type IndentedHeaderOptions } from './indented-header.ts';
export { parseSubmissionFile, parseSubmissionStream } from './node-stream.ts';
export { parseSubmission } from './parse-submission.ts';
export {
  createSubmissionParser,
  type DocumentStart,
  type SubmissionParser,
  type SubmissionParserOptions,
} from './parser.ts';
export { toSafeFilename, uniqueFilename } from './safe-filename.ts';
export { sicDescriptions } from './sic-codes.ts';
export { findPrimaryDocument } from './to-submission.ts';
export { findUuencodeBegin, uudecode } from './uudecode.ts';
export { uudecodeStream } from './uudecode-stream.ts';
