/**
 * Safe local file names for documents extracted from an untrusted filing.
 * @module
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name that cannot escape its directory: directories, `..`, control and shell-hostile
 * characters, Windows reserved names and leading dots are removed; `fallback` when nothing is left.
 * @example toSafeFilename('../../evil.htm', '1.htm') // 'evil.htm'
 */
export function toSafeFilename(name: string, fallback: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  let safe = base
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 200);
  if (safe === '' || /^[._-]*$/.test(safe)) safe = fallback;
  if (RESERVED.test(safe)) safe = `_${safe}`;
  return safe;
}

/**
 * `name` made unique among `taken` (which it is added to): `a.htm`, `a-2.htm`, `a-3.htm`, ...
 * @example uniqueFilename('a.htm', new Set(['a.htm'])) // 'a-2.htm'
 */
export function uniqueFilename(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${stem}-${i}${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
