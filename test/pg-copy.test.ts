/**
 * `edgarbox copy`: SQLite → PostgreSQL → SQLite keeps every filing byte-identical (raw bytes,
 * header, documents, text, Markdown, sections, entities), and both backends answer the same.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyStore } from '../src/cli/commands/copy.ts';
import { parseQuery } from '../src/search/query.ts';
import { createPostgresStore } from '../src/store/postgres/store.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import type { FilingRecord, Store } from '../src/store/store.ts';
import { createTestDatabase, dropTestDatabase } from './pg-server.ts';
import { contractFilings } from './store-contract.ts';

const copyModule = new URL('../src/cli/commands/copy.ts', import.meta.url).href;
const db = await createTestDatabase();
const skip = typeof db === 'string' ? false : db.skip;
const url = typeof db === 'string' ? db : '';

async function bytesOf(chunks: AsyncIterable<Uint8Array> | undefined): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks ?? []) parts.push(c);
  return Buffer.concat(parts).toString('base64');
}

/** Everything a store says about one filing, minus when it was stored. */
async function snapshot(store: Store, accession: string): Promise<unknown> {
  const rec = (await store.getFiling(accession)) as FilingRecord;
  const { storedAt: _ignored, ...record } = rec;
  const docs = [];
  for (const d of rec.documents) {
    docs.push({
      body: await bytesOf((await store.readDocument(accession, d.sequence))?.chunks),
      text: await store.getDocumentText(accession, d.sequence),
      markdown: await store.getDocumentMarkdown(accession, d.sequence),
    });
  }
  return {
    record,
    raw: await bytesOf((await store.openRaw(accession))?.read()),
    sections: await store.getSections(accession),
    docs,
    entities: await Promise.all(rec.parties.map((p) => store.getEntity(p.cik))),
  };
}

describe('copyStore()', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'edgarbox-copy-'));
  const filings = contractFilings();
  const withWarnings = filings[1];
  if (withWarnings) {
    withWarnings.submission.warnings = [{ code: 'malformed-header-line', message: 'odd line', offset: 12 }];
  }
  let sqliteA: Store;
  let postgres: Store;
  let sqliteB: Store;
  before(async () => {
    sqliteA = createSqliteStore({ path: join(dir, 'a.db') });
    await sqliteA.putFilings(filings);
    postgres = await createPostgresStore({ url });
    sqliteB = createSqliteStore({ path: join(dir, 'b.db') });
  });
  after(async () => {
    await Promise.all([sqliteA?.close(), postgres?.close(), sqliteB?.close()]);
    await dropTestDatabase(url);
    rmSync(dir, { recursive: true, force: true });
  });

  test('copyStore() moves SQLite → PostgreSQL → SQLite keeping every filing identical', async () => {
    const there = await copyStore(sqliteA, postgres, { batch: 3 });
    assert.equal(there.filings, filings.length);
    assert.equal(there.inserted, filings.length);
    assert.equal(there.failed, 0);
    const back = await copyStore(postgres, sqliteB);
    assert.equal(back.inserted, filings.length);
    for (const f of filings) {
      const acc = f.submission.accessionNumber;
      const original = await snapshot(sqliteA, acc);
      assert.deepEqual(await snapshot(sqliteB, acc), original, `${acc} after the round trip`);
      assert.deepEqual(await snapshot(postgres, acc), original, `${acc} on PostgreSQL`);
    }
    assert.equal((await sqliteB.getFiling(filings[1]?.submission.accessionNumber ?? ''))?.warningCount, 1);
    assert.deepEqual(await sqliteB.stats(), await sqliteA.stats());
  });

  test('copyStore() gives the same search hits on both backends', async () => {
    for (const q of ['myeloma', '"CLR 131" myeloma', 'zeppelin OR lithium', 'rockets -orbital', 'form:8-K']) {
      const parsed = parseQuery(q);
      const req = {
        ...(parsed.text ? { text: parsed.text } : {}),
        filters: parsed.filters,
        sort: 'date' as const,
      };
      const [a, b] = await Promise.all([sqliteA.search(req), postgres.search(req)]);
      assert.equal(b.total, a.total, q);
      assert.deepEqual(
        b.hits.map((h) => [h.accession, h.sequence, h.filename, h.companyName]),
        a.hits.map((h) => [h.accession, h.sequence, h.filename, h.companyName]),
        q,
      );
    }
  });

  test('copy command reports every filing unchanged on a second run, as JSON', async () => {
    const code = `import { copyCommand } from ${JSON.stringify(copyModule)};
      await copyCommand().parseAsync(process.argv.slice(1), { from: 'user' });`;
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', code, '--', '--from', join(dir, 'a.db'), '--to', url, '--json'],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.equal(summary.filings, filings.length);
    assert.equal(summary.unchanged, filings.length);
    assert.equal(summary.failed, 0);
  });
});
