/**
 * A data.sec.gov submissions JSON page as sync targets: the main document's `filings.recent`
 * columns and its `filings.files` overflow pages, or an overflow page's root columns.
 * @module
 */
import { type SyncTarget, submissionPath } from './sync-target.ts';

/** An overflow page listed in `filings.files`. */
export interface SubmissionsFile {
  name: string;
  filingFrom?: string;
  filingTo?: string;
}

/** Targets of one page and the overflow pages it lists. */
export interface SubmissionsPage {
  targets: SyncTarget[];
  files: SubmissionsFile[];
}

interface Columns {
  accessionNumber?: unknown;
  form?: unknown;
  filingDate?: unknown;
  size?: unknown;
}

const FILE_NAME = /^CIK\d{10}-submissions-\d{3}\.json$/;

/**
 * Parse a page for `cik` (10 digits). Malformed JSON or columns give an empty page; never throws.
 * Overflow file names that are not `CIK##########-submissions-NNN.json` are dropped (they become URLs).
 * @example parseSubmissionsPage(json, '0001279704').targets.length
 */
export function parseSubmissionsPage(json: string, cik: string): SubmissionsPage {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { targets: [], files: [] };
  }
  if (typeof doc !== 'object' || doc === null) return { targets: [], files: [] };
  const filings = (doc as { filings?: { recent?: Columns; files?: unknown } }).filings;
  const columns: Columns = filings?.recent ?? (doc as Columns);
  const files: SubmissionsFile[] = [];
  if (Array.isArray(filings?.files)) {
    for (const f of filings.files as Array<Record<string, unknown>>) {
      if (typeof f?.name !== 'string' || !FILE_NAME.test(f.name)) continue;
      const file: SubmissionsFile = { name: f.name };
      if (typeof f.filingFrom === 'string') file.filingFrom = f.filingFrom;
      if (typeof f.filingTo === 'string') file.filingTo = f.filingTo;
      files.push(file);
    }
  }
  return { targets: toTargets(columns, cik), files };
}

function toTargets(c: Columns, cik: string): SyncTarget[] {
  const acc = Array.isArray(c.accessionNumber) ? c.accessionNumber : [];
  const form = Array.isArray(c.form) ? c.form : [];
  const date = Array.isArray(c.filingDate) ? c.filingDate : [];
  const size = Array.isArray(c.size) ? c.size : [];
  const out: SyncTarget[] = [];
  for (let i = 0; i < acc.length; i++) {
    const a = acc[i];
    if (typeof a !== 'string' || !/^\d{10}-\d{2}-\d{6}$/.test(a)) continue;
    const t: SyncTarget = {
      accession: a,
      cik,
      form: typeof form[i] === 'string' ? form[i] : '',
      filingDate: typeof date[i] === 'string' ? date[i] : '',
      path: submissionPath(cik, a),
    };
    const s = size[i];
    if (typeof s === 'number' && Number.isFinite(s)) t.size = s;
    out.push(t);
  }
  return out;
}
