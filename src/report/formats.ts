import { UsageError } from '../core/errors.js';
import type { Reporter } from './types.js';

/**
 * The built-in reporters by format name, each loaded when a command writes that format: a scan
 * that writes JSON should not pay for loading the HTML, SARIF and SBOM writers. Same names as
 * REPORTERS in index.ts (formats.test.ts checks).
 */
export const REPORTER_LOADERS = {
  table: async () => (await import('./table.js')).tableReport,
  json: async () => (await import('./json.js')).jsonReport,
  sarif: async () => (await import('./sarif.js')).sarifReport,
  markdown: async () => (await import('./markdown.js')).markdownReport,
  github: async () => (await import('./github.js')).githubReport,
  junit: async () => (await import('./junit.js')).junitReport,
  html: async () => (await import('./html.js')).htmlReport,
  'gitlab-codequality': async () => (await import('./gitlab-codequality.js')).gitlabCodeQualityReport,
  'gitlab-sast': async () => (await import('./gitlab-sast.js')).gitlabSastReport,
  cyclonedx: async () => (await import('./cyclonedx.js')).cyclonedxReport,
  spdx: async () => (await import('./spdx.js')).spdxReport,
} satisfies Record<string, () => Promise<Reporter>>;

export type ReportFormat = keyof typeof REPORTER_LOADERS;

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTER_LOADERS, name);
}

/** The format's name checked: an unknown one is a usage error that lists the known ones. */
export function checkFormat(name: string): ReportFormat {
  if (!isReportFormat(name))
    throw new UsageError(`unknown format "${name}" (known: ${Object.keys(REPORTER_LOADERS).join(', ')})`);
  return name;
}

/** Loads the reporter of a format. */
export function loadReporter(name: string): Promise<Reporter> {
  return REPORTER_LOADERS[checkFormat(name)]();
}
