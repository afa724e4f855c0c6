import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { create } from 'tar';
import { ingestOne } from '../src/ingest/ingest-one.ts';
import { runIngest } from '../src/ingest/run-ingest.ts';
import { parseSubmission } from '../src/sgml/index.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import type { Store } from '../src/store/store.ts';
import { corpusPath, corpusSkip, repoRoot } from './corpus.ts';

const fixtures = join(repoRoot, 'test', 'fixtures', 'ingest');
const bin = join(repoRoot, 'src', 'cli', 'bin.ts');

async function withStore<T>(path: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = createSqliteStore({ path });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function countFilings(store: Store): Promise<number> {
  return (await store.stats()).filings;
}

describe('runIngest() on hand-written fixtures', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-ingest-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('runIngest() stores every submission, reports the broken file and goes on', async () => {
    const db = join(dir, 'a.db');
    const summary = await withStore(db, (store) => runIngest({ store, paths: [fixtures], workers: 2 }));
    assert.equal(summary.files, 4);
    assert.equal(summary.ingested, 3);
    assert.equal(summary.unchanged, 0);
    assert.deepEqual(
      summary.failed.map((f) => f.source),
      [join(fixtures, 'broken-not-a-submission.txt')],
    );
    assert.match(summary.failed[0]?.reason ?? '', /not an EDGAR submission/);
    assert.equal(summary.interrupted, false);
    await withStore(db, async (store) => {
      assert.equal(await countFilings(store), 3);
      const filing = await store.getFiling('0000990001-24-000001');
      assert.equal(filing?.documents.length, 2);
      assert.equal(filing?.sourcePath, join(fixtures, '0000990001-24-000001.txt'));
      assert.match(
        (await store.getDocumentText('0000990001-24-000001', 1)) ?? '',
        /record sales of tidal kites/,
      );
      const raw = await store.openRaw('0000990002-24-000003');
      const parts: Uint8Array[] = [];
      for await (const c of raw?.read() ?? []) parts.push(c);
      assert.deepEqual(Buffer.concat(parts), readFileSync(join(fixtures, '0000990002-24-000003.nc')));
    });
  });

  test('runIngest() reports unchanged bytes on a second run without writing', async () => {
    const db = join(dir, 'a.db');
    const summary = await withStore(db, (store) => runIngest({ store, paths: [fixtures], workers: 2 }));
    assert.deepEqual(
      [summary.ingested, summary.unchanged, summary.replaced, summary.failed.length],
      [0, 3, 0, 1],
    );
  });

  test('runIngest() replaces a filing whose bytes changed, never duplicating it', async () => {
    const db = join(dir, 'a.db');
    const changed = join(dir, 'changed');
    mkdirSync(changed);
    const original = readFileSync(join(fixtures, '0000990001-24-000001.txt'), 'latin1');
    writeFileSync(
      join(changed, 'x.txt'),
      original.replace('record sales of tidal kites', 'record sales of box kites'),
      'latin1',
    );
    const summary = await withStore(db, (store) => runIngest({ store, paths: [changed], workers: 1 }));
    assert.deepEqual([summary.ingested, summary.unchanged, summary.replaced], [0, 0, 1]);
    assert.deepEqual(summary.replacements, [
      { source: join(changed, 'x.txt'), accession: '0000990001-24-000001' },
    ]);
    await withStore(db, async (store) => {
      assert.equal(await countFilings(store), 3);
      assert.match((await store.getDocumentText('0000990001-24-000001', 1)) ?? '', /box kites/);
    });
  });

  test('runIngest() keeps the later of two versions of one accession in a single run', async () => {
    const db = join(dir, 'order.db');
    const twice = join(dir, 'twice');
    mkdirSync(twice);
    const original = readFileSync(join(fixtures, '0000990001-24-000001.txt'), 'latin1');
    writeFileSync(join(twice, '1.txt'), original, 'latin1');
    writeFileSync(join(twice, '2.txt'), original.replace('tidal kites', 'paper kites'), 'latin1');
    const summary = await withStore(db, (store) => runIngest({ store, paths: [twice], workers: 2 }));
    assert.deepEqual([summary.ingested, summary.replaced], [1, 1]);
    // The summary names the input that replaced the earlier one of this run.
    assert.deepEqual(summary.replacements, [
      { source: join(twice, '2.txt'), accession: '0000990001-24-000001' },
    ]);
    await withStore(db, async (store) => {
      assert.match((await store.getDocumentText('0000990001-24-000001', 1)) ?? '', /paper kites/);
    });
    // A rerun must not let the stored second version make the first look unchanged.
    const again = await withStore(db, (store) => runIngest({ store, paths: [twice], workers: 2 }));
    assert.deepEqual([again.ingested, again.unchanged, again.replaced], [0, 0, 2]);
    assert.deepEqual(
      again.replacements.map((r) => r.source),
      [join(twice, '1.txt'), join(twice, '2.txt')],
    );
    await withStore(db, async (store) => {
      assert.match((await store.getDocumentText('0000990001-24-000001', 1)) ?? '', /paper kites/);
    });
  });

  test('runIngest() streams submissions above the threshold through the push parser to the same result', async () => {
    const tgz = join(dir, 'fixtures.tar.gz');
    await create({ file: tgz, cwd: fixtures, gzip: true }, readdirSync(fixtures).sort());
    const whole = join(dir, 'whole.db');
    const streamed = join(dir, 'streamed.db');
    await withStore(whole, (store) => runIngest({ store, paths: [tgz], workers: 2 }));
    const summary = await withStore(streamed, (store) =>
      runIngest({ store, paths: [tgz], workers: 2, bigThreshold: 1000 }),
    );
    assert.deepEqual(
      [summary.ingested, summary.failed.length, summary.bytes],
      [3, 1, 1436 + 1435 + 602 + 69],
    );
    for (const accession of ['0000990001-24-000001', '0000990001-24-000002', '0000990002-24-000003']) {
      const [a, b] = await Promise.all(
        [whole, streamed].map((db) =>
          withStore(db, async (store) => {
            const filing = await store.getFiling(accession);
            assert.ok(filing, accession);
            const { storedAt: _s, ...rest } = filing;
            const texts = await Promise.all(
              filing.documents.map((d) => store.getDocumentMarkdown(accession, d.sequence)),
            );
            const parts: Uint8Array[] = [];
            for await (const c of (await store.openRaw(accession))?.read() ?? []) parts.push(c);
            return { rest, texts, raw: Buffer.concat(parts) };
          }),
        ),
      );
      assert.deepEqual(a, b);
    }
  });

  test('runIngest() fails a submission whose worker makes no progress in time, and finishes', async () => {
    const summary = await withStore(join(dir, 'timeout.db'), (store) =>
      runIngest({ store, paths: [join(fixtures, '0000990002-24-000003.nc')], workers: 1, taskTimeoutMs: 5 }),
    );
    assert.equal(summary.ingested, 0);
    assert.match(summary.failed[0]?.reason ?? '', /timed out/);
  });

  test('runIngest() stops reading when its signal is aborted and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const summary = await withStore(join(dir, 'abort.db'), (store) =>
      runIngest({ store, paths: [fixtures], workers: 1, signal: controller.signal }),
    );
    assert.equal(summary.interrupted, true);
    assert.equal(summary.ingested, 0);
  });

  test('ingestOne() inserts, then reports unchanged, and refuses a non-submission with a reason', async () => {
    const bytes = readFileSync(join(fixtures, '0000990001-24-000002.txt'));
    await withStore(join(dir, 'one.db'), async (store) => {
      const first = await ingestOne({ store, bytes });
      assert.equal(first.ok && first.status, 'inserted');
      assert.equal(first.ok && first.accession, '0000990001-24-000002');
      const second = await ingestOne({ store, bytes });
      assert.equal(second.ok && second.status, 'unchanged');
      const bad = await ingestOne({ store, bytes: Buffer.from('hello') });
      assert.equal(bad.ok, false);
      assert.equal(await countFilings(store), 1);
    });
  });
});

