#!/usr/bin/env node
/**
 * The `edgarbox` executable. Checks the Node version before loading anything native, tunes
 * malloc for `ingest` (`malloc-tuning.ts`), then runs the CLI.
 * @module
 */
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `edgarbox needs Node.js 22 or newer (24 recommended); this is ${process.version}.\n` +
      'Run it through npm (npm start, npx edgarbox), which uses the Node 24 the project installs.\n',
  );
  process.exit(2);
}
// `ingest` re-runs itself once with glibc malloc tuned for its memory budget (same PID).
const { reexecWithMallocTuning } = await import('./malloc-tuning.ts');
reexecWithMallocTuning(process.argv);
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);
