/**
 * Identifiers: CIK and accession number, parsed strictly and formatted the ways EDGAR writes them.
 * @module
 */
import { createError } from './errors.ts';

const ACCESSION_DASHED = /^(\d{10})-(\d{2})-(\d{6})$/;
const ACCESSION_PLAIN = /^(\d{10})(\d{2})(\d{6})$/;

/** True when `s` is an accession number with dashes (`0001144204-17-013452`) or 18 digits. */
export function isAccessionNumber(s: string): boolean {
  return ACCESSION_DASHED.test(s) || ACCESSION_PLAIN.test(s);
}

/**
 * Normalise an accession number to its dashed form.
 * @throws EdgarError `invalid-accession`
 * @example parseAccessionNumber('000114420417013452') // '0001144204-17-013452'
 */
export function parseAccessionNumber(s: string): string {
  const t = s.trim();
  const m = ACCESSION_DASHED.exec(t) ?? ACCESSION_PLAIN.exec(t);
  if (!m) throw createError('invalid-accession', s);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** The 18-digit folder form of an accession number (`000114420417013452`). */
export function accessionNoDashes(accession: string): string {
  return parseAccessionNumber(accession).replaceAll('-', '');
}

/**
 * Normalise a CIK to 10 digits.
 * @throws EdgarError `invalid-cik`
 * @example parseCik('1279704') // '0001279704'
 */
export function parseCik(s: string | number): string {
  const t = String(s).trim().replace(/^CIK/i, '');
  if (!/^\d{1,10}$/.test(t) || /^0+$/.test(t)) throw createError('invalid-cik', String(s));
  return t.padStart(10, '0');
}

/** A CIK without leading zeros, as archive paths and index files write it. */
export function cikUnpadded(cik: string): string {
  return parseCik(cik).replace(/^0+/, '');
}
