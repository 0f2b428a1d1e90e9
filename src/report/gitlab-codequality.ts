import { safeJson } from './json.js';
import type { Finding, Severity } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import { provenanceText, stripControl } from './common.js';
import type { Reporter } from './types.js';

/** Code Quality severities, from GitLab's documented set (info, minor, major, critical, blocker). */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'major',
  low: 'minor',
  info: 'info',
};

function issue(f: Finding) {
  const l = f.location;
  return {
    type: 'issue',
    check_name: f.ruleId,
    description: stripControl(`${f.title}: ${f.message}`),
    content: {
      body: stripControl(
        `${f.message}\n\n${f.tier ? `Found by: ${provenanceText(f)}\n\n` : ''}Fix: ${f.remediation}`,
      ),
    },
    categories: ['Security'],
    severity: SEVERITY[f.severity],
    // GitLab compares reports of the base and head pipelines by fingerprint; ours survives line moves.
    fingerprint: f.fingerprint,
    location: {
      path: l.path,
      lines: {
        begin: l.startLine,
        ...(l.endLine !== undefined && l.endLine !== l.startLine ? { end: l.endLine } : {}),
      },
    },
  };
}

/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of issues in the
 * CodeClimate subset GitLab documents. Suppressed findings are left out; GitLab shows what a merge
 * request adds or fixes by comparing with the target branch's report.
 */
export const gitlabCodeQualityReport: Reporter = (result: ScanResult) =>
  `${safeJson(result.findings.filter((f) => f.suppression === undefined).map(issue), 2)}\n`;
