/** Typed errors with stable codes; the CLI maps them to exit codes. */

export type ErrorCode =
  | 'USAGE'
  | 'CONFIG'
  | 'NOT_FOUND'
  | 'NOT_A_GIT_REPO'
  | 'GIT_FAILED'
  | 'GIT_SHALLOW'
  | 'GIT_OBJECT_MISSING'
  | 'PARSE'
  | 'READ_FAILED'
  | 'TOO_LARGE'
  | 'BINARY'
  | 'INVALID_UTF8'
  | 'SYMLINK_OUTSIDE'
  | 'ANALYZER_FAILED'
  | 'DUPLICATE_ANALYZER'
  | 'UNKNOWN_ANALYZER'
  | 'DATABASE'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'BUDGET';

export class VanguardError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Wrong flags, unknown names, missing paths: exit code 2. */
export class UsageError extends VanguardError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
  }
}

/** An invalid configuration file: exit code 2. */
export class ConfigError extends VanguardError {
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, where?: { file?: string; line?: number }, options?: { cause?: unknown }) {
    super('CONFIG', message, options);
    this.file = where?.file;
    this.line = where?.line;
  }
}

/** A file that could not be parsed; recorded per file, the scan goes on. */
export class ParseError extends VanguardError {
  readonly line: number | undefined;
  constructor(message: string, line?: number, options?: { cause?: unknown }) {
    super('PARSE', message, options);
    this.line = line;
  }
}

/** Short, safe description of anything thrown. */
export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof VanguardError) return { code: err.code, message: err.message };
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return { code: typeof code === 'string' ? code : 'ERROR', message: err.message };
  }
  return { code: 'ERROR', message: String(err) };
}
