import type { ScanResult } from '../core/result.js';

export interface ReportOptions {
  /** Colour and width for terminal output; false when writing to a file or a pipe. */
  tty: boolean;
}

/**
 * A reporter is a pure function from the scan result to text. One that can also give the same text
 * in pieces (`chunks`) is written that way to files and pipes, without building one large string.
 */
export interface Reporter {
  (result: ScanResult, opts: ReportOptions): string;
  chunks?: (result: ScanResult, opts: ReportOptions) => Iterable<string>;
}
