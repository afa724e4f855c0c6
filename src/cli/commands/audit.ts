/**
 * `edgarbox audit [selection]`: compare the store with the source's index for a selection and
 * list what is missing, what failed and why, and what differs.
 * @module
 */
import { Command } from 'commander';
import type { AuditReport } from '../../sync/audit.ts';
import { ExitCode } from '../exit-code.ts';
import { addSourceOptions, openSyncContext, type SourceFlags } from './sync.ts';

/**
 * The `audit` command. Exits 0 when the store holds the whole selection, 1 when something is
 * missing or differs or a listing could not be read.
 * @example edgarbox audit --index 2017Q1 --form 8-K --source http://127.0.0.1:8080 --json
 */
export function auditCommand(): Command {
  return addSourceOptions(
    new Command('audit').description(
      'Compare the store with the index for a selection: missing, failed, different',
    ),
  ).action(async (flags: SourceFlags) => {
    process.exitCode = await auditAction(flags);
  });
}

async function auditAction(flags: SourceFlags): Promise<number> {
  const { auditStore } = await import('../../sync/audit.ts');
  const ctx = await openSyncContext(flags);
  let report: AuditReport;
  try {
    report = await auditStore(ctx);
  } finally {
    await ctx.store.close();
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(formatAudit(report));
  return report.missing.length + report.differs.length + report.listingFailures.length > 0
    ? ExitCode.Warnings
    : ExitCode.Ok;
}

/**
 * The human audit report.
 * @example formatAudit(report) // 'listed 12, stored 10, missing 2, failed 1, differ 0\n…'
 */
export function formatAudit(r: AuditReport): string {
  const lines = [
    `listed ${r.listed}, stored ${r.present}, missing ${r.missing.length}, failed ${r.failed.length}, differ ${r.differs.length}`,
  ];
  const failed = new Map(r.failed.map((f) => [f.accession, f]));
  if (r.missing.length > 0) lines.push('missing:');
  for (const m of r.missing) {
    const f = failed.get(m.accession);
    lines.push(`  ${m.accession} ${m.form} ${m.filingDate} CIK ${m.cik}${f ? ` (failed: ${f.reason})` : ''}`);
  }
  if (r.differs.length > 0) lines.push('differ:');
  for (const d of r.differs)
    lines.push(`  ${d.accession} ${d.field}: listed ${d.listed}, stored ${d.stored}`);
  for (const l of r.listingFailures)
    lines.push(`listing failed (its filings are unaccounted for): ${l.reason}`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
