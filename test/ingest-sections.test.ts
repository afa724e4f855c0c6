/**
 * Ingest stores the sections of each filing's primary document (8-K items, 10-K / 10-Q items),
 * through both the whole-file and the streamed path, so search, show, the API and MCP can use them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ingestOne } from '../src/ingest/index.ts';
import { createStreamProcessor } from '../src/ingest/process-stream.ts';
import { searchFilings } from '../src/services/search-filings.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import { corpusPath, repoRoot } from './corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'edgarbox-ingest-sections-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('ingestOne() stores the seed 8-K items 7.01 and 9.01, with 9.01 citing exhibit 99.1', async (t) => {
  const path = corpusPath('sgml/0001144204-17-013452.txt');
  if (typeof path !== 'string') return t.skip(path.skip);
  const store = createSqliteStore({ path: join(dir, 'seed.db') });
  try {
    const r = await ingestOne({ store, bytes: readFileSync(path) });
    assert.equal(r.ok, true);
    const sections = await store.getSections('0001144204-17-013452');
    assert.deepEqual(
      sections.map((s) => [s.code, s.sequence]),
      [
        ['7.01', 1],
        ['9.01', 1],
      ],
    );
    assert.match(sections[0]?.markdown ?? '', /Wisconsin Alumni Research Foundation/);
    assert.deepEqual(sections[1]?.exhibits, ['99.1']);
    const hits = await searchFilings(store, { q: 'WARF section:7.01' });
    assert.equal(hits.hits[0]?.accession, '0001144204-17-013452');
  } finally {
    await store.close();
  }
});

test('createStreamProcessor() attaches the same sections as the whole-file path', (t) => {
  const path = corpusPath('sgml/0001144204-17-013452.txt');
  if (typeof path !== 'string') return t.skip(path.skip);
  const bytes = readFileSync(path);
  const p = createStreamProcessor('seed', { maxTextChars: 1 << 24, maxFilingTextChars: 1 << 26 });
  for (let at = 0; at < bytes.length; at += 4096) p.write(bytes.subarray(at, at + 4096));
  const r = p.end();
  assert.ok(r.ok);
  const primary = r.filing.documents?.find((d) => d.sequence === 1);
  assert.deepEqual(
    primary?.sections?.map((s) => s.code),
    ['7.01', '9.01'],
  );
});

test('edgarbox show --items prints the outline, 9.01 linking exhibit 99.1 to document 2 as a press release', (t) => {
  const path = corpusPath('sgml/0001144204-17-013452.txt');
  if (typeof path !== 'string') return t.skip(path.skip);
  const db = join(dir, 'cli.db');
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'src/cli/bin.ts'), ...args, '--db', db], {
      encoding: 'utf8',
    });
  assert.equal(cli('ingest', path, '--quiet').status, 0);
  const r = cli('show', '0001144204-17-013452', '--items', '--json');
  assert.equal(r.status, 0, r.stderr);
  const outline = JSON.parse(r.stdout) as {
    sections: Array<{
      code: string;
      title: string;
      exhibits: Array<{ number: string; sequence?: number; exhibitClass?: { category: string } }>;
    }>;
    exhibits: Array<{ sequence: number; exhibitClass: { category: string } }>;
  };
  assert.deepEqual(
    outline.sections.map((s) => [s.code, s.title]),
    [
      ['7.01', 'REGULATION FD DISCLOSURE'],
      ['9.01', 'FINANCIAL STATEMENTS AND EXHIBITS'],
    ],
  );
  const cited = outline.sections[1]?.exhibits[0];
  assert.equal(cited?.number, '99.1');
  assert.equal(cited?.sequence, 2);
  assert.equal(cited?.exhibitClass?.category, 'press-release');
  assert.deepEqual(
    outline.exhibits.map((e) => [e.sequence, e.exhibitClass.category]),
    [[2, 'press-release']],
  );
  const text = cli('show', '0001144204-17-013452', '--items');
  assert.match(text.stdout, /Item 9\.01 {2}FINANCIAL STATEMENTS AND EXHIBITS/);
  assert.match(text.stdout, /exhibit 99\.1: document 2 v461435_ex99-1\.htm \[Press release\]/);
});
