/**
 * `edgarbox parse <file|-> [--json] [--extract <dir>] [--text|--markdown] [--document <seq|filename>]`:
 * parse one submission (any dialect) by streaming it; print a summary, the structured submission,
 * documents as text or Markdown, or extract every document (binaries decoded) into a directory.
 * Exit codes: 0 parsed, 1 parsed with warnings, 2 unreadable input or bad usage.
 * @module
 */
import { closeSync, createReadStream, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { Command } from 'commander';
import type { DocumentInput } from '../../core/document-input.ts';
import { createError } from '../../core/errors.ts';
import type { Submission, SubmissionDocument } from '../../core/submission.ts';
import { ExitCode } from '../exit-code.ts';

interface ParseFlags {
  json?: boolean;
  extract?: string;
  text?: boolean;
  markdown?: boolean;
  document?: string;
}

/** An extracted document: where it went. */
interface Extracted {
  sequence: number;
  filename: string;
  path: string;
  bytes: number;
}

/** The `parse` command. */
export function parseCommand(): Command {
  return new Command('parse')
    .description(
      'Parse one EDGAR submission (.txt, .nc, header-only or bare <DOCUMENT> file, or - for stdin)',
    )
    .argument('<file>', 'submission file, or - for standard input')
    .option('--json', 'print the structured submission as JSON (no document bodies)')
    .option(
      '--extract <dir>',
      'write every document into <dir> (uuencoded binaries decoded, names made safe)',
    )
    .option('--text', 'print documents as plain text')
    .option('--markdown', 'print documents as Markdown')
    .option('--document <seq|filename>', 'with --text/--markdown: only this document')
    .action(async (file: string, flags: ParseFlags) => {
      process.exitCode = await runParse(file, flags);
    });
}

function selectDocument(doc: { sequence: number; filename: string }, wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  return /^\d+$/.test(wanted) ? doc.sequence === Number(wanted) : doc.filename === wanted;
}

async function runParse(file: string, flags: ParseFlags): Promise<number> {
  if (flags.text && flags.markdown) throw createError('invalid-argument', 'use either --text or --markdown');
  if (flags.document !== undefined && !flags.text && !flags.markdown) {
    throw createError('invalid-argument', '--document needs --text or --markdown');
  }
  const { createSubmissionParser, findUuencodeBegin, toSafeFilename, uniqueFilename, uudecode } =
    await import('../../sgml/index.ts');
  const convert = flags.text || flags.markdown;
  // `edgarbox parse x --text | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(ExitCode.Ok);
  });
  const outDir = flags.extract === undefined ? undefined : resolve(flags.extract);
  if (outDir) mkdirSync(outDir, { recursive: true });
  // Names already in the directory count as taken, so nothing is ever overwritten.
  const taken = new Set<string>(outDir ? readdirSync(outDir).map((n) => n.toLowerCase()) : []);
  const extracted: Extracted[] = [];
  // Per-document state while streaming: an open file for text bodies, buffered chunks for uuencoded
  // bodies (decoded at the document's end) and for documents to convert.
  let fd: number | undefined;
  let held: Buffer[] = [];
  let current: Extracted | undefined;
  // Documents are converted and printed as each one ends, so memory holds one document, not the
  // submission. A header line goes before each document when there are several: the first one's
  // text waits until a second printable document shows there are.
  const html = convert ? await import('../../html/index.ts') : undefined;
  let printed = 0;
  let pending: { doc: SubmissionDocument; text: string } | undefined;
  const printDocument = (doc: SubmissionDocument, text: string) => {
    process.stdout.write(`\n===== ${doc.sequence} ${doc.type} ${doc.filename} =====\n\n`);
    process.stdout.write(text);
    process.stdout.write('\n');
  };
  const convertDocument = (doc: SubmissionDocument, bytes: Uint8Array) => {
    if (!html || (flags.document === undefined && !/^text\/(html|plain)$/.test(doc.contentType))) return;
    const input: DocumentInput = {
      bytes,
      type: doc.type,
      filename: doc.filename,
      contentType: doc.contentType,
    };
    if (doc.description !== undefined) input.description = doc.description;
    const text = flags.markdown ? html.toMarkdown(input) : html.toText(input);
    printed++;
    if (printed === 1) {
      pending = { doc, text };
      return;
    }
    if (pending) printDocument(pending.doc, pending.text);
    pending = undefined;
    printDocument(doc, text);
  };
  const parser = createSubmissionParser({
    onDocumentStart(meta) {
      held = [];
      current = undefined;
      if (outDir) {
        const name = uniqueFilename(toSafeFilename(meta.filename, `${meta.sequence}.bin`), taken);
        const path = join(outDir, name);
        if (!path.startsWith(outDir + sep)) throw createError('unsafe-path', meta.filename);
        current = { sequence: meta.sequence, filename: meta.filename, path, bytes: 0 };
        fd = meta.encoding === 'uuencode' ? undefined : openSync(path, 'wx');
      }
    },
    onDocumentChunk(meta, chunk) {
      if (fd !== undefined && current) {
        writeSync(fd, chunk);
        current.bytes += chunk.length;
      }
      const keep =
        (outDir && meta.encoding === 'uuencode') || (convert && selectDocument(meta, flags.document));
      if (keep) held.push(Buffer.from(chunk));
    },
    onDocumentEnd(doc) {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      const body = Buffer.concat(held);
      held = [];
      let decoded: Uint8Array = body;
      if (doc.encoding === 'uuencode' && (outDir || convert)) {
        const begin = findUuencodeBegin(body, 0, body.length);
        decoded = uudecode(body, begin ? begin.dataStart : 0, body.length).bytes;
      }
      if (outDir && current && doc.encoding === 'uuencode') {
        const out = openSync(current.path, 'wx');
        writeSync(out, decoded);
        closeSync(out);
        current.bytes = decoded.length;
      }
      if (current) extracted.push(current);
      if (convert && selectDocument(doc, flags.document)) convertDocument(doc, decoded);
    },
  });
  let submission: Submission;
  try {
    const stream: AsyncIterable<Uint8Array> =
      file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1024 * 1024 });
    for await (const chunk of stream) parser.write(chunk as Uint8Array);
    submission = parser.end();
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') {
      throw createError('unreadable', file, err.code);
    }
    throw e;
  }
  if (submission.dialect === 'unknown') {
    process.stderr.write(`edgarbox: ${file} is not an EDGAR submission (no header or <DOCUMENT> found)\n`);
    if (flags.json) process.stdout.write(`${JSON.stringify(submission)}\n`);
    return ExitCode.Usage;
  }
  // A bare-document file named after its accession: take the accession from the name.
  const fromName = /^(\d{10}-\d{2}-\d{6})/.exec(basename(file))?.[1];
  if (!submission.accessionNumber && fromName) {
    submission.accessionNumber = fromName;
    submission.warnings = submission.warnings.filter((w) => w.code !== 'missing-accession');
  }
  if (convert) {
    if (printed === 0) {
      throw createError(
        'not-found',
        flags.document === undefined ? 'a text document' : `document ${flags.document}`,
      );
    }
    if (pending) process.stdout.write(`${pending.text}\n`);
  } else if (flags.json) {
    const out = outDir ? { ...submission, extracted } : submission;
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(toSummary(submission, extracted));
  }
  if (!flags.json) {
    for (const w of submission.warnings)
      process.stderr.write(`warning: ${w.code} at byte ${w.offset}: ${w.message}\n`);
  }
  return submission.warnings.length > 0 ? ExitCode.Warnings : ExitCode.Ok;
}

