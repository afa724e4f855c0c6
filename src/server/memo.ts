/**
 * Reuse small looked-up facts for `memoSeconds` (bounded; cleared on every write).
 * @module
 */
import type { ServerContext } from './context.ts';

const MAX_ENTRIES = 20_000;

/**
 * The value remembered under `key`, or `build()` it and remember it (`undefined` is not remembered).
 * @example const ciks = await memo(ctx, `ciks:${acc}`, async () => ...);
 */
export async function memo<T>(ctx: ServerContext, key: string, build: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = ctx.memo.get(key);
  if (hit && hit.expires > now) return hit.value as T;
  const value = await build();
  if (value !== undefined && ctx.limits.memoSeconds > 0) {
    if (ctx.memo.size >= MAX_ENTRIES) ctx.memo.clear();
    ctx.memo.set(key, { expires: now + ctx.limits.memoSeconds * 1000, value });
  }
  return value;
}
