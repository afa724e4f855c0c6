/**
 * Thrown errors: one `EdgarError` base with a stable `code`; messages are catalogued here
 * and built by code so that every layer says the same thing the same way.
 * @module
 */

/** Message templates, by code. Each says what was expected and what arrived. */
export const messages = {
  'invalid-accession': (got: string) =>
    `Expected accession number like 0000320193-24-000123, got ${JSON.stringify(clip(got))}`,
  'invalid-cik': (got: string) => `Expected CIK of 1 to 10 digits, got ${JSON.stringify(clip(got))}`,
  'invalid-date': (got: string) =>
    `Expected a date like 2017-03-08 or 20170308, got ${JSON.stringify(clip(got))}`,
  'not-found': (what: string) => `Not found: ${what}`,
  'invalid-query': (why: string) => `Invalid search query: ${why}`,
  'invalid-argument': (why: string) => `Invalid argument: ${why}`,
  unreadable: (what: string, why: string) => `Cannot read ${what}: ${why}`,
  'unsafe-path': (got: string) => `Refusing unsafe path ${JSON.stringify(clip(got))}`,
  'too-large': (what: string, limit: number) => `${what} exceeds the limit of ${limit} bytes`,
  'store-version': (found: number, supported: number) =>
    `Store schema version ${found} is newer than this edgarbox supports (${supported}); upgrade edgarbox`,
  'store-error': (why: string) => `Store error: ${why}`,
  unauthorized: () => 'A valid bearer token is required for this request',
  'writes-disabled': () => 'Writes are disabled: set EDGARBOX_TOKEN to enable them',
  timeout: (what: string, ms: number) => `${what} took longer than ${ms} ms`,
  network: (url: string, why: string) => `Request to ${url} failed: ${why}`,
  blocked: (url: string) => `The server refused ${url} (403): stop and check the User-Agent and request rate`,
  'http-status': (url: string, status: number) => `Request to ${url} answered HTTP ${status}`,
  'missing-user-agent': () =>
    'SEC requires a declared User-Agent: pass --user-agent "Your Name you@example.com" or set EDGARBOX_USER_AGENT',
} as const;

/** Every error code edgarbox throws. */
export type ErrorCode = keyof typeof messages;

type Args<C extends ErrorCode> = Parameters<(typeof messages)[C]>;

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** The one error class of edgarbox. `code` is stable; `message` is for people. */
export class EdgarError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EdgarError';
    this.code = code;
  }
}

/**
 * Build an `EdgarError` from the catalogue.
 * @example throw createError('invalid-accession', input)
 */
export function createError<C extends ErrorCode>(code: C, ...args: Args<C>): EdgarError {
  const template = messages[code] as (...a: Args<C>) => string;
  return new EdgarError(code, template(...args));
}

/** True when `e` is an `EdgarError` (optionally with the given code). */
export function isEdgarError(e: unknown, code?: ErrorCode): e is EdgarError {
  return e instanceof EdgarError && (code === undefined || e.code === code);
}
