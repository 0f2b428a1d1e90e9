import type { Finding } from '../core/finding.js';
import type { PolicyReport } from '../core/result.js';
import type { Baseline } from './baseline.js';
import { applyBaseline } from './baseline.js';
import type { VanguardConfig } from './config.js';
import { applyExceptions } from './exceptions.js';
import type { ScanWarning } from '../core/warning.js';

export interface PolicyStage {
  /** For `ScanOptions.policy`: exceptions, then the --baseline file when one is given. */
  stage: (findings: Finding[], warnings: ScanWarning[], heldBack?: readonly Finding[]) => Finding[];
  /** What the stage did, for `ScanResult.policy`; call after the scan. */
  report: () => PolicyReport;
}

/**
 * The policy stage in the shape the scan engine calls it. Findings a --diff scan already marked
 * (suppression 'baseline') keep that mark; an exception matching them still counts as used.
 */
export function createPolicyStage(
  config: VanguardConfig,
  opts: { now: Date; baseline?: Baseline },
): PolicyStage {
  const report: PolicyReport = { expiredExceptions: [], staleExceptions: [], exceptionSuppressed: 0 };
  if (config.file !== undefined) report.configFile = config.file;
  return {
    stage(findings, _warnings, heldBack = []) {
      const ex = applyExceptions(findings, config.exceptions, opts.now, heldBack);
      report.expiredExceptions = ex.expired;
      report.staleExceptions = ex.stale;
      if (ex.auditProfile.length > 0) report.auditProfileExceptions = ex.auditProfile;
      report.exceptionSuppressed = ex.suppressed;
      if (!opts.baseline) return ex.findings;
      const b = applyBaseline(ex.findings, opts.baseline);
      report.baseline = { source: opts.baseline.source, unchanged: b.unchanged, new: b.new };
      return b.findings;
    },
    report: () => report,
  };
}
