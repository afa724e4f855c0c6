/**
 * `SearchRequest.offset`, checked the same way by every backend.
 * @module
 */
import { createError } from '../core/errors.ts';

/** The largest `SearchRequest.offset`: EDGAR full-text search's result window. */
export const MAX_SEARCH_OFFSET = 10_000;

/**
 * The offset to skip, 0 when absent.
 * @throws EdgarError `invalid-query` unless it is an integer from 0 to `MAX_SEARCH_OFFSET`.
 * @example toSearchOffset(undefined) // 0
 */
export function toSearchOffset(offset: number | undefined): number {
  if (offset === undefined) return 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_SEARCH_OFFSET)
    throw createError(
      'invalid-query',
      `offset must be an integer from 0 to ${MAX_SEARCH_OFFSET}, got ${offset}`,
    );
  return offset;
}
