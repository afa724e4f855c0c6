/**
 * `index.json` of the `full-index/` and `daily-index/` trees (years, quarters, index files), in
 * the listing shape SEC serves there (`type` `dir`/`file`, `href`, sizes like `839 KB`).
 * @module
 */

/** One listed entry. */
export interface IndexListingEntry {
  name: string;
  type: 'dir' | 'file';
  /** Bytes of a file (shown in KB); directories show ''. */
  size?: number;
  /** ISO date-time (Eastern wall clock) shown as `MM/DD/YYYY hh:mm:ss AM`. */
  lastModified: string;
}

/** The listing document. */
export interface IndexListingJson {
  directory: {
    item: Array<{ 'last-modified': string; name: string; type: string; href: string; size: string }>;
    name: string;
    'parent-dir': string;
  };
}

/**
 * `2023-01-03T22:07:43` → `01/03/2023 10:07:43 PM`.
 * @example toListingTime('2023-01-03T22:07:43') // '01/03/2023 10:07:43 PM'
 */
export function toListingTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!m) return '';
  const h = Number(m[4]);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${m[2]}/${m[3]}/${m[1]} ${String(h12).padStart(2, '0')}:${m[5]}:${m[6]} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * Build a listing.
 * @param name the folder as SEC names it (`full-index/2021/QTR1/`)
 * @example toIndexListingJson('full-index/', [{ name: '2017', type: 'dir', lastModified: '2017-12-31T22:00:00' }])
 */
export function toIndexListingJson(name: string, entries: readonly IndexListingEntry[]): IndexListingJson {
  return {
    directory: {
      item: entries.map((e) => ({
        'last-modified': toListingTime(e.lastModified),
        name: e.name,
        type: e.type,
        href: e.type === 'dir' ? `${e.name}/` : e.name,
        size: e.size === undefined ? '' : `${Math.max(1, Math.round(e.size / 1024))} KB`,
      })),
      name,
      'parent-dir': '../',
    },
  };
}
