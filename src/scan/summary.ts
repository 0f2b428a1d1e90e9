import type { FileRole, Finding, FindingSource, Severity } from '../core/finding.js';
import { SEVERITIES } from '../core/finding.js';
import type { GateResult, Summary } from '../core/result.js';

/** Counts of unsuppressed findings by severity and analyzer, the suppressed ones (by-design by reason), and the gate. */
export function summarize(findings: readonly Finding[], gate: GateResult): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byAnalyzer: Partial<Record<FindingSource, number>> = {};
  const byRole: Partial<Record<FileRole, number>> = {};
  let suppressed = 0;
  const byDesign = new Map<string, number>();
  for (const f of findings) {
    if (f.suppression) {
      suppressed++;
      if (f.suppression.kind === 'by-design')
        byDesign.set(f.suppression.reason, (byDesign.get(f.suppression.reason) ?? 0) + 1);
      continue;
    }
    bySeverity[f.severity]++;
    byAnalyzer[f.analyzer] = (byAnalyzer[f.analyzer] ?? 0) + 1;
    if (f.role) byRole[f.role] = (byRole[f.role] ?? 0) + 1;
  }
  return {
    total: findings.length - suppressed,
    bySeverity,
    byAnalyzer,
    ...(Object.keys(byRole).length > 0 ? { byRole } : {}),
    suppressed,
    ...(byDesign.size > 0
      ? {
          byDesign: [...byDesign]
            .map(([reason, n]) => ({ reason, findings: n }))
            .sort((a, b) => b.findings - a.findings || (a.reason < b.reason ? -1 : 1)),
        }
      : {}),
    gate,
  };
}
