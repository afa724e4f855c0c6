/**
 * Benchmark: HTML → text and → Markdown throughput (MB/s of HTML input) on the corpus HTML
 * (`html/*.html` and the HTML bodies of `sgml/` submissions), with the ratio, in the same run,
 * to a naive regex tag-stripper and to the `html-to-text` package.
 * Targets (issue 3): >= 0.5x the regex stripper, >= 2x html-to-text.
 *
 * Usage: `npm run bench:text` (3 timed rounds); `BENCH_ROUNDS=7 npm run bench:text` for longer runs.
 *
 * Throughput is by this process's CPU time (wall time is printed too): on the shared 2-vCPU
 * machine wall time swings with other work, CPU time barely does.
 *
 * Last result (2 vCPU VM, Node 24.21, load average ~3, BENCH_ROUNDS=5, two runs), MB/s of CPU time:
 *   regex stripper 75.5-77.7 · toText 33.9-39.3 · toMarkdown 31.2-40.8 · toTextAndMarkdown 31.4-33.8 ·
 *   html-to-text 15.1-15.4
 *   toText 0.48-0.52x regex (target 0.5x, on the line), 2.40-2.55x html-to-text (target 2x, met);
 *   toMarkdown 0.40-0.46x / 2.24-2.70x; toTextAndMarkdown (both outputs) 0.42-0.44x / 2.25-2.53x.
 *   Before the speed work (quiet machine): toText 0.35x / 1.86x, toMarkdown 0.36x / 1.93x, both 0.33x / 1.79x.
 *   A/B against the converter before that work (same process, CPU, median of 9, identical output on
 *   every corpus document): toText 1.48x, toMarkdown 1.15x.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { convert } from 'html-to-text';
import type { DocumentInput } from '../src/core/document-input.ts';
import { toMarkdown, toText, toTextAndMarkdown } from '../src/html/index.ts';
import { parseSubmission, toDocumentInput } from '../src/sgml/index.ts';
import { corpusPath } from '../test/corpus.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmups = Number(process.env.BENCH_WARMUPS ?? 2);
const root = corpusPath('MANIFEST.tsv');
if (typeof root !== 'string') {
  console.log(`skipped: ${root.skip}`);
  process.exit(0);
}
const corpus = join(root, '..');

/** Every HTML document of the corpus, as converter inputs. */
function loadDocuments(): DocumentInput[] {
  const docs: DocumentInput[] = [];
  const htmlDir = join(corpus, 'html');
  for (const f of readdirSync(htmlDir).sort()) {
    if (!/\.html?$/i.test(f)) continue;
    docs.push({ bytes: readFileSync(join(htmlDir, f)), type: 'HTML', filename: f, contentType: 'text/html' });
  }
  const sgmlDir = join(corpus, 'sgml');
  for (const f of readdirSync(sgmlDir).sort()) {
    const bytes = readFileSync(join(sgmlDir, f));
    const sub = parseSubmission(bytes);
    for (const doc of sub.documents) {
      const input = toDocumentInput(bytes, doc);
      if (input.contentType === 'text/html') docs.push(input);
    }
  }
  return docs;
}

/** The naive baseline: drop script/style/comments, block tags → \n, other tags → space, decode, collapse. */
function regexStrip(html: string): string {
  const noScript = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi, ' ');
  const blocks = noScript.replace(/<\/?(?:p|div|br|tr|li|h[1-6]|table|blockquote|pre|hr)\b[^>]*>/gi, '\n');
  const text = decodeHTML(blocks.replace(/<[^>]*>/g, ' '));
  return text.replace(/[^\S\n]+/g, ' ').replace(/\s*\n\s*/g, '\n');
}

interface Contender {
  label: string;
  run: () => number;
  /** MB/s by this process's CPU time (stable on a shared machine); the ratios use these. */
  rates: number[];
  /** MB/s by wall-clock time. */
  wall: number[];
}

/** Warm up every contender, then time them round-robin so that machine load hits all alike. */
function measure(contenders: Contender[], bytes: number): void {
  for (let w = 0; w < warmups; w++) for (const c of contenders) c.run();
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) {
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      sink += c.run();
      const cpu = process.cpuUsage(cpu0);
      c.wall.push(bytes / 1e6 / (Number(process.hrtime.bigint() - t0) / 1e9));
      c.rates.push(bytes / 1e6 / ((cpu.user + cpu.system) / 1e6));
    }
  }
  if (sink === 0) console.log('(no output)');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const docs = loadDocuments();
const strings = docs.map((d) => Buffer.from(d.bytes).toString('utf8'));
const bytes = docs.reduce((n, d) => n + d.bytes.length, 0);
console.log(
  `corpus: ${docs.length} HTML documents, ${(bytes / 1e6).toFixed(1)} MB; ${warmups} warm-up and ${rounds} timed rounds, round-robin`,
);

const contenders: Contender[] = [
  {
    label: 'naive regex stripper',
    run: () => strings.reduce((n, s) => n + regexStrip(s).length, 0),
    rates: [],
    wall: [],
  },
  { label: 'toText', run: () => docs.reduce((n, d) => n + toText(d).length, 0), rates: [], wall: [] },
  { label: 'toMarkdown', run: () => docs.reduce((n, d) => n + toMarkdown(d).length, 0), rates: [], wall: [] },
  {
    label: 'toTextAndMarkdown',
    run: () =>
      docs.reduce((n, d) => {
        const r = toTextAndMarkdown(d);
        return n + r.text.length + r.markdown.length;
      }, 0),
    rates: [],
    wall: [],
  },
  {
    label: 'html-to-text convert',
    run: () => strings.reduce((n, s) => n + convert(s, { wordwrap: false }).length, 0),
    rates: [],
    wall: [],
  },
];
measure(contenders, bytes);
for (const c of contenders) {
  const sorted = [...c.rates].sort((a, b) => a - b);
  const line = `${c.label.padEnd(24)} ${median(c.rates).toFixed(1).padStart(7)} MB/s of CPU time`;
  const range = `(min ${sorted[0]?.toFixed(1)}, max ${sorted[sorted.length - 1]?.toFixed(1)})`;
  console.log(`${line} ${range}; wall ${median(c.wall).toFixed(1)} MB/s`);
}
/** Median over rounds of the per-round ratio a/b (pairwise, so load changes cancel). */
const ratio = (a: number, b: number): string => {
  const ca = contenders[a] as Contender;
  const cb = contenders[b] as Contender;
  return `${median(ca.rates.map((r, i) => r / (cb.rates[i] as number))).toFixed(2)}x`;
};
console.log('');
console.log(
  `toText            vs regex: ${ratio(1, 0)} (target >= 0.5x)   vs html-to-text: ${ratio(1, 4)} (target >= 2x)`,
);
console.log(
  `toMarkdown        vs regex: ${ratio(2, 0)} (target >= 0.5x)   vs html-to-text: ${ratio(2, 4)} (target >= 2x)`,
);
console.log(
  `toTextAndMarkdown vs regex: ${ratio(3, 0)} (both outputs from one parse)   vs html-to-text: ${ratio(3, 4)}`,
);
