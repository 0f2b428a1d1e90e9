import { UsageError } from '../core/errors.js';
import { jsonReport } from './json.js';
import { sarifReport } from './sarif.js';
import { tableReport } from './table.js';
import type { Reporter } from './types.js';

/** Built-in reporters by format name; an unknown name is a compile error here and a usage error at run time. */
export const REPORTERS = {
  table: tableReport,
  json: jsonReport,
  sarif: sarifReport,
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTERS, name);
}

export function reporterFor(name: string): Reporter {
  if (!isReportFormat(name)) {
    throw new UsageError(`unknown format "${name}" (known: ${Object.keys(REPORTERS).join(', ')})`);
  }
  return REPORTERS[name];
}
