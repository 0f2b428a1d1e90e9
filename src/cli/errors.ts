import { ConfigError, VanguardError } from '../core/errors.js';

/** Exit codes, as documented in the README and DESIGN. */
export const EXIT = { pass: 0, policyFailed: 1, usage: 2, incomplete: 3 } as const;

/** The exit code for an error that stopped a command. */
export function exitCodeForError(err: unknown): number {
  if (err instanceof VanguardError) return EXIT.usage;
  return EXIT.usage;
}

/** Prints an error for a person: the message, where in which file for configuration errors. */
export function printError(err: unknown): void {
  if (err instanceof ConfigError) {
    const where = err.file ? `${err.file}${err.line ? `:${err.line}` : ''}: ` : '';
    process.stderr.write(`vanguard: ${where}${err.message}\n`);
  } else if (err instanceof VanguardError) {
    process.stderr.write(`vanguard: ${err.message}\n`);
  } else {
    const e = err instanceof Error ? err : new Error(String(err));
    process.stderr.write(`vanguard: unexpected error: ${e.message}\n${process.env.VANGUARD_DEBUG ? (e.stack ?? '') + '\n' : ''}`);
  }
}
