/**
 * The `list_company_filings` tool: a company's filings by date, filtered by form and period,
 * cursor-paged.
 * @module
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { createError, isEdgarError } from '../../core/errors.ts';
import { getCompany } from '../../services/get-company.ts';
import { listFilings } from '../../services/list-filings.ts';
import type { EntityRecord, FilingSummary, Store } from '../../store/store.ts';
import { documentUrl, indexPageUrl } from '../citation.ts';
import type { McpContext } from '../context.ts';
import { limits } from '../limits.ts';
import { cikSchema, cursorSchema, dateSchema, formsSchema, limitSchema } from '../schemas.ts';
import { runTool, toToolResult } from '../tool-result.ts';

const inputSchema = {
  cik: cikSchema,
  forms: formsSchema.optional(),
  from: dateSchema.optional().describe('Earliest filing date, like 2017-01-01 (inclusive).'),
  to: dateSchema.optional().describe('Latest filing date, like 2017-12-31 (inclusive).'),
  order: z.enum(['desc', 'asc']).default('desc').describe('desc (newest first, default) or asc.'),
  limit: limitSchema(limits.maxFilings, limits.defaultFilings, 'filings'),
  cursor: cursorSchema.optional(),
};

/** Register `list_company_filings` on `server`. */
export function registerListCompanyFilings(server: McpServer, ctx: McpContext): void {
  server.registerTool(
    'list_company_filings',
    {
      title: "List a company's filings",
      description:
        "A company's filings stored in this edgarbox, newest first: accession, form, filing date, period, 8-K item codes, primary document and its URL. Filter by form types and a filing-date range. Get the CIK from resolve_company. Page with nextCursor.",
      inputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      runTool(async () => {
        const entity = await requireCompany(ctx.store, args.cik);
        const page = await listFilings(ctx.store, {
          cik: entity.cik,
          order: args.order,
          limit: args.limit,
          ...(args.forms ? { forms: args.forms.map((f) => f.toUpperCase()) } : {}),
          ...(args.from ? { from: args.from } : {}),
          ...(args.to ? { to: args.to } : {}),
          ...(args.cursor ? { cursor: args.cursor } : {}),
        });
        const result: Record<string, unknown> = {
          company: { cik: entity.cik, name: entity.name, filingCount: entity.filingCount },
          filings: page.filings.map((f) => toListedFiling(f, ctx.baseUrl)),
        };
        if (page.nextCursor) result.nextCursor = page.nextCursor;
        return toToolResult(result);
      }),
  );
}

function toListedFiling(f: FilingSummary, baseUrl: string): Record<string, unknown> {
  const row: Record<string, unknown> = { accession: f.accession, form: f.form, filingDate: f.filingDate };
  if (f.reportDate) row.reportDate = f.reportDate;
  if (f.items.length > 0) row.items = f.items;
  if (f.primaryDocument) {
    row.primaryDocument = f.primaryDocument;
    row.url = documentUrl(baseUrl, f.cik, f.accession, f.primaryDocument);
  } else {
    row.url = indexPageUrl(baseUrl, f.cik, f.accession);
  }
  if (f.primaryDocDescription) row.description = f.primaryDocDescription;
  return row;
}

async function requireCompany(store: Store, cik: string): Promise<EntityRecord> {
  try {
    return await getCompany(store, cik);
  } catch (e) {
    if (!isEdgarError(e, 'not-found')) throw e;
    throw createError(
      'not-found',
      `company with CIK ${cik.trim()} in this edgarbox store (find CIKs with resolve_company)`,
    );
  }
}
