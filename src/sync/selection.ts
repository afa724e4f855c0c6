/**
 * What to sync or audit: the composable selection of `edgarbox sync` / `edgarbox audit`,
 * validated from the command-line strings.
 * @module
 */
import { createError } from '../core/errors.ts';

/** An index file to walk: a quarter's full-index or one day's daily-index `master.idx`. */
export type IndexRef = { kind: 'quarter'; year: number; quarter: number } | { kind: 'day'; date: string };

/** A validated selection. Empty lists mean "no restriction". */
export interface Selection {
  /** 10-digit CIKs. */
  ciks: string[];
  /** Tickers still to resolve through `company_tickers.json` (upper case). */
  tickers: string[];
  /** Exact form types. */
  forms: string[];
  /** Filing date range, ISO, inclusive. */
  from?: string;
  to?: string;
  /** Index files to walk. */
  indexes: IndexRef[];
  /** Feed days (ISO) whose `.nc.tar.gz` archive is streamed into ingest. */
  feeds: string[];
  /** Walk the submissions JSON of each CIK (all pages) instead of index files. */
  submissions: boolean;
}

/** The raw option strings. */
export interface SelectionInput {
  cik?: string[];
  form?: string[];
  from?: string;
  to?: string;
  index?: string[];
  feed?: string[];
  submissions?: boolean;
}

/**
 * Validate the options into a `Selection`.
 * @throws EdgarError `invalid-argument` / `invalid-date` / `invalid-cik` for malformed values, or when nothing is selected.
 * @example parseSelection({ cik: ['CLRB'], form: ['8-K'], from: '2017-01-01' })
 */
export function parseSelection(input: SelectionInput): Selection {
  const ciks: string[] = [];
  const tickers: string[] = [];
  for (const value of splitAll(input.cik)) {
    if (/^\d{1,10}$/.test(value)) ciks.push(value.padStart(10, '0'));
    else if (/^[A-Za-z][A-Za-z0-9.-]{0,9}$/.test(value)) tickers.push(value.toUpperCase());
    else throw createError('invalid-cik', value);
  }
  const forms = splitAll(input.form);
  const from = input.from === undefined ? undefined : toIsoDate(input.from);
  const to = input.to === undefined ? undefined : toIsoDate(input.to);
  if (from && to && from > to) throw createError('invalid-argument', `--from ${from} is after --to ${to}`);
  const indexes = splitAll(input.index).map(parseIndexRef);
  const feeds = splitAll(input.feed).map(toIsoDate);
  const selection: Selection = {
    ciks: [...new Set(ciks)],
    tickers: [...new Set(tickers)],
    forms: [...new Set(forms)],
    indexes,
    feeds: [...new Set(feeds)],
    submissions: input.submissions === true,
  };
  if (from) selection.from = from;
  if (to) selection.to = to;
  const hasCik = ciks.length + tickers.length > 0;
  if (selection.submissions && !hasCik) throw createError('invalid-argument', '--submissions needs --cik');
  if (!hasCik && indexes.length === 0 && feeds.length === 0 && !from && !to) {
    throw createError(
      'invalid-argument',
      'select something: --cik, --index <year>Q<n>, --feed <date>, or a --from/--to date range',
    );
  }
  return selection;
}

/**
 * `2017Q1` (quarterly full-index) or a day `2017-03-08` / `20170308` (daily-index).
 * @example parseIndexRef('2017Q1') // { kind: 'quarter', year: 2017, quarter: 1 }
 */
export function parseIndexRef(value: string): IndexRef {
  const m = /^(\d{4})-?Q(?:TR)?([1-4])$/i.exec(value);
  if (m) {
    const year = Number(m[1]);
    if (year < 1993 || year > 2999) throw createError('invalid-argument', `--index year ${year}`);
    return { kind: 'quarter', year, quarter: Number(m[2]) };
  }
  if (/^\d{4}-?\d{2}-?\d{2}$/.test(value)) return { kind: 'day', date: toIsoDate(value) };
  throw createError(
    'invalid-argument',
    `--index expects <year>Q<n> or a date, got ${JSON.stringify(value.slice(0, 20))}`,
  );
}

/**
 * `2017-03-08` or `20170308` as ISO, checked to be a real day.
 * @example toIsoDate('20170308') // '2017-03-08'
 */
export function toIsoDate(value: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  if (!m) throw createError('invalid-date', value);
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    throw createError('invalid-date', value);
  return iso;
}

/** Which quarter (1-4) an ISO date falls in. */
export function quarterOfDate(iso: string): number {
  return Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;
}

/** Options may repeat and may hold comma-separated lists. */
function splitAll(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
