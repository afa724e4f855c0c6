/**
 * Concurrency on PostgreSQL: three real `edgarbox ingest` processes over overlapping inputs into
 * one database give the same store as one sequential ingest, filing for filing (accession, raw
 * sha256, document hashes), with no duplicates; a reader running meanwhile never sees a
 * half-written filing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { createPostgresStore } from '../src/store/postgres/store.ts';
import type { Store } from '../src/store/store.ts';
import { corpusPath, repoRoot } from './corpus.ts';
import { createTestDatabase, dropTestDatabase } from './pg-server.ts';

const run = promisify(execFile);
const bin = join(repoRoot, 'src', 'cli', 'bin.ts');
const hasIngest = existsSync(join(repoRoot, 'src', 'cli', 'commands', 'ingest.ts'));
const sgml = corpusPath('sgml');
const db = await createTestDatabase();
const skip =
  typeof db !== 'string'
    ? db.skip
    : typeof sgml !== 'string'
      ? sgml.skip
      : hasIngest
        ? false
        : 'the ingest command (src/cli/commands/ingest.ts) is not there yet';

/** Small corpus submissions, so three ingests take seconds. */
function inputFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|nc)$/.test(f) && statSync(join(dir, f)).size < 64_000)
    .sort()
    .map((f) => join(dir, f));
}

async function ingest(url: string, files: string[]): Promise<void> {
  try {
    await run(
      process.execPath,
      [bin, 'ingest', ...files, '--db', url, '--workers', '1', '--json', '--quiet'],
      {
        cwd: repoRoot,
        maxBuffer: 16 << 20,
      },
    );
  } catch (e) {
    // Exit code 1 means some inputs were not submissions; anything else is a failure.
    if ((e as { code?: number }).code !== 1) throw e;
  }
}

/** accession → raw sha256 and document hashes, plus each filing's source file name. */
async function fingerprint(store: Store): Promise<Map<string, { source: string; print: string }>> {
  const out = new Map<string, { source: string; print: string }>();
  let cursor: string | undefined;
  do {
    const page = await store.listFilings({ limit: 1000, order: 'asc', ...(cursor ? { cursor } : {}) });
    for (const f of page.filings) {
      const rec = await store.getFiling(f.accession);
      assert.ok(rec, f.accession);
      const docs = rec.documents.map((d) => `${d.sequence}:${d.sha256 ?? '-'}:${d.size}`).join(',');
      out.set(f.accession, { source: basename(rec.sourcePath ?? ''), print: `${rec.sha256}|${docs}` });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

test('three concurrent ingest processes over overlapping inputs equal one sequential ingest', {
  skip,
}, async () => {
  const concurrentUrl = db as string;
  const sequential = await createTestDatabase();
  assert.equal(typeof sequential, 'string');
  const sequentialUrl = sequential as string;
  const stores: Store[] = [];
  try {
    // The files whose version of a filing a sequential run keeps (a few corpus files repeat an
    // accession with other bytes; which of those wins depends on order, by design).
    const candidates = inputFiles(sgml as string);
    await ingest(sequentialUrl, candidates);
    const seq = await createPostgresStore({ url: sequentialUrl });
    stores.push(seq);
    const expected = await fingerprint(seq);
    const winners = new Set([...expected.values()].map((v) => v.source));
    const files = candidates.filter((f) => winners.has(basename(f)));
    assert.ok(files.length >= 10, `only ${files.length} usable corpus files`);

    const third = Math.ceil(files.length / 3);
    const conc = await createPostgresStore({ url: concurrentUrl });
    stores.push(conc);
    let writing = true;
    const ingests = Promise.all([
      ingest(concurrentUrl, files.slice(0, 2 * third)),
      ingest(concurrentUrl, files.slice(third)),
      ingest(concurrentUrl, [...files].reverse()),
    ]).finally(() => {
      writing = false;
    });
    // A reader (as `serve` would be) sees only whole filings while the writers run.
    let checks = 0;
    while (writing) {
      for (const f of (await conc.listFilings({ limit: 1000 })).filings) {
        const rec = await conc.getFiling(f.accession);
        const blob = await conc.openRaw(f.accession);
        if (rec === undefined || blob === undefined) continue;
        assert.equal(rec.documents.length, rec.documentCount, f.accession);
        const hash = createHash('sha256');
        for await (const chunk of blob.read()) hash.update(chunk);
        assert.equal(hash.digest('hex'), rec.sha256, f.accession);
        checks++;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await ingests;
    const got = await fingerprint(conc);
    assert.deepEqual(
      [...got.entries()].map(([a, v]) => [a, v.print]).sort(),
      [...expected.entries()].map(([a, v]) => [a, v.print]).sort(),
    );
    const [s1, s2] = await Promise.all([seq.stats(), conc.stats()]);
    assert.deepEqual(
      { ...s2, rawStoredBytes: 0 },
      { ...s1, rawStoredBytes: 0 },
      'counts of filings, documents, entities and sections',
    );
    assert.equal(s2.filings, expected.size);
    assert.ok(checks > 0, 'the reader saw filings while the writers ran');
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await dropTestDatabase(sequentialUrl);
    await dropTestDatabase(concurrentUrl);
  }
});
