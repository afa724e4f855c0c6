/**
 * The date and size spellings SEC uses across its formats.
 * @module
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * SEC's JSON timestamp: the Eastern wall-clock time with `.000Z` appended, as data.sec.gov writes it.
 * @example toSecTimestamp('2022-10-24T06:08:50-04:00') // '2022-10-24T06:08:50.000Z'
 */
export function toSecTimestamp(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(iso);
  if (!m) return '';
  return `${m[1]}T${m[2] ?? '00:00:00'}.000Z`;
}

/**
 * The `YYYY-MM-DD HH:MM:SS` Eastern time that index pages and `index.json` show.
 * @example toAcceptedTime('2017-03-08T16:02:21-05:00') // '2017-03-08 16:02:21'
 */
export function toAcceptedTime(iso: string | undefined, fallbackDate = ''): string {
  const m = iso ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso) : null;
  if (m) return `${m[1]} ${m[2]}`;
  return fallbackDate ? `${fallbackDate} 00:00:00` : '';
}

/** Atom `updated`: ISO with the Eastern offset (`2017-03-08T16:02:21-05:00`), from a date when no time is known. */
export function toAtomTime(iso: string | undefined, fallbackDate: string): string {
  if (iso && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(iso)) return iso;
  return `${fallbackDate}T00:00:00${easternOffset(fallbackDate)}`;
}

/** `-04:00` during US daylight time (second Sunday of March to first Sunday of November), else `-05:00`. */
export function easternOffset(date: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  if (!y || !mo || !d) return '-05:00';
  const start = nthSunday(y, 3, 2);
  const end = nthSunday(y, 11, 1);
  const day = Date.UTC(y, mo - 1, d);
  return day >= start && day < end ? '-04:00' : '-05:00';
}

function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((7 - first) % 7) + (n - 1) * 7;
  return Date.UTC(year, month - 1, day);
}

/** `2017-03-08` → `20170308`. */
export function toCompactDate(date: string): string {
  return date.replaceAll('-', '');
}

/**
 * `Last Data Received:` spelling: `March 31, 2021` (quarterly) or `Mar 18, 2020` / `Jul  3, 2023` (daily).
 */
export function toIndexHeaderDate(date: string, style: 'long' | 'short'): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const month = MONTHS[(mo || 1) - 1] ?? 'January';
  if (style === 'long') return `${month} ${d}, ${y}`;
  return `${month.slice(0, 3)} ${String(d).padStart(2, ' ')}, ${y}`;
}

/**
 * Size as Atom feeds write it: `302 KB`, `1 MB`.
 * @example toSizeLabel(309_000) // '302 KB'
 */
export function toSizeLabel(bytes: number): string {
  const kb = Math.max(1, Math.round(bytes / 1024));
  if (kb < 1024) return `${kb} KB`;
  return `${Math.round(kb / 1024)} MB`;
}

/** The calendar quarter (1-4) of an ISO date. */
export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}
