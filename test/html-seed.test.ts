/**
 * The seed filing (issue 3, "It must show"): the Cellectar 8-K and its press release,
 * read in place from the shared corpus and converted with `toTextAndMarkdown`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { toTextAndMarkdown } from '../src/html/index.ts';
import { parseSubmission, toDocumentInput } from '../src/sgml/index.ts';
import { corpusPath, corpusSkip } from './corpus.ts';

function seed(): {
  eightK: { text: string; markdown: string };
  pressRelease: { text: string; markdown: string };
} {
  const path = corpusPath('sgml/0001144204-17-013452.txt');
  if (typeof path !== 'string') throw new Error(path.skip);
  const bytes = readFileSync(path);
  const sub = parseSubmission(bytes);
  const doc = (type: string) => {
    const d = sub.documents.find((x) => x.type === type);
    assert.ok(d, `document ${type} present`);
    return toTextAndMarkdown(toDocumentInput(bytes, d));
  };
  return { eightK: doc('8-K'), pressRelease: doc('EX-99.1') };
}

/** True when a line contains `a` followed by `b` and is a heading or a line of its own. */
function hasItemLine(markdown: string, a: string, b: string): boolean {
  return markdown.split('\n').some((line) => {
    const i = line.indexOf(a);
    return (
      i >= 0 && line.indexOf(b, i) > i && /^(#{1,6} )?\S/.test(line) && line.length < a.length + b.length + 12
    );
  });
}

test(
  'toTextAndMarkdown() seed 8-K: Item 7.01 and Item 9.01 are headings or lines of their own',
  corpusSkip(),
  () => {
    const { eightK } = seed();
    assert.ok(hasItemLine(eightK.markdown, 'ITEM 7.01', 'REGULATION FD DISCLOSURE'), eightK.markdown);
    assert.ok(
      hasItemLine(eightK.markdown, 'ITEM 9.01', 'FINANCIAL STATEMENTS AND EXHIBITS'),
      eightK.markdown,
    );
    assert.ok(hasItemLine(eightK.text, 'ITEM 7.01', 'REGULATION FD DISCLOSURE'));
  },
);

test(
  'toTextAndMarkdown() seed 8-K: the exhibit list is a Markdown table with Number | Title',
  corpusSkip(),
  () => {
    const { eightK } = seed();
    const lines = eightK.markdown.split('\n');
    const header = lines.indexOf('| Number | Title |');
    assert.ok(header >= 0, 'header row "| Number | Title |"');
    assert.equal(lines[header + 1], '| --- | --- |');
    assert.match(
      lines[header + 2] ?? '',
      /^\| 99\.1 \| Press release dated March 8, 2017, entitled “Expanding/,
    );
  },
);

test(
  'toTextAndMarkdown() seed press release starts its first paragraph with the dateline',
  corpusSkip(),
  () => {
    const { pressRelease } = seed();
    const dateline = 'Madison, Wisc. (March 8, 2017) -- Cellectar Biosciences, Inc. (Nasdaq: CLRB)';
    for (const out of [pressRelease.text, pressRelease.markdown]) {
      const paragraphs = out.split('\n\n');
      const first = paragraphs.find((p) => p.startsWith('Madison'));
      assert.ok(
        first?.startsWith(dateline),
        `a paragraph starts with the dateline in:\n${out.slice(0, 600)}`,
      );
      assert.ok(!first?.includes('\n'), 'the dateline paragraph is one paragraph (no line break inside)');
    }
  },
);

test('toTextAndMarkdown() seed: no page numbers, no &nbsp;, no lone ☐ rows', corpusSkip(), () => {
  const { eightK, pressRelease } = seed();
  for (const out of [eightK.text, eightK.markdown, pressRelease.text, pressRelease.markdown]) {
    const lines = out.split('\n').map((l) => l.trim());
    assert.ok(!out.includes('&nbsp;'), 'no literal &nbsp;');
    assert.ok(!out.includes('\u00a0'), 'no no-break space left');
    assert.deepEqual(
      lines.filter((l) => /^(?:page\s+)?[-–]?\s*\d{1,3}\s*[-–]?$/i.test(l)),
      [],
      'no page-number line',
    );
    assert.deepEqual(
      lines.filter((l) => /^[|\s]*[☐☒☑][|\s]*$/.test(l)),
      [],
      'no checkbox separated from its label',
    );
  }
  assert.match(eightK.markdown, /^☐ Written communications pursuant to Rule 425/m);
});
