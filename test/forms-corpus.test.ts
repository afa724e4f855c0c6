/**
 * Section finding against the real corpus: the seed 8-K, every 8-K whose header lists items,
 * and the alphanome 10-K / 10-Q reference outputs. Prints per-file precision and recall.
 *
 * Metrics (printed):
 * - 8-K item codes: the codes found in the body (sections with a non-empty range) against the
 *   header's item codes. precision = |body ∩ header| / |body|, recall = |body ∩ header| / |header|.
 * - 10-K/10-Q section codes: found item codes against the reference's codes (reference sections
 *   with character_count 0 are items the document does not have, so they count as absent).
 * - HTML-span agreement (all three reference files): the reference gives each section's length in
 *   characters of the source HTML. Our section's HTML extent is found by locating the text at its
 *   start and end offsets in the HTML (letters and digits matched, searching forward). Agreement
 *   = min(ours, reference) / max(ours, reference), per section; the file figure is the mean.
 * - Token F1 (AAPL 10-Q, whose reference also gives the text of every element): for each section,
 *   the multiset F1 of lower-cased [a-z0-9]+ tokens between our section's Markdown (table rows
 *   left out, since the reference's table elements carry no text) and the reference's text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { DocumentSection } from '../src/core/section.ts';
import { findSections, linkExhibits } from '../src/forms/index.ts';
import { toMarkdown } from '../src/html/index.ts';
import { parseSubmission, toDocumentInput } from '../src/sgml/index.ts';
import { corpusPath, corpusSkip } from './corpus.ts';
import { toHtmlLetters, toHtmlOffset } from './forms/html-offsets.ts';

function primaryMarkdown(rel: string) {
  const path = corpusPath(rel) as string;
  const bytes = new Uint8Array(readFileSync(path));
  const submission = parseSubmission(bytes);
  const primary = submission.documents[submission.primaryDocument];
  assert.ok(primary, `${rel} has a primary document`);
  const markdown = toMarkdown(toDocumentInput(bytes, primary));
  return { submission, markdown };
}

function sectionsOf(rel: string) {
  const { submission, markdown } = primaryMarkdown(rel);
  const sections = findSections({
    form: submission.form,
    ...(submission.filingDate === undefined ? {} : { filingDate: submission.filingDate }),
    headerItems: submission.items.length > 0 ? submission.items : submission.itemTitles,
    markdown,
  });
  return { submission, markdown, sections };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

test(
  'findSections() on the seed 8-K finds 7.01 and 9.01; 9.01 cites 99.1, document 2, a press release',
  corpusSkip(),
  () => {
    const { submission, markdown, sections } = sectionsOf('sgml/0001144204-17-013452.txt');
    assert.deepEqual(
      sections.map((s) => s.code),
      ['7.01', '9.01'],
    );
    const [fd, exhibits] = sections as [DocumentSection, DocumentSection];
    assert.match(
      markdown.slice(fd.start, fd.end),
      /issued a press release announcing that we entered into a licensing agreement/,
    );
    assert.doesNotMatch(markdown.slice(fd.start, fd.end), /\(d\) Exhibits/);
    assert.match(markdown.slice(exhibits.start, exhibits.end), /Press release dated March 8, 2017/);
    assert.deepEqual(exhibits.exhibits, ['99.1']);
    const links = linkExhibits({ markdown, section: exhibits, documents: submission.documents });
    assert.equal(links.length, 1);
    assert.equal(links[0]?.sequence, 2);
    assert.equal(links[0]?.type, 'EX-99.1');
    assert.equal(links[0]?.exhibitClass?.category, 'press-release');
  },
);

const eightKs = [
  'sgml/0001144204-17-013452.txt',
  'sgml/0000037996-17-000084.txt.txt',
  'sgml/0000943374-24-000509.txt',
  'sgml/0001213900-25-032135.txt',
  'sgml/0001493152-25-001317.nc',
  'sgml/exxon_8k_2024.txt',
];

test(
  'findSections() finds every header-listed item in the body of each corpus 8-K (item-code recall 100%)',
  corpusSkip(),
  () => {
    const rows: string[] = [];
    let recallSum = 0;
    let precisionSum = 0;
    for (const rel of eightKs) {
      const { submission, sections } = sectionsOf(rel);
      const header = new Set(submission.items);
      assert.ok(header.size > 0, `${rel}: header lists items`);
      const body = new Set(sections.filter((s) => s.end > s.start).map((s) => s.code));
      const both = [...body].filter((c) => header.has(c)).length;
      const precision = body.size === 0 ? 0 : both / body.size;
      const recall = both / header.size;
      recallSum += recall;
      precisionSum += precision;
      const extra = [...body].filter((c) => !header.has(c));
      rows.push(
        `${rel.padEnd(36)} header=[${[...header].join(',')}] body=[${[...body].join(',')}] precision=${pct(precision)} recall=${pct(recall)}${extra.length > 0 ? ` (in body, not in header: ${extra.join(',')})` : ''}`,
      );
      assert.equal(recall, 1, `${rel}: every header item is found in the body`);
    }
    rows.push(
      `mean precision=${pct(precisionSum / eightKs.length)} mean recall=${pct(recallSum / eightKs.length)}`,
    );
    console.log(`8-K item codes\n  ${rows.join('\n  ')}`);
  },
);

test(
  'findSections() reads legacy (pre-2004) numbering in a 1998 plain-text 8-K whose header lists no items',
  corpusSkip(),
  () => {
    const { sections } = sectionsOf('sgml/0001011438-98-000429.txt');
    assert.deepEqual(
      sections.map((s) => s.code),
      ['7'],
    );
    assert.deepEqual(sections[0]?.exhibits, ['20.1']);
  },
);

interface Expected {
  identifier: string;
  character_count: number;
}

/** `part2item1a` → `II-1A`; `1A` stays `1A`. */
function toCode(identifier: string): string {
  const m = /^part(\d)item(\w+)$/.exec(identifier);
  if (!m) return identifier.toUpperCase();
  return `${m[1] === '1' ? 'I' : 'II'}-${(m[2] ?? '').toUpperCase()}`;
}

