/**
 * `edgarbox mcp` as a command: refuses a missing store, validates `--base-url`, and `--describe`
 * lists what the server offers (text or `--json`). Runs the real CLI on a real (empty) store.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { repoRoot } from './corpus.ts';

const run = promisify(execFile);
let tmp = '';
let db = '';

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'edgarbox-mcp-cli-'));
  db = join(tmp, 'edgarbox.db');
  await createSqliteStore({ path: db }).close();
});

after(() => rmSync(tmp, { recursive: true, force: true }));

async function edgarbox(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/cli/bin.ts', ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

test('edgarbox mcp --describe --json lists the five tools, two resource templates and two prompts', async () => {
  const { code, stdout } = await edgarbox('mcp', '--db', db, '--describe', '--json');
  assert.equal(code, 0);
  const d = JSON.parse(stdout) as {
    tools: Array<{ name: string; description: string }>;
    resourceTemplates: Array<{ uriTemplate: string }>;
    prompts: Array<{ name: string }>;
  };
  assert.deepEqual(d.tools.map((t) => t.name).sort(), [
    'get_filing',
    'list_company_filings',
    'read_document',
    'resolve_company',
    'search_filings',
  ]);
  assert.ok(
    d.tools.every((t) => t.description.length > 80),
    'every tool is described for an agent',
  );
  assert.deepEqual(d.resourceTemplates.map((t) => t.uriTemplate).sort(), [
    'edgarbox://filing/{accession}',
    'edgarbox://filing/{accession}/document/{sequence}',
  ]);
  assert.deepEqual(d.prompts.map((p) => p.name).sort(), ['cite_filing', 'disclosure_question']);
});

test('edgarbox mcp refuses a missing store with exit code 2 instead of creating an empty one', async () => {
  const missing = join(tmp, 'nope.db');
  const { code, stderr } = await edgarbox('mcp', '--db', missing);
  assert.equal(code, 2);
  assert.match(stderr, /Cannot read .*nope\.db: no such store \(create it with edgarbox ingest\)/);
});

test('edgarbox mcp rejects a --base-url that is not http(s) with exit code 2', async () => {
  const { code, stderr } = await edgarbox('mcp', '--db', db, '--base-url', 'ftp://example.com', '--describe');
  assert.equal(code, 2);
  assert.match(stderr, /expected an http\(s\) base URL/);
});
