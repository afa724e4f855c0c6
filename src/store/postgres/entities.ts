/**
 * Entities (companies and people) merged over all their stored filings (`../entity-merge.ts`).
 * Recomputed inside the writing transaction for every CIK a put or delete touches, under a
 * per-CIK advisory lock taken in CIK order, so concurrent writers cannot leave a stale row.
 * @module
 */
import type pg from 'pg';
import type { Party } from '../../core/submission.ts';
import {
  type EntityState,
  foldEntity,
  isEntityState,
  type PartySeen,
  type SeenName,
  toEntityFacts,
} from '../entity-merge.ts';
import { toJson } from './rows.ts';

interface StoredFacts {
  n: number;
  first: string | null;
  last: string | null;
  names: SeenName[];
  state: unknown;
}

/** Party blocks of `ciks` as stored, to rebuild their merge state. */
async function storedParties(client: pg.PoolClient, ciks: string[]): Promise<Map<string, PartySeen[]>> {
  const out = new Map<string, PartySeen[]>();
  if (ciks.length === 0) return out;
  const { rows } = await client.query<{
    cik: string;
    party: Party;
    filing_date: string;
    accession: string;
    position: number;
  }>('SELECT cik, party, filing_date, accession, position FROM filing_parties WHERE cik = ANY($1::text[])', [
    ciks,
  ]);
  for (const r of rows) {
    const o: PartySeen = {
      party: r.party,
      filingDate: r.filing_date,
      accession: r.accession,
      position: r.position,
    };
    const list = out.get(r.cik);
    if (list) list.push(o);
    else out.set(r.cik, [o]);
  }
  return out;
}

/** Lock the CIKs (in CIK order) for the rest of the transaction; resolves to them, sorted. */
export async function lockEntities(client: pg.PoolClient, ciks: string[]): Promise<string[]> {
  const sorted = [...new Set(ciks.filter((c) => c !== ''))].sort();
  if (sorted.length > 0) {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtextextended('cik:' || c, 0)) FROM unnest($1::text[]) AS c",
      [sorted],
    );
  }
  return sorted;
}

/**
 * Bring the entity rows of `ciks` up to date, set-wise: the party blocks in `added` fold into the
 * stored merge state; CIKs in `rebuild` (a filing of theirs was removed or replaced), and rows
 * without a merge state, are rebuilt from all their stored filings; a CIK with no filing left is
 * removed. Counts, dates and names seen are recomputed from `filing_parties`.
 */
export async function refreshEntities(
  client: pg.PoolClient,
  ciks: string[],
  added: Map<string, PartySeen[]> = new Map(),
  rebuild: Set<string> = new Set(ciks),
): Promise<void> {
  if (ciks.length === 0) return;
  const { rows } = await client.query<{ cik: string; facts: StoredFacts }>({
    name: 'edgarbox_entity_facts_v2',
    text: `WITH p AS MATERIALIZED (SELECT cik, accession, name, filing_date
                FROM filing_parties WHERE cik = ANY($1::text[])),
       agg AS (SELECT cik, count(DISTINCT accession) AS n, min(nullif(filing_date, '')) AS first,
                 max(nullif(filing_date, '')) AS last FROM p GROUP BY cik),
       names AS (SELECT cik, json_agg(json_build_object('name', name, 'first', f, 'last', l) ORDER BY l DESC NULLS LAST) AS names
                 FROM (SELECT cik, name, min(nullif(filing_date, '')) AS f, max(nullif(filing_date, '')) AS l
                       FROM p GROUP BY cik, name) x GROUP BY cik)
       SELECT u.cik, json_build_object(
         'n', coalesce(a.n, 0), 'first', a.first, 'last', a.last, 'names', coalesce(n.names, '[]'::json),
         'state', e.state
       ) AS facts
       FROM unnest($1::text[]) AS u(cik)
       LEFT JOIN agg a ON a.cik = u.cik LEFT JOIN names n ON n.cik = u.cik LEFT JOIN entities e ON e.cik = u.cik`,
    values: [ciks],
  });
  const toRebuild = rows
    .filter((r) => r.facts.n > 0 && (rebuild.has(r.cik) || !isEntityState(r.facts.state)))
    .map((r) => r.cik);
  const all = await storedParties(client, toRebuild);
  const gone: string[] = [];
  const upserts: unknown[][] = [];
  for (const { cik, facts } of rows) {
    const fresh = all.get(cik);
    const base = fresh === undefined && isEntityState(facts.state) ? facts.state : undefined;
    let state: EntityState | undefined = base;
    for (const o of fresh ?? added.get(cik) ?? []) {
      state = foldEntity(state, o.party, o.filingDate, o.accession, o.position);
    }
    if (facts.n === 0 || state === undefined) {
      gone.push(cik);
      continue;
    }
    const detail = toEntityFacts(cik, state, facts.names);
    upserts.push([
      cik,
      detail.name,
      detail.entityType,
      facts.n,
      facts.first,
      facts.last,
      toJson(detail),
      toJson(state),
    ]);
  }
  if (gone.length > 0) await client.query('DELETE FROM entities WHERE cik = ANY($1::text[])', [gone]);
  for (let i = 0; i < upserts.length; i += 1000) {
    const group = upserts.slice(i, i + 1000);
    const params: unknown[] = [];
    const tuples = group.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(',')})`);
    await client.query(
      `INSERT INTO entities (cik, name, entity_type, filing_count, first_filing_date, last_filing_date, detail, state)
       VALUES ${tuples.join(',')}
       ON CONFLICT (cik) DO UPDATE SET name = excluded.name, entity_type = excluded.entity_type,
         filing_count = excluded.filing_count, first_filing_date = excluded.first_filing_date,
         last_filing_date = excluded.last_filing_date, detail = excluded.detail, state = excluded.state`,
      params,
    );
  }
}
