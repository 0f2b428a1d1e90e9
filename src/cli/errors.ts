import { ConfigError, VanguardError } from '../core/errors.js';

/** Exit codes, as documented in the README and docs/output.md. */
export const EXIT = { pass: 0, policyFailed: 1, usage: 2, incomplete: 3, internal: 4 } as const;

/** A failed system call (ENOENT, EACCES, ENOSPC, …): the environment, not a bug. */
function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return (
    err instanceof Error &&
    typeof (err as NodeJS.ErrnoException).code === 'string' &&
    typeof (err as NodeJS.ErrnoException).syscall === 'string'
  );
}

/** True for errors the user can fix: Vanguard's own (usage, configuration, database) and failed system calls. */
export function isKnownError(err: unknown): boolean {
  return err instanceof VanguardError || isSystemError(err);
}

/** The exit code for an error that ended the command: 2 for the user's to fix, 4 for a bug in Vanguard. */
export function exitCodeForError(err: unknown): number {
  return isKnownError(err) ? EXIT.usage : EXIT.internal;
}

/** Prints an error for a person: the message, where in which file for configuration errors; stacks only with debug. */
export function printError(err: unknown, debug = false): void {
  if (err instanceof ConfigError) {
    const where = err.file ? `${err.file}${err.line ? `:${err.line}` : ''}: ` : '';
    process.stderr.write(`vanguard: ${where}${err.message}\n`);
  } else if (err instanceof VanguardError) {
    process.stderr.write(`vanguard: ${err.message}\n`);
  } else if (isSystemError(err)) {
    process.stderr.write(`vanguard: ${err.message}\n`);
  } else {
    const e = err instanceof Error ? err : new Error(String(err));
    process.stderr.write(
      `vanguard: internal error (a bug in Vanguard, exit code 4): ${e.message}\n` +
        (debug
          ? `${e.stack ?? ''}\n`
          : 'vanguard: run again with --debug for the stack trace, and report it with the command you ran\n'),
    );
  }
}
