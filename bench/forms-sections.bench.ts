/**
 * Benchmark: section finding (`findSections`) throughput, in MB/s of Markdown, over the primary
 * documents of every 8-K, 10-K and 10-Q in the corpus (`html/` and `sgml/`), with two ratios
 * measured in the same run:
 * - to `toMarkdown` on the same documents (the step ingest runs just before): issue 7 names no
 *   speed target, so the project's target is that finding sections costs at most a tenth of the
 *   conversion, i.e. a ratio >= 10x;
 * - to a naive one-regex scan for `Item n` lines (the floor: touching every character once).
 *
 * Usage: `npm run bench:sections` (3 timed rounds); `BENCH_ROUNDS=10 npm run bench:sections` for longer runs.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentInput } from '../src/core/document-input.ts';
import { findSections } from '../src/forms/index.ts';
import { toMarkdown } from '../src/html/index.ts';
import { parseSubmission, toDocumentInput } from '../src/sgml/index.ts';
import { corpusPath } from '../test/corpus.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const root = corpusPath('MANIFEST.tsv');
if (typeof root !== 'string') {
  console.log(`skipped: ${root.skip}`);
  process.exit(0);
}
const corpus = join(root, '..');
const forms = /^(8-K|6-K|10-K|10-Q)/;

/** Primary documents of the section-bearing forms, from the manifest's form_type column. */
function loadInputs(): Array<{ form: string; input: DocumentInput }> {
  const inputs: Array<{ form: string; input: DocumentInput }> = [];
  for (const row of readFileSync(root as string, 'utf8')
    .split('\n')
    .slice(1)) {
    const [, file, , , , , , kind, form] = row.split('\t');
    if (file === undefined || form === undefined || !forms.test(form)) continue;
    const bytes = readFileSync(join(corpus, file));
    if (kind === 'html-primary') {
      inputs.push({ form, input: { bytes, type: form, filename: file, contentType: 'text/html' } });
    } else if (kind?.startsWith('sgml-')) {
      const submission = parseSubmission(bytes);
      const primary = submission.documents[submission.primaryDocument];
      if (primary !== undefined)
        inputs.push({ form: submission.form, input: toDocumentInput(bytes, primary) });
    }
  }
  for (const f of readdirSync(join(corpus, 'html'))) {
    if (!/^alphanome-.*-primary-document\.html$/.test(f)) continue;
    const form = f.includes('10-K') ? '10-K' : '10-Q';
    if (inputs.some((i) => i.input.filename.endsWith(f))) continue;
    const bytes = readFileSync(join(corpus, 'html', f));
    inputs.push({ form, input: { bytes, type: form, filename: f, contentType: 'text/html' } });
  }
  return inputs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => void): number {
  run(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times) / 1000;
}

const inputs = loadInputs();
const docs = inputs.map(({ form, input }) => ({ form, markdown: toMarkdown(input) }));
const mb = docs.reduce((sum, d) => sum + d.markdown.length, 0) / 1e6;
let found = 0;
const sections = time(() => {
  found = 0;
  for (const d of docs) found += findSections(d).length;
});
const convert = time(() => {
  for (const { input } of inputs) toMarkdown(input);
});
const naive = time(() => {
  for (const d of docs) for (const _ of d.markdown.matchAll(/^.{0,12}item\s*\d/gim)) found += 0;
});
const rate = (s: number) => `${(mb / s).toFixed(1)} MB/s`;
console.log(
  `documents: ${docs.length} (${mb.toFixed(2)} MB of Markdown), sections found: ${found}, rounds: ${rounds}`,
);
console.log(
  `findSections       ${rate(sections)}  (${((sections / docs.length) * 1000).toFixed(2)} ms/document)`,
);
console.log(`toMarkdown         ${rate(convert)}  (same documents, MB of Markdown produced)`);
console.log(`naive regex scan   ${rate(naive)}`);
console.log(`ratio findSections / toMarkdown  ${(convert / sections).toFixed(1)}x (target >= 10x)`);
console.log(`ratio findSections / naive scan  ${(naive / sections).toFixed(2)}x`);

// Last result (2 vCPU VM, load average ~12 from other engineers' runs, Node 24, BENCH_ROUNDS=7):
//   26 documents, 2.05 MB of Markdown, 191 sections; findSections 22.9 MB/s (3.4 ms/document);
//   toMarkdown 2.2 MB/s; naive scan 97.7 MB/s; ratio to toMarkdown 10.5x (target >= 10x); to naive scan 0.23x.
