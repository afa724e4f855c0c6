/**
 * Keep SQLite's `entities` rows the merge over all stored filings (`../entity-merge.ts`):
 * `entities.party_json` holds the merge state. A batch's new party blocks fold into the stored
 * state; a CIK whose filing was removed or replaced (or whose row predates the merge state) is
 * rebuilt from all its `filing_parties` rows.
 * @module
 */
import type Database from 'better-sqlite3';
import type { Party } from '../../core/submission.ts';
import { type EntityState, foldEntity, isEntityState, type PartySeen } from '../entity-merge.ts';

/** Entity upkeep over one open database. */
export interface EntityRefresher {
  /**
   * Bring the rows of the touched CIKs up to date: `added` folds into the stored state, CIKs in
   * `rebuild` are recomputed from all their stored filings (or deleted when none is left).
   */
  refresh(added: Map<string, PartySeen[]>, rebuild: Set<string>): void;
  /** Recompute every entity from all stored filings. */
  rebuildAll(): void;
}

/** Create the entity refresher; statements are prepared once. */
export function createEntityRefresher(db: Database.Database): EntityRefresher {
  const q = {
    entity: db.prepare<[string], { party_json: string; latest_date: string; latest_accession: string }>(
      'SELECT party_json, latest_date, latest_accession FROM entities WHERE cik = ?',
    ),
    parties: db.prepare<
      [string],
      { party_json: string; filing_date: string; accession: string; position: number }
    >(
      `SELECT p.party_json, p.filing_date, f.accession, p.position
       FROM filing_parties p JOIN filings f ON f.id = p.filing_id WHERE p.cik = ?`,
    ),
    allCiks: db.prepare<[], { cik: string }>("SELECT DISTINCT cik FROM filing_parties WHERE cik <> ''"),
    deleteEntity: db.prepare('DELETE FROM entities WHERE cik = ?'),
    deleteAll: db.prepare('DELETE FROM entities'),
    replaceEntity: db.prepare(
      `INSERT OR REPLACE INTO entities (cik, name, entity_type, latest_date, latest_accession, party_json)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };

  /** Fold `seen` into `state`; resolves the new state and the latest (date, accession). */
  const fold = (
    state: EntityState | undefined,
    latest: [string, string],
    seen: PartySeen[],
  ): { state: EntityState | undefined; latest: [string, string] } => {
    let s = state;
    let l = latest;
    for (const o of seen) {
      s = foldEntity(s, o.party, o.filingDate, o.accession, o.position);
      if (o.filingDate > l[0] || (o.filingDate === l[0] && o.accession > l[1]))
        l = [o.filingDate, o.accession];
    }
    return { state: s, latest: l };
  };

  const write = (cik: string, state: EntityState | undefined, latest: [string, string]): void => {
    if (state === undefined) {
      q.deleteEntity.run(cik);
      return;
    }
    const name = state.fields.name?.value;
    q.replaceEntity.run(
      cik,
      typeof name === 'string' ? name : '',
      state.company ? 'company' : 'owner',
      latest[0],
      latest[1],
      JSON.stringify(state),
    );
  };

  const rebuild = (cik: string): void => {
    const seen = q.parties.all(cik).map((r) => ({
      party: JSON.parse(r.party_json) as Party,
      filingDate: r.filing_date,
      accession: r.accession,
      position: r.position,
    }));
    const r = fold(undefined, ['', ''], seen);
    write(cik, r.state, r.latest);
  };

  return {
    refresh(added, rebuildCiks) {
      for (const cik of rebuildCiks) rebuild(cik);
      for (const [cik, seen] of added) {
        if (rebuildCiks.has(cik)) continue;
        const row = q.entity.get(cik);
        const stored = row === undefined ? undefined : (JSON.parse(row.party_json) as unknown);
        if (row !== undefined && !isEntityState(stored)) {
          rebuild(cik);
          continue;
        }
        const r = fold(
          stored as EntityState | undefined,
          [row?.latest_date ?? '', row?.latest_accession ?? ''],
          seen,
        );
        write(cik, r.state, r.latest);
      }
    },
    rebuildAll() {
      q.deleteAll.run();
      for (const { cik } of q.allCiks.all()) rebuild(cik);
    },
  };
}
