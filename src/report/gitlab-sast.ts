import { safeJson } from './json.js';
import type { Finding, Severity } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import { otherWarnings, provenanceText, stripControl } from './common.js';
import type { Reporter } from './types.js';
import { formatWarning, type ScanWarning } from '../core/warning.js';

/** The GitLab security report schema version written (gitlab-org/security-products/security-report-schemas). */
export const GITLAB_SAST_SCHEMA = '15.0.7';

const SEVERITY: Record<Severity, 'Critical' | 'High' | 'Medium' | 'Low' | 'Info'> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

const VENDOR = { name: 'Vanguard' };
const HOME = 'https://github.com/vanguard-sec/vanguard';

/** A warning's text, as the table prints it (`analyzer: path: message`). */
function warningText(w: ScanWarning): string {
  return formatWarning(w);
}

/** The schema wants times without fractions or zone: `YYYY-MM-DDTHH:MM:SS` (UTC here). */
function schemaTime(iso: string): string {
  return iso.slice(0, 19);
}

/** A UUID-shaped id from the finding's fingerprint: stable across runs, unique within the report. */
function idOf(f: Finding): string {
  const h = f.fingerprint.replace(/[^0-9a-f]/gi, '').padEnd(32, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

interface Identifier {
  type: string;
  name: string;
  value: string;
  url?: string;
}

/** The rule first (GitLab's primary identifier, used to track a vulnerability), then advisories and CWEs; at most 20. */
function identifiers(f: Finding): Identifier[] {
  const ids: Identifier[] = [
    {
      type: 'vanguard_rule_id',
      name: `Vanguard ${f.ruleId}`,
      value: f.ruleId,
      url: `${HOME}/blob/main/docs/rules.md#${encodeURIComponent(f.ruleId)}`,
    },
  ];
  for (const a of f.package?.advisories ?? []) {
    const type = a.startsWith('CVE-') ? 'cve' : a.startsWith('GHSA-') ? 'ghsa' : 'osv';
    ids.push({ type, name: a, value: a, url: `https://osv.dev/vulnerability/${encodeURIComponent(a)}` });
  }
  for (const c of f.cwe)
    ids.push({
      type: 'cwe',
      name: `CWE-${c}`,
      value: String(c),
      url: `https://cwe.mitre.org/data/definitions/${c}.html`,
    });
  return ids.slice(0, 20);
}

function vulnerability(f: Finding) {
  const l = f.location;
  return {
    id: idOf(f),
    name: stripControl(f.title).slice(0, 255),
    description: stripControl(f.message),
    severity: SEVERITY[f.severity],
    solution: stripControl(f.remediation),
    identifiers: identifiers(f),
    ...(f.tier
      ? { details: { tier: { type: 'text', name: 'How it was found', value: provenanceText(f) } } }
      : {}),
    location: { file: l.path, start_line: l.startLine, end_line: l.endLine ?? l.startLine },
  };
}

/**
 * GitLab SAST report (`artifacts:reports:sast`, security report schema 15): one vulnerability per
 * unsuppressed finding; a partial scan is reported with status `failure` and its warnings as messages.
 */
export const gitlabSastReport: Reporter = (result: ScanResult) => {
  const tool = { id: 'vanguard', name: 'Vanguard', version: result.tool.version, vendor: VENDOR, url: HOME };
  const report = {
    version: GITLAB_SAST_SCHEMA,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: 'sast',
      start_time: schemaTime(result.startedAt),
      end_time: schemaTime(result.finishedAt),
      status: result.status === 'complete' ? 'success' : 'failure',
      messages: otherWarnings(result).map((w) => ({ level: 'warn', value: stripControl(warningText(w)) })),
    },
    vulnerabilities: result.findings.filter((f) => f.suppression === undefined).map(vulnerability),
  };
  return `${safeJson(report, 2)}\n`;
};
