import type { Finding } from '../../src/core/finding.js';
import { SEVERITIES } from '../../src/core/finding.js';
import type { GateResult, ScanResult } from '../../src/core/result.js';
import { emptyDiscovery, SCHEMA_VERSION } from '../../src/core/result.js';
import type { RuleMeta } from '../../src/core/rule.js';

type FindingOverrides = Omit<Partial<Finding>, 'location'> & { location?: Partial<Finding['location']> };

let counter = 0;

/** A realistic finding; every field can be overridden. */
export function makeFinding(o: FindingOverrides = {}): Finding {
  counter++;
  const { location, ...rest } = o;
  return {
    ruleId: 'code/js-sql-injection',
    analyzer: 'code',
    severity: 'high',
    confidence: 'high',
    title: 'SQL built from request input',
    message: 'req.query.id flows into db.query without parameters.',
    remediation: 'Use a parameterised query: db.query("… WHERE id = $1", [id]).',
    location: {
      path: 'src/users.js',
      startLine: 12,
      snippet: 'db.query("SELECT * FROM users WHERE id=" + req.query.id)',
      ...location,
    },
    cwe: [89],
    owasp: ['A05:2025'],
    principles: ['zoning-containment'],
    phase: 'code',
    fingerprint: `fp-${counter.toString(16).padStart(8, '0')}`,
    ...rest,
  };
}

/** The rule metadata of a finding, as a scan would record it. */
export function ruleOf(f: Finding): RuleMeta {
  return {
    id: f.ruleId,
    analyzer: f.analyzer,
    title: f.title,
    description: `Why ${f.title} matters.`,
    severity: f.severity,
    confidence: f.confidence,
    cwe: f.cwe,
    principles: f.principles,
    remediation: f.remediation,
    helpUri: `https://vanguard.example/rules/${f.ruleId}`,
  };
}

/** A complete scan result around the findings. */
export function makeResult(
  findings: Finding[],
  gate?: Partial<GateResult>,
  extra: Partial<ScanResult> = {},
): ScanResult {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
    (typeof SEVERITIES)[number],
    number
  >;
  const byAnalyzer: ScanResult['summary']['byAnalyzer'] = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byAnalyzer[f.analyzer] = (byAnalyzer[f.analyzer] ?? 0) + 1;
  }
  const rules = [...new Map(findings.map((f) => [f.ruleId, ruleOf(f)])).values()];
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'vanguard', version: '0.1.0' },
    root: '/repo',
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:00:01.500Z',
    durationMs: 1500,
    status: 'complete',
    analyzers: [
      {
        id: 'code',
        status: 'succeeded',
        filesAnalyzed: 10,
        findings: findings.length,
        durationMs: 300,
        errors: [],
      },
    ],
    discovery: {
      ...emptyDiscovery(),
      filesSeen: 12,
      filesScanned: 10,
      bytesScanned: 20_000,
      skipped: { ...emptyDiscovery().skipped, ignored: 2 },
    },
    findings,
    rules,
    suppressions: [],
    warnings: [],
    summary: {
      total: findings.length,
      bySeverity,
      byAnalyzer,
      suppressed: findings.filter((f) => f.suppression).length,
      gate: {
        failOn: 'high',
        failed: false,
        reason: 'passed: no unsuppressed findings at or above high',
        blocking: 0,
        ...gate,
      },
    },
    ...extra,
  };
}
