/**
 * The MCP server end to end: the real corpus ingested by the real ingest into a real SQLite file,
 * `edgarbox mcp` spawned over stdio (its citations fetched from a spawned `edgarbox serve --port 0`)
 * and `createMcpHttpHandler` mounted at `/mcp` on the edgarbox app on a real 127.0.0.1 listener
 * (its citations fetched from that same app), both driven by the SDK's own `Client`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createMcpHttpHandler } from '../src/mcp/http.ts';
import { createApp } from '../src/server/app.ts';
import { createNodeServer, type RunningServer } from '../src/server/node.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import type { Store } from '../src/store/store.ts';
import { corpusSkip, repoRoot } from './corpus.ts';
import {
  answerCellectarQuestion,
  CELLECTAR_8K,
  callJson,
  callTool,
  type ReadResult,
  readDocument,
  textOf,
} from './mcp-cellectar.ts';
import { buildCorpusStore, type CorpusStore } from './mcp-store.ts';

const skip = corpusSkip();
let built: CorpusStore | undefined;
let store: Store | undefined;
let server: RunningServer | undefined;

before(async () => {
  if (skip.skip) return;
  const result = await buildCorpusStore();
  if ('skip' in result) return;
  built = result;
  store = createSqliteStore({ path: built.dbPath });
  const app = createApp({ store });
  const mcp = createMcpHttpHandler({ store });
  app.all('/mcp', (c) => mcp(c.req.raw));
  server = await createNodeServer({ app, port: 0 });
});

after(async () => {
  await server?.close();
  await store?.close();
  built?.remove();
});

function running(): { server: RunningServer; built: CorpusStore } {
  assert.ok(server && built, 'the store and server were set up');
  return { server, built };
}

function resourceText(content: { text: string } | { blob: string } | undefined): string {
  assert.ok(content && 'text' in content, 'a text resource');
  return content.text;
}

async function connectHttp(): Promise<Client> {
  const client = new Client({ name: 'edgarbox-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${running().server.url}/mcp`)));
  return client;
}

/** Fetch a citation's URLs from the running server: the filed document and the exact quoted span. */
async function assertCitationResolves(read: ReadResult, base = running().server.url): Promise<void> {
  assert.ok(read.citation.url.startsWith(`${base}/Archives/edgar/data/1279704/000114420417013452/`));
  const filed = await fetch(read.citation.url);
  assert.equal(filed.status, 200);
  assert.match(filed.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await filed.text(), /Wisconsin Alumni Research Foundation/);
  assert.ok(read.citation.apiUrl.startsWith(`${base}/api/filings/${CELLECTAR_8K}/documents/`));
  const stored = await fetch(read.citation.apiUrl);
  assert.equal(stored.status, 200);
  assert.equal((await stored.text()).slice(read.citation.start, read.citation.end), read.text);
}

test(
  'edgarbox mcp (stdio) answers the Cellectar question with citations that resolve on edgarbox serve',
  skip,
  async () => {
    const { built: db } = running();
    const serve = spawn(
      process.execPath,
      ['src/cli/bin.ts', 'serve', '--db', db.dbPath, '--port', '0', '--json', '--quiet'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const client = new Client({ name: 'edgarbox-test', version: '1.0.0' });
    try {
      const exited = once(serve, 'exit').then(() => {
        throw new Error('edgarbox serve exited before listening');
      });
      exited.catch(() => {}); // serve exits when killed after the test; only a race loss matters
      const [line] = (await Promise.race([
        once(createInterface({ input: serve.stdout }), 'line'),
        exited,
      ])) as [string];
      const { url } = JSON.parse(line) as { url: string };
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: ['src/cli/bin.ts', 'mcp', '--db', db.dbPath, '--base-url', url],
          cwd: repoRoot,
          stderr: 'pipe',
        }),
      );
      const { item, pressRelease } = await answerCellectarQuestion(client);
      await assertCitationResolves(item, url);
      await assertCitationResolves(pressRelease, url);
    } finally {
      await client.close();
      serve.kill('SIGTERM');
    }
  },
);

test(
  'createMcpHttpHandler() at /mcp answers the Cellectar question over Streamable HTTP with citations on the same server',
  skip,
  async () => {
    const client = await connectHttp();
    try {
      const { item, pressRelease } = await answerCellectarQuestion(client);
      await assertCitationResolves(item);
      await assertCitationResolves(pressRelease);
    } finally {
      await client.close();
    }
  },
);

