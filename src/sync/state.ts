/**
 * Sync state: what `edgarbox sync` remembers between runs beyond the filings themselves (which
 * are their own record: a filing in the store is fetched). Failures with their reasons (for
 * reruns and `audit`) and the validators of listings and feed days finished without failures
 * (for conditional requests). Kept IN the store (`Store.getSyncState` / `putSyncState`, both
 * backends), one JSON value per part (`sync:v1:listings`, `sync:v1:feeds`, `sync:v1:failures`):
 * a save writes only the parts that changed since the last one, all in one transaction, so a
 * crash leaves the state of the last save, never a torn one.
 * @module
 */
import type { Store } from '../store/store.ts';
import type { Validators } from './client.ts';

/** A filing that could not be fetched or stored, and why. */
export interface SyncFailure {
  accession: string;
  /** URL path fetched. */
  path: string;
  reason: string;
  /** ISO time of the last attempt. */
  at: string;
  attempts: number;
}

/** A listing finished without failures: its validators, and how many filings the store held then. */
export interface ListingMark extends Validators {
  /**
   * Filings in the store when the listing was done. A later store with fewer (filings were
   * deleted) does not trust a 304 for it: the listing is fetched in full again.
   */
  filings?: number;
}

/** The state document. */
export interface SyncStateData {
  version: 1;
  /** Validators of listings whose every target is stored, by listing key. */
  listings: Record<string, ListingMark>;
  /** Open failures by accession (removed when a later run stores the filing). */
  failures: Record<string, SyncFailure>;
  /** Feed days done, with the archive's validators. */
  feeds: Record<string, ListingMark>;
}

/** The state with its persistence. */
export interface SyncState {
  readonly data: SyncStateData;
  /**
   * Write what changed since the last save to the store (no-op for in-memory state). Saves run
   * one after another in call order; the promise rejects when the store refuses the write (the
   * next save tries again).
   */
  save(): Promise<void>;
}

/** The part of a `Store` the sync state needs. */
export type SyncStateStore = Pick<Store, 'getSyncState' | 'putSyncState'>;

type Part = 'listings' | 'failures' | 'feeds';
const PARTS: readonly Part[] = ['listings', 'failures', 'feeds'];

/**
 * The store key of one part of the state.
 * @example syncStateKey('failures') // 'sync:v1:failures'
 */
export function syncStateKey(part: Part): string {
  return `sync:v1:${part}`;
}

/**
 * Load the sync state kept in `store` (a part absent or unreadable starts empty), or an
 * in-memory state for `undefined`.
 * @example const state = await openSyncState(store); ...; await state.save();
 */
export async function openSyncState(store: SyncStateStore | undefined): Promise<SyncState> {
  const data: SyncStateData = { version: 1, listings: {}, failures: {}, feeds: {} };
  /** The value each part has in the store, as last read or written. */
  const saved: Record<Part, string> = { listings: '{}', failures: '{}', feeds: '{}' };
  if (store !== undefined) {
    const values = await Promise.all(PARTS.map((part) => store.getSyncState(syncStateKey(part))));
    PARTS.forEach((part, i) => {
      const parsed = parseRecord(values[i]);
      data[part] = parsed as never;
      saved[part] = JSON.stringify(parsed);
    });
  }
  let chain: Promise<void> = Promise.resolve();
  return {
    data,
    save() {
      if (store === undefined) return Promise.resolve();
      const run = chain.then(async () => {
        const changed: Array<{ part: Part; value: string }> = [];
        for (const part of PARTS) {
          const value = JSON.stringify(data[part]);
          if (value !== saved[part]) changed.push({ part, value });
        }
        if (changed.length === 0) return;
        await store.putSyncState(
          changed.map(({ part, value }) => ({
            key: syncStateKey(part),
            value: value === '{}' ? null : value,
          })),
        );
        for (const { part, value } of changed) saved[part] = value;
      });
      chain = run.catch(() => {});
      return run;
    },
  };
}

function parseRecord(value: string | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  try {
    const v: unknown = JSON.parse(value);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