function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function tokenF1(ours: string, reference: string): number {
  const a = tokens(ours);
  const b = tokens(reference);
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  for (const [t, n] of a) common += Math.min(n, b.get(t) ?? 0);
  if (na === 0 && nb === 0) return 1;
  if (common === 0) return 0;
  const p = common / na;
  const r = common / nb;
  return (2 * p * r) / (p + r);
}

/** The reference text of each AAPL section: element texts between top-level titles. */
function referenceTexts(rel: string): Map<string, string> {
  const elements = JSON.parse(readFileSync(corpusPath(rel) as string, 'utf8')) as Array<{
    cls_name: string;
    section_type?: string;
    text_content?: string;
  }>;
  const texts = new Map<string, string>();
  let current: string | undefined;
  for (const e of elements) {
    if (e.cls_name === 'TopSectionTitle') {
      current =
        e.section_type !== undefined && /item/.test(e.section_type) ? toCode(e.section_type) : undefined;
    }
    if (current !== undefined) texts.set(current, `${texts.get(current) ?? ''}\n${e.text_content ?? ''}`);
  }
  return texts;
}

const references = [
  { name: 'alphanome-10-K-IBM-0000051143-24-000012', form: '10-K' },
  { name: 'alphanome-10-Q-AA-0001193125-18-236766', form: '10-Q' },
  { name: 'alphanome-10-Q-AAPL-0000320193-23-000077', form: '10-Q' },
];

test(
  'findSections() on the alphanome 10-K/10-Q references: codes and HTML-span agreement >= 95%',
  corpusSkip(),
  () => {
    const report: string[] = [];
    const checks: Array<() => void> = [];
    for (const { name, form } of references) {
      const htmlPath = corpusPath(`html/${name}-primary-document.html`) as string;
      const bytes = new Uint8Array(readFileSync(htmlPath));
      const markdown = toMarkdown({ bytes, type: form, filename: `${name}.htm`, contentType: 'text/html' });
      const sections = findSections({ form, markdown }).filter((s) => s.kind === 'item');
      const expected = JSON.parse(
        readFileSync(corpusPath(`html/${name}-expected-top-level-sections.json`) as string, 'utf8'),
      ) as Expected[];
      const present = expected
        .filter((e) => e.character_count > 0)
        .map((e) => ({ code: toCode(e.identifier), size: e.character_count }));
      const ours = new Set(sections.map((s) => s.code));
      const theirs = new Set(present.map((e) => e.code));
      const both = [...ours].filter((c) => theirs.has(c));
      const precision = both.length / ours.size;
      const recall = both.length / theirs.size;

      const html = toHtmlLetters(new TextDecoder().decode(bytes));
      const extent = new Map<string, number>();
      let letter = 0;
      for (const s of sections) {
        const start = toHtmlOffset(html, markdown, s.start, letter);
        if (start === undefined) continue;
        letter = start.letter;
        const end = toHtmlOffset(html, markdown, s.end, start.letter + 1);
        if (end !== undefined) extent.set(s.code, end.offset - start.offset);
      }
      const agreements = present.map((e) => {
        const size = extent.get(e.code) ?? 0;
        return {
          code: e.code,
          ours: size,
          theirs: e.size,
          agreement: Math.min(size, e.size) / Math.max(size, e.size),
        };
      });
      const mean = agreements.reduce((sum, a) => sum + a.agreement, 0) / agreements.length;
      report.push(
        `${name}: codes precision=${pct(precision)} recall=${pct(recall)}; HTML-span agreement mean=${pct(mean)}`,
      );
      const extra = [...ours].filter((c) => !theirs.has(c));
      if (extra.length > 0) report.push(`  found, not in the reference: ${extra.join(', ')}`);
      for (const a of agreements)
        report.push(
          `  ${a.code.padEnd(6)} ours=${String(a.ours).padStart(7)} reference=${String(a.theirs).padStart(7)} agreement=${pct(a.agreement)}`,
        );

      if (name.includes('AAPL')) {
        const texts = referenceTexts(`html/${name}-expected-structure-and-text.json`);
        const f1s = sections.map((s) => {
          const text = markdown
            .slice(s.start, s.end)
            .split('\n')
            .filter((l) => !l.trimStart().startsWith('|'))
            .join('\n');
          return { code: s.code, f1: tokenF1(text, texts.get(s.code) ?? '') };
        });
        const meanF1 = f1s.reduce((sum, f) => sum + f.f1, 0) / f1s.length;
        report.push(
          `  token F1 per section: ${f1s.map((f) => `${f.code}=${pct(f.f1)}`).join(' ')}; mean=${pct(meanF1)}`,
        );
        checks.push(() => assert.ok(meanF1 >= 0.95, `${name}: mean token F1 ${pct(meanF1)} >= 95%`));
      }
      checks.push(() => assert.equal(recall, 1, `${name}: every reference section is found`));
      checks.push(() => assert.ok(mean >= 0.95, `${name}: mean HTML-span agreement ${pct(mean)} >= 95%`));
    }
    console.log(report.join('\n'));
    for (const check of checks) check();
  },
);
