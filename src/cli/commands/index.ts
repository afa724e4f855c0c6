/**
 * The list of CLI commands. Each entry is a factory from `commands/<name>.ts`.
 * @module
 */
import type { Command } from 'commander';

/** Every command of the CLI, in `--help` order. */
export const commands: Array<() => Command> = [];
