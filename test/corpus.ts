/**
 * Where the shared real-EDGAR corpus lives, for tests and benchmarks that read it in place.
 * It is never copied into the repository. Absent corpus: tests skip with a clear message,
 * except under `CI=true`, where absence is a failure.
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is `test/corpus.ts`). */
export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared/corpus` beside the checkout, or `EDGARBOX_CORPUS` when set. */
export const corpusRoot: string = process.env.EDGARBOX_CORPUS ?? resolve(repoRoot, '..', 'shared', 'corpus');

/** True when the corpus is present. */
export const hasCorpus: boolean = existsSync(join(corpusRoot, 'MANIFEST.tsv'));

/**
 * The absolute path of a corpus file or folder, or a skip reason.
 * Throws under CI when the corpus is missing, so CI can never silently skip it.
 * @example const p = corpusPath('sgml/0001144204-17-013452.txt'); if (typeof p !== 'string') return t.skip(p.skip);
 */
export function corpusPath(rel: string): string | { skip: string } {
  if (!hasCorpus) {
    const msg = `real corpus not found at ${corpusRoot} (set EDGARBOX_CORPUS or place ../shared beside the checkout)`;
    if (process.env.CI === 'true') throw new Error(`CI=true requires the corpus: ${msg}`);
    return { skip: msg };
  }
  const p = join(corpusRoot, rel);
  if (!existsSync(p)) throw new Error(`corpus file missing: ${p}`);
  return p;
}

/** Skip options for `node:test` when the corpus is absent (and a hard failure under CI). */
export function corpusSkip(): { skip: string } | { skip: false } {
  const p = corpusPath('MANIFEST.tsv');
  return typeof p === 'string' ? { skip: false } : p;
}
