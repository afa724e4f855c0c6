/**
 * Strict validation of everything a URL can carry. Nothing from a URL ever becomes a file path:
 * values are only compared with stored identifiers.
 * @module
 */
import { createError } from '../core/errors.ts';
import { parseAccessionNumber, parseCik } from '../core/ids.ts';

/**
 * A CIK path or query value (1 to 10 digits, optionally `CIK`-prefixed) as 10 digits.
 * @throws EdgarError `invalid-cik`
 */
export function cikParam(s: string | undefined): string {
  if (s === undefined || !/^(CIK)?\d{1,10}$/i.test(s)) throw createError('invalid-cik', s ?? '');
  return parseCik(s);
}

/**
 * An accession number, dashed or 18 digits, as the dashed form.
 * @throws EdgarError `invalid-accession`
 */
export function accessionParam(s: string | undefined): string {
  if (s === undefined || s.length > 20) throw createError('invalid-accession', s ?? '');
  return parseAccessionNumber(s);
}

const FILENAME = /^[A-Za-z0-9_][A-Za-z0-9_.+~-]{0,199}$/;

/**
 * A document file name as EDGAR allows them (letters, digits, `._-+~`, no leading dot, no `..`).
 * @throws EdgarError `unsafe-path`
 */
export function filenameParam(s: string | undefined): string {
  if (s === undefined || !FILENAME.test(s) || s.includes('..')) throw createError('unsafe-path', s ?? '');
  return s;
}

/**
 * An integer query value within bounds, or the default when absent.
 * @throws EdgarError `invalid-argument`
 */
export function intParam(s: string | undefined, name: string, def: number, min: number, max: number): number {
  if (s === undefined || s === '') return def;
  if (!/^\d{1,9}$/.test(s))
    throw createError(
      'invalid-argument',
      `${name} must be an integer, got ${JSON.stringify(s.slice(0, 40))}`,
    );
  const n = Number(s);
  if (n < min || n > max)
    throw createError('invalid-argument', `${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/**
 * An ISO date query value (`2024-01-31` or `20240131`) as ISO, or undefined when absent.
 * @throws EdgarError `invalid-date`
 */
export function dateParam(s: string | undefined): string | undefined {
  if (s === undefined || s === '') return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  if (!m) throw createError('invalid-date', s);
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw createError('invalid-date', s);
  return iso;
}

/**
 * A comma-separated list (`10-K,10-Q`), trimmed, empties dropped, at most `max` entries of at most 40 characters.
 * @throws EdgarError `invalid-argument`
 */
export function listParam(s: string | undefined, name: string, max = 50): string[] {
  if (s === undefined || s === '') return [];
  const items = s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
  if (items.length > max || items.some((x) => x.length > 40)) {
    throw createError('invalid-argument', `${name} takes at most ${max} values of at most 40 characters`);
  }
  return items;
}
