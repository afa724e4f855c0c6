/**
 * `edgarbox audit`: compare the store with the source's listings for a selection and say what is
 * missing, what failed (and why, from the sync state), and what differs (form, filing date, or
 * size where the listing gives one).
 * @module
 */
import { isEdgarError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import type { SyncClient } from './client.ts';
import { fetchListing, listingsOf, resolveCiks } from './plan.ts';
import type { Selection } from './selection.ts';
import type { SourceUrls } from './sources.ts';
import { openSyncState, type SyncFailure, type SyncState } from './state.ts';
import type { SyncTarget } from './sync-target.ts';

/** Options of `auditStore`. */
export interface AuditOptions {
  store: Store;
  client: SyncClient;
  urls: SourceUrls;
  selection: Selection;
  /** Where failure reasons come from (default: the state kept in `store`). */
  state?: SyncState;
}

/** A listed filing whose stored copy disagrees with the listing. */
export interface AuditDifference {
  accession: string;
  field: 'form' | 'filingDate' | 'size';
  listed: string | number;
  stored: string | number;
}

/** What the audit found. Every list is sorted by accession. */
export interface AuditReport {
  /** Filings the listings name (after the selection's filters). */
  listed: number;
  /** Of those, stored. */
  present: number;
  /** Listed, not stored. */
  missing: SyncTarget[];
  /** Missing filings a sync tried and could not store, with the reason. */
  failed: SyncFailure[];
  differs: AuditDifference[];
  /** Listing problems. */
  warnings: string[];
  /** Listings that could not be fetched: their filings are unaccounted for. */
  listingFailures: Array<{ url: string; reason: string }>;
}

/**
 * Audit the store against the listings of the selection (always fetched in full, never conditionally).
 * @example const report = await auditStore({ store, client, urls, selection, state }); report.missing.length
 */
export async function auditStore(options: AuditOptions): Promise<AuditReport> {
  const { store, client, urls, selection } = options;
  const state = options.state ?? (await openSyncState(store));
  const ciks = await resolveCiks(selection, client, urls);
  const report: AuditReport = {
    listed: 0,
    present: 0,
    missing: [],
    failed: [],
    differs: [],
    warnings: [],
    listingFailures: [],
  };
  const seen = new Set<string>();
  for (const listing of listingsOf(selection, ciks, urls)) {
    let result: Awaited<ReturnType<typeof fetchListing>>;
    try {
      result = await fetchListing(listing, selection, ciks, client, urls);
    } catch (e) {
      if (isEdgarError(e, 'blocked')) throw e;
      report.listingFailures.push({ url: listing.url, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    report.warnings.push(...result.warnings);
    for (const t of result.targets) {
      if (seen.has(t.accession)) continue;
      seen.add(t.accession);
      report.listed++;
      const stored = await store.listFilings({
        cik: t.cik,
        from: t.filingDate,
        to: t.filingDate,
        limit: 10_000,
      });
      const hit =
        stored.filings.find((f) => f.accession === t.accession) ?? (await summaryOf(store, t.accession));
      if (!hit) {
        report.missing.push(t);
        const failure = state.data.failures[t.accession];
        if (failure) report.failed.push(failure);
        continue;
      }
      report.present++;
      if (t.form && hit.form !== t.form)
        report.differs.push({ accession: t.accession, field: 'form', listed: t.form, stored: hit.form });
      if (t.filingDate && hit.filingDate !== t.filingDate)
        report.differs.push({
          accession: t.accession,
          field: 'filingDate',
          listed: t.filingDate,
          stored: hit.filingDate,
        });
      if (t.size !== undefined && hit.size !== t.size)
        report.differs.push({ accession: t.accession, field: 'size', listed: t.size, stored: hit.size });
    }
  }
  const byAccession = (a: { accession: string }, b: { accession: string }): number =>
    a.accession.localeCompare(b.accession);
  report.missing.sort(byAccession);
  report.failed.sort(byAccession);
  report.differs.sort(byAccession);
  return report;
}

/** The stored summary of one filing, when the fast lookup by CIK and date missed it. */
async function summaryOf(
  store: Store,
  accession: string,
): Promise<{ form: string; filingDate: string; size: number } | undefined> {
  if ((await store.getFilingHash(accession)) === undefined) return undefined;
  const f = await store.getFiling(accession);
  return f ? { form: f.form, filingDate: f.filingDate, size: f.size } : undefined;
}
