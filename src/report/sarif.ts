import { safeJson } from './json.js';
import type { Confidence, Finding, FlowStep, Severity } from '../core/finding.js';
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

/** The taint path as one SARIF code flow: GitHub shows its steps, across files, beside the result. */
function codeFlows(flow: readonly FlowStep[]) {
  return [
    {
      threadFlows: [
        {
          locations: flow.map((s) => ({
            location: {
              physicalLocation: {
                artifactLocation: artifactLocation(s.path),
                region: { startLine: Math.max(1, s.line) },
              },
              message: { text: s.kind === 'step' ? s.label : `${s.kind}: ${s.label}` },
            },
            kinds: s.kind === 'step' ? ['taint'] : ['taint', s.kind === 'source' ? 'acquire' : 'danger'],
          })),
        },
      ],
    },
  ];
}

function result(f: Finding, ruleIndex: number) {
  const props: Record<string, unknown> = {
    severity: f.severity,
    confidence: f.confidence,
    analyzer: f.analyzer,
    rule: f.ruleId,
    phase: f.phase,
    cwe: f.cwe,
    owasp: f.owasp,
    principles: f.principles,
  };
  if (f.tier) props.tier = f.tier;
  if (f.location.commit) props.commit = f.location.commit;
  if (f.package) props.package = f.package;
  if (f.role) props.role = f.role;
  // When the problem entered the code (blame at scan time): a server reads it for time to detect.
  if (f.introducedAt) props.introducedAt = f.introducedAt;
  if (f.introducedBy) props.introducedBy = f.introducedBy;
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
          artifactLocation: artifactLocation(f.location.path),
          region: region(f),
        },
      },
    ],
    partialFingerprints: { 'vanguard/v1': f.fingerprint },
    rank: rankOf(f),
    properties: props,
  };
  if (f.flow && f.flow.length > 0) r.codeFlows = codeFlows(f.flow);
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

/**
 * A file relative to %SRCROOT%; a probe's URL (`https://host:port/path`, `tcp://host:port`) is an
 * absolute URI of its own and takes no base.
 */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (/^(?:https?|tcp):\/\/[^/]/i.test(path)) return { uri: path };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** The file a notification is about, as a SARIF location relative to %SRCROOT% (none for the whole scan). */
function notificationLocation(path: string | undefined): { locations?: unknown[] } {
  if (path === undefined || path === '' || path === '.') return {};
  return {
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(path),
        },
      },
    ],
  };
}

/** SARIF 2.1.0 as GitHub code scanning expects it: one run, rules with tags and security-severity. */
export const sarifReport: Reporter = (scan: ScanResult) => {
  const metas = [...scan.rules];
  const index = new Map(metas.map((r, i) => [r.id, i]));
  // GitHub reads severity from the rule only, so a finding whose severity differs from its rule's
  // (a package's worst advisory, a finding lowered in a test file) refers to a variant `rule:severity`.
  const sarifRuleId = (f: Finding): string => {
    const base = metas[index.get(f.ruleId) ?? -1];
    if (!base || base.severity === f.severity) return f.ruleId;
    const id = `${f.ruleId}:${f.severity}`;
    if (!index.has(id)) {
      index.set(id, metas.length);
      metas.push({ ...base, id, severity: f.severity });
    }
    return id;
  };
  const results = scan.findings.map((f) => {
    const id = sarifRuleId(f);
    return { ...result(f, index.get(id) ?? -1), ruleId: id };
  });
  const rules = metas.map(driverRule);
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
            ...(scan.profile
              ? {
                  properties: {
                    profile: scan.profile,
                    ...(scan.heldBack ? { heldBack: scan.heldBack } : {}),
                  },
                }
              : {}),
          },
        ],
        results,
      },
    ],
  };
  return `${safeJson(sarif, 2)}\n`;
};
