/**
 * Loose comparison of a heading's title with a catalog title.
 * @module
 */

const minor = new Set([
  'and',
  'the',
  'of',
  'or',
  'for',
  'to',
  'in',
  'on',
  'a',
  'an',
  'with',
  'by',
  'under',
  'about',
]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !minor.has(w));
}

/**
 * True when at least half of the catalog title's significant words appear in `found`.
 * @param found title as written in the document
 * @param catalog standard title
 * @example titleMatches('RESULTS OF OPERATIONS', 'Results of Operations and Financial Condition') // true
 */
export function titleMatches(found: string, catalog: string): boolean {
  const want = words(catalog);
  if (want.length === 0) return false;
  const have = new Set(words(found));
  let hits = 0;
  for (const w of want) if (have.has(w) || have.has(w.replace(/s$/, ''))) hits++;
  return hits * 2 >= want.length;
}
