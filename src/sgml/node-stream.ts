/**
 * Node I/O wrappers around the push parser: parse an async byte stream or a file in bounded memory.
 * @module
 */
import { createReadStream } from 'node:fs';
import type { Submission } from '../core/submission.ts';
import { createSubmissionParser, type SubmissionParserOptions } from './parser.ts';

/**
 * Parse a submission from any async iterable of byte chunks (a Node stream, a fetch body, ...).
 * Memory stays bounded: bodies are handed to `options.onDocumentChunk` and not kept.
 * @example const s = await parseSubmissionStream(process.stdin, { onDocumentChunk: (m, c) => out.write(c) });
 */
export async function parseSubmissionStream(
  stream: AsyncIterable<Uint8Array>,
  options: SubmissionParserOptions = {},
): Promise<Submission> {
  const parser = createSubmissionParser(options);
  for await (const chunk of stream) parser.write(chunk);
  return parser.end();
}

/**
 * Parse a submission file by streaming it (1 MiB reads). Offsets in the result are file offsets.
 * @throws the stream's error (ENOENT, EACCES, ...) when the file cannot be read
 * @example const s = await parseSubmissionFile('0001144204-17-013452.txt');
 */
export async function parseSubmissionFile(
  path: string,
  options: SubmissionParserOptions = {},
): Promise<Submission> {
  return parseSubmissionStream(createReadStream(path, { highWaterMark: 1024 * 1024 }), options);
}
