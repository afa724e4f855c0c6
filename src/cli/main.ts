/**
 * The CLI: one `commander` program; each command lives in `commands/<name>.ts` and exports
 * a factory returning its `Command`. Commands load their heavy modules lazily.
 * Exit codes: 0 success, 1 success with warnings (or some inputs failed), 2 bad usage or unreadable input.
 * @module
 */
import { Command, CommanderError } from 'commander';
import { isEdgarError } from '../core/errors.ts';
import { commands } from './commands/index.ts';
import { ExitCode } from './exit-code.ts';

/** Build the program (exposed for tests and `--help` generation). */
export function createProgram(): Command {
  const program = new Command('edgarbox')
    .description('EDGAR in a box: parse, store, search and serve SEC EDGAR filings')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const make of commands) program.addCommand(make());
  return program;
}

/** Run the CLI with `argv` (as `process.argv`); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (isEdgarError(e)) {
      process.stderr.write(`edgarbox: ${e.message}\n`);
      return ExitCode.Usage;
    }
    process.stderr.write(`edgarbox: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return ExitCode.Usage;
  }
}
