/**
 * What an ingest run reports: counts, failures with reasons, sizes and speed.
 * @module
 */
import type { SearchListsRefresh } from '../store/store.ts';

/** One input that did not go in, and why. */
export interface IngestFailure {
  /** The file path or `archive:entry` label. */
  source: string;
  reason: string;
  /** The accession number, when the failure came after parsing. */
  accession?: string;
}

/** One stored filing that an input replaced (different bytes under the same accession number). */
export interface IngestReplacement {
  /** The file path or `archive:entry` label of the new version. */
  source: string;
  accession: string;
}

/** How many replacements a summary names at most (the count stays exact). */
export const MAX_LISTED_REPLACEMENTS = 1000;

/** Running counts, passed to progress callbacks. */
export interface IngestProgress {
  /** Candidate submissions seen so far (including failed and unchanged). */
  files: number;
  /** Input bytes read (compressed bytes for archives): compare with the measured total for ETA. */
  bytesRead: number;
  /** Uncompressed submission bytes handled. */
  bytes: number;
  ingested: number;
  unchanged: number;
  replaced: number;
  failed: number;
}

/** The closing summary of an ingest run (also the `--json` output). */
export interface IngestSummary {
  /** Candidate submissions seen. */
  files: number;
  /** New filings stored. */
  ingested: number;
  /** Filings whose stored bytes were identical (nothing written). */
  unchanged: number;
  /** Filings stored over an older version with different bytes. */
  replaced: number;
  /**
   * The first `MAX_LISTED_REPLACEMENTS` of them, in input order: which input replaced which
   * filing (an earlier run's, or an earlier input's of this run, as two copies of one filing do).
   */
  replacements: IngestReplacement[];
  failed: IngestFailure[];
  /** Parser and converter warnings of the filings written. */
  warnings: number;
  /** Uncompressed submission bytes handled. */
  bytes: number;
  seconds: number;
  /** Millions of bytes per second (MB = 10^6 bytes). */
  mbPerSecond: number;
  filingsPerSecond: number;
  /** True when the run was stopped (Ctrl-C) before reading every input. */
  interrupted: boolean;
  /** The search lists the run rebuilt at its end (`Store.refreshSearchLists`), when it did. */
  searchLists?: SearchListsRefresh;
}
