/**
 * The `get_filing` tool: a filing's facts (form, dates, 8-K items, parties) and its documents
 * with their located sections and URLs.
 * @module
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { McpContext } from '../context.ts';
import { toFilingFacts } from '../filing-facts.ts';
import { filingSections } from '../filing-sections.ts';
import { requireFiling } from '../require-filing.ts';
import { accessionSchema } from '../schemas.ts';
import { runTool, toToolResult } from '../tool-result.ts';

/** Register `get_filing` on `server`. */
export function registerGetFiling(server: McpServer, ctx: McpContext): void {
  server.registerTool(
    'get_filing',
    {
      title: 'Get a filing',
      description:
        "Facts of one filing by accession number: form, filing date, period, 8-K item codes, parties (CIK, name, role), and its documents (sequence, filename, type such as EX-99.1, size, whether it is readable as text) with each document's located sections (8-K items like 7.01, 10-K items like 1A, with character offsets). Use it after search_filings to see what a filing contains, then read_document to read a document or one section. URLs point at this edgarbox server for citations.",
      inputSchema: { accession: accessionSchema },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ accession }) =>
      runTool(async () => {
        const filing = await requireFiling(ctx.store, accession);
        const sections = await filingSections(ctx.store, filing);
        return toToolResult(toFilingFacts(filing, sections, ctx.baseUrl));
      }),
  );
}
