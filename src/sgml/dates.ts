/**
 * EDGAR header dates: `YYYYMMDD` → ISO, and `<ACCEPTANCE-DATETIME>` → ISO with its US Eastern offset.
 * @module
 */

/**
 * `YYYYMMDD` (or already-ISO `YYYY-MM-DD`) to `YYYY-MM-DD`; undefined when not a real calendar date.
 * @example parseHeaderDate('20170308') // '2017-03-08'
 */
export function parseHeaderDate(value: string): string | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Day of month of the `n`-th (1-based) Sunday of `month` (1-12); `n = -1` for the last one. */
function nthSunday(year: number, month: number, n: number): number {
  if (n > 0) {
    const firstDow = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((7 - firstDow) % 7) + (n - 1) * 7;
  }
  const last = daysInMonth(year, month);
  const lastDow = new Date(Date.UTC(year, month - 1, last)).getUTCDay();
  return last - lastDow;
}

/**
 * True when the Eastern wall-clock time falls in daylight saving time under the US rules of its year:
 * 2007+ second Sunday of March to first Sunday of November; 1987-2006 first Sunday of April to last
 * Sunday of October; 1967-1986 last Sunday of April to last Sunday of October (all at 02:00 local).
 */
export function isEasternDaylightTime(y: number, mo: number, d: number, h: number): boolean {
  if (y < 1967) return false;
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
  const t = key(mo, d, h);
  return t >= key(start[0], start[1], 2) && t < key(end[0], end[1], 2);
}

/**
 * `YYYYMMDDHHMMSS` (Eastern wall-clock time) to ISO 8601 with the Eastern offset of that instant.
 * @example parseAcceptanceDateTime('20170308160221') // '2017-03-08T16:02:21-05:00'
 */
export function parseAcceptanceDateTime(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [, ys, mos, ds, hs, mis, ss] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  if (!parseHeaderDate(`${ys}${mos}${ds}`) || Number(hs) > 23 || Number(mis) > 59 || Number(ss) > 60) {
    return undefined;
  }
  const offset = isEasternDaylightTime(y, mo, d, Number(hs)) ? '-04:00' : '-05:00';
  return `${ys}-${mos}-${ds}T${hs}:${mis}:${ss}${offset}`;
}
