/**
 * Golden tests for `toTextAndMarkdown`: one folder per quirk under `test/fixtures/html/`,
 * each with `input.<ext>`, `output.md` and `output.txt`. Regenerate with `UPDATE=1`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DocumentInput } from '../src/core/document-input.ts';
import { toMarkdown, toText, toTextAndMarkdown } from '../src/html/index.ts';
import { repoRoot } from './corpus.ts';

const root = join(repoRoot, 'test', 'fixtures', 'html');
const update = process.env.UPDATE === '1';
const contentTypes: Record<string, string> = {
  html: 'text/html',
  txt: 'text/plain',
  xml: 'application/xml',
  jpg: 'image/jpeg',
  pdf: 'application/pdf',
};

for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'));
  if (!input) continue;
  const ext = input.slice('input.'.length);
  test(`toTextAndMarkdown() golden case ${name}`, () => {
    const doc: DocumentInput = {
      bytes: readFileSync(join(dir, input)),
      type: 'EX-99.1',
      filename: `${name}.${ext}`,
      contentType: contentTypes[ext] ?? 'application/octet-stream',
    };
    const { text, markdown } = toTextAndMarkdown(doc);
    const mdPath = join(dir, 'output.md');
    const txtPath = join(dir, 'output.txt');
    if (update || !existsSync(mdPath) || !existsSync(txtPath)) {
      writeFileSync(mdPath, markdown);
      writeFileSync(txtPath, text);
      if (!update) assert.fail(`wrote missing golden files for ${name}; review them and re-run`);
    }
    assert.equal(markdown, readFileSync(mdPath, 'utf8'), `${name}: Markdown differs (UPDATE=1 to accept)`);
    assert.equal(text, readFileSync(txtPath, 'utf8'), `${name}: text differs (UPDATE=1 to accept)`);
    assert.equal(toMarkdown(doc), markdown, 'toMarkdown agrees with toTextAndMarkdown');
    assert.equal(toText(doc), text, 'toText agrees with toTextAndMarkdown');
  });
}
