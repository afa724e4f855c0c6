/**
 * Golden cases for section finding: one folder per layout variant under `test/fixtures/forms/`,
 * each with `input.html` (or `input.txt`), `meta.json` (form, filing date, header items,
 * documents) and `expected.json`. The input goes through the real `toMarkdown` first.
 * Regenerate with `UPDATE=1 node --test test/forms-sections.test.ts` and review the diff.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type ExhibitDocument, findSections, linkExhibits } from '../src/forms/index.ts';
import { toMarkdown } from '../src/html/index.ts';
import { repoRoot } from './corpus.ts';

interface Meta {
  form: string;
  filingDate?: string;
  headerItems?: string[];
  documents?: ExhibitDocument[];
}

const root = join(repoRoot, 'test', 'fixtures', 'forms');

function run(dir: string) {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
  const html = existsSync(join(dir, 'input.html'));
  const bytes = new Uint8Array(readFileSync(join(dir, html ? 'input.html' : 'input.txt')));
  const markdown = toMarkdown({
    bytes,
    type: meta.form,
    filename: html ? 'input.html' : 'input.txt',
    contentType: html ? 'text/html' : 'text/plain',
  });
  const sections = findSections({
    form: meta.form,
    markdown,
    ...(meta.filingDate === undefined ? {} : { filingDate: meta.filingDate }),
    ...(meta.headerItems === undefined ? {} : { headerItems: meta.headerItems }),
  });
  return sections.map((section) => {
    const text = markdown.slice(section.start, section.end).replace(/\s+/g, ' ').trim();
    const out: Record<string, unknown> = { kind: section.kind, code: section.code, title: section.title };
    out.text = text.length > 240 ? `${text.slice(0, 240)}…` : text;
    if (section.exhibits !== undefined) out.exhibits = section.exhibits;
    if (section.exhibits !== undefined && meta.documents !== undefined) {
      out.links = linkExhibits({ markdown, section, documents: meta.documents });
    }
    return out;
  });
}

for (const form of readdirSync(root)) {
  for (const name of readdirSync(join(root, form))) {
    const dir = join(root, form, name);
    test(`findSections() on ${form}/${name} matches expected.json`, () => {
      const actual = run(dir);
      const file = join(dir, 'expected.json');
      if (process.env.UPDATE === '1' || !existsSync(file))
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
    });
  }
}
