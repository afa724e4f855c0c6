/**
 * What to fetch for a selection: the listings to walk (index files or submissions JSON pages),
 * each turned into filtered, de-duplicated `SyncTarget`s. Tickers resolve through
 * `company_tickers.json`.
 * @module
 */
import { createError } from '../core/errors.ts';
import type { SyncClient, Validators } from './client.ts';
import { parseMasterIndex } from './parse-master-index.ts';
import { type IndexRef, quarterOfDate, type Selection } from './selection.ts';
import type { SourceUrls } from './sources.ts';
import { parseSubmissionsPage } from './submissions-page.ts';
import type { SyncTarget } from './sync-target.ts';

/** One listing to walk. */
export interface Listing {
  /** Absolute URL of the index file or submissions JSON. */
  url: string;
  /** State key: the URL plus the filters applied to it (a listing done for 8-Ks is not done for 10-Ks). */
  key: string;
  kind: 'index' | 'submissions';
}

/** A fetched listing. */
export interface ListingResult {
  listing: Listing;
  /** Targets passing the selection's filters (empty when `notModified`). */
  targets: SyncTarget[];
  /** The server said nothing changed since the validators sent. */
  notModified: boolean;
  validators: Validators;
  /** Problems reading the listing. */
  warnings: string[];
}

/** Most quarters one `--from/--to` range walks without an explicit `--index`. */
const MAX_QUARTERS = 160;

/**
 * The CIKs of the selection, tickers resolved through `{archives}/files/company_tickers.json`.
 * @throws EdgarError `not-found` for a ticker the file does not list.
 */
export async function resolveCiks(
  selection: Selection,
  client: SyncClient,
  urls: SourceUrls,
): Promise<string[]> {
  if (selection.tickers.length === 0) return selection.ciks;
  const res = await client.getBytes(`${urls.archives}/files/company_tickers.json`);
  const table = JSON.parse(Buffer.from(res.bytes).toString('utf8')) as Record<
    string,
    { cik_str?: number | string; ticker?: string }
  >;
  const byTicker = new Map<string, string>();
  for (const row of Object.values(table)) {
    if (row?.ticker !== undefined && row.cik_str !== undefined)
      byTicker.set(String(row.ticker).toUpperCase(), String(row.cik_str).padStart(10, '0'));
  }
  const out = [...selection.ciks];
  for (const t of selection.tickers) {
    const cik = byTicker.get(t);
    if (!cik) throw createError('not-found', `ticker ${t} in company_tickers.json`);
    out.push(cik);
  }
  return [...new Set(out)];
}

/**
 * The index listings of a selection: its `--index` files, or for a `--from/--to` range without
 * CIKs, the quarterly full-index files covering it. Empty when the selection walks submissions JSON.
 * @example indexListings(selection, urls) // [{ url: '…/full-index/2017/QTR1/master.idx', … }]
 */
export function indexListings(selection: Selection, ciks: string[], urls: SourceUrls): Listing[] {
  let refs: IndexRef[] = selection.indexes;
  if (refs.length === 0 && ciks.length === 0 && selection.feeds.length === 0)
    refs = quartersBetween(selection);
  if (refs.length === 0 || selection.submissions) return [];
  const filter = filterKey(selection, ciks);
  return refs.map((ref) => {
    const url =
      ref.kind === 'quarter'
        ? `${urls.archives}/Archives/edgar/full-index/${ref.year}/QTR${ref.quarter}/master.idx`
        : `${urls.archives}/Archives/edgar/daily-index/${ref.date.slice(0, 4)}/QTR${quarterOfDate(ref.date)}/master.${ref.date.replaceAll('-', '')}.idx`;
    return { url, key: `${url}#${filter}`, kind: 'index' as const };
  });
}

/** True when the selection walks submissions JSON (CIKs without index files). */
export function walksSubmissions(selection: Selection, ciks: string[]): boolean {
  return ciks.length > 0 && (selection.submissions || selection.indexes.length === 0);
}

/**
 * Fetch one listing and keep the targets the selection wants. For submissions JSON, the older
 * pages listed in `filings.files` are fetched too (those overlapping the date range).
 */