test('MCP tools reject bad arguments with clear tool errors', skip, async () => {
  const client = await connectHttp();
  const expectError = async (name: string, args: Record<string, unknown>, pattern: RegExp) => {
    const result = await callTool(client, name, args);
    assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} is an error`);
    assert.match(textOf(result), pattern);
  };
  try {
    await expectError(
      'get_filing',
      { accession: '0000000000-99-000001' },
      /^not-found: .*0000000000-99-000001.*search_filings/,
    );
    await expectError(
      'get_filing',
      { accession: '17-013452' },
      /^invalid-accession: Expected accession number like/,
    );
    await expectError(
      'list_company_filings',
      { cik: '12ab' },
      /^invalid-cik: Expected CIK of 1 to 10 digits, got "12ab"/,
    );
    await expectError('list_company_filings', { cik: '9999999999' }, /^not-found: .*resolve_company/);
    await expectError(
      'read_document',
      { accession: CELLECTAR_8K, maxChars: 5_000_000 },
      /maxChars is capped at 20000; read long text in pages with offset\/nextOffset/,
    );
    await expectError(
      'search_filings',
      { query: 'WARF', limit: 10_000 },
      /limit is capped at 50 hits per call/,
    );
    await expectError(
      'read_document',
      { accession: CELLECTAR_8K, section: '2.02' },
      /^not-found: .*located sections: 7\.01, 9\.01/,
    );
    await expectError(
      'read_document',
      { accession: CELLECTAR_8K, document: 'EX-10.1' },
      /^not-found: .*v461435_ex99-1\.htm \(EX-99\.1\)/,
    );
    await expectError(
      'search_filings',
      { query: 'WARF', cik: 'twelve' },
      /^invalid-query: .*cik: expected 1 to 10 digits/,
    );
  } finally {
    await client.close();
  }
});

test(
  'read_document pages a document with nextOffset, without gaps or overlaps, each page within maxChars',
  skip,
  async () => {
    const client = await connectHttp();
    try {
      const pages: string[] = [];
      let offset: number | undefined = 0;
      let read: ReadResult | undefined;
      while (offset !== undefined) {
        read = await readDocument(client, { accession: CELLECTAR_8K, document: 2, offset, maxChars: 1500 });
        assert.ok(read.text.length <= 1500);
        assert.equal(read.citation.start, offset);
        pages.push(read.text);
        offset = read.citation.nextOffset;
      }
      assert.ok(read && pages.length >= 4);
      const whole = await (await fetch(read.citation.apiUrl)).text();
      assert.equal(pages.join(''), whole);
    } finally {
      await client.close();
    }
  },
);

test('resolve_company and list_company_filings lead from a name to the filing', skip, async () => {
  const client = await connectHttp();
  try {
    const resolved = await callJson<{ matches: Array<{ cik: string; name: string }> }>(
      client,
      'resolve_company',
      {
        query: 'cellectar',
      },
    );
    assert.deepEqual(
      resolved.matches.map((m) => m.cik),
      ['0001279704'],
    );
    const byCik = await callJson<{ matches: Array<{ name: string }> }>(client, 'resolve_company', {
      query: '1279704',
    });
    assert.equal(byCik.matches[0]?.name, 'Cellectar Biosciences, Inc.');
    const ticker = await callJson<{ matches: unknown[]; note: string }>(client, 'resolve_company', {
      query: 'CLRB',
    });
    assert.deepEqual(ticker.matches, []);
    assert.match(ticker.note, /tickers are not stored/);
    const listed = await callJson<{ filings: Array<{ accession: string; items: string[]; url: string }> }>(
      client,
      'list_company_filings',
      { cik: '1279704', forms: ['8-K'] },
    );
    assert.equal(listed.filings[0]?.accession, CELLECTAR_8K);
    assert.deepEqual(listed.filings[0]?.items, ['7.01', '9.01']);
    assert.equal((await fetch(listed.filings[0]?.url ?? '')).status, 200);
  } finally {
    await client.close();
  }
});

test(
  'MCP resources and prompts: filing and document templates read, prompts teach search then read then cite',
  skip,
  async () => {
    const client = await connectHttp();
    try {
      const { resourceTemplates } = await client.listResourceTemplates();
      assert.deepEqual(resourceTemplates.map((t) => t.uriTemplate).sort(), [
        'edgarbox://filing/{accession}',
        'edgarbox://filing/{accession}/document/{sequence}',
      ]);
      const { resources } = await client.listResources();
      assert.ok(
        resources.length > 0 && resources.length <= 25,
        'the list shows a bounded number of recent filings',
      );
      assert.ok(resources.every((r) => /^edgarbox:\/\/filing\/\d{10}-\d{2}-\d{6}$/.test(r.uri)));
      const filing = await client.readResource({ uri: `edgarbox://filing/${CELLECTAR_8K}` });
      const facts = JSON.parse(resourceText(filing.contents[0])) as {
        accession: string;
        documentCount: number;
      };
      assert.deepEqual([facts.accession, facts.documentCount], [CELLECTAR_8K, 2]);
      const doc = await client.readResource({ uri: `edgarbox://filing/${CELLECTAR_8K}/document/2` });
      assert.equal(doc.contents[0]?.mimeType, 'text/markdown');
      assert.match(resourceText(doc.contents[0]), /Cellectar Biosciences Executes New License Agreement/);
      await assert.rejects(
        client.readResource({ uri: 'edgarbox://filing/0000000000-99-000001' }),
        /not-found|Not found/,
      );

      const { prompts } = await client.listPrompts();
      assert.deepEqual(prompts.map((p) => p.name).sort(), ['cite_filing', 'disclosure_question']);
      const prompt = await client.getPrompt({
        name: 'disclosure_question',
        arguments: { company: 'Cellectar Biosciences', topic: 'the CLR 131 license from WARF' },
      });
      const message = prompt.messages[0]?.content;
      assert.ok(message && message.type === 'text');
      assert.match(message.text, /Cellectar Biosciences disclose about the CLR 131 license from WARF/);
      assert.match(message.text, /search_filings[\s\S]*read_document[\s\S]*cite/);
    } finally {
      await client.close();
    }
  },
);

