import type { Finding, FindingSource, Severity } from '../core/finding.js';
import { SEVERITIES, atOrAbove } from '../core/finding.js';
import type { GateResult, Summary } from '../core/result.js';

/** The gate: unsuppressed findings at or above `failOn` fail it; the reason always says why. */
export function computeGate(findings: readonly Finding[], failOn: Severity | 'none'): GateResult {
  if (failOn === 'none') {
    return { failOn, failed: false, blocking: 0, reason: 'passed: the gate is off (--fail-on none)' };
  }
  const blocking = findings.filter((f) => !f.suppression && atOrAbove(f.severity, failOn));
  if (blocking.length === 0) {
    return {
      failOn,
      failed: false,
      blocking: 0,
      reason: `passed: no unsuppressed findings at or above ${failOn}`,
    };
  }
  const counts = SEVERITIES.map((s) => [s, blocking.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  return {
    failOn,
    failed: true,
    blocking: blocking.length,
    reason: `failed: ${blocking.length} finding${blocking.length === 1 ? '' : 's'} at or above ${failOn} (${counts})`,
  };
}

/** Counts of unsuppressed findings by severity and analyzer, and the gate. */
export function summarize(findings: readonly Finding[], gate: GateResult): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byAnalyzer: Partial<Record<FindingSource, number>> = {};
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppression) {
      suppressed++;
      continue;
    }
    bySeverity[f.severity]++;
    byAnalyzer[f.analyzer] = (byAnalyzer[f.analyzer] ?? 0) + 1;
  }
  return { total: findings.length - suppressed, bySeverity, byAnalyzer, suppressed, gate };
}
