import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { create } from 'tar';
import { createChannel } from '../src/ingest/channel.ts';
import { measureSources, readSources } from '../src/ingest/read-sources.ts';
import { sniffAccession } from '../src/ingest/sniff-accession.ts';
import type { SourceItem } from '../src/ingest/source-item.ts';
import { repoRoot } from './corpus.ts';

const fixtures = join(repoRoot, 'test', 'fixtures', 'ingest');
const names = ['0000990001-24-000001.txt', '0000990001-24-000002.txt', '0000990002-24-000003.nc'];

interface Seen {
  kind: string;
  label: string;
  size: number;
  text?: string;
}

async function collect(items: AsyncIterable<SourceItem>): Promise<Seen[]> {
  const out: Seen[] = [];
  for await (const item of items) {
    if (item.kind === 'bytes')
      out.push({
        kind: 'bytes',
        label: item.label,
        size: item.bytes.length,
        text: item.bytes.toString('latin1'),
      });
    else if (item.kind === 'error')
      out.push({ kind: 'error', label: item.label, size: 0, text: item.reason });
    else {
      let n = 0;
      for await (const c of item.chunks) n += c.length;
      out.push({ kind: 'stream', label: item.label, size: n });
    }
  }
  return out;
}

describe('readSources()', () => {
  let dir = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edgarbox-sources-'));
    mkdirSync(join(dir, 'tree', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'tree', 'b.txt'), readFileSync(join(fixtures, names[1] as string)));
    writeFileSync(join(dir, 'tree', 'nested', 'a.nc'), readFileSync(join(fixtures, names[2] as string)));
    writeFileSync(join(dir, 'tree', '.hidden'), 'ignored');
    await create({ file: join(dir, 'plain.tar'), cwd: fixtures }, names);
    await create({ file: join(dir, 'feed.nc.tar.gz'), cwd: fixtures, gzip: true }, names);
    writeFileSync(join(dir, 'single.txt.gz'), gzipSync(readFileSync(join(fixtures, names[0] as string))));
    // A gzip stream cut in the middle.
    const whole = readFileSync(join(dir, 'feed.nc.tar.gz'));
    writeFileSync(join(dir, 'cut.tar.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('readSources() walks a directory recursively in name order and skips hidden files', async () => {
    const seen = await collect(readSources([join(dir, 'tree')]));
    assert.deepEqual(
      seen.map((s) => [s.kind, s.label.slice(dir.length + 1)]),
      [
        ['bytes', join('tree', 'b.txt')],
        ['bytes', join('tree', 'nested', 'a.nc')],
      ],
    );
    assert.equal(seen[0]?.text, readFileSync(join(fixtures, names[1] as string), 'latin1'));
  });

  test('readSources() yields the entries of a .tar and a .tar.gz, labelled archive:entry', async () => {
    for (const archive of ['plain.tar', 'feed.nc.tar.gz']) {
      const seen = await collect(readSources([join(dir, archive)]));
      assert.deepEqual(
        seen.map((s) => s.label),
        names.map((n) => `${join(dir, archive)}:${n}`),
      );
      for (const [i, s] of seen.entries()) {
        assert.equal(s.text, readFileSync(join(fixtures, names[i] as string), 'latin1'));
      }
    }
  });

  test('readSources() gunzips a single gzipped submission', async () => {
    const seen = await collect(readSources([join(dir, 'single.txt.gz')]));
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.text, readFileSync(join(fixtures, names[0] as string), 'latin1'));
  });

  test('readSources() reads stdin for "-" and recognises a tar.gz there', async () => {
    const stdin = Readable.from([readFileSync(join(dir, 'feed.nc.tar.gz'))]);
    const seen = await collect(readSources(['-'], { stdin }));
    assert.deepEqual(
      seen.map((s) => s.label),
      names.map((n) => `-:${n}`),
    );
  });

  test('readSources() reports a truncated archive after the entries it could read', async () => {
    const seen = await collect(readSources([join(dir, 'cut.tar.gz')]));
    const last = seen.at(-1);
    assert.equal(last?.kind, 'error');
    assert.equal(last?.label, join(dir, 'cut.tar.gz'));
    assert.ok(seen.slice(0, -1).every((s) => s.kind === 'bytes'));
  });

  test('readSources() does not follow a symbolic link cycle inside a walked folder', async () => {
    const loop = join(dir, 'loop');
    mkdirSync(loop);
    writeFileSync(join(loop, 'a.txt'), readFileSync(join(fixtures, names[0] as string)));
    symlinkSync(loop, join(loop, 'again'));
    const seen = await collect(readSources([loop]));
    assert.deepEqual(
      seen.map((s) => s.label),
      [join(loop, 'a.txt')],
    );
    assert.deepEqual(measureSources([loop]).files, 1);
  });

  test('readSources() reports a missing path and goes on', async () => {
    const seen = await collect(readSources([join(dir, 'missing.txt'), join(dir, 'tree', 'b.txt')]));
    assert.deepEqual(
      seen.map((s) => s.kind),
      ['error', 'bytes'],
    );
  });

  test('readSources() streams submissions above the threshold instead of holding them', async () => {
    const seen = await collect(
      readSources([join(dir, 'feed.nc.tar.gz'), join(dir, 'tree', 'b.txt')], { bigThreshold: 1000 }),
    );
    assert.deepEqual(
      seen.map((s) => [s.kind, s.size]),
      [
        ['stream', 1436],
        ['stream', 1435],
        ['bytes', 602],
        ['stream', 1435],
      ],
    );
  });

  test('readSources() never uses archive entry names as paths', async () => {
    const evil = join(dir, 'evil');
    mkdirSync(evil);
    const payload = Buffer.from('<SUBMISSION>\n<ACCESSION-NUMBER>0000990002-24-000009\n</SUBMISSION>\n');
    // Build a tar by hand with a traversal name and a control character.
    const header = Buffer.alloc(512);
    header.write('../../escape\u0007.nc', 0, 'latin1');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${payload.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\u000000', 257, 'latin1');
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const body = Buffer.alloc(512);
    payload.copy(body);
    writeFileSync(join(evil, 'evil.tar'), Buffer.concat([header, body, Buffer.alloc(1024)]));
    const seen = await collect(readSources([join(evil, 'evil.tar')]));
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.label, `${join(evil, 'evil.tar')}:../../escape?.nc`);
    assert.equal(seen[0]?.text, payload.toString('latin1'));
  });

  test('measureSources() sums the sizes of files under the paths', () => {
    const m = measureSources([join(dir, 'tree'), '-']);
    assert.deepEqual(m, { files: 2, bytes: 1435 + 602 });
  });
});

