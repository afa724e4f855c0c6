/**
 * data.sec.gov `/submissions/CIK##########.json` and its overflow pages
 * `/submissions/CIK##########-submissions-NNN.json` (flat column arrays at the root).
 * @module
 */
import { Hono } from 'hono';
import { createError } from '../../core/errors.ts';
import { cached } from '../cached.ts';
import type { ServerContext } from '../context.ts';
import { listAllFilings } from '../list-all-filings.ts';
import { cikParam } from '../params.ts';
import { toSubmissionsJson } from '../sec/submissions-json.ts';
import { toSecEntity, toSecRow } from '../to-sec-rows.ts';

/** Filings in `filings.recent` (SEC: at least one year or 1,000, whichever is more). */
const RECENT = 1000;
/** Filings per overflow file. */
const PAGE = 1000;
/** Most filings one entity's documents are built from. */
const MAX_FILINGS = 200_000;

const FILE = /^CIK(\d{10})(?:-submissions-(\d{3}))?\.json$/;

/**
 * The submissions routes.
 * @example app.route('/', submissionsRoutes(ctx))
 */
export function submissionsRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/submissions/:file', async (c) => {
    const m = FILE.exec(c.req.param('file'));
    if (!m) throw createError('invalid-cik', c.req.param('file'));
    const cik = cikParam(m[1]);
    const pageNo = m[2] ? Number(m[2]) : 0;
    return cached(ctx, c, 'application/json', async () => {
      const entity = await ctx.query(ctx.store.getEntity(cik), 'getEntity');
      if (!entity) throw createError('not-found', `CIK ${cik}`);
      const needAll = entity.filingCount > RECENT || pageNo > 0;
      const filings = await listAllFilings(ctx, { cik, order: 'desc' }, needAll ? MAX_FILINGS : RECENT);
      const rows = filings.map((f) => toSecRow(f, cik));
      if (pageNo > 0) {
        const slice = rows.slice(RECENT + (pageNo - 1) * PAGE, RECENT + pageNo * PAGE);
        if (slice.length === 0) throw createError('not-found', c.req.param('file'));
        return JSON.stringify(toSubmissionsJson(toSecEntity(entity), slice).filings.recent);
      }
      const doc = toSubmissionsJson(toSecEntity(entity), rows.slice(0, RECENT));
      for (let start = RECENT, n = 1; start < rows.length; start += PAGE, n++) {
        const page = rows.slice(start, start + PAGE);
        doc.filings.files.push({
          name: `CIK${cik}-submissions-${String(n).padStart(3, '0')}.json`,
          filingCount: page.length,
          filingFrom: page.at(-1)?.filingDate ?? '',
          filingTo: page[0]?.filingDate ?? '',
        });
      }
      const all = rows;
      doc.insiderTransactionForOwnerExists = all.some(
        (r) => r.role === 'reporting-owner' && /^[345](\/A)?$/.test(r.form),
      )
        ? 1
        : 0;
      doc.insiderTransactionForIssuerExists = all.some(
        (r) => r.role === 'issuer' && /^[345](\/A)?$/.test(r.form),
      )
        ? 1
        : 0;
      return JSON.stringify(doc);
    });
  });
  return app;
}
