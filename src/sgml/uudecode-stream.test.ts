import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusPath } from '../../test/corpus.ts';
import { decodeDocument } from './document-body.ts';
import { parseSubmission } from './parse-submission.ts';
import { uudecodeStream } from './uudecode-stream.ts';

function uuencode(bytes: Uint8Array, eol = '\n', stripTrailingSpaces = false): string {
  const enc = (n: number): string => String.fromCharCode(n === 0 ? 96 : n + 32);
  const enc0 = (n: number): string => String.fromCharCode(n + 32);
  let out = `begin 644 x.bin${eol}`;
  for (let i = 0; i < bytes.length; i += 45) {
    const line = bytes.subarray(i, i + 45);
    let s = enc(line.length);
    for (let j = 0; j < line.length; j += 3) {
      const a = line[j] ?? 0;
      const b = line[j + 1] ?? 0;
      const c = line[j + 2] ?? 0;
      s += enc0(a >> 2) + enc0(((a & 3) << 4) | (b >> 4)) + enc0(((b & 15) << 2) | (c >> 6)) + enc0(c & 63);
    }
    out += (stripTrailingSpaces ? s.replace(/ +$/, '') : s) + eol;
  }
  return `${out}\`${eol}end${eol}`;
}

async function decode(text: string | Uint8Array, chunk: number): Promise<Buffer> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : Buffer.from(text);
  async function* chunks(): AsyncIterable<Uint8Array> {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const parts: Uint8Array[] = [];
  for await (const c of uudecodeStream(chunks())) parts.push(c);
  return Buffer.concat(parts);
}

// Zero runs make SEC-style lines whose trailing spaces were stripped.
const data = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i % 97 < 40 ? 0 : (i * 31) & 255)));

test('uudecodeStream() decodes LF, CRLF and bare-CR bodies the same under any chunking', async () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    for (const chunk of [1, 7, 64, 100000]) {
      assert.deepEqual(
        new Uint8Array(await decode(uuencode(data, eol), chunk)),
        data,
        `${JSON.stringify(eol)}/${chunk}`,
      );
    }
  }
});

test('uudecodeStream() pads lines whose trailing spaces were stripped to their declared length', async () => {
  const text = uuencode(data, '\n', true);
  assert.ok(text.length < uuencode(data).length);
  assert.deepEqual(new Uint8Array(await decode(text, 13)), data);
});

test('uudecodeStream() decodes from the top when there is no begin line', async () => {
  const text = uuencode(data).split('\n').slice(1).join('\n');
  assert.deepEqual(new Uint8Array(await decode(text, 50)), data);
});

test('uudecodeStream() gives the bytes decodeDocument() gives for real SEC attachments, under any chunking', async (t) => {
  const path = corpusPath(join('sgml', '0000037996-17-000084.txt.txt'));
  if (typeof path !== 'string') return t.skip(path.skip);
  const bytes = readFileSync(path);
  const docs = parseSubmission(bytes).documents.filter((d) => d.encoding === 'uuencode');
  assert.ok(docs.length >= 5);
  for (const d of docs) {
    const body = bytes.subarray(d.offset, d.offset + d.length);
    const expected = Buffer.from(decodeDocument(bytes, d));
    for (const chunk of [61, 4096, 1 << 20]) {
      assert.ok((await decode(body, chunk)).equals(expected), `${d.filename}/${chunk}`);
    }
  }
});
