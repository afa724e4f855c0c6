/**
 * The push parser streams: a large submission passes through in bounded memory, bodies arrive as
 * chunks before `end()`, and callbacks fire in document order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSubmissionParser, documentBody, parseSubmission } from '../src/sgml/index.ts';

setFlagsFromString('--expose-gc');
/** A full GC, so that the measurement sees retained memory, not garbage waiting for collection. */
const gc = runInNewContext('gc') as () => void;

const header =
  '<SEC-DOCUMENT>0000123456-24-000009.txt : 20240314\n<SEC-HEADER>0000123456-24-000009.hdr.sgml : 20240314\n' +
  'ACCESSION NUMBER:\t\t0000123456-24-000009\nCONFORMED SUBMISSION TYPE:\t10-K\nPUBLIC DOCUMENT COUNT:\t\t2\n' +
  'FILED AS OF DATE:\t\t20240314\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tFICTIONAL WIDGETS INC\n' +
  '\t\tCENTRAL INDEX KEY:\t\t\t0000123456\n</SEC-HEADER>\n';

test('createSubmissionParser() streams a 96 MB submission in bounded memory', () => {
  const line = Buffer.from(`<P>${'Fictional revenue grew in every quarter. '.repeat(30)}</P>\n`);
  const chunk = Buffer.concat(Array.from({ length: Math.ceil(65536 / line.length) }, () => line));
  const events: string[] = [];
  let bodyBytes = 0;
  let chunksBeforeEnd = 0;
  const p = createSubmissionParser({
    onHeader: (h) => events.push(`header ${h.accessionNumber}`),
    onDocumentStart: (d) => events.push(`start ${d.sequence} ${d.filename}`),
    onDocumentChunk: (_d, c) => {
      bodyBytes += c.length;
      chunksBeforeEnd++;
    },
    onDocumentEnd: (d) => events.push(`end ${d.sequence} ${d.length}`),
  });
  p.write(Buffer.from(header));
  p.write(Buffer.from('<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<FILENAME>big.htm\n<TEXT>\n'));
  // Retained memory after a full GC, sampled as the stream goes: it must not grow with the input
  // (retaining the body would add ~80 MB; freeing of chunk copies can lag one 16 MB interval).
  const samples: number[] = [];
  const total = 96 * 1024 * 1024;
  let written = 0;
  while (written < total) {
    p.write(chunk);
    written += chunk.length;
    if ((written / chunk.length) % 256 === 0) {
      gc();
      const m = process.memoryUsage();
      samples.push(m.heapUsed + m.arrayBuffers);
    }
  }
  p.write(
    Buffer.from(
      '</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<FILENAME>small.txt\n<TEXT>\nhi\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n',
    ),
  );
  const s = p.end();
  assert.equal(s.documents[0]?.length, written);
  assert.equal(bodyBytes, written + 3);
  assert.ok(chunksBeforeEnd > 1000, 'bodies arrive as they stream');
  const growth = Math.max(...samples) - (samples[0] as number);
  assert.ok(
    samples.length >= 5 && growth < 32 * 1024 * 1024,
    `memory grew by ${growth} bytes while streaming ${written}`,
  );
  assert.deepEqual(events, [
    'header 0000123456-24-000009',
    'start 1 big.htm',
    `end 1 ${written}`,
    'start 2 small.txt',
    'end 2 3',
  ]);
  assert.deepEqual(s.warnings, []);
});

/** Bodies of a few KB to tens of KB around every document kind the parser treats apart. */
function mixedSubmission(): Buffer {
  const para = (n: number) => `<P>Fictional widgets sold in quarter ${n}; revenue rose.</P>\n`;
  const html = (n: number) => Array.from({ length: n }, (_, i) => para(i)).join('');
  const uu = Array.from({ length: 120 }, () => `M${'86%C'.repeat(15)}`).join('\n');
  const docs = [
    ['10-K', 'a10k.htm', `<HTML>\n${html(700)}</HTML>\n`],
    ['EX-21', 'ex21.htm', html(3)],
    ['EX-101.INS', 'a-20231231.xml', `<XBRL>\n<?xml version="1.0"?>\n<xbrl>${html(90)}</xbrl>\n</XBRL>\n`],
    ['GRAPHIC', 'logo.jpg', `begin 644 logo.jpg\n${uu}\n\`\nend\n`],
    ['EX-99', 'ex99.txt', `${'FICTIONAL TEXT EXHIBIT LINE\n'.repeat(400)}`],
  ];
  const blocks = docs.map(
    ([type, name, body], i) =>
      `<DOCUMENT>\n<TYPE>${type}\n<SEQUENCE>${i + 1}\n<FILENAME>${name}\n<TEXT>\n${body}</TEXT>\n</DOCUMENT>\n`,
  );
  return Buffer.from(
    `${header.replace('COUNT:\t\t2', 'COUNT:\t\t5')}${blocks.join('')}</SEC-DOCUMENT>\n`,
    'latin1',
  );
}

test('createSubmissionParser() gives parseSubmission() results and bodies for chunks around 2-20 KB', () => {
  const bytes = mixedSubmission();
  const want = parseSubmission(bytes);
  assert.equal(want.documents.length, 5);
  assert.deepEqual(want.warnings, []);
  let seed = 11;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  // Sizes that join a small pending window with part of a chunk, and sizes that do not.
  const modes = [4095, 4096, 4097, 6000, 20000, 'random', 'random', 'tiny-huge'] as const;
  for (const mode of modes) {
    const bodies = new Map<number, Buffer[]>();
    const p = createSubmissionParser({
      onDocumentChunk: (meta, chunk) => {
        const list = bodies.get(meta.sequence) ?? [];
        list.push(Buffer.from(chunk));
        bodies.set(meta.sequence, list);
      },
    });
    for (let i = 0, k = 0; i < bytes.length; k++) {
      let n: number;
      if (mode === 'random') n = 1 + rand(20000);
      else if (mode === 'tiny-huge') n = k % 2 === 0 ? 1 + rand(200) : 4096 + rand(9000);
      else n = mode;
      // A copy the parser does not own: the caller reuses its buffer after write() returns.
      const chunk = Buffer.from(bytes.subarray(i, i + n));
      p.write(chunk);
      chunk.fill(0);
      i += n;
    }
    assert.deepEqual(p.end(), want, `chunk size ${mode}`);
    for (const d of want.documents) {
      const got = Buffer.concat(bodies.get(d.sequence) ?? []);
      assert.ok(got.equals(documentBody(bytes, d)), `body ${d.sequence} in ${mode} chunks`);
    }
  }
});
