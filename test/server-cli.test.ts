/**
 * `edgarbox serve` and `edgarbox start` as a user runs them: a real process, a real port.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from './corpus.ts';

const bin = join(repoRoot, 'src', 'cli', 'bin.ts');
const dir = mkdtempSync(join(tmpdir(), 'edgarbox-serve-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Start the CLI and resolve with the first JSON line it prints on stdout. */
function launch(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; lines: string[]; stderr: string[] }> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.some((l) => l.includes('"url"'))) resolve({ child, lines, stderr });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${stderr.join('')}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

test('edgarbox start ingests the examples, serves them, and stops cleanly on SIGTERM', async () => {
  const db = join(dir, 'start.db');
  const { child, lines, stderr } = await launch(['start', '--db', db, '--port', '0', '--json'], {
    EDGARBOX_TOKEN: '',
  });
  const ingest = JSON.parse(lines.find((l) => l.includes('"ingest"')) ?? '{}') as {
    ingest?: { ingested: number };
  };
  assert.equal(ingest.ingest?.ingested, 3);
  const { url, writes } = JSON.parse(lines.find((l) => l.includes('"url"')) ?? '{}') as {
    url: string;
    writes: boolean;
  };
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(writes, false);
  const res = await fetch(`${url}/submissions/CIK0009999901.json`, {
    headers: { 'User-Agent': 'cli test test@example.com' },
  });
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { name: string }).name, 'Northwind Robotics, Inc.');
  // Searches run on the reader threads `start` opens by default.
  const found = await fetch(`${url}/api/search?q=northwind`);
  assert.equal(found.status, 200);
  assert.ok(((await found.json()) as { total: number }).total > 0);
  const done = exitCode(child);
  child.kill('SIGTERM');
  assert.equal(await done, 0);
  assert.match(stderr.join(''), /GET \/submissions\/CIK0009999901\.json 200/);
});

test('edgarbox serve refuses a --search-threads that is not 0 to 64 with exit code 2', async () => {
  const child = spawn(process.execPath, [bin, 'serve', '--search-threads', 'many', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const err: string[] = [];
  child.stderr?.on('data', (d: Buffer) => err.push(d.toString()));
  assert.equal(await exitCode(child), 2);
  assert.match(err.join(''), /--search-threads expects 0 to 64/);
});

test('edgarbox serve refuses a store that does not exist with exit code 2', async () => {
  const child = spawn(process.execPath, [bin, 'serve', '--db', join(dir, 'missing.db'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const err: string[] = [];
  child.stderr?.on('data', (d: Buffer) => err.push(d.toString()));
  assert.equal(await exitCode(child), 2);
  assert.match(err.join(''), /no such store/);
});

test('edgarbox serve --port rejects a port out of range with exit code 2', async () => {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '70000'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.equal(await exitCode(child), 2);
});

test('edgarbox serve mounts MCP at /mcp only with --mcp', async () => {
  const db = join(dir, 'mcp.db');
  const started = await launch(['start', '--db', db, '--port', '0', '--json', '--quiet', '--mcp']);
  const { url } = JSON.parse(started.lines.find((l) => l.includes('"url"')) ?? '{}') as { url: string };
  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'cli-test', version: '1' },
    },
  };
  const post = (base: string) =>
    fetch(`${base}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify(initialize),
    });
  const on = await post(url);
  assert.equal(on.status, 200);
  assert.match(await on.text(), /"serverInfo"/);
  const done = exitCode(started.child);
  started.child.kill('SIGTERM');
  assert.equal(await done, 0);

  const plain = await launch(['serve', '--db', db, '--port', '0', '--json', '--quiet']);
  const { url: plainUrl } = JSON.parse(plain.lines.find((l) => l.includes('"url"')) ?? '{}') as {
    url: string;
  };
  const off = await post(plainUrl);
  assert.equal(off.status, 404);
  await off.text();
  const stopped = exitCode(plain.child);
  plain.child.kill('SIGTERM');
  assert.equal(await stopped, 0);
});
