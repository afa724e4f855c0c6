/**
 * Opaque page cursors: a small JSON object, base64url-encoded. Backends put whatever keyset
 * values they need in it; callers only pass it back.
 * @module
 */
import { createError } from '../core/errors.ts';

/** Encode a keyset position as an opaque cursor. */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * Decode a cursor made by `encodeCursor`, checking it has `keys` of the right types.
 * @throws EdgarError `invalid-query` for anything else (never a JSON or base64 error).
 */
export function decodeCursor<K extends string>(
  cursor: string,
  keys: Record<K, 'string' | 'number'>,
): Record<K, string | number> {
  let value: unknown;
  try {
    if (cursor.length > 512 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw new Error('shape');
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw createError('invalid-query', 'the cursor is not one this server issued');
  }
  if (typeof value !== 'object' || value === null)
    throw createError('invalid-query', 'the cursor is not one this server issued');
  const out = {} as Record<K, string | number>;
  for (const k of Object.keys(keys) as K[]) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v !== keys[k] || (typeof v === 'number' && !Number.isFinite(v))) {
      throw createError('invalid-query', 'the cursor is not one this server issued');
    }
    out[k] = v as string | number;
  }
  return out;
}