/** The readable summary printed by default. */
function toSummary(s: Submission, extracted: Extracted[]): string {
  const lines = [
    `accession   ${s.accessionNumber || '(unknown)'}`,
    `form        ${s.form}`,
    `dialect     ${s.dialect}${s.pem ? ' (PEM-wrapped)' : ''}`,
  ];
  if (s.filingDate) lines.push(`filed       ${s.filingDate}`);
  if (s.reportDate) lines.push(`period      ${s.reportDate}`);
  if (s.acceptanceDateTime) lines.push(`accepted    ${s.acceptanceDateTime}`);
  if (s.items.length > 0) lines.push(`items       ${s.items.join(', ')}`);
  for (const p of s.parties) {
    lines.push(`${p.role.padEnd(11)} ${p.cik} ${p.name}${p.sic ? ` (SIC ${p.sic})` : ''}`);
  }
  if (s.series.length > 0) lines.push(`series      ${s.series.length}`);
  lines.push(
    `documents   ${s.documents.length}${s.publicDocumentCount === undefined ? '' : ` (declared ${s.publicDocumentCount})`}`,
  );
  s.documents.forEach((d, i) => {
    const mark = i === s.primaryDocument ? '*' : ' ';
    lines.push(
      `  ${mark}${String(d.sequence).padStart(3)} ${d.type.padEnd(12)} ${d.filename.padEnd(28)} ${d.contentType} ${d.length} bytes`,
    );
  });
  for (const e of extracted) lines.push(`extracted   ${e.path} (${e.bytes} bytes)`);
  if (s.warnings.length > 0) lines.push(`warnings    ${s.warnings.length}`);
  return `${lines.join('\n')}\n`;
}
