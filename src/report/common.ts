import type { Finding, Severity, Tier } from '../core/finding.js';
import { severityRank } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import type { RuleMeta } from '../core/rule.js';
import type { ScanWarning } from '../core/warning.js';

/** Helpers shared by the text reporters: ordering, grouping, links. */

export const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

const TIER_TEXT: Record<Tier, string> = {
  taint: 'taint-confirmed',
  pattern: 'pattern',
  audit: 'audit, not proven',
};

/**
 * How a finding was established, for readers: "taint-confirmed, high confidence",
 * "audit, not proven, medium confidence"; just the confidence for findings without a tier.
 */
export function provenanceText(f: Pick<Finding, 'tier' | 'confidence'>): string {
  return `${f.tier ? `${TIER_TEXT[f.tier]}, ` : ''}${f.confidence} confidence`;
}

/** Unsuppressed findings a baseline did not know: what a pull request introduces. */
export function isNew(f: Finding): boolean {
  return f.suppression === undefined && f.baselineState !== 'unchanged';
}

/** "path:line" for a finding. */
export function locationText(f: Finding): string {
  return `${f.location.path}:${f.location.startLine}`;
}

/** A documentation link for a CWE. */
export function cweUrl(cwe: number): string {
  return `https://cwe.mitre.org/data/definitions/${cwe}.html`;
}

/** The rule metadata by id. */
export function rulesById(result: ScanResult): Map<string, RuleMeta> {
  return new Map(result.rules.map((r) => [r.id, r]));
}

export interface RuleGroup {
  ruleId: string;
  severity: Severity;
  findings: Finding[];
}

/** Findings grouped by rule, the most severe groups first, then by rule id. */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    const g = groups.get(f.ruleId);
    if (!g) groups.set(f.ruleId, { ruleId: f.ruleId, severity: f.severity, findings: [f] });
    else {
      g.findings.push(f);
      if (severityRank(f.severity) < severityRank(g.severity)) g.severity = f.severity;
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/**
 * Drops characters that are invalid in XML 1.0 and in most terminals: C0 controls but tab/newline,
 * C1 controls (U+009B is a one-byte CSI to some terminals), bidirectional overrides, lone surrogates.
 */
export function stripControl(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/**
 * The scan's warnings without the lines that repeat `result.policy` (expired and stale exceptions),
 * which reporters that render the policy section show in their own place.
 */
export function otherWarnings(result: ScanResult): ScanWarning[] {
  if (!result.policy) return result.warnings;
  return result.warnings.filter((w) => w.code !== 'exception-expired' && w.code !== 'exception-stale');
}