export async function fetchListing(
  listing: Listing,
  selection: Selection,
  ciks: string[],
  client: SyncClient,
  urls: SourceUrls,
  validators?: Validators,
): Promise<ListingResult> {
  const res = await client.getBytes(listing.url, validators);
  if (res.notModified)
    return { listing, targets: [], notModified: true, validators: res.validators, warnings: [] };
  const text = Buffer.from(res.bytes).toString('latin1');
  const warnings: string[] = [];
  let targets: SyncTarget[];
  if (listing.kind === 'index') {
    const parsed = parseMasterIndex(text);
    for (const w of parsed.warnings) warnings.push(`${listing.url}:${w.line ?? 0}: ${w.message}`);
    targets = parsed.targets;
  } else {
    const cik = /CIK(\d{10})\.json$/.exec(listing.url)?.[1] ?? '';
    const first = parseSubmissionsPage(Buffer.from(res.bytes).toString('utf8'), cik);
    targets = first.targets;
    for (const page of first.files) {
      if (selection.from && page.filingTo && page.filingTo < selection.from) continue;
      if (selection.to && page.filingFrom && page.filingFrom > selection.to) continue;
      const more = await client.getBytes(`${urls.data}/submissions/${page.name}`);
      targets.push(...parseSubmissionsPage(Buffer.from(more.bytes).toString('utf8'), cik).targets);
    }
  }
  return {
    listing,
    targets: filterTargets(targets, selection, ciks),
    notModified: false,
    validators: res.validators,
    warnings,
  };
}

/** The submissions JSON listings of the CIKs. */
export function submissionsListings(selection: Selection, ciks: string[], urls: SourceUrls): Listing[] {
  const filter = filterKey(selection, []);
  return ciks.map((cik) => {
    const url = `${urls.data}/submissions/CIK${cik}.json`;
    return { url, key: `${url}#${filter}`, kind: 'submissions' as const };
  });
}

/**
 * Every listing of a selection, in walking order.
 * @example for (const l of listingsOf(selection, ciks, urls)) await fetchListing(l, …)
 */
export function listingsOf(selection: Selection, ciks: string[], urls: SourceUrls): Listing[] {
  return walksSubmissions(selection, ciks)
    ? submissionsListings(selection, ciks, urls)
    : indexListings(selection, ciks, urls);
}

/**
 * Keep the targets inside the selection (CIKs, forms, dates), each accession once.
 * @example filterTargets(targets, { forms: ['8-K'], … }, [])
 */
export function filterTargets(targets: SyncTarget[], selection: Selection, ciks: string[]): SyncTarget[] {
  const cikSet = new Set(ciks);
  const forms = new Set(selection.forms);
  const seen = new Set<string>();
  const out: SyncTarget[] = [];
  for (const t of targets) {
    if (cikSet.size > 0 && !cikSet.has(t.cik)) continue;
    if (forms.size > 0 && !forms.has(t.form)) continue;
    if (selection.from && t.filingDate < selection.from) continue;
    if (selection.to && t.filingDate > selection.to) continue;
    if (seen.has(t.accession)) continue;
    seen.add(t.accession);
    out.push(t);
  }
  return out;
}

function filterKey(selection: Selection, ciks: string[]): string {
  return JSON.stringify([ciks, selection.forms, selection.from ?? '', selection.to ?? '']);
}

function quartersBetween(selection: Selection): IndexRef[] {
  const from = selection.from;
  const to = selection.to ?? new Date().toISOString().slice(0, 10);
  if (!from) throw createError('invalid-argument', 'a date range without --cik or --index needs --from');
  const refs: IndexRef[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = quarterOfDate(from);
  const endYear = Number(to.slice(0, 4));
  const endQuarter = quarterOfDate(to);
  while (year < endYear || (year === endYear && quarter <= endQuarter)) {
    refs.push({ kind: 'quarter', year, quarter });
    if (refs.length > MAX_QUARTERS)
      throw createError('invalid-argument', `the date range spans more than ${MAX_QUARTERS} quarters`);
    quarter++;
    if (quarter > 4) {
      quarter = 1;
      year++;
    }
  }
  return refs;
}
