/**
 * `edgarbox show <accession>`: print a stored filing: a summary (default), JSON, a document's
 * text or Markdown, or the original bytes.
 * @module
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { createError } from '../../core/errors.ts';
import type { FilingOutline } from '../../services/get-filing-outline.ts';
import type { FilingRecord } from '../../store/store.ts';
import { ExitCode } from '../exit-code.ts';

interface ShowFlags {
  json?: boolean;
  text?: boolean;
  markdown?: boolean;
  raw?: boolean;
  items?: boolean;
  document?: string;
  db?: string;
}

/**
 * The `show` command.
 * @example edgarbox show 0001144204-17-013452 --markdown --document 2
 */
export function showCommand(): Command {
  return new Command('show')
    .description('Print a stored filing: summary, --json, --text / --markdown of a document, or --raw bytes')
    .argument('<accession>', 'accession number (0001144204-17-013452 or 18 digits)')
    .option('--json', 'the filing record (header, parties, documents) as JSON')
    .option('--text', 'plain text of the primary document (or --document)')
    .option('--markdown', 'Markdown of the primary document (or --document)')
    .option('--raw', 'the original submission bytes, byte-identical')
    .option('--items', 'the outline: 8-K items / 10-K and 10-Q parts and items, with the exhibits they cite')
    .option('--document <ref>', 'document sequence number or file name (for --text / --markdown / --raw)')
    .option('--db <file>', 'SQLite store (default ./edgarbox.db or $EDGARBOX_DB)')
    .action(async (accession: string, flags: ShowFlags) => {
      process.exitCode = await showAction(accession, flags);
    });
}

function summary(f: FilingRecord): string {
  const lines = [
    `${f.accession}  ${f.form}  filed ${f.filingDate || '?'}${f.reportDate ? `  period ${f.reportDate}` : ''}`,
    ...(f.acceptanceDateTime ? [`accepted ${f.acceptanceDateTime}`] : []),
    ...(f.items.length ? [`items ${f.items.join(', ')}`] : []),
    `${f.size} bytes, ${f.documentCount} documents${f.warningCount ? `, ${f.warningCount} parse warnings` : ''}`,
    '',
    'parties:',
    ...f.parties.map((p) => `  ${p.role.padEnd(16)} ${p.cik}  ${p.name}`),
    '',
    'documents:',
    ...f.documents.map(
      (d) =>
        `  ${String(d.sequence).padStart(3)}  ${d.type.padEnd(12)} ${d.filename.padEnd(32)} ${String(d.size).padStart(10)}  ${d.contentType}${d.description ? `  ${d.description}` : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function outlineText(o: FilingOutline): string {
  const lines = [`${o.accession}  ${o.form}`];
  if (o.sections.length === 0) lines.push('no sections found');
  for (const s of o.sections) {
    lines.push(
      `${s.kind === 'part' ? 'Part' : 'Item'} ${s.code}  ${s.title}  (document ${s.sequence}, characters ${s.start}-${s.end})`,
    );
    for (const e of s.exhibits) {
      const where = e.sequence === undefined ? 'not in this filing' : `document ${e.sequence} ${e.filename}`;
      lines.push(
        `    exhibit ${e.number}: ${where}${e.exhibitClass ? ` [${e.exhibitClass.label}]` : ''}${e.description ? `  ${e.description}` : ''}`,
      );
    }
  }
  if (o.exhibits.length > 0) {
    lines.push('', 'exhibits:');
    for (const e of o.exhibits)
      lines.push(`  ${String(e.sequence).padStart(3)}  ${e.type.padEnd(12)} ${e.exhibitClass.label}`);
  }
  return `${lines.join('\n')}\n`;
}

async function writeOut(chunk: Uint8Array): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

async function showAction(accession: string, flags: ShowFlags): Promise<number> {
  const modes = [flags.text, flags.markdown, flags.raw, flags.items].filter(Boolean).length;
  if (modes > 1 || (flags.json && modes > 0 && !flags.items))
    throw createError('invalid-argument', 'choose one of --json, --text, --markdown, --raw, --items');
  const [services, { openStore, resolveDbPath }] = await Promise.all([
    import('../../services/index.ts'),
    import('../db-option.ts'),
  ]);
  const path = resolveDbPath(flags.db);
  if (!/^postgres(ql)?:\/\//i.test(path) && !existsSync(path))
    throw createError('unreadable', path, 'no such store (run edgarbox ingest first, or pass --db)');
  const store = openStore(flags.db, { readonly: true });
  try {
    if (flags.items) {
      const outline = await services.getFilingOutline(store, accession);
      process.stdout.write(flags.json ? `${JSON.stringify(outline, null, 2)}\n` : outlineText(outline));
      return ExitCode.Ok;
    }
    const filing = await services.getFiling(store, accession);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(filing, null, 2)}\n`);
    } else if (flags.raw && flags.document === undefined) {
      const raw = await services.getRawFiling(store, filing.accession);
      for await (const chunk of raw.read()) await writeOut(chunk);
    } else if (flags.text || flags.markdown || flags.raw) {
      const ref = flags.document ?? filing.primaryDocument;
      if (ref === undefined)
        throw createError('not-found', `a primary document in ${filing.accession} (pass --document)`);
      if (flags.raw) {
        const body = await services.getDocument(store, filing.accession, ref, 'body');
        for await (const chunk of body.chunks) await writeOut(chunk);
      } else {
        const s = await services.getDocument(store, filing.accession, ref, flags.text ? 'text' : 'markdown');
        process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
      }
    } else {
      process.stdout.write(summary(filing));
    }
  } finally {
    await store.close();
  }
  return ExitCode.Ok;
}
