/**
 * Several processes opening the same new SQLite store at once (an ingest and a reader, two
 * ingests) all get a migrated store: no process applies a migration another one already did.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { repoRoot } from './corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'edgarbox-open-race-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const storeModule = pathToFileURL(join(repoRoot, 'src/store/sqlite/store.ts')).href;

function openInChild(path: string, readonly: boolean): Promise<{ code: number | null; stderr: string }> {
  const script = `import { createSqliteStore } from ${JSON.stringify(storeModule)};
const s = createSqliteStore({ path: ${JSON.stringify(path)}${readonly ? ', readonly: true' : ''} });
await s.stats();
await s.close();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

test('createSqliteStore() in four processes at once on a new file: every open succeeds', async () => {
  for (let round = 0; round < 4; round++) {
    const path = join(dir, `race-${round}.db`);
    // One creates the file first so the read-only opens find it; the rest race on the migrations.
    const first = openInChild(path, false);
    const results = await Promise.all([first, openInChild(path, false), openInChild(path, false)]);
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const store = createSqliteStore({ path, readonly: true });
    assert.ok((await store.stats()).schemaVersion > 0);
    await store.close();
  }
});
