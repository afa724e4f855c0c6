/**
 * `processSubmission` for submissions too big to hold: bytes are pushed in chunks through the
 * SGML push parser, the raw bytes are compressed 1 MiB at a time (the same frames as
 * `compressRaw`), and each document body is held only until its end, up to a cap (bodies past
 * it are hashed whole but converted from their first part, with a warning). What stays in
 * memory is the compressed raw and the capped text the Store takes in one `FilingInput`.
 * @module
 */
import { createHash, type Hash } from 'node:crypto';
import type { SubmissionDocument } from '../core/submission.ts';
import type { ParseWarning } from '../core/warnings.ts';
import { createSubmissionParser, type DocumentStart, toDocumentInput } from '../sgml/index.ts';
import { compressRaw, RAW_CHUNK_SIZE } from '../store/compress-raw.ts';
import type { DocumentContentInput } from '../store/store.ts';
import { addSections } from './add-sections.ts';
import { type TextBudget, toDocumentContent, warn } from './document-content.ts';
import { type ProcessOptions, type ProcessResult, refuse } from './process-submission.ts';

/** Options of `createStreamProcessor`. */
export interface StreamProcessOptions extends ProcessOptions {
  /** Body bytes kept per document for conversion (default 64 MiB). */
  maxDocumentBytes?: number;
}

/** A streaming `processSubmission`: `write` chunks in order, then `end`. */
export interface StreamProcessor {
  write(chunk: Uint8Array): void;
  end(): ProcessResult;
}

interface OpenDocument {
  parts: Buffer[];
  kept: number;
  total: number;
  hash: Hash;
}

/**
 * Start processing one streamed submission.
 * @example const p = createStreamProcessor('big.txt', opts); for await (const c of chunks) p.write(c); const r = p.end();
 */
export function createStreamProcessor(label: string, options: StreamProcessOptions): StreamProcessor {
  const maxDocumentBytes = options.maxDocumentBytes ?? 64 * 1024 * 1024;
  const budget: TextBudget = { maxTextChars: options.maxTextChars, remaining: options.maxFilingTextChars };
  const whole = createHash('sha256');
  const warnings: ParseWarning[] = [];
  const documents: DocumentContentInput[] = [];
  const rawChunks: Uint8Array[] = [];
  const pending = Buffer.allocUnsafe(RAW_CHUNK_SIZE);
  let pendingFill = 0;
  let size = 0;
  let open: OpenDocument | undefined;
  let failure: string | undefined;

  const finishDocument = (doc: SubmissionDocument): void => {
    const state = open;
    open = undefined;
    if (!state) return;
    const body = Buffer.concat(state.parts, state.kept);
    state.parts.length = 0;
    const truncated = state.total > state.kept;
    const local: SubmissionDocument = { ...doc, offset: 0, length: body.length };
    try {
      if (doc.encoding === 'uuencode') {
        if (truncated) {
          warnings.push(
            warn(
              'document-too-large',
              `document ${doc.sequence}: ${state.total} encoded bytes, stored as metadata only`,
              doc.offset,
            ),
          );
          return;
        }
        documents.push(toDocumentContent(toDocumentInput(body, local), doc, budget, warnings));
        return;
      }
      if (truncated) {
        warnings.push(
          warn(
            'document-truncated',
            `document ${doc.sequence}: converted from its first ${state.kept} of ${state.total} bytes`,
            doc.offset,
          ),
        );
      }
      const digest = { sha256: state.hash.digest('hex'), size: state.total };
      documents.push(toDocumentContent(toDocumentInput(body, local), doc, budget, warnings, digest));
    } catch (e) {
      warnings.push(warn('decode-error', `document ${doc.sequence}: ${String(e)}`, doc.offset));
    }
  };

  const parser = createSubmissionParser({
    onDocumentStart: () => {
      open = { parts: [], kept: 0, total: 0, hash: createHash('sha256') };
    },
    onDocumentChunk: (_meta: DocumentStart, chunk: Uint8Array) => {
      if (!open) return;
      open.total += chunk.length;
      open.hash.update(chunk);
      const room = maxDocumentBytes - open.kept;
      if (room > 0) {
        const piece = Buffer.from(chunk.subarray(0, Math.min(room, chunk.length)));
        open.parts.push(piece);
        open.kept += piece.length;
      }
    },
    onDocumentEnd: finishDocument,
  });

  const compressPending = (): void => {
    if (pendingFill === 0) return;
    rawChunks.push(...compressRaw(pending.subarray(0, pendingFill), RAW_CHUNK_SIZE).chunks);
    pendingFill = 0;
  };

  return {
    write(chunk) {
      if (failure) return;
      whole.update(chunk);
      size += chunk.length;
      for (let at = 0; at < chunk.length; ) {
        const n = Math.min(RAW_CHUNK_SIZE - pendingFill, chunk.length - at);
        pending.set(chunk.subarray(at, at + n), pendingFill);
        pendingFill += n;
        at += n;
        if (pendingFill === RAW_CHUNK_SIZE) compressPending();
      }
      try {
        parser.write(chunk);
      } catch (e) {
        failure = `parser error: ${e instanceof Error ? e.message : String(e)}`;
      }
    },
    end() {
      if (failure) return { ok: false, reason: failure };
      let submission: ReturnType<typeof parser.end>;
      try {
        submission = parser.end();
      } catch (e) {
        return { ok: false, reason: `parser error: ${e instanceof Error ? e.message : String(e)}` };
      }
      const refused = refuse(submission);
      if (refused) return { ok: false, reason: refused };
      compressPending();
      submission.warnings.push(...warnings);
      addSections(submission, documents);
      return {
        ok: true,
        filing: {
          submission,
          raw: { codec: 'zstd', chunkSize: RAW_CHUNK_SIZE, size, chunks: rawChunks },
          sha256: whole.digest('hex'),
          documents,
          sourcePath: label,
        },
      };
    },
  };
}
