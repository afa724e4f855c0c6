/**
 * `parseSubmission`: the whole-buffer entry point (the push parser fed one final chunk).
 * @module
 */
import type { Submission } from '../core/submission.ts';
import { PushParser } from './parser.ts';

/**
 * Parse one EDGAR submission held in memory. Pure, synchronous, never throws on bad input, and
 * zero-copy: documents carry byte offsets into `bytes` (see `documentBody`).
 * @example
 * const s = parseSubmission(readFileSync('0001144204-17-013452.txt'));
 * s.form; // '8-K'
 */
export function parseSubmission(bytes: Uint8Array): Submission {
  return new PushParser({}).parseAll(bytes);
}
