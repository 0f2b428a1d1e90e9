import type { Finding } from '../core/finding.js';
import type { GateResult, PolicyReport } from '../core/result.js';
import type { Baseline } from './baseline.js';
import { applyBaseline } from './baseline.js';
import type { FailOn } from './config-schema.js';
import type { VanguardConfig } from './config.js';
import { applyExceptions, exceptionWarnings } from './exceptions.js';
import { evaluateGate } from './gate.js';

export interface PolicyOptions {
  /** The clock for exception expiry (tests pass a fixed date). */
  now: Date;
  /** From --baseline (loadBaseline) or --diff (baselineFromFindings over the base ref's scan). */
  baseline?: Baseline;
  /** --fail-on, overriding the configuration. */
  failOn?: FailOn;
  /** The branch scanned, for `gates.branches`. */
  branch?: string;
}

export interface PolicyOutcome {
  findings: Finding[];
  gate: GateResult;
  /** For ScanResult.policy. */
  report: PolicyReport;
  /**
   * Expired and stale exceptions, one line each, for the terminal. Reporters render them from
   * `report` (ScanResult.policy), so they do not belong in ScanResult.warnings.
   */
  warnings: string[];
}

/**
 * The policy stage after inline suppressions: exceptions, then the baseline, then the gate.
 * Pure: the inputs are not modified.
 */
export function applyPolicy(
  findings: readonly Finding[],
  config: VanguardConfig,
  opts: PolicyOptions,
): PolicyOutcome {
  const ex = applyExceptions(findings, config.exceptions, opts.now);
  let current = ex.findings;
  const report: PolicyReport = {
    expiredExceptions: ex.expired,
    staleExceptions: ex.stale,
    exceptionSuppressed: ex.suppressed,
  };
  if (config.file !== undefined) report.configFile = config.file;
  if (opts.baseline) {
    const b = applyBaseline(current, opts.baseline);
    current = b.findings;
    report.baseline = { source: opts.baseline.source, unchanged: b.unchanged, new: b.new };
  }
  const gateOpts = {
    ...(opts.failOn !== undefined ? { failOn: opts.failOn } : {}),
    ...(opts.branch !== undefined ? { branch: opts.branch } : {}),
  };
  const gate = evaluateGate(current, config.gates, gateOpts);
  return { findings: current, gate, report, warnings: exceptionWarnings(ex) };
}
