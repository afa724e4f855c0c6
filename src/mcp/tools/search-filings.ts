/**
 * The `search_filings` tool: full-text search over stored filings with edgarbox's query
 * language and filters; compact, citation-ready hits.
 * @module
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { searchFilings } from '../../services/search-filings.ts';
import type { SearchHit } from '../../store/store.ts';
import { documentUrl } from '../citation.ts';
import type { McpContext } from '../context.ts';
import { limits } from '../limits.ts';
import { cikSchema, cursorSchema, dateSchema, limitSchema } from '../schemas.ts';
import { toSnippet } from '../snippet-text.ts';
import { runTool, toToolResult } from '../tool-result.ts';

const inputSchema = {
  query: z
    .string()
    .max(1000)
    .default('')
    .describe(
      'Full-text query. Words must all appear (any order); "exact phrase"; OR between alternatives; -word excludes; prefix* matches word starts. Filters may be written inside the query too: form:8-K cik:1279704 company:cellectar item:7.01 section:1A from:2017-01-01 to:2017-12-31. Example: "CLR 131" license WARF form:8-K. Empty = filters only, newest first.',
    ),
  form: z.string().min(1).max(20).optional().describe('Only this form type, exact (8-K, 10-K, 10-K/A).'),
  cik: cikSchema
    .optional()
    .describe('Only filings in which this CIK is a party (filer, subject company, ...).'),
  company: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only filings whose party names contain this fragment.'),
  from: dateSchema.optional().describe('Earliest filing date, like 2017-01-01 (inclusive).'),
  to: dateSchema.optional().describe('Latest filing date, like 2017-12-31 (inclusive).'),
  item: z
    .string()
    .min(1)
    .max(10)
    .optional()
    .describe('Only 8-K filings that report this item (7.01, 2.02, 1.01).'),
  section: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .describe(
      'Search only inside this located section (8-K item 7.01, 10-K item 1A); hits then name the section.',
    ),
  documentType: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .describe(
      'Only documents of this type (EX-99.1 for press releases, EX-10.1 for contracts, 8-K for the main document).',
    ),
  sort: z
    .enum(['relevance', 'date'])
    .optional()
    .describe('relevance (default when there is query text) or date (newest first).'),
  limit: limitSchema(limits.maxHits, limits.defaultHits, 'hits'),
  cursor: cursorSchema.optional(),
};

/** Register `search_filings` on `server`. */
export function registerSearchFilings(server: McpServer, ctx: McpContext): void {
  server.registerTool(
    'search_filings',
    {
      title: 'Search filings',
      description: `Full-text search of the SEC EDGAR filings stored in this edgarbox. Each hit is one document of a filing (or one located section when section is given): accession, form, filing date, company and CIK, document sequence/filename/type (EX-99.1 is usually a press release), a highlighted snippet (**matched words**), and a URL on this server. total is the exact number of hits; page with nextCursor (at most ${limits.maxHits} hits per call). Next: get_filing for the filing's documents and sections, read_document to read and quote.`,
      inputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      runTool(async () => {
        const result = await searchFilings(ctx.store, {
          q: args.query,
          limit: args.limit,
          ...(args.form ? { forms: [args.form] } : {}),
          ...(args.cik ? { ciks: [args.cik] } : {}),
          ...(args.company ? { companies: [args.company] } : {}),
          ...(args.from ? { from: args.from } : {}),
          ...(args.to ? { to: args.to } : {}),
          ...(args.item ? { items: [args.item] } : {}),
          ...(args.section ? { sections: [args.section] } : {}),
          ...(args.documentType ? { documentTypes: [args.documentType] } : {}),
          ...(args.sort ? { sort: args.sort } : {}),
          ...(args.cursor ? { cursor: args.cursor } : {}),
        });
        const out: Record<string, unknown> = {
          total: result.total,
          hits: result.hits.map((h) => toHit(h, ctx.baseUrl)),
        };
        if (result.nextCursor) out.nextCursor = result.nextCursor;
        return toToolResult(out);
      }),
  );
}

function toHit(h: SearchHit, baseUrl: string): Record<string, unknown> {
  const document: Record<string, unknown> = {
    sequence: h.sequence,
    filename: h.filename,
    type: h.documentType,
  };
  if (h.description) document.description = h.description;
  const hit: Record<string, unknown> = {
    accession: h.accession,
    form: h.form,
    filingDate: h.filingDate,
    cik: h.cik,
    companyName: h.companyName,
    document,
  };
  if (h.section) hit.section = h.section;
  if (h.snippet) hit.snippet = toSnippet(h.snippet, limits.maxSnippetChars);
  hit.url = documentUrl(baseUrl, h.cik, h.accession, h.filename);
  return hit;
}
