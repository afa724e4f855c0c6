/**
 * The push parser streams: a large submission passes through in bounded memory, bodies arrive as
 * chunks before `end()`, and callbacks fire in document order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSubmissionParser } from '../src/sgml/index.ts';

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
