/**
 * Small helpers shared by the PostgreSQL store's files: value cleaning for PostgreSQL (no NUL
 * characters in text or jsonb) and page sizes.
 * @module
 */

/** PostgreSQL text cannot hold U+0000: replace it with U+FFFD (same length, so offsets hold). */
export function cleanText(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s;
}

/** JSON text for a jsonb column, NUL-free. */
export function toJson(value: unknown): string {
  return cleanText(JSON.stringify(value));
}

/** Clamp a page size to `[1, max]`, `fallback` when absent. */
export function pageSize(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

/** Copy the defined, non-null entries of `source` for `keys` (for `exactOptionalPropertyTypes`). */
export function defined<T extends object>(
  source: Record<string, unknown>,
  keys: Array<keyof T & string>,
): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = source[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out as Partial<T>;
}
