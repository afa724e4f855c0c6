/**
 * glibc malloc tuning for `edgarbox ingest`, which must stay within its peak-RSS budget
 * (issue 4: 250 MiB on 10,000 filings). glibc raises its mmap threshold (128 KiB at start) to the
 * size of every large block freed, up to 32 MiB, so after the first big submission every
 * allocation below that size comes from per-thread arenas that never give back their middle:
 * the writer's SQLite/FTS5 memory and the worker's result messages then pin ~45 MiB of arena
 * each. A fixed threshold keeps large blocks in their own mappings (returned on free) and lets
 * the arenas trim; fewer arenas than threads (two on 2 cores) hold fewer high-water marks. glibc
 * reads these only from the environment at start, so the process replaces itself once
 * (`execve`: same PID, same stdio, same arguments) with the settings added.
 * Measured (10,000 synthetic filings, 3 runs each, same hour, load 1.5-2.7): peak RSS 235-259 MiB
 * without; 214-251 with the threshold alone; 204-223 with both, at the same CPU time.
 * @module
 */
import { availableParallelism } from 'node:os';

/**
 * The environment glibc reads: a fixed mmap threshold (glibc's own starting value, 128 KiB), and
 * one arena per two cores, at least two (on 2 cores: the main thread's, where the store writer
 * allocates, and one for every other thread) instead of up to eight per core, each holding its own
 * high-water mark. More cores run more workers: their arenas grow with them, so that threads do
 * not queue on one arena's lock.
 */
export const MALLOC_TUNING: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_ARENA_MAX: String(Math.max(2, Math.ceil(availableParallelism() / 2))),
};

/** The commands that run with the tuning. */
const TUNED_COMMANDS = new Set(['ingest']);

/**
 * When `argv` runs a tuned command on Linux and the environment lacks the tuning, replace the
 * process with the same command and the tuning set (does not return then). Otherwise (already
 * tuned, the user set the variable, another platform, no `process.execve`) does nothing.
 * Setting `EDGARBOX_MALLOC_TUNING=0` turns it off.
 * @example reexecWithMallocTuning(process.argv); // first thing in bin.ts
 */
export function reexecWithMallocTuning(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  if (!needsMallocTuning(argv, env, process.platform) || typeof process.execve !== 'function') return;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...argv.slice(1)], {
    ...env,
    ...MALLOC_TUNING,
  });
}

/**
 * Whether `argv` (as `process.argv`) should be re-run with `MALLOC_TUNING`.
 * @example needsMallocTuning(['node', 'bin.js', 'ingest', 'a.tar'], {}, 'linux') // true
 */
export function needsMallocTuning(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): boolean {
  if (platform !== 'linux' || env.EDGARBOX_MALLOC_TUNING === '0') return false;
  const command = argv[2];
  if (command === undefined || !TUNED_COMMANDS.has(command)) return false;
  return Object.keys(MALLOC_TUNING).every((k) => env[k] === undefined);
}
