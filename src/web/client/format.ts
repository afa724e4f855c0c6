/**
 * Display formatting: sizes, dates, accession numbers.
 * @module
 */

/** `28261` → `27.6 KB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** `2017-03-08T16:02:21-05:00` → `2017-03-08 16:02:21 (-05:00)`. */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(.*)$/.exec(iso);
  return m ? `${m[1]} ${m[2]}${m[3] ? ` (${m[3]})` : ''}` : iso;
}

/** A CIK without its zero padding, as people write it. */
export function shortCik(cik: string): string {
  return cik.replace(/^0+(?=\d)/, '');
}

/** `0001279704` → `/company/1279704`. */
export function companyHref(cik: string): string {
  return `/company/${encodeURIComponent(shortCik(cik))}`;
}

/** The UI path of a filing, optionally on one document. */
export function filingHref(accession: string, sequence?: number): string {
  const base = `/filing/${encodeURIComponent(accession)}`;
  return sequence === undefined ? base : `${base}?doc=${sequence}`;
}