describe('createChannel()', () => {
  test('createChannel() holds the producer back at the limit and releases it as the consumer reads', async () => {
    const ch = createChannel<number>(2);
    ch.push(1);
    ch.push(2);
    let ready = false;
    void ch.ready().then(() => {
      ready = true;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(ready, false);
    const it = ch[Symbol.asyncIterator]();
    assert.deepEqual(await it.next(), { done: false, value: 1 });
    await new Promise((r) => setImmediate(r));
    assert.equal(ready, true);
    ch.close();
    assert.deepEqual(await it.next(), { done: false, value: 2 });
    assert.equal((await it.next()).done, true);
  });

  test('createChannel() ends the consumer with the producer error after the queued items', async () => {
    const ch = createChannel<number>(10);
    ch.push(7);
    ch.fail(new Error('boom'));
    const got: number[] = [];
    await assert.rejects(async () => {
      for await (const n of ch) got.push(n);
    }, /boom/);
    assert.deepEqual(got, [7]);
  });
});

describe('sniffAccession()', () => {
  test('sniffAccession() finds the indented and the tagged header forms', () => {
    assert.equal(sniffAccession(readFileSync(join(fixtures, names[0] as string))), '0000990001-24-000001');
    assert.equal(sniffAccession(readFileSync(join(fixtures, names[2] as string))), '0000990002-24-000003');
    assert.equal(sniffAccession(Buffer.from('<PREVIOUS-ACCESSION-NUMBER>0000990002-24-000001\n')), undefined);
  });
});
