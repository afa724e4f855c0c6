/**
 * The HTTP client of `edgarbox sync`: a declared User-Agent, gzip transfer, a rate gate (at most
 * `rate` request starts per second, retries included), at most `concurrency` requests at once,
 * retries with backoff and jitter on 429/5xx/network errors honouring `Retry-After`, a clear stop
 * on a 403 block page, and conditional requests (`If-None-Match` / `If-Modified-Since`).
 * @module
 */
import { createError, isEdgarError } from '../core/errors.ts';
import { HttpStatusError, parseRetryAfter } from './http-error.ts';
import { createRateGate, sleep } from './rate-gate.ts';
import { type BackoffOptions, retryDelay, shouldRetry } from './should-retry.ts';

/** Options of `createClient`. */
export interface ClientOptions {
  /** `User-Agent` header ("Name email"; SEC requires one). */
  userAgent: string;
  /** Request starts per second at most, retries included (default 10). */
  rate?: number;
  /** Requests in flight at most (default 4). */
  concurrency?: number;
  /** Retries after the first attempt (default 8). */
  retries?: number;
  /** Milliseconds before one attempt (headers and body) is abandoned (default 120,000). */
  timeoutMs?: number;
  /** Largest body `getBytes` buffers (default 64 MiB); bigger bodies fail with `too-large`. */
  maxBytes?: number;
  backoff?: BackoffOptions;
  /** Stops waiting and requests. */
  signal?: AbortSignal;
  /** Called as each attempt starts, after the rate gate (for logs and measurements). */
  onRequest?: (url: string) => void;
  /** Called before each retry (for logs). */
  onRetry?: (info: { url: string; attempt: number; delayMs: number; error: unknown }) => void;
}

/** Validators of an earlier answer, sent to get a 304 when nothing changed. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** A buffered answer. */
export interface BytesResponse {
  /** 200 (or 304 when `notModified`). */
  status: number;
  notModified: boolean;
  bytes: Uint8Array;
  /** Validators the server sent, for the next conditional request. */
  validators: Validators;
  headers: Headers;
}

/** A streamed answer: the caller reads `body` once. */
export interface StreamResponse {
  status: number;
  notModified: boolean;
  body: ReadableStream<Uint8Array> | null;
  validators: Validators;
  headers: Headers;
  /** `Content-Length` when sent. */
  length: number | undefined;
}

/** Counts of what the client did. */
export interface ClientStats {
  /** Attempts started (every retry counts). */
  requests: number;
  retries: number;
  notModified: number;
}

/** A client created by `createClient`. */
export interface SyncClient {
  /** GET the whole body (retrying until it has all of it). */
  getBytes(url: string, validators?: Validators): Promise<BytesResponse>;
  /** GET and hand over the body as a stream (retries cover the response head only). */
  open(url: string, validators?: Validators): Promise<StreamResponse>;
  readonly stats: ClientStats;
}

/**
 * Create a client.
 * @example const client = createClient({ userAgent: 'Jane Doe jane@example.com' }); const r = await client.getBytes(url);
 */
export function createClient(options: ClientOptions): SyncClient {
  const gate = createRateGate(options.rate ?? 10);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const retries = options.retries ?? 8;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const signal = options.signal;
  const stats: ClientStats = { requests: 0, retries: 0, notModified: 0 };
  let blocked: HttpStatusError | undefined;
  let active = 0;
  const waiting: Array<() => void> = [];

  const acquire = async (): Promise<void> => {
    if (active < concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  const headersFor = (validators?: Validators): Record<string, string> => {
    const h: Record<string, string> = {
      'User-Agent': options.userAgent,
      'Accept-Encoding': 'gzip, deflate',
    };
    if (validators?.etag) h['If-None-Match'] = validators.etag;
    if (validators?.lastModified) h['If-Modified-Since'] = validators.lastModified;
    return h;
  };

  /** One attempt: rate gate, fetch, status check. The caller holds a concurrency slot. */
  const attempt = async (
    url: string,
    validators: Validators | undefined,
    timeout: AbortSignal,
  ): Promise<Response> => {
    // After a block page nothing more is sent: every later request fails the same way.
    if (blocked) throw blocked;
    await gate.take(signal);
    if (blocked) throw blocked;
    stats.requests++;
    options.onRequest?.(url);
    const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(url, { headers: headersFor(validators), signal: both, redirect: 'follow' });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw networkError(url, e);
    }
    if (res.status === 304) return res;
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => {});
      const error = new HttpStatusError(url, res.status, parseRetryAfter(res.headers.get('Retry-After')));
      if (res.status === 403) blocked ??= error;
      throw error;
    }
    return res;
  };

  /** Run `work` with retries, inside a concurrency slot. */
  const withRetries = async <T>(url: string, work: (timeout: AbortSignal) => Promise<T>): Promise<T> => {
    await acquire();
    try {
      for (let n = 0; ; n++) {
        try {
          return await work(AbortSignal.timeout(timeoutMs));
        } catch (e) {
          if (signal?.aborted) throw signal.reason;
          const error = isEdgarError(e) ? e : networkError(url, e);
          if (n >= retries || !shouldRetry(error)) throw error;
          const delayMs = retryDelay(n + 1, error, options.backoff);
          stats.retries++;
          options.onRetry?.({ url, attempt: n + 1, delayMs, error });
          await sleep(delayMs, signal);
        }
      }
    } finally {
      release();
    }
  };

  return {
    stats,
    getBytes(url, validators) {
      return withRetries(url, async (timeout) => {
        const res = await attempt(url, validators, timeout);
        const out = { validators: validatorsOf(res.headers), headers: res.headers };
        if (res.status === 304) {
          stats.notModified++;
          return { ...out, status: 304, notModified: true, bytes: new Uint8Array(0) };
        }
        const length = Number(res.headers.get('Content-Length') ?? Number.NaN);
        if (length > maxBytes) {
          await res.body?.cancel().catch(() => {});
          throw createError('too-large', url, maxBytes);
        }
        const bytes = await readAll(res, url, maxBytes);
        return { ...out, status: res.status, notModified: false, bytes };
      });
    },
    open(url, validators) {
      return withRetries(url, async () => {
        // A streamed body outlives this call: only the user's signal may stop it.
        const res = await attempt(url, validators, AbortSignal.timeout(timeoutMs * 100));
        const length = res.headers.get('Content-Length');
        if (res.status === 304) stats.notModified++;
        return {
          status: res.status,
          notModified: res.status === 304,
          body: res.status === 304 ? null : res.body,
          validators: validatorsOf(res.headers),
          headers: res.headers,
          length: length === null ? undefined : Number(length),
        };
      });
    },
  };
}

function validatorsOf(headers: Headers): Validators {
  const v: Validators = {};
  const etag = headers.get('ETag');
  const lastModified = headers.get('Last-Modified');
  if (etag) v.etag = etag;
  if (lastModified) v.lastModified = lastModified;
  return v;
}

async function readAll(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += chunk.length;
      if (total > maxBytes) {
        await res.body.cancel().catch(() => {});
        throw createError('too-large', url, maxBytes);
      }
      parts.push(chunk);
    }
  } catch (e) {
    if (isEdgarError(e)) throw e;
    throw networkError(url, e);
  }
  return Buffer.concat(parts, total);
}

function networkError(url: string, e: unknown): Error {
  if (isEdgarError(e)) return e;
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const why = cause instanceof Error ? `${cause.message}${codeOf(cause)}` : String(cause);
  const err = createError('network', url, why);
  (err as { cause?: unknown }).cause = e;
  return err;
}

function codeOf(e: Error): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? ` (${code})` : '';
}
