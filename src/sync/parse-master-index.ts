/**
 * `master.idx` (quarterly full-index and daily-index): pipe-delimited rows after a line of dashes.
 * @module
 */
import type { ParseWarning } from '../core/warnings.ts';
import { type SyncTarget, submissionPath } from './sync-target.ts';

/** Rows and located warnings. */
export interface MasterIndex {
  targets: SyncTarget[];
  warnings: ParseWarning[];
}

/** Warnings kept at most (a foreign file must not grow the list without bound). */
const MAX_WARNINGS = 100;
const ACCESSION = /(\d{10}-\d{2}-\d{6})\.txt$/;

/**
 * Parse a `master.idx` (`CIK|Company Name|Form Type|Date Filed|Filename`). Dates `2017-03-08` or
 * `20170308` become ISO. Malformed rows are skipped with a warning; never throws.
 * @example parseMasterIndex(text).targets[0] // { accession, cik: '0001279704', form: '8-K', ... }
 */
export function parseMasterIndex(text: string): MasterIndex {
  const targets: SyncTarget[] = [];
  const warnings: ParseWarning[] = [];
  const lines = text.split('\n');
  let start = lines.findIndex((l) => /^-{10,}\s*$/.test(l));
  if (start < 0) {
    // No dashes line: an empty or foreign file.
    if (text.trim() !== '')
      warnings.push({
        code: 'index-no-header',
        message: 'master.idx without its line of dashes',
        offset: 0,
        line: 1,
      });
    return { targets, warnings };
  }
  let offset = 0;
  for (let i = 0; i <= start; i++) offset += (lines[i] ?? '').length + 1;
  start++;
  for (let i = start; i < lines.length; offset += (lines[i] ?? '').length + 1, i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    const cells = line.split('|');
    const [cik, name, form, date, file] = cells;
    const m = file === undefined ? null : ACCESSION.exec(file.trim());
    const iso = date === undefined ? undefined : toIsoDate(date.trim());
    if (cells.length < 5 || !cik || !/^\d{1,10}$/.test(cik.trim()) || !m || !iso || !form) {
      if (warnings.length < MAX_WARNINGS)
        warnings.push({
          code: 'index-bad-row',
          message: `unreadable master.idx row: ${line.slice(0, 120)}`,
          offset,
          line: i + 1,
        });
      continue;
    }
    const cik10 = cik.trim().padStart(10, '0');
    const accession = m[1] as string;
    targets.push({
      accession,
      cik: cik10,
      form: form.trim(),
      filingDate: iso,
      companyName: (name ?? '').trim(),
      path: submissionPath(cik10, accession),
    });
  }
  return { targets, warnings };
}

function toIsoDate(s: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return s;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
