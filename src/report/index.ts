import { UsageError } from '../core/errors.js';
import { cyclonedxReport } from './cyclonedx.js';
import { githubReport } from './github.js';
import { gitlabCodeQualityReport } from './gitlab-codequality.js';
import { gitlabSastReport } from './gitlab-sast.js';
import { htmlReport } from './html.js';
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { markdownReport } from './markdown.js';
import { sarifReport } from './sarif.js';
import { spdxReport } from './spdx.js';
import { tableReport } from './table.js';
import type { Reporter } from './types.js';

/** Built-in reporters by format name; an unknown name is a compile error here and a usage error at run time. */
export const REPORTERS = {
  table: tableReport,
  json: jsonReport,
  sarif: sarifReport,
  markdown: markdownReport,
  github: githubReport,
  junit: junitReport,
  html: htmlReport,
  'gitlab-codequality': gitlabCodeQualityReport,
  'gitlab-sast': gitlabSastReport,
  cyclonedx: cyclonedxReport,
  spdx: spdxReport,
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
