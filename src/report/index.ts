import { checkFormat, type ReportFormat } from './formats.js';
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
} satisfies Record<ReportFormat, Reporter>;

export { isReportFormat, type ReportFormat } from './formats.js';

/** The reporter of a format, all of them loaded (the CLI loads only the one it writes: formats.ts). */
export function reporterFor(name: string): Reporter {
  return REPORTERS[checkFormat(name)];
}
