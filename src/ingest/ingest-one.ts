/**
 * Ingest one in-memory submission (an upload): the same hash check, parse, conversion and
 * atomic write as the pipeline, inline on the calling thread.
 * @module
 */
import { createHash } from 'node:crypto';
import type { ParseWarning } from '../core/warnings.ts';
import type { PutStatus, Store } from '../store/store.ts';
import { MAX_FILING_TEXT_CHARS, MAX_TEXT_CHARS, processSubmission } from './process-submission.ts';
import { sniffAccession } from './sniff-accession.ts';

/** Options of `ingestOne`. */
export interface IngestOneOptions {
  store: Store;
  bytes: Uint8Array;
  /** Where the bytes came from, for people (default `upload`). */
  label?: string;
  /** Text/Markdown cap per document, in characters. */
  maxTextChars?: number;
}

/** What happened to the submission. */
export type IngestOneResult =
  | {
      ok: true;
      accession: string;
      /** `inserted`, `replaced` or `unchanged` (same bytes already stored). */
      status: Exclude<PutStatus, 'failed'>;
      sha256: string;
      warnings: ParseWarning[];
    }
  | { ok: false; reason: string; accession?: string };

/**
 * Store one submission. Never throws for bad bytes: the reason comes back with `ok: false`.
 * @example const r = await ingestOne({ store, bytes: await request.bytes() });
 */
export async function ingestOne(options: IngestOneOptions): Promise<IngestOneResult> {
  const { store, bytes } = options;
  const label = options.label ?? 'upload';
  const accession = sniffAccession(bytes);
  if (accession !== undefined) {
    const stored = await store.getFilingHash(accession);
    if (stored !== undefined) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (stored === sha256) return { ok: true, accession, status: 'unchanged', sha256, warnings: [] };
    }
  }
  const result = processSubmission(bytes, label, {
    maxTextChars: options.maxTextChars ?? MAX_TEXT_CHARS,
    maxFilingTextChars: MAX_FILING_TEXT_CHARS,
  });
  if (!result.ok) return result;
  const { filing } = result;
  const [put] = await store.putFilings([filing]);
  const acc = filing.submission.accessionNumber;
  if (!put || put.status === 'failed') {
    return { ok: false, reason: put?.error ?? 'store refused the filing', accession: acc };
  }
  return {
    ok: true,
    accession: acc,
    status: put.status,
    sha256: filing.sha256,
    warnings: filing.submission.warnings,
  };
}
