/**
 * Write a seeded synthetic corpus: loose `ACCESSION.txt` files plus one `corpus.nc.tar.gz` holding
 * the same submissions as `ACCESSION.nc` (the way EDGAR's daily feed ships them). Reuses an existing
 * corpus of the same size and seed. Run directly: `node bench/synth/generate-corpus.ts --size 100`.
 * @module
 */
import { Buffer } from 'node:buffer';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { corpusPath } from '../../test/corpus.ts';
import { generateSubmission, type ParagraphPool } from './generate-submission.ts';
import { createRandom } from './random.ts';
import { tarEnd, tarHeader, tarPadding } from './tar-writer.ts';

/** What was generated. */
export interface SynthCorpus {
  dir: string;
  files: string[];
  bytes: number;
  tarGz: string;
  seed: number;
}

const FALLBACK_PARAGRAPHS = [
  '<P STYLE="margin: 0">Fictional Widgets Inc. (the "Company") reported revenue of $12.4 million for the quarter ended March 31, 2024, an increase of 18% over the prior year period.</P>',
  '<P STYLE="margin: 0">The information in this Item 7.01 is furnished and shall not be deemed "filed" for purposes of Section 18 of the Securities Exchange Act of 1934.</P>',
  '<TABLE><TR><TD>Net income</TD><TD>$ 1,234</TD><TD>$ 987</TD></TR><TR><TD>Total assets</TD><TD>45,678</TD><TD>41,002</TD></TR></TABLE>',
  '<P>Forward-looking statements in this press release involve risks and uncertainties, including the timing of clinical trials and regulatory approvals.</P>',
];

/** Paragraphs (`<P>`, `<TABLE>`, `<DIV>` elements) of the seed filing, when the corpus is present. */
export function seedParagraphs(seedPath: string | undefined): ParagraphPool {
  if (seedPath && existsSync(seedPath)) {
    const text = readFileSync(seedPath, 'latin1');
    const found = text.match(/<(P|TABLE|DIV)\b[^>]*>[\s\S]*?<\/\1>/gi) ?? [];
    const paragraphs = found.filter((p) => p.length > 40 && p.length < 20_000);
    if (paragraphs.length > 20) return { paragraphs };
  }
  return { paragraphs: FALLBACK_PARAGRAPHS };
}

/**
 * Generate (or reuse) a corpus of about `sizeMB` MB under `root/s{sizeMB}-{seed}`.
 * @example const c = await generateCorpus({ root: 'bench/.data', sizeMB: 100, seed: 1, pool });
 */
export async function generateCorpus(options: {
  root: string;
  sizeMB: number;
  seed: number;
  pool: ParagraphPool;
  log?: (line: string) => void;
}): Promise<SynthCorpus> {
  const dir = join(options.root, `s${options.sizeMB}-${options.seed}`);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as SynthCorpus;
  rmSync(dir, { recursive: true, force: true });
  const loose = join(dir, 'loose');
  mkdirSync(loose, { recursive: true });
  const tarGz = join(dir, 'corpus.nc.tar.gz');
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(tarGz);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  const write = (b: Buffer) =>
    gzip.write(b) ? Promise.resolve() : new Promise<void>((resolve) => gzip.once('drain', () => resolve()));
  const r = createRandom(options.seed);
  const target = options.sizeMB * 1_000_000;
  const files: string[] = [];
  let bytes = 0;
  const agents = Array.from({ length: 10 }, (_, i) => String(1_000_000 + i * 97_531).padStart(10, '0'));
  for (let n = 0; bytes < target; n++) {
    const agent = agents[n % agents.length] as string;
    const accession = `${agent}-24-${String(Math.floor(n / agents.length) + 1).padStart(6, '0')}`;
    const day = 1 + (n % 28);
    const date = `202403${String(day).padStart(2, '0')}`;
    const sub = generateSubmission(r, options.pool, { accession, date });
    const name = `${accession}.txt`;
    writeFileSync(join(loose, name), sub);
    files.push(join(loose, name));
    bytes += sub.length;
    await write(
      Buffer.concat([tarHeader(`${accession}.nc`, sub.length, 1710000000), sub, tarPadding(sub.length)]),
    );
    if (options.log && files.length % 2000 === 0)
      options.log(`generated ${files.length} files, ${(bytes / 1e6).toFixed(0)} MB`);
  }
  gzip.end(tarEnd);
  await done;
  const corpus: SynthCorpus = { dir, files, bytes, tarGz, seed: options.seed };
  writeFileSync(manifest, JSON.stringify(corpus));
  return corpus;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--size');
  const sizeMB = i > 0 ? Number(process.argv[i + 1]) : 100;
  const root = join(import.meta.dirname, '..', '.data');
  const seedFile = corpusPath('sgml/0001144204-17-013452.txt');
  const c = await generateCorpus({
    root,
    sizeMB,
    seed: 1,
    pool: seedParagraphs(typeof seedFile === 'string' ? seedFile : undefined),
    log: console.log,
  });
  console.log(`${c.files.length} files, ${(c.bytes / 1e6).toFixed(1)} MB in ${c.dir}`);
}
