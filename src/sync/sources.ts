/**
 * Where sync fetches from: SEC (www.sec.gov for Archives and files, data.sec.gov for
 * submissions) by default, or any edgarbox server, which answers the same paths.
 * @module
 */
import { createError } from '../core/errors.ts';

/** Base URLs without a trailing slash. */
export interface SourceUrls {
  /** Archives, indexes, feeds, `company_tickers.json`. */
  archives: string;
  /** `/submissions/CIK##########.json`. */
  data: string;
  /** True when the hosts are SEC's (a User-Agent is then required). */
  isSec: boolean;
}

/** SEC's hosts. */
export const SEC_SOURCE: SourceUrls = {
  archives: 'https://www.sec.gov',
  data: 'https://data.sec.gov',
  isSec: true,
};

/**
 * The hosts for `--source` (absent: SEC).
 * @throws EdgarError `invalid-argument` for anything but an http(s) URL.
 * @example resolveSource('http://127.0.0.1:8080') // { archives: 'http://127.0.0.1:8080', data: 'http://127.0.0.1:8080', isSec: false }
 */
export function resolveSource(source?: string): SourceUrls {
  if (source === undefined || source === '' || source === 'sec') return SEC_SOURCE;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw createError(
      'invalid-argument',
      `--source expects an http(s) URL, got ${JSON.stringify(source.slice(0, 80))}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw createError(
      'invalid-argument',
      `--source expects an http(s) URL, got ${JSON.stringify(source.slice(0, 80))}`,
    );
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const isSec = /(^|\.)sec\.gov$/i.test(url.hostname);
  return isSec ? SEC_SOURCE : { archives: base, data: base, isSec: false };
}

/**
 * The User-Agent to send: the flag, else `EDGARBOX_USER_AGENT`; required for SEC.
 * @throws EdgarError `missing-user-agent` when the source is SEC and none is given.
 */
export function resolveUserAgent(
  source: SourceUrls,
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const ua = (flag ?? env.EDGARBOX_USER_AGENT ?? '').trim();
  // SEC asks for a name and a contact e-mail address.
  if (source.isSec && !/\S+@\S+/.test(ua)) throw createError('missing-user-agent');
  if (ua !== '') return ua;
  return 'edgarbox-sync';
}
