/**
 * The list of CLI commands. Each entry is a factory from `commands/<name>.ts`.
 * @module
 */
import type { Command } from 'commander';
import { copyCommand } from './copy.ts';
import { mcpCommand } from './mcp.ts';

/** Every command of the CLI, in `--help` order. */
export const commands: Array<() => Command> = [copyCommand, mcpCommand];
