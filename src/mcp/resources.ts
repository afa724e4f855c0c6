/**
 * MCP resources: `edgarbox://filing/{accession}` (a filing's facts as JSON) and
 * `edgarbox://filing/{accession}/document/{sequence}` (a document as Markdown, bounded).
 * @module
 */
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { createError } from '../core/errors.ts';
import { listFilings } from '../services/list-filings.ts';
import type { McpContext } from './context.ts';
import { documentMarkdown } from './document-markdown.ts';
import { toFilingFacts } from './filing-facts.ts';
import { filingSections } from './filing-sections.ts';
import { findDocument } from './find-document.ts';
import { limits } from './limits.ts';
import { requireFiling } from './require-filing.ts';

/** How many recent filings the resource list shows. */
const listedFilings = 25;

/** Register the filing and document resource templates on `server`. */
export function registerResources(server: McpServer, ctx: McpContext): void {
  server.registerResource(
    'filing',
    new ResourceTemplate('edgarbox://filing/{accession}', {
      list: async () => {
        const page = await listFilings(ctx.store, { limit: listedFilings, order: 'desc' });
        return {
          resources: page.filings.map((f) => ({
            uri: `edgarbox://filing/${f.accession}`,
            name: `${f.form} ${f.companyName} ${f.filingDate}`,
            mimeType: 'application/json',
          })),
        };
      },
    }),
    {
      title: 'Filing',
      description: "A stored filing's facts and document list (JSON), by accession number.",
      mimeType: 'application/json',
    },
    async (uri, vars): Promise<ReadResourceResult> => {
      const filing = await requireFiling(ctx.store, one(vars.accession));
      const sections = await filingSections(ctx.store, filing);
      const facts = toFilingFacts(filing, sections, ctx.baseUrl);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(facts) }] };
    },
  );
  server.registerResource(
    'document',
    new ResourceTemplate('edgarbox://filing/{accession}/document/{sequence}', { list: undefined }),
    {
      title: 'Filing document',
      description: `One document of a stored filing as Markdown, by accession and sequence number (first ${limits.maxResourceChars} characters; read_document pages through longer ones).`,
      mimeType: 'text/markdown',
    },
    async (uri, vars): Promise<ReadResourceResult> => {
      const filing = await requireFiling(ctx.store, one(vars.accession));
      const sequence = one(vars.sequence);
      if (!/^\d{1,6}$/.test(sequence)) {
        throw createError(
          'invalid-argument',
          `document sequence must be a number, got ${JSON.stringify(sequence)}`,
        );
      }
      const doc = findDocument(filing, Number(sequence));
      const { body: markdown } = await documentMarkdown(ctx.store, filing, doc, 'markdown');
      const cut = markdown.length > limits.maxResourceChars;
      const text = cut
        ? `${markdown.slice(0, limits.maxResourceChars)}\n\n[truncated at ${limits.maxResourceChars} of ${markdown.length} characters: call read_document with accession ${filing.accession}, document ${doc.sequence}, offset ${limits.maxResourceChars}]\n`
        : markdown;
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );
}

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? '';
}
