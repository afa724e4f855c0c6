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

/** Lock the CIKs (sorted) for the rest of the transaction. */
export async function lockEntities(client: pg.PoolClient, ciks: string[]): Promise<string[]> {
  const sorted = [...new Set(ciks.filter((c) => c !== ''))].sort();
  for (const cik of sorted) {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('cik:' || $1, 0))", [cik]);
  }
  return sorted;
}

/** Recompute (or remove) the entity rows of `ciks` from their stored filings. */
export async function refreshEntities(client: pg.PoolClient, ciks: string[]): Promise<void> {
  for (const cik of ciks) {
    const { rows } = await client.query<{ facts: EntityFacts }>(
      `SELECT json_build_object(
         'latest', (SELECT json_build_object('party', party, 'filing_date', filing_date) FROM filing_parties
                    WHERE cik = $1 ORDER BY filing_date DESC, accession DESC, position LIMIT 1),
         'n', (SELECT count(DISTINCT accession) FROM filing_parties WHERE cik = $1),
         'first', (SELECT min(nullif(filing_date, '')) FROM filing_parties WHERE cik = $1),
         'last', (SELECT max(nullif(filing_date, '')) FROM filing_parties WHERE cik = $1),
         'names', (SELECT coalesce(json_agg(x ORDER BY x.l DESC NULLS LAST), '[]') FROM
                    (SELECT name, min(nullif(filing_date, '')) AS f, max(nullif(filing_date, '')) AS l
                     FROM filing_parties WHERE cik = $1 GROUP BY name) x)
       ) AS facts`,
      [cik],
    );
    const facts = rows[0]?.facts;
    if (facts === undefined || facts.latest === null) {
      await client.query('DELETE FROM entities WHERE cik = $1', [cik]);
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
    await client.query(
      `INSERT INTO entities (cik, name, entity_type, filing_count, first_filing_date, last_filing_date, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (cik) DO UPDATE SET name = $2, entity_type = $3, filing_count = $4,
         first_filing_date = $5, last_filing_date = $6, detail = $7`,
      [cik, p.name, p.kind, facts.n, facts.first, facts.last, toJson(detail)],
    );
  }
}
