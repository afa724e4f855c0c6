/**
 * Entities (companies and people) as the latest of their stored filings describes them.
 * Recomputed inside the writing transaction for every CIK a put or delete touches, under a
 * per-CIK advisory lock taken in CIK order, so concurrent writers cannot leave a stale row.
 * @module
 */
import type pg from 'pg';
import type { Party } from '../../core/submission.ts';
import type { EntityName, EntityRecord } from '../store.ts';
import { toJson } from './rows.ts';

interface EntityFacts {
  latest: { party: Party; filing_date: string } | null;
  n: number;
  first: string | null;
  last: string | null;
  names: Array<{ name: string; f: string | null; l: string | null }>;
}

/** Build the names-over-time list, newest first, from the latest party and the names seen. */
function formerNames(party: Party, seen: EntityFacts['names']): EntityName[] {
  const listed = [...party.formerNames].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const out: EntityName[] = listed.map((fn, i) => {
    const older = listed[i + 1]?.date;
    const e: EntityName = { name: fn.name };
    if (older !== undefined) e.from = older;
    if (fn.date !== undefined) e.to = fn.date;
    return e;
  });
  const known = new Set([party.name, ...listed.map((f) => f.name)].map((n) => n.toUpperCase()));
  for (const s of seen) {
    if (known.has(s.name.toUpperCase())) continue;
    known.add(s.name.toUpperCase());
    const e: EntityName = { name: s.name };
    if (s.f !== null) e.from = s.f;
    if (s.l !== null) e.to = s.l;
    out.push(e);
  }
  return out.sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''));
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

/** Recompute (or remove) the entity rows of `ciks` from their stored filings, set-wise. */
export async function refreshEntities(client: pg.PoolClient, ciks: string[]): Promise<void> {
  if (ciks.length === 0) return;
  const { rows } = await client.query<{ cik: string; facts: EntityFacts }>({
    name: 'edgarbox_entity_facts',
    text: `WITH p AS MATERIALIZED (SELECT cik, accession, position, name, filing_date, filing_year
                FROM filing_parties WHERE cik = ANY($1::text[])),
       agg AS (SELECT cik, count(DISTINCT accession) AS n, min(nullif(filing_date, '')) AS first,
                 max(nullif(filing_date, '')) AS last FROM p GROUP BY cik),
       latest AS (SELECT DISTINCT ON (cik) cik, accession, filing_year, position, filing_date FROM p
                  ORDER BY cik, filing_date DESC, accession DESC, position),
       names AS (SELECT cik, json_agg(json_build_object('name', name, 'f', f, 'l', l) ORDER BY l DESC NULLS LAST) AS names
                 FROM (SELECT cik, name, min(nullif(filing_date, '')) AS f, max(nullif(filing_date, '')) AS l
                       FROM p GROUP BY cik, name) x GROUP BY cik)
       SELECT u.cik, json_build_object(
         'latest', (SELECT json_build_object('party', fp.party, 'filing_date', l.filing_date) FROM filing_parties fp
                    WHERE fp.accession = l.accession AND fp.filing_year = l.filing_year AND fp.position = l.position),
         'n', coalesce(a.n, 0), 'first', a.first, 'last', a.last, 'names', coalesce(n.names, '[]'::json)
       ) AS facts
       FROM unnest($1::text[]) AS u(cik)
       LEFT JOIN agg a ON a.cik = u.cik LEFT JOIN latest l ON l.cik = u.cik LEFT JOIN names n ON n.cik = u.cik`,
    values: [ciks],
  });
  const gone: string[] = [];
  const upserts: unknown[][] = [];
  for (const { cik, facts } of rows) {
    if (facts.latest === null) {
      gone.push(cik);
      continue;
    }
    const p = facts.latest.party;
    const detail: Omit<EntityRecord, 'filingCount' | 'firstFilingDate' | 'lastFilingDate'> = {
      cik,
      name: p.name,
      entityType: p.kind,
      formerNames: formerNames(p, facts.names),
    };
    if (p.sic !== undefined) detail.sic = p.sic;
    if (p.sicDescription !== undefined) detail.sicDescription = p.sicDescription;
    if (p.stateOfIncorporation !== undefined) detail.stateOfIncorporation = p.stateOfIncorporation;
    if (p.fiscalYearEnd !== undefined) detail.fiscalYearEnd = p.fiscalYearEnd;
    if (p.irsNumber !== undefined) detail.irsNumber = p.irsNumber;
    if (p.businessAddress !== undefined) detail.businessAddress = p.businessAddress;
    if (p.mailAddress !== undefined) detail.mailAddress = p.mailAddress;
    upserts.push([cik, p.name, p.kind, facts.n, facts.first, facts.last, toJson(detail)]);
  }
  if (gone.length > 0) await client.query('DELETE FROM entities WHERE cik = ANY($1::text[])', [gone]);
  for (let i = 0; i < upserts.length; i += 1000) {
    const group = upserts.slice(i, i + 1000);
    const params: unknown[] = [];
    const tuples = group.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(',')})`);
    await client.query(
      `INSERT INTO entities (cik, name, entity_type, filing_count, first_filing_date, last_filing_date, detail)
       VALUES ${tuples.join(',')}
       ON CONFLICT (cik) DO UPDATE SET name = excluded.name, entity_type = excluded.entity_type,
         filing_count = excluded.filing_count, first_filing_date = excluded.first_filing_date,
         last_filing_date = excluded.last_filing_date, detail = excluded.detail`,
      params,
    );
  }
}
