/**
 * The MCP tools over a store that holds located sections (as the ingest stores them once it runs
 * the `forms/` finders): sections come from the store, and `search_filings` can search inside one.
 * Uses the real parser/converters (`processSubmission`), the real finders and a real SQLite file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { findSections } from '../src/forms/find-sections.ts';
import { MAX_TEXT_CHARS, processSubmission } from '../src/ingest/process-submission.ts';
import { createMcpServer } from '../src/mcp/server.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import type { Store } from '../src/store/store.ts';
import { corpusPath, corpusSkip } from './corpus.ts';
import { CELLECTAR_8K, callJson, readDocument } from './mcp-cellectar.ts';

const skip = corpusSkip();
let tmp: string | undefined;
let store: Store | undefined;
let client: Client | undefined;

before(async () => {
  const path = corpusPath(`sgml/${CELLECTAR_8K}.txt`);
  if (typeof path !== 'string') return;
  // A variable, not a literal: the ingest's options may grow (text budgets) without breaking this test.
  const options = { maxTextChars: MAX_TEXT_CHARS, maxFilingTextChars: 4 * MAX_TEXT_CHARS };
  const processed = processSubmission(readFileSync(path), path, options);
  assert.ok(processed.ok);
  const { filing } = processed;
  const primary = filing.documents?.find((d) => d.sequence === 1);
  assert.ok(primary?.markdown);
  primary.sections = findSections({
    form: filing.submission.form,
    headerItems: filing.submission.items,
    markdown: primary.markdown,
  });
  assert.ok(primary.sections.length >= 2);
  tmp = mkdtempSync(join(tmpdir(), 'edgarbox-mcp-sections-'));
  store = createSqliteStore({ path: join(tmp, 'edgarbox.db') });
  assert.deepEqual(
    (await store.putFilings([filing])).map((r) => r.status),
    ['inserted'],
  );
  const server = createMcpServer({ store, baseUrl: 'http://edgarbox.test' });
  client = new Client({ name: 'edgarbox-test', version: '1.0.0' });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(b), client.connect(a)]);
});

after(async () => {
  await client?.close();
  await store?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function connected(): Client {
  assert.ok(client, 'the store and client were set up');
  return client;
}

test('read_document reads a stored 8-K item with its offsets in the document Markdown', skip, async () => {
  const item = await readDocument(connected(), { accession: CELLECTAR_8K, section: '7.01' });
  assert.equal(item.citation.section?.code, '7.01');
  assert.match(item.text, /Wisconsin Alumni Research Foundation \(WARF\)/);
  const markdown = await store?.getDocumentMarkdown(CELLECTAR_8K, 1);
  assert.equal(markdown?.slice(item.citation.start, item.citation.end), item.text);
  assert.equal(item.citation.apiUrl, `http://edgarbox.test/api/filings/${CELLECTAR_8K}/documents/1/markdown`);
});

test(
  'search_filings with section: searches inside that located section and names it in hits',
  skip,
  async () => {
    const inItem = await callJson<{
      total: number;
      hits: Array<{ section?: string; document: { sequence: number } }>;
    }>(connected(), 'search_filings', { query: 'WARF', section: '7.01' });
    assert.equal(inItem.total, 1);
    assert.equal(inItem.hits[0]?.section, '7.01');
    assert.equal(inItem.hits[0]?.document.sequence, 1);
    const elsewhere = await callJson<{ total: number }>(connected(), 'search_filings', {
      query: 'WARF',
      section: '2.02',
    });
    assert.equal(elsewhere.total, 0);
  },
);

test('get_filing lists the stored sections of the primary document with their exhibits', skip, async () => {
  const facts = await callJson<{
    documents: Array<{ sections?: Array<{ code: string; exhibits?: string[] }> }>;
  }>(connected(), 'get_filing', { accession: CELLECTAR_8K });
  const codes = facts.documents[0]?.sections?.map((s) => s.code);
  assert.deepEqual(codes, ['7.01', '9.01']);
});
