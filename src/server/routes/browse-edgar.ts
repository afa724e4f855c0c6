/**
 * `/cgi-bin/browse-edgar?action=getcompany&CIK=...&output=atom` and `?action=getcurrent&output=atom`.
 * @module
 */
import { type Context, Hono } from 'hono';
import { createError } from '../../core/errors.ts';
import type { FilingSummary } from '../../store/store.ts';
import type { ServerContext } from '../context.ts';
import { easternNow } from '../eastern-now.ts';
import { toLatin1 } from '../latin1.ts';
import { listAllFilings } from '../list-all-filings.ts';
import { cikParam, dateParam, intParam } from '../params.ts';
import { toCompanyAtom } from '../sec/company-atom.ts';
import { toCurrentAtom } from '../sec/current-atom.ts';
import type { SecFilingRow } from '../sec/types.ts';
import { toSecEntity, toSecRow, toSecRows } from '../to-sec-rows.ts';

const ATOM = 'application/atom+xml; charset=ISO-8859-1';
const OWNERSHIP = /^[345](\/A)?$/;
/** Most filings scanned to answer one feed request. */
const MAX_SCAN = 100_000;

/** The feed's origin for absolute links: the request's own. */
function baseOf(c: Context): string {
  return new URL(c.req.url).origin;
}

function ownerFilter(owner: string | undefined): (form: string) => boolean {
  if (owner === undefined || owner === '' || owner === 'include') return () => true;
  if (owner === 'exclude') return (form) => !OWNERSHIP.test(form);
  if (owner === 'only') return (form) => OWNERSHIP.test(form);
  throw createError(
    'invalid-argument',
    `owner must be include, exclude or only, got ${JSON.stringify(owner.slice(0, 20))}`,
  );
}

function typeFilter(type: string | undefined): (form: string) => boolean {
  if (!type) return () => true;
  if (type.length > 40) throw createError('invalid-argument', 'type is too long');
  const t = type.toUpperCase();
  return (form) => form.toUpperCase().startsWith(t);
}

/**
 * The browse-edgar routes.
 * @example app.route('/', browseEdgarRoutes(ctx))
 */
export function browseEdgarRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/cgi-bin/browse-edgar', async (c) => {
    const q = c.req.query();
    const output = q.output ?? 'atom';
    if (output !== 'atom') throw createError('invalid-argument', 'only output=atom is served');
    if (q.action === 'getcompany') return getCompany(ctx, c, q);
    if (q.action === 'getcurrent') return getCurrent(ctx, c, q);
    throw createError('invalid-argument', 'action must be getcompany or getcurrent');
  });
  return app;
}

async function getCompany(ctx: ServerContext, c: Context, q: Record<string, string>): Promise<Response> {
  const cik = cikParam(q.CIK ?? q.cik);
  const start = intParam(q.start, 'start', 0, 0, 100_000);
  const count = intParam(q.count, 'count', 40, 1, 100);
  const before = dateParam(q.dateb);
  const entity = await ctx.query(ctx.store.getEntity(cik), 'getEntity');
  if (!entity) throw createError('not-found', `CIK ${cik}`);
  const byType = typeFilter(q.type);
  const byOwner = ownerFilter(q.owner);
  const filings = await listAllFilings(
    ctx,
    { cik, order: 'desc', ...(before ? { to: before } : {}) },
    MAX_SCAN,
  );
  const rows = filings
    .filter((f) => byType(f.form) && byOwner(f.form))
    .slice(start, start + count)
    .map((f) => toSecRow(f, cik));
  const xml = toCompanyAtom(toSecEntity(entity), rows, {
    baseUrl: baseOf(c),
    type: q.type ?? '',
    start,
    count,
    updated: easternNow(new Date()).iso,
  });
  return c.body(new Uint8Array(toLatin1(xml)), 200, { 'Content-Type': ATOM });
}

async function getCurrent(ctx: ServerContext, c: Context, q: Record<string, string>): Promise<Response> {
  const start = intParam(q.start, 'start', 0, 0, 100_000);
  const asked = intParam(q.count, 'count', 40, 1, 100);
  const count = [100, 80, 40, 20, 10].find((n) => n <= asked) ?? 10;
  const byType = typeFilter(q.type);
  const byOwner = ownerFilter(q.owner);
  const company = (q.company ?? '').toUpperCase();
  if (company.length > 100) throw createError('invalid-argument', 'company is too long');
  const rows: SecFilingRow[] = [];
  let skipped = 0;
  let scanned = 0;
  let cursor: string | undefined;
  outer: do {
    const page = await ctx.query(
      ctx.store.listFilings({ order: 'desc', limit: 500, ...(cursor ? { cursor } : {}) }),
      'listFilings',
    );
    for (const f of page.filings as FilingSummary[]) {
      if (!byType(f.form) || !byOwner(f.form)) continue;
      for (const r of toSecRows(f)) {
        if (company && !r.companyName.toUpperCase().includes(company)) continue;
        if (skipped < start) {
          skipped++;
          continue;
        }
        rows.push(r);
        if (rows.length >= count) break outer;
      }
    }
    scanned += page.filings.length;
    cursor = page.nextCursor;
  } while (cursor && scanned < MAX_SCAN);
  const now = easternNow(new Date());
  const xml = toCurrentAtom(rows, { baseUrl: baseOf(c), updated: now.iso, updatedLabel: now.label });
  return c.body(new Uint8Array(toLatin1(xml)), 200, { 'Content-Type': ATOM });
}