test('createMcpHttpHandler() answers GET and DELETE with 405 (stateless endpoint)', skip, async () => {
  const url = `${running().server.url}/mcp`;
  for (const method of ['GET', 'DELETE']) {
    const res = await fetch(url, { method });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
    await res.body?.cancel();
  }
});

test(
  'createMcpHttpHandler() refuses browser requests from foreign origins (DNS rebinding) and allows loopback ones',
  skip,
  async () => {
    const url = `${running().server.url}/mcp`;
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const foreign = await fetch(url, {
      method: 'POST',
      body,
      headers: { ...headers, origin: 'http://evil.example' },
    });
    assert.equal(foreign.status, 403);
    assert.match(
      ((await foreign.json()) as { error: { message: string } }).error.message,
      /evil\.example is not allowed/,
    );
    const local = await fetch(url, {
      method: 'POST',
      body,
      headers: { ...headers, origin: running().server.url },
    });
    assert.equal(local.status, 200);
    const listed = (await local.json()) as { result: { tools: Array<{ name: string }> } };
    assert.equal(listed.result.tools.length, 5);
  },
);

test(
  'MCP tool outputs stay bounded: 50 search hits, and every corpus filing read or described, under 40,000 characters',
  skip,
  async () => {
    const client = await connectHttp();
    const chars = async (name: string, args: Record<string, unknown>) => {
      const result = await callTool(client, name, args);
      assert.notEqual(result.isError, true, textOf(result));
      return result.content.reduce((n, c) => n + (c.type === 'text' ? c.text.length : 0), 0);
    };
    try {
      const search = await callJson<{ hits: unknown[] }>(client, 'search_filings', {
        query: 'company',
        limit: 50,
      });
      assert.equal(search.hits.length, 50);
      assert.ok((await chars('search_filings', { query: 'company', limit: 50 })) < 40_000);
      const accessions = [...new Set(running().built.accessions)];
      assert.ok(accessions.length > 30);
      let widest = 0;
      for (const accession of accessions) {
        const result = await callTool(client, 'get_filing', { accession });
        assert.ok(textOf(result).length < 40_000, accession);
        widest = Math.max(widest, (JSON.parse(textOf(result)) as { parties: unknown[] }).parties.length);
      }
      assert.equal(widest, 25, 'the 239-party 40-APP is cut at 25 parties');
      const read = await callTool(client, 'read_document', { accession: accessions[0], maxChars: 20_000 });
      assert.ok(textOf(read, 1).length <= 20_000);
    } finally {
      await client.close();
    }
  },
);

test(
  'read_document reads a 10-K item (Ford 1993, Item 7) in pages that continue inside the section',
  skip,
  async () => {
    const client = await connectHttp();
    try {
      const first = await readDocument(client, {
        accession: '0000037996-94-000005',
        section: 'Item 7',
        maxChars: 600,
      });
      assert.equal(first.citation.section?.code, '7');
      assert.match(first.text, /^Item 7\.\s+Management's Discussion and Analysis/);
      assert.equal(first.citation.offset, 0);
      assert.ok(first.citation.totalChars > 600 && first.citation.nextOffset !== undefined);
      const second = await readDocument(client, {
        accession: '0000037996-94-000005',
        section: '7',
        offset: first.citation.nextOffset,
        maxChars: 600,
      });
      assert.equal(second.citation.start, first.citation.end);
      const markdown = await (await fetch(second.citation.apiUrl)).text();
      assert.equal(markdown.slice(first.citation.start, second.citation.end), first.text + second.text);
    } finally {
      await client.close();
    }
  },
);

test(
  'get_filing URLs (index page, complete submission, API, every document) answer 200 on the server',
  skip,
  async () => {
    const client = await connectHttp();
    try {
      for (const accession of [CELLECTAR_8K, '0000037996-94-000005']) {
        const facts = await callJson<{ urls: Record<string, string>; documents: Array<{ url: string }> }>(
          client,
          'get_filing',
          { accession },
        );
        const urls = [...Object.values(facts.urls), ...facts.documents.map((d) => d.url)];
        assert.ok(urls.length >= 4);
        for (const url of urls) {
          assert.ok(url.startsWith(running().server.url), url);
          const res = await fetch(url);
          assert.equal(res.status, 200, url);
          await res.body?.cancel();
        }
      }
    } finally {
      await client.close();
    }
  },
);
