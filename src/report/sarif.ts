import { safeJson } from './json.js';
import type { Confidence, Finding, Severity } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import { ruleOwasp, type RuleMeta } from '../core/rule.js';
import { owaspTag } from '../core/taxonomy.js';
import type { Reporter } from './types.js';
import { formatWarning } from '../core/warning.js';

const INFO_URI = 'https://github.com/vanguard-sec/vanguard';

/** GitHub code scanning reads this score: ≥9 critical, ≥7 high, ≥4 medium, >0 low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

function ruleTags(r: RuleMeta & { owasp: string[] }): string[] {
  return [
    'security',
    r.analyzer,
    ...r.cwe.map((c) => `external/cwe/cwe-${c}`),
    ...r.owasp.map(owaspTag),
    ...r.principles,
  ];
}

function helpText(r: RuleMeta): { text: string; markdown: string } {
  const cwe = r.cwe.map((c) => `[CWE-${c}](https://cwe.mitre.org/data/definitions/${c}.html)`).join(', ');
  return {
    text: `${r.description}\n\nFix: ${r.remediation}`,
    markdown: `${r.description}\n\n**Fix:** ${r.remediation}${cwe ? `\n\n${cwe}` : ''}`,
  };
}

function driverRule(r: RuleMeta) {
  const owasp = ruleOwasp(r);
  return {
    id: r.id,
    name: r.id.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: helpText(r),
    helpUri: r.helpUri ?? `${INFO_URI}/blob/main/docs/rules.md#${encodeURIComponent(r.id)}`,
    defaultConfiguration: { level: level(r.severity) },
    properties: {
      tags: ruleTags({ ...r, owasp }),
      precision: r.confidence === 'high' ? 'high' : r.confidence === 'medium' ? 'medium' : 'low',
      'security-severity': SECURITY_SEVERITY[r.severity],
      ...(r.tier ? { tier: r.tier } : {}),
    },
  };
}

function region(f: Finding) {
  const l = f.location;
  const r: Record<string, unknown> = { startLine: Math.max(1, l.startLine) };
  if (l.startColumn) r.startColumn = l.startColumn;
  if (l.endLine) r.endLine = l.endLine;
  if (l.endColumn) r.endColumn = l.endColumn;
  if (l.snippet) r.snippet = { text: l.snippet };
  return r;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 90, medium: 60, low: 30 };

/**
 * SARIF `rank` (0–100, how much a result deserves attention): by confidence, and an audit finding
 * (a dangerous sink whose input was not traced) never ranks above 50.
 */
function rankOf(f: Finding): number {
  const r = CONFIDENCE_RANK[f.confidence];
  return f.tier === 'audit' ? Math.min(r, 50) : r;
}

function result(f: Finding, ruleIndex: number) {
  const props: Record<string, unknown> = {
    severity: f.severity,
    confidence: f.confidence,
    analyzer: f.analyzer,
    phase: f.phase,
    cwe: f.cwe,
    owasp: f.owasp,
    principles: f.principles,
  };
  if (f.tier) props.tier = f.tier;
  if (f.location.commit) props.commit = f.location.commit;
  if (f.package) props.package = f.package;
  const r: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: level(f.severity),
    message: {
      text: f.location.commit
        ? `${f.message} (introduced in commit ${f.location.commit.slice(0, 12)})`
        : f.message,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: {
            uri: f.location.path.split('/').map(encodeURIComponent).join('/'),
            uriBaseId: '%SRCROOT%',
          },
          region: region(f),
        },
      },
    ],
    partialFingerprints: { 'vanguard/v1': f.fingerprint },
    rank: rankOf(f),
    properties: props,
  };
  if (f.suppression) {
    r.suppressions = [
      {
        kind: f.suppression.kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: f.suppression.reason,
      },
    ];
  }
  if (f.baselineState) r.baselineState = f.baselineState;
  return r;
}

/** The file a notification is about, as a SARIF location relative to %SRCROOT% (none for the whole scan). */
function notificationLocation(path: string | undefined): { locations?: unknown[] } {
  if (path === undefined || path === '' || path === '.') return {};
  return {
    locations: [
      {
        physicalLocation: {
          artifactLocation: {
            uri: path.split('/').map(encodeURIComponent).join('/'),
            uriBaseId: '%SRCROOT%',
          },
        },
      },
    ],
  };
}

/** SARIF 2.1.0 as GitHub code scanning expects it: one run, rules with tags and security-severity. */
export const sarifReport: Reporter = (scan: ScanResult) => {
  const rules = scan.rules.map(driverRule);
  const index = new Map(scan.rules.map((r, i) => [r.id, i]));
  const notifications = [
    ...scan.analyzers.flatMap((a) =>
      a.errors.map((e) => ({
        level: 'error',
        message: { text: `${a.id}: ${e.path}: ${e.message}` },
        descriptor: { id: e.code },
        ...notificationLocation(e.path),
      })),
    ),
    ...scan.warnings.map((w) => ({
      level: 'warning',
      message: { text: formatWarning(w) },
      descriptor: { id: w.code },
      ...notificationLocation(w.path),
    })),
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vanguard',
            semanticVersion: scan.tool.version,
            version: scan.tool.version,
            informationUri: INFO_URI,
            rules,
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': { uri: `file://${encodeURI(scan.root.endsWith('/') ? scan.root : `${scan.root}/`)}` },
        },
        invocations: [
          {
            executionSuccessful: scan.status === 'complete',
            startTimeUtc: scan.startedAt,
            endTimeUtc: scan.finishedAt,
            toolExecutionNotifications: notifications,
          },
        ],
        results: scan.findings.map((f) => result(f, index.get(f.ruleId) ?? -1)),
      },
    ],
  };
  return `${safeJson(sarif, 2)}\n`;
};
