/**
 * What the ingest sources yield: one candidate submission (bytes in memory, or a stream of
 * chunks when it is too big to hold), or a reason why an input could not be read.
 * @module
 */

/** A submission small enough to hold in memory. */
export interface BytesItem {
  kind: 'bytes';
  /** Where it came from, for people: a path, or `archive.tar.gz:entry.nc` (never used as a path). */
  label: string;
  bytes: Buffer;
}

/** A submission above the in-memory threshold, delivered as chunks (consume them all or `cancel`). */
export interface StreamItem {
  kind: 'stream';
  label: string;
  /** Declared size in bytes. */
  size: number;
  chunks: AsyncIterable<Buffer>;
  /** Stop the stream early (the source skips the rest). */
  cancel(): void;
}

/** An input that could not be read (missing file, corrupt archive, ...). */
export interface ErrorItem {
  kind: 'error';
  label: string;
  reason: string;
}

/** One thing an ingest source yields. */
export type SourceItem = BytesItem | StreamItem | ErrorItem;
