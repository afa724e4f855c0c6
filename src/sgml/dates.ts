/**
 * EDGAR header dates: `YYYYMMDD` → ISO, and `<ACCEPTANCE-DATETIME>` → ISO with its US Eastern offset.
 * @module
 */

/**
 * `YYYYMMDD` (or already-ISO `YYYY-MM-DD`) to `YYYY-MM-DD`; undefined when not a real calendar date.
 * @example parseHeaderDate('20170308') // '2017-03-08'
 */
export function parseHeaderDate(value: string): string | undefined {
  const v = value.length === 8 ? value : value.trim().replaceAll('-', '');
  if (v.length !== 8 || !isDate(digits(v, 0, 8))) return undefined;
  return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
}

/**
 * The number written by the `n` digits at `v[i]`, or -1 when one is not a digit (no substring).
 * One loop for all of a value's digits: date code runs once or twice per header, so it is kept
 * small for the optimizing compiler (each inlined copy of a digit loop is unrolled).
 */
function digits(v: string, i: number, n: number): number {
  let x = 0;
  for (let j = i; j < i + n; j++) {
    const c = v.charCodeAt(j) - 48;
    if (c < 0 || c > 9) return -1;
    x = x * 10 + c;
  }
  return x;
}

/** True when `x` (`digits()` of 8 chars) is a real `YYYYMMDD` calendar date. */
function isDate(x: number): boolean {
  if (x < 0) return false;
  const mo = Math.floor(x / 100) % 100;
  const d = x % 100;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(Math.floor(x / 10000), mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1] as number;
}

/** Day of week (0 = Sunday) of a Gregorian date (Sakamoto's method). */
function dayOfWeek(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  return (
    (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + (t[m - 1] as number) + d) % 7
  );
}

/** Day of month of the `n`-th (1-based) Sunday of `month` (1-12); `n = -1` for the last one. */
function nthSunday(year: number, month: number, n: number): number {
  if (n > 0) return 1 + ((7 - dayOfWeek(year, month, 1)) % 7) + (n - 1) * 7;
  const last = daysInMonth(year, month);
  return last - dayOfWeek(year, month, last);
}

/**
 * True when the Eastern wall-clock time falls in daylight saving time under the US rules of its year:
 * 2007+ second Sunday of March to first Sunday of November; 1987-2006 first Sunday of April to last
 * Sunday of October; 1967-1986 last Sunday of April to last Sunday of October (all at 02:00 local).
 */
export function isEasternDaylightTime(y: number, mo: number, d: number, h: number): boolean {
  if (y < 1967) return false;
  const t = (mo * 32 + d) * 24 + h;
  if (y < DST_CACHE_END && Number.isInteger(y)) {
    // The year's DST span, computed once per year (this runs once per parsed header).
    let start = dstStart[y - 1967] as number;
    if (start === 0) {
      const span = dstSpan(y);
      start = span[0];
      dstStart[y - 1967] = start;
      dstEnd[y - 1967] = span[1];
    }
    return t >= start && t < (dstEnd[y - 1967] as number);
  }
  const span = dstSpan(y);
  return t >= span[0] && t < span[1];
}

/** Years from 1967 whose DST span `isEasternDaylightTime` caches. */
const DST_CACHE_END = 2200;
const dstStart = new Array<number>(DST_CACHE_END - 1967).fill(0);
const dstEnd = new Array<number>(DST_CACHE_END - 1967).fill(0);

/** The year's DST span as `(month * 32 + day) * 24 + hour` keys: [start, end). */
function dstSpan(y: number): [number, number] {
  let start: [number, number];
  let end: [number, number];
  if (y >= 2007) {
    start = [3, nthSunday(y, 3, 2)];
    end = [11, nthSunday(y, 11, 1)];
  } else if (y >= 1987) {
    start = [4, nthSunday(y, 4, 1)];
    end = [10, nthSunday(y, 10, -1)];
  } else {
    start = [4, nthSunday(y, 4, -1)];
    end = [10, nthSunday(y, 10, -1)];
  }
  const key = (m: number, day: number, hour: number) => (m * 32 + day) * 24 + hour;
  return [key(start[0], start[1], 2), key(end[0], end[1], 2)];
}

/**
 * `YYYYMMDDHHMMSS` (Eastern wall-clock time) to ISO 8601 with the Eastern offset of that instant.
 * @example parseAcceptanceDateTime('20170308160221') // '2017-03-08T16:02:21-05:00'
 */
export function parseAcceptanceDateTime(value: string): string | undefined {
  const v = value.length === 14 ? value : value.trim();
  if (v.length !== 14) return undefined;
  const date = digits(v, 0, 8);
  const time = digits(v, 8, 6);
  if (time < 0 || !isDate(date)) return undefined;
  const h = Math.floor(time / 10000);
  if (h > 23 || Math.floor(time / 100) % 100 > 59 || time % 100 > 60) return undefined;
  const dst = isEasternDaylightTime(Math.floor(date / 10000), Math.floor(date / 100) % 100, date % 100, h);
  return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(8, 10)}:${v.slice(10, 12)}:${v.slice(12, 14)}${dst ? '-04:00' : '-05:00'}`;
}
