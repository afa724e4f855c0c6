/**
 * The SQLite store over the real corpus (read in place): every parseable submission goes in,
 * comes back byte-identical, documents decode like the parser's own `decodeDocument`, and the
 * seed query finds the seed filing first.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeHTML } from 'entities';
import { isAccessionNumber } from '../src/core/ids.ts';
import { searchFilings } from '../src/services/search-filings.ts';
import { decodeDocument } from '../src/sgml/index.ts';
import { parseSubmission } from '../src/sgml/parse-submission.ts';
import { createSqliteStore } from '../src/store/sqlite/store.ts';
import type { DocumentContentInput, FilingInput, Store } from '../src/store/store.ts';
import { corpusPath, corpusSkip } from './corpus.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function naiveText(bytes: Uint8Array): string {
  return decodeHTML(
    Buffer.from(bytes)
      .toString('utf8')
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

function toInput(bytes: Uint8Array, path: string): FilingInput | undefined {
  const submission = parseSubmission(bytes);
  if (!isAccessionNumber(submission.accessionNumber)) return undefined;
  const documents: DocumentContentInput[] = submission.documents.map((d) => {
    const body = decodeDocument(bytes, d);
    const c: DocumentContentInput = { sequence: d.sequence, sha256: sha(body), size: body.length };
    if (d.encoding === 'text' && d.contentType.startsWith('text/')) c.text = naiveText(body);
    return c;
  });
  return { submission, raw: bytes, sha256: sha(bytes), documents, sourcePath: path };
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

describe('SQLite store over the real corpus', corpusSkip(), () => {
  let dir: string;
  let store: Store;
  const inputs: Array<{ input: FilingInput; bytes: Uint8Array }> = [];

  before(async () => {
    const root = corpusPath('sgml');
    if (typeof root !== 'string') return;
    for (const name of readdirSync(root).sort()) {
      const bytes = new Uint8Array(readFileSync(join(root, name)));
      const input = toInput(bytes, name);
      if (input) inputs.push({ input, bytes });
    }
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-corpus-'));
    store = createSqliteStore({ path: join(dir, 'corpus.db') });
  });
  after(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('putFilings() stores every parseable submission, and a second put reports all unchanged', async () => {
    assert.ok(inputs.length >= 20, `only ${inputs.length} parseable submissions`);
    const first = await store.putFilings(inputs.map((i) => i.input));
    const failed = first.filter((r) => r.status === 'failed');
    assert.deepEqual(failed, []);
    const accessions = new Set(inputs.map((i) => i.input.submission.accessionNumber));
    assert.equal((await store.stats()).filings, accessions.size);
    // Two files of the same filing (.nc and .txt) replace each other; put the stored one again.
    const latest = [...new Map(inputs.map((i) => [i.input.submission.accessionNumber, i.input])).values()];
    const second = await store.putFilings(latest);
    assert.deepEqual(new Set(second.map((r) => r.status)), new Set(['unchanged']));
  });

  it('openRaw() and readDocument() give back the bytes and decoded bodies the parser sees', async () => {
    // The last file per accession wins (a .nc and a .txt of the same filing may both be present).
    const latest = new Map(inputs.map((i) => [i.input.submission.accessionNumber, i]));
    for (const [acc, { bytes, input }] of latest) {
      const raw = await store.openRaw(acc);
      assert.ok(raw, acc);
      assert.equal(sha(await collect(raw.read())), sha(bytes), acc);
      for (const d of input.submission.documents) {
        const body = await store.readDocument(acc, d.sequence);
        assert.ok(body, `${acc} #${d.sequence}`);
        assert.equal(
          sha(await collect(body.chunks)),
          sha(decodeDocument(bytes, d)),
          `${acc} #${d.sequence} ${d.encoding}`,
        );
      }
    }
  });

  it('searchFilings() finds the seed filing first for "CLR 131" multiple myeloma, highlighted', async () => {
    const r = await searchFilings(store, { q: '"CLR 131" multiple myeloma' });
    assert.ok(r.total >= 1);
    const top = r.hits[0];
    assert.equal(top?.accession, '0001144204-17-013452');
    assert.ok(top?.snippet && top.snippet.highlights.length > 0, JSON.stringify(top?.snippet));
    const marked = top.snippet.highlights.map(([s, e]) => top.snippet?.text.slice(s, e).toLowerCase());
    assert.ok(
      marked.some((m) => m === 'clr 131' || m === 'myeloma' || m === 'multiple'),
      JSON.stringify(marked),
    );
    const f = await store.getFiling('0001144204-17-013452');
    assert.equal(f?.cik, '0001279704');
  });
});
