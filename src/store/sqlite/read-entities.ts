/**
 * The SQLite read path for entities: facts merged over all stored filings (`../entity-merge.ts`),
 * names over time from every stored filing plus the FORMER COMPANY blocks.
 * @module
 */
import type Database from 'better-sqlite3';
import { parseCik } from '../../core/ids.ts';
import type { Party } from '../../core/submission.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { foldEntity, isEntityState, toEntityFacts } from '../entity-merge.ts';
import type { EntityPage, EntityRecord, EntitySummary, ListEntitiesQuery } from '../store.ts';
import { createStatementCache } from './statement-cache.ts';

/** Entity reads over one open database (synchronous; the store wraps them). */
export interface EntityReader {
  getEntity(cik: string): EntityRecord | undefined;
  listEntities(query: ListEntitiesQuery): EntityPage;
}

interface EntityRow {
  cik: string;
  name: string;
  entity_type: string;
  party_json: string;
  filing_count: number;
  first_date: string | null;
  last_date: string | null;
}

const ENTITY_COLUMNS = `e.cik, e.name, e.entity_type, e.party_json,
  (SELECT count(DISTINCT filing_id) FROM filing_parties p WHERE p.cik = e.cik) AS filing_count,
  (SELECT min(filing_date) FROM filing_parties p WHERE p.cik = e.cik AND filing_date <> '') AS first_date,
  (SELECT max(filing_date) FROM filing_parties p WHERE p.cik = e.cik AND filing_date <> '') AS last_date`;

/** Create the entity reader. */
export function createEntityReader(db: Database.Database): EntityReader {
  const prepare = createStatementCache(db);
  const q = {
    entity: db.prepare<[string], EntityRow>(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.cik = ?`),
    names: db.prepare<[string], { name: string; first: string; last: string }>(
      `SELECT name, min(filing_date) AS first, max(filing_date) AS last FROM filing_parties
       WHERE cik = ? GROUP BY name ORDER BY last DESC`,
    ),
  };

  function toSummary(r: EntityRow): EntitySummary {
    const s: EntitySummary = {
      cik: r.cik,
      name: r.name,
      entityType: r.entity_type === 'owner' ? 'owner' : 'company',
      filingCount: r.filing_count,
    };
    if (r.last_date !== null) s.lastFilingDate = r.last_date;
    return s;
  }

  return {
    getEntity(cik) {
      let c: string;
      try {
        c = parseCik(cik);
      } catch {
        return undefined;
      }
      const r = q.entity.get(c);
      if (!r) return undefined;
      const stored = JSON.parse(r.party_json) as unknown;
      // Stores written before the merge state kept the latest party block.
      const state = isEntityState(stored) ? stored : foldEntity(undefined, stored as Party, '', '', 0);
      const e: EntityRecord = {
        ...toEntityFacts(c, state, q.names.all(c)),
        filingCount: r.filing_count,
      };
      if (r.first_date !== null) e.firstFilingDate = r.first_date;
      if (r.last_date !== null) e.lastFilingDate = r.last_date;
      return e;
    },

    listEntities(query) {
      const limit = Math.max(1, Math.min(10_000, Math.trunc(query.limit ?? 100)));
      const where: string[] = [];
      const args: Array<string | number> = [];
      const text = query.q?.trim();
      if (text) {
        if (/^(CIK)?\d{1,10}$/i.test(text)) {
          where.push('e.cik = ?');
          args.push(parseCik(text));
        } else {
          where.push("e.name LIKE ? ESCAPE '\\'");
          args.push(`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
        }
      }
      if (query.cursor !== undefined) {
        const c = decodeCursor(query.cursor, { n: 'string', c: 'string' });
        where.push('(e.name COLLATE NOCASE, e.cik) > (?, ?)');
        args.push(c.n, c.c);
      }
      const sql = `SELECT ${ENTITY_COLUMNS} FROM entities e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.name COLLATE NOCASE, e.cik LIMIT ?`;
      const rows = prepare(sql).all(...args, limit + 1) as EntityRow[];
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const out: EntityPage = { entities: page.map(toSummary) };
      const last = page[page.length - 1];
      if (more && last) out.nextCursor = encodeCursor({ n: last.name, c: last.cik });
      return out;
    },
  };
}
