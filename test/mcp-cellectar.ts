/**
 * Test helper: the scenario every MCP transport must pass, run through the SDK's own `Client`:
 * "find the 8-K where Cellectar licensed CLR 131 rights from WARF", read its Item 7.01 and the
 * press release's first paragraph, and return the citations.
 * @module
 */
import assert from 'node:assert/strict';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** The Cellectar 8-K of 2017-03-08 (items 7.01 and 9.01, EX-99.1 press release). */
export const CELLECTAR_8K = '0001144204-17-013452';

/** The tools every edgarbox MCP server offers. */
export const TOOL_NAMES = [
  'get_filing',
  'list_company_filings',
  'read_document',
  'resolve_company',
  'search_filings',
];

/** What a `read_document` call returned: its citation block and its text. */
export interface ReadResult {
  citation: {
    accession: string;
    document: { sequence: number; filename: string; type: string };
    section?: { code: string; title: string };
    start: number;
    end: number;
    offset: number;
    nextOffset?: number;
    totalChars: number;
    url: string;
    apiUrl: string;
  };
  text: string;
}

/** Call a tool and return its result, failing the test on a transport error. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The text of content block `i` of a tool result. */
export function textOf(result: CallToolResult, i = 0): string {
  const block = result.content[i];
  assert.ok(block && block.type === 'text', `content[${i}] is text`);
  return block.text;
}

/** Call a tool that must succeed and parse its JSON block. */
export async function callJson<T>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const result = await callTool(client, name, args);
  assert.notEqual(result.isError, true, `${name} failed: ${result.isError ? textOf(result) : ''}`);
  return JSON.parse(textOf(result)) as T;
}

/** Call `read_document` and return its citation and text. */
export async function readDocument(client: Client, args: Record<string, unknown>): Promise<ReadResult> {
  const result = await callTool(client, 'read_document', args);
  assert.notEqual(result.isError, true, `read_document failed: ${result.isError ? textOf(result) : ''}`);
  return { citation: JSON.parse(textOf(result, 0)) as ReadResult['citation'], text: textOf(result, 1) };
}

/** The first body paragraph of Markdown: the first block that is not a heading and reads as prose. */
export function firstParagraph(markdown: string): string {
  const blocks = markdown.split(/\n{2,}/).map((b) => b.trim());
  const para = blocks.find((b) => b !== '' && !b.startsWith('#') && b.length >= 200);
  assert.ok(para, 'a prose paragraph exists');
  return para;
}

/**
 * Run the scenario on a connected client; resolves to the two reads (Item 7.01 and the press
 * release's opening), whose citations the caller checks against a running `edgarbox serve`.
 */
export async function answerCellectarQuestion(
  client: Client,
): Promise<{ item: ReadResult; pressRelease: ReadResult }> {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), TOOL_NAMES);

  const search = await callJson<{ total: number; hits: Array<Record<string, unknown>> }>(
    client,
    'search_filings',
    {
      query: '"CLR 131" WARF license',
      form: '8-K',
    },
  );
  assert.ok(search.total >= 1);
  const top = search.hits[0];
  assert.equal(top?.accession, CELLECTAR_8K);
  assert.equal(top?.companyName, 'Cellectar Biosciences, Inc.');
  assert.match(String(top?.snippet), /\*\*WARF\*\*/);
  assert.match(
    String(top?.url),
    /\/Archives\/edgar\/data\/1279704\/000114420417013452\/v461435_(8k|ex99-1)\.htm$/,
  );

  const filing = await callJson<{
    items: string[];
    documents: Array<{ type: string; sections?: Array<{ code: string }> }>;
  }>(client, 'get_filing', { accession: CELLECTAR_8K });
  assert.deepEqual(filing.items, ['7.01', '9.01']);
  assert.ok(filing.documents[0]?.sections?.some((s) => s.code === '7.01'));
  assert.equal(filing.documents[1]?.type, 'EX-99.1');

  const item = await readDocument(client, { accession: CELLECTAR_8K, section: 'Item 7.01' });
  assert.equal(item.citation.section?.code, '7.01');
  assert.equal(item.citation.document.filename, 'v461435_8k.htm');
  assert.match(item.text, /ITEM 7\.01/i);
  assert.match(item.text, /Wisconsin Alumni Research Foundation \(WARF\)/);
  assert.match(item.text, /CLR 131/);
  assert.equal(item.citation.end - item.citation.start, item.text.length);

  const pressRelease = await readDocument(client, {
    accession: CELLECTAR_8K,
    document: 'EX-99.1',
    maxChars: 2000,
  });
  assert.equal(pressRelease.citation.document.type, 'EX-99.1');
  assert.ok(pressRelease.text.length <= 2000);
  assert.equal(typeof pressRelease.citation.nextOffset, 'number');
  const para = firstParagraph(pressRelease.text);
  assert.match(para, /licensing agreement with the Wisconsin Alumni Research Foundation \(WARF\)/);
  assert.match(para, /CLR 131, in multiple myeloma/);
  return { item, pressRelease };
}
