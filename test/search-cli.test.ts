/**
 * `edgarbox search` and `edgarbox show` run as real processes against a real store file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { repoRoot } from './corpus.ts';
import { contractFilings } from './store-contract.ts';

let dir: string;
let db: string;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'src/cli/bin.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, EDGARBOX_DB: db },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('edgarbox search / show', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-cli-'));
    db = join(dir, 'cli.db');
    const store = createSqliteStore({ path: db });
    await store.putFilings(contractFilings());
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('search --json prints the exact total, hits and a cursor for the next page', () => {
    const r = run('search', 'rockets OR pigeon', '--limit', '1', '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      total: number;
      hits: Array<{ accession: string; sequence: number }>;
      nextCursor?: string;
    };
    assert.equal(out.total, 3);
    assert.equal(out.hits.length, 1);
    assert.ok(out.nextCursor);
    const next = JSON.parse(
      run('search', 'rockets OR pigeon', '--limit', '1', '--json', '--cursor', out.nextCursor).stdout,
    ) as typeof out;
    const key = (h: { accession: string; sequence: number } | undefined) => `${h?.accession}/${h?.sequence}`;
    assert.equal(next.hits.length, 1);
    assert.notEqual(key(next.hits[0]), key(out.hits[0]));
  });

  it('search prints ranked hits with bracketed highlights when not on a terminal', () => {
    const r = run('search', '"CLR 131"', '--form', '8-K');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^1 hit\n/);
    assert.match(r.stdout, /0000000101-17-000001 {2}8-K {2}2017-03-08 {2}ACME ROCKETS INC/);
    assert.match(r.stdout, /\[CLR 131\]/);
  });

  it('search exits 2 with the reason for a malformed query', () => {
    const r = run('search', '"unclosed');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Invalid search query: a quote is not closed/);
  });

  it('show prints a summary, --json the record, --markdown a document, --raw the original bytes', () => {
    const summary = run('show', '0000000101-18-000003');
    assert.equal(summary.code, 0, summary.stderr);
    assert.match(summary.stdout, /10-K {2}filed 2018-02-20 {2}period 2017-12-31/);
    assert.match(summary.stdout, /filer +0000000101 {2}ACME SPACE HOLDINGS INC/);
    const json = JSON.parse(run('show', '000000010118000003', '--json').stdout) as {
      documents: unknown[];
      form: string;
    };
    assert.equal(json.form, '10-K');
    assert.equal(json.documents.length, 1);
    assert.match(run('show', '0000000101-18-000003', '--markdown').stdout, /## Item 1A\. Risk Factors/);
    const raw = run('show', '0000000202-17-000002', '--raw').stdout;
    assert.equal(raw, Buffer.from(contractFilings()[1]?.bytes ?? []).toString('utf8'));
  });

  it('show exits 2 for an unknown filing', () => {
    const r = run('show', '0000000999-17-000999');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Not found: filing 0000000999-17-000999/);
  });
});
