/** Process exit codes shared by every command. */
export const ExitCode = {
  /** Everything worked. */
  Ok: 0,
  /** Worked, with warnings (or some inputs of a batch failed). */
  Warnings: 1,
  /** Bad usage or unreadable input. */
  Usage: 2,
} as const;