describe('edgarbox ingest (CLI)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-ingest-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [bin, 'ingest', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });

  test('edgarbox ingest --json prints the summary and exits 1 when an input failed', () => {
    const out = run([fixtures, '--db', join(dir, 'cli.db'), '--json', '--workers', '2']);
    assert.equal(out.status, 1, out.stderr);
    const summary = JSON.parse(out.stdout);
    assert.equal(summary.ingested, 3);
    assert.equal(summary.failed.length, 1);
  });

  test('edgarbox ingest exits 0 when everything went in, and uses EDGARBOX_DB', () => {
    const out = run([join(fixtures, '0000990002-24-000003.nc')], { EDGARBOX_DB: join(dir, 'env.db') });
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /ingested 1, unchanged 0, replaced 0, failed 0/);
  });

  test('edgarbox ingest exits 2 for a missing path or a bad --workers', () => {
    assert.equal(run([join(dir, 'nope.txt'), '--db', join(dir, 'x.db')]).status, 2);
    assert.equal(run([fixtures, '--workers', 'many', '--db', join(dir, 'x.db')]).status, 2);
  });
});

describe('runIngest() on the real corpus', corpusSkip(), () => {
  let dir = '';
  let sgml = '';
  const expected = new Map<string, string[]>();
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-ingest-corpus-'));
    sgml = corpusPath('sgml') as string;
    for (const name of readdirSync(sgml).sort()) {
      const accession = parseSubmission(readFileSync(join(sgml, name))).accessionNumber;
      if (accession) expected.set(accession, [...(expected.get(accession) ?? []), name]);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('runIngest() puts every parseable corpus submission in, from the folder and from a .tar.gz', async () => {
    const tgz = join(dir, 'sgml.tar.gz');
    await create({ file: tgz, cwd: sgml, gzip: true }, readdirSync(sgml).sort());
    for (const input of [sgml, tgz]) {
      const db = join(dir, `${input === sgml ? 'dir' : 'tgz'}.db`);
      const summary = await withStore(db, (store) => runIngest({ store, paths: [input], workers: 2 }));
      const parseable = [...expected.values()].flat().length;
      assert.equal(summary.files, readdirSync(sgml).length);
      assert.equal(summary.ingested + summary.replaced, parseable, JSON.stringify(summary.failed));
      assert.equal(summary.ingested, expected.size);
      await withStore(db, async (store) => {
        assert.equal(await countFilings(store), expected.size);
        for (const accession of expected.keys()) assert.ok(await store.getFiling(accession), accession);
      });
    }
  });

  test('runIngest() reruns the .tar.gz as unchanged (accessions present in two versions are replaced)', async () => {
    const tgz = join(dir, 'sgml.tar.gz');
    const summary = await withStore(join(dir, 'tgz.db'), (store) =>
      runIngest({ store, paths: [tgz], workers: 2 }),
    );
    const twoVersions = [...expected.values()].filter((names) => names.length > 1).flat().length;
    const single = [...expected.values()].filter((names) => names.length === 1).length;
    assert.equal(summary.ingested, 0);
    assert.equal(summary.unchanged, single);
    assert.equal(summary.replaced, twoVersions);
  });
});
