import type { ScanResult } from '../core/result.js';

export interface ReportOptions {
  /** Colour and width for terminal output; false when writing to a file or a pipe. */
  tty: boolean;
}

/** A reporter is a pure function from the scan result to text. */
export type Reporter = (result: ScanResult, opts: ReportOptions) => string;
