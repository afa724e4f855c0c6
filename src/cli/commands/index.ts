/**
 * The list of CLI commands. Each entry is a factory from `commands/<name>.ts`.
 * @module
 */
import type { Command } from 'commander';
import { auditCommand } from './audit.ts';
import { copyCommand } from './copy.ts';
import { ingestCommand } from './ingest.ts';
import { mcpCommand } from './mcp.ts';
import { optimizeCommand } from './optimize.ts';
import { parseCommand } from './parse.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { showCommand } from './show.ts';
import { startCommand } from './start.ts';
import { syncCommand } from './sync.ts';

/** Every command of the CLI, in `--help` order. */
export const commands: Array<() => Command> = [
  parseCommand,
  ingestCommand,
  searchCommand,
  showCommand,
  serveCommand,
  startCommand,
  copyCommand,
  optimizeCommand,
  syncCommand,
  auditCommand,
  mcpCommand,
];
