/**
 * `edgarbox parse` end to end: spawn the CLI from source, check stdout JSON, exit codes, and that
 * `--extract` keeps hostile file names inside the target directory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './corpus.ts';

const bin = join(repoRoot, 'src', 'cli', 'bin.ts');
const fixture = (name: string, file = 'input.txt') => join(repoRoot, 'test', 'fixtures', 'sgml', name, file);

function run(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [bin, 'parse', ...args], { input, encoding: 'utf8', cwd: repoRoot });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('edgarbox parse --json prints the submission and exits 0 on a well-formed file', () => {
  const r = run([fixture('txt-lf'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.equal(s.accessionNumber, '0000123456-24-000001');
  assert.deepEqual(s.items, ['7.01', '9.01']);
  assert.equal(s.documents.length, 3);
  assert.equal(s.documents[2].encoding, 'uuencode');
});

test('edgarbox parse exits 1 with warnings and 2 on unreadable or non-submission input', () => {
  const warn = run([fixture('problems'), '--json']);
  assert.equal(warn.code, 1);
  assert.ok(JSON.parse(warn.stdout).warnings.length >= 4);
  assert.equal(run([join(repoRoot, 'no-such-file.txt')]).code, 2);
  assert.equal(run([fixture('txt-lf'), '--text', '--markdown']).code, 2);
  const notSgml = run(['-'], Buffer.from('<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>'));
  assert.equal(notSgml.code, 2);
});

test('edgarbox parse - reads standard input and prints a readable summary', () => {
  const r = run(['-'], readFileSync(fixture('nc-bare-cr', 'input.nc')));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /accession\s+0000123456-25-000002/);
  assert.match(r.stdout, /reporting-owner\s+0000999001 DOE JANE Q/);
});

test('edgarbox parse --extract keeps hostile file names inside the directory and decodes binaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edgarbox-extract-'));
  const out = join(dir, 'out');
  try {
    const r = run([fixture('hostile-filenames'), '--extract', out, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['_con.gif', 'evil.htm', 'passwd']);
    assert.deepEqual(readdirSync(dir), ['out']);
    const gif = readFileSync(join(out, '_con.gif'));
    assert.equal(gif.subarray(0, 6).toString('latin1'), 'GIF89a');
    assert.equal(gif.length, 269);
    // a second extract into the same directory never overwrites
    const again = run([fixture('hostile-filenames'), '--extract', out, '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readdirSync(out).length, 6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('edgarbox parse --markdown --document 1 prints that document converted', () => {
  const r = run([fixture('txt-lf'), '--markdown', '--document', '1']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Item 7\.01 Regulation FD Disclosure/);
  assert.doesNotMatch(r.stdout, /<P>|<HTML>/);
  assert.equal(run([fixture('txt-lf'), '--text', '--document', '99']).code, 2);
});

test('edgarbox parse --text prints every text document in order, each under a header line when there are several', () => {
  const all = run([fixture('bare-documents'), '--text']);
  assert.equal(all.code, 0, all.stderr);
  assert.equal(
    all.stdout,
    '\n===== 1 S-3/A 1.txt =====\n\nAccession 0000123456-95-000005\nFICTIONAL WIDGETS INC\n\n' +
      '\n===== 2 EX-23 2.txt =====\n\nConsent of fictional auditors.\n\n',
  );
  // One document: no header line.
  assert.equal(
    run([fixture('bare-documents'), '--text', '--document', '2']).stdout,
    'Consent of fictional auditors.\n\n',
  );
  // The uuencoded graphic of txt-lf is not text: only its one HTML document is printed.
  const one = run([fixture('txt-lf'), '--text']);
  assert.equal(one.code, 0, one.stderr);
  assert.doesNotMatch(one.stdout, /^=====/m);
  assert.match(one.stdout, /Regulation FD Disclosure/);
});
