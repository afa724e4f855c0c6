/**
 * The `resolve_company` tool: a company name (fragment), CIK or ticker to the CIKs stored here.
 * @module
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { isEdgarError } from '../../core/errors.ts';
import { parseCik } from '../../core/ids.ts';
import { getCompany } from '../../services/get-company.ts';
import { listCompanies } from '../../services/list-companies.ts';
import type { EntitySummary } from '../../store/store.ts';
import type { McpContext } from '../context.ts';
import { limits } from '../limits.ts';
import { cursorSchema, limitSchema } from '../schemas.ts';
import { runTool, toToolResult } from '../tool-result.ts';

const inputSchema = {
  query: z
    .string()
    .trim()
    .min(2, 'query needs at least 2 characters')
    .max(200)
    .describe('A company (or person) name or part of it ("cellectar"), a CIK ("1279704"), or a ticker.'),
  limit: limitSchema(limits.maxCompanies, limits.defaultCompanies, 'companies'),
  cursor: cursorSchema.optional(),
};

/** Register `resolve_company` on `server`. */
export function registerResolveCompany(server: McpServer, ctx: McpContext): void {
  server.registerTool(
    'resolve_company',
    {
      title: 'Resolve a company to its CIK',
      description:
        'Find the CIK (Central Index Key) of a company or person from a name fragment (case-insensitive), a CIK, or a ticker, among the entities that have filings in this edgarbox. Returns matches with their name, type (company or owner), number of stored filings and latest filing date. Tickers are only matched when the store holds them; otherwise search by name.',
      inputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      runTool(async () => {
        const cik = tryCik(args.query);
        if (cik) {
          const entity = await getCompany(ctx.store, cik).catch((e: unknown) => {
            if (isEdgarError(e, 'not-found')) return undefined;
            throw e;
          });
          const matches = entity ? [toMatch(entity)] : [];
          return toToolResult({
            matches,
            ...(entity ? {} : { note: `No entity with CIK ${cik} in this store.` }),
          });
        }
        const page = await listCompanies(ctx.store, {
          q: args.query,
          limit: args.limit,
          ...(args.cursor ? { cursor: args.cursor } : {}),
        });
        const result: Record<string, unknown> = { matches: page.entities.map(toMatch) };
        if (page.nextCursor) result.nextCursor = page.nextCursor;
        if (page.entities.length === 0) {
          result.note = /^[A-Za-z]{1,5}$/.test(args.query)
            ? `No stored name contains ${JSON.stringify(args.query)}. If that is a ticker: tickers are not stored in this edgarbox, so search by company name instead.`
            : `No stored company or person name contains ${JSON.stringify(args.query)}; try a shorter fragment.`;
        }
        return toToolResult(result);
      }),
  );
}

function tryCik(query: string): string | undefined {
  if (!/^(CIK)?\d{1,10}$/i.test(query)) return undefined;
  try {
    return parseCik(query);
  } catch (e) {
    if (isEdgarError(e)) return undefined;
    throw e;
  }
}

function toMatch(e: EntitySummary): Record<string, unknown> {
  const row: Record<string, unknown> = {
    cik: e.cik,
    name: e.name,
    entityType: e.entityType,
    filingCount: e.filingCount,
  };
  if (e.lastFilingDate) row.lastFilingDate = e.lastFilingDate;
  return row;
}
