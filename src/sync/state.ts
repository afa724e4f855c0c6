/**
 * Sync state: what `edgarbox sync` remembers between runs beyond the filings themselves (which
 * are their own record: a filing in the store is fetched). Failures with their reasons (for
 * reruns and `audit`) and the validators of listings finished without failures (for conditional
 * requests). Kept in a small JSON file beside the store, written atomically (temp file + rename).
 * @module
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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
  /** Write to disk now (no-op for in-memory state). */
  save(): void;
}

/**
 * Open the state file (absent or unreadable: a fresh state), or an in-memory state for `undefined`.
 * @example const state = openSyncState('filings.db.sync.json');
 */
export function openSyncState(path: string | undefined): SyncState {
  const data = path === undefined ? fresh() : load(path);
  return {
    data,
    save() {
      if (path === undefined) return;
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, path);
    },
  };
}

/**
 * Where the state of a store lives: `<file>.sync.json` beside a SQLite file; none for a URL store
 * (pass `--state` there).
 * @example statePathFor('filings.db') // 'filings.db.sync.json'
 */
export function statePathFor(db: string): string | undefined {
  if (/^postgres(ql)?:\/\//i.test(db) || db === ':memory:') return undefined;
  return `${db}.sync.json`;
}

function fresh(): SyncStateData {
  return { version: 1, listings: {}, failures: {}, feeds: {} };
}

function load(path: string): SyncStateData {
  try {
    const d = JSON.parse(readFileSync(path, 'utf8')) as Partial<SyncStateData>;
    if (d?.version !== 1) return fresh();
    return { version: 1, listings: d.listings ?? {}, failures: d.failures ?? {}, feeds: d.feeds ?? {} };
  } catch {
    return fresh();
  }
}
