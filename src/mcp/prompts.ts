/**
 * MCP prompts that teach an agent the edgarbox way to answer questions about disclosures:
 * search, read the item or section, cite.
 * @module
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

/** Register the `disclosure_question` and `cite_filing` prompts on `server`. */
export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'disclosure_question',
    {
      title: 'What did a company disclose about a topic?',
      description:
        'Answer "what did company X disclose about Y" from stored filings: resolve the company, search, read the item or section, and cite.',
      argsSchema: {
        company: z.string().describe('Company name or CIK, e.g. Cellectar Biosciences'),
        topic: z.string().describe('What to look for, e.g. the CLR 131 license from WARF'),
      },
    },
    ({ company, topic }) => ({
      messages: [{ role: 'user', content: { type: 'text', text: disclosureSteps(company, topic) } }],
    }),
  );
  server.registerPrompt(
    'cite_filing',
    {
      title: 'Summarise one filing with citations',
      description: 'Summarise a filing by accession number, section by section, citing each claim.',
      argsSchema: { accession: z.string().describe('Accession number, e.g. 0001144204-17-013452') },
    },
    ({ accession }) => ({
      messages: [{ role: 'user', content: { type: 'text', text: citeSteps(accession) } }],
    }),
  );
}

function disclosureSteps(company: string, topic: string): string {
  return [
    `What did ${company} disclose about ${topic}? Answer only from the filings in edgarbox, with citations.`,
    '',
    '1. resolve_company with the company name (or use its CIK directly) to get the CIK.',
    `2. search_filings with the key words of the topic and cik:<CIK> (add form:8-K, item:<code>, section:<code>, from:/to: dates when the question implies them). Prefer "exact phrases" for names of products, contracts and counterparties. If nothing matches, drop words or search by company name instead of CIK.`,
    '3. For the best hits, get_filing to see the 8-K items / 10-K sections and the exhibits (EX-99.1 is usually the press release, EX-10.x a material contract).',
    '4. read_document with the section (e.g. 7.01, 8.01, 1.01 for 8-Ks; 1A, 7 for 10-Ks) or the exhibit; page with offset = nextOffset only while the text is still relevant.',
    '5. Answer in a few sentences. Quote the decisive words exactly and cite each claim as: form, filing date, accession, document filename, section code if any, and the URL from the tool output (with the [start, end) character offsets).',
    '6. Say plainly when the stored filings do not answer the question; never fill gaps from memory.',
  ].join('\n');
}

function citeSteps(accession: string): string {
  return [
    `Summarise filing ${accession} from edgarbox, citing every claim.`,
    '',
    `1. get_filing with accession ${accession}: note the form, dates, parties, 8-K items and the documents with their sections.`,
    '2. read_document for each located section (or the primary document when none are located), and for the press release exhibit (EX-99.x) if there is one; page with nextOffset only as far as needed.',
    '3. Write one short paragraph per item or section; after each, cite the document filename, section code and URL from the read_document citation.',
  ].join('\n');
}
