import { scanWarning } from '../core/warning.js';
import { emptyDiscovery, SCHEMA_VERSION, type ScanResult } from '../core/result.js';
import type { RawFinding, Severity } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';
import { processFindings } from '../core/stages.js';
import { VERSION } from '../core/version.js';
import { evaluateGate } from '../policy/gate.js';
import { summarize } from '../scan/summary.js';
import { ATTEST_RULES } from './rules.js';

export interface AttestResultInput {
  root: string;
  startedAt: Date;
  findings: readonly RawFinding[];
  /** Files checked (tracked sources for a build, 1 for a verification). */
  filesAnalyzed: number;
  /** Coverage was lost (a folder could not be watched, a file could not be read): exit 3 unless the gate fails. */
  incomplete?: { path: string; code: string; message: string }[];
  warnings?: string[];
  failOn?: Severity | 'none';
}

/**
 * The findings of a build or a verification as a normal scan result, so that every reporter,
 * `vanguard push` and the exit codes treat them like any other finding (phase `build`).
 */
export function attestResult(input: AttestResultInput): ScanResult {
  const findings = processFindings(input.findings);
  const byId = new Map<string, RuleMeta>(ATTEST_RULES.map((r) => [r.id, r]));
  const rules = [...new Set(findings.map((f) => f.ruleId))].flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
  const errors = input.incomplete ?? [];
  const finished = new Date();
  const ms = finished.getTime() - input.startedAt.getTime();
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'vanguard', version: VERSION },
    root: input.root,
    startedAt: input.startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: ms,
    status: errors.length > 0 ? 'partial' : 'complete',
    analyzers: [
      {
        id: 'supply-chain',
        status: errors.length > 0 ? 'partial' : 'succeeded',
        filesAnalyzed: input.filesAnalyzed,
        findings: findings.length,
        durationMs: ms,
        errors,
      },
    ],
    discovery: { ...emptyDiscovery(), filesSeen: input.filesAnalyzed, filesScanned: input.filesAnalyzed },
    findings,
    rules,
    suppressions: [],
    warnings: (input.warnings ?? []).map((m) =>
      scanWarning('supply-chain-note', m, { analyzer: 'supply-chain' }),
    ),
    summary: summarize(findings, evaluateGate(findings, undefined, { failOn: input.failOn })),
  };
}
