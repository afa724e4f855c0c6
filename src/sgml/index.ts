/**
 * The EDGAR submission SGML layer: parse `.txt` / `.nc` submissions (every dialect), stream them,
 * read document bodies, and write the `.txt` form back.
 * @module
 */

export { parseAcceptanceDateTime, parseHeaderDate } from './dates.ts';
export { decodeDocument, documentBody, toDocumentInput } from './document-body.ts';
export { canonicalKey, indentedToTag, tagToIndented } from './header-keys.ts';
export { parseSubmission } from './parse-submission.ts';
export {
  createSubmissionParser,
  type DocumentStart,
  type SubmissionParser,
  type SubmissionParserOptions,
} from './parser.ts';
