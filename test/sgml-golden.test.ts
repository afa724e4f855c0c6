/**
 * Golden fixtures for the SGML parser: one folder per case under test/fixtures/sgml with an input
 * and `expected.json` (the parsed submission plus each decoded document's size and SHA-256).
 * Regenerate with `UPDATE=1 node --test test/sgml-golden.test.ts` and review the diff.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createSubmissionParser, decodeDocument, parseSubmission } from '../src/sgml/index.ts';
import { repoRoot } from './corpus.ts';

const root = join(repoRoot, 'test', 'fixtures', 'sgml');

function snapshot(bytes: Uint8Array): unknown {
  const submission = parseSubmission(bytes);
  const documents = submission.documents.map((d) => {
    const body = decodeDocument(bytes, d);
    return {
      filename: d.filename,
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    };
  });
  return { submission, documents };
}

for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'));
  if (!input) continue;
  test(`parseSubmission() golden case ${name}`, () => {
    const bytes = readFileSync(join(dir, input));
    const got = JSON.parse(JSON.stringify(snapshot(bytes)));
    const file = join(dir, 'expected.json');
    if (process.env.UPDATE === '1') writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
    assert.deepEqual(got, JSON.parse(readFileSync(file, 'utf8')));
  });
  test(`createSubmissionParser() gives the same result for any chunking of ${name}`, () => {
    const bytes = readFileSync(join(dir, input));
    const want = parseSubmission(bytes);
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (const mode of [1, 2, 3, 5, 13, 64, 'random', 'random']) {
      const p = createSubmissionParser();
      for (let i = 0; i < bytes.length; ) {
        const n = mode === 'random' ? 1 + (rand() % 300) : (mode as number);
        p.write(bytes.subarray(i, i + n));
        i += n;
      }
      assert.deepEqual(p.end(), want, `chunk size ${mode}`);
    }
  });
}
