/**
 * The CLI's exit codes and its one error of its own. Exit codes are a public,
 * documented contract (docs/cli.md, `--help`): scripts branch on them.
 */

export const EXIT_OK = 0;
/** At least one input failed (or, for `export`, could not be read); the rest was done. */
export const EXIT_FAILURES = 1;
/** The command line was wrong; nothing was done. */
export const EXIT_USAGE = 2;

/** A mistake on the command line. Printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  /** The command whose `--help` the hint points to; null for the top level. */
  readonly command: string | null;
  /** The message already says where to look; printed as one line without the hint. */
  readonly oneLine: boolean;

  constructor(message: string, command: string | null = null, oneLine = false) {
    super(message);
    this.name = "UsageError";
    this.command = command;
    this.oneLine = oneLine;
  }
}
