import { maskOf, OWASP_BITS, PRINCIPLE_BITS } from '../store/labels.js';
import type { FindingRow, NewFinding } from '../store/schema.js';
import { slaDue, type SlaSettings } from './sla.js';
import type { Profile } from '../../core/profile.js';
import type { IngestFinding } from './types.js';

/** An active cross-project decision on an advisory + package. */
export interface DecisionRef {
  id: number;
  status: string;
  reason: string;
  owner: string | null;
  expires_at: string | null;
}

export interface Transition {
  from: string | null;
  to: string;
  reason: string;
}

export interface RowContext {
  projectId: number;
  branch: string;
  scanId: number;
  now: string;
  sla: SlaSettings;
  detectedBy: 'scan' | 'rematch';
  /** The report's rule profile, when it says (ParsedReport.profile). */
  profile?: Profile;
  /** Due dates already computed in this report, by severity and clock start (most rows share both). */
  dueCache?: Map<string, string | null>;
}

function dueDate(ctx: RowContext, severity: string, start: string): string | null {
  const cache = (ctx.dueCache ??= new Map<string, string | null>());
  const key = `${severity}\0${start}`;
  let due = cache.get(key);
  if (due === undefined && !cache.has(key)) {
    due = slaDue(ctx.sla, severity, start);
    cache.set(key, due);
  }
  return due ?? null;
}

function mergeTools(prev: string | undefined, tools: readonly string[]): string {
  const list = prev ? (JSON.parse(prev) as string[]) : [];
  for (const t of tools) if (!list.includes(t)) list.push(t);
  return JSON.stringify(list.sort());
}

/** The state a finding moves to from what the scan says about it; undefined keeps the current state. */
function nextStatus(
  f: IngestFinding,
  prev: FindingRow | undefined,
  decision: DecisionRef | undefined,
  scanId: number,
):
  | { status: string; source: string; reason: string; owner?: string | null; until?: string | null }
  | undefined {
  const seen = `scan #${scanId}`;
  if (!prev || prev.status === 'fixed') {
    const verb = prev ? `reported again by ${seen}` : `first seen in ${seen}`;
    if (decision)
      return {
        status: decision.status,
        source: 'decision',
        reason: `${verb}; decision #${decision.id}: ${decision.reason}`,
        owner: decision.owner,
        until: decision.expires_at,
      };
    if (f.decided)
      return { status: f.decided.status, source: 'scan', reason: `${verb}; ${f.decided.reason}` };
    if (f.accepted)
      return {
        status: 'accepted',
        source: 'policy',
        reason: `${verb}; ${f.accepted.reason}`,
        owner: f.accepted.owner ?? null,
        until: f.accepted.expires ?? null,
      };
    return { status: 'open', source: 'scan', reason: prev ? `reopened: ${verb}` : verb };
  }
  // Security as code stays the source of truth: an exception added to or removed from vanguard.yaml
  // changes an open or policy-accepted finding, never a person's triage.
  if (prev.status === 'open' && f.accepted)
    return {
      status: 'accepted',
      source: 'policy',
      reason: `${f.accepted.reason} (${seen})`,
      owner: f.accepted.owner ?? null,
      until: f.accepted.expires ?? null,
    };
  if (prev.status === 'accepted' && prev.status_source === 'policy' && !f.accepted)
    return {
      status: 'open',
      source: 'scan',
      reason: prev.status_reason?.includes('by design (vanguard)')
        ? `the scan no longer finds it by design (${seen})`
        : `the repository's exception no longer covers it (${seen})`,
      owner: null,
      until: null,
    };
  if (
    prev.status === 'accepted' &&
    prev.status_source === 'policy' &&
    f.accepted &&
    (f.accepted.expires ?? null) !== prev.accepted_until
  )
    return {
      status: 'accepted',
      source: 'policy',
      reason: `${f.accepted.reason} (${seen})`,
      owner: f.accepted.owner ?? null,
      until: f.accepted.expires ?? null,
    };
  return undefined;
}

/**
 * Whether only audit-profile scans have reported the finding: a default-profile sighting settles it (0); an
 * audit-profile one keeps what a default scan settled and marks a new finding (1). It marks as new, too, one stored
 * by a report that did not say its profile (null: a store upgraded past migration 14) and one a scan closed (a
 * default scan that no longer reports it, its shape now the audit profile's): otherwise each default scan would
 * close it and each audit scan reopen it. The next default scan that reports such a finding settles it again. A
 * report that does not say its profile keeps the stored value.
 */
function auditOnly(prev: FindingRow | undefined, profile: Profile | undefined): number | null {
  if (profile === 'default') return 0;
  if (profile === 'audit') return prev?.audit_only == null || prev.status === 'fixed' ? 1 : prev.audit_only;
  return prev?.audit_only ?? null;
}

/** The full row to upsert for one reported finding, and the status change it makes (if any). */
export function findingRow(
  f: IngestFinding,
  tools: readonly string[],
  prev: FindingRow | undefined,
  decision: DecisionRef | undefined,
  ctx: RowContext,
): { row: NewFinding; transition?: Transition } {
  const next = nextStatus(f, prev, decision, ctx.scanId);
  const slaStart = prev?.sla_start ?? ctx.now;
  const row: NewFinding = {
    project_id: ctx.projectId,
    branch: ctx.branch,
    fingerprint: f.fingerprint,
    rule_id: f.ruleId,
    analyzer: f.analyzer,
    severity: f.severity,
    confidence: f.confidence,
    title: f.title,
    message: f.message,
    remediation: f.remediation,
    path: f.location.path,
    start_line: f.location.startLine,
    location: JSON.stringify(f.location),
    cwe: JSON.stringify(f.cwe),
    owasp: JSON.stringify(f.owasp),
    principles: JSON.stringify(f.principles),
    tools: mergeTools(prev?.tools, tools),
    phase: prev?.phase ?? f.phase,
    advisory: f.advisory ?? prev?.advisory ?? null,
    package_key: f.packageKey ?? prev?.package_key ?? null,
    package: f.package === undefined ? (prev?.package ?? null) : JSON.stringify(f.package),
    status: next?.status ?? prev?.status ?? 'open',
    status_source: next?.source ?? prev?.status_source ?? 'scan',
    status_reason: next?.reason ?? prev?.status_reason ?? null,
    accepted_owner: next?.owner !== undefined ? next.owner : (prev?.accepted_owner ?? null),
    accepted_until: next?.until !== undefined ? next.until : (prev?.accepted_until ?? null),
    introduced_at: prev?.introduced_at ?? f.introducedAt ?? null,
    // A reopened finding keeps its first-seen time (and so its age and SLA clock).
    first_seen: prev?.first_seen ?? ctx.now,
    last_seen: ctx.now,
    fixed_at: next && next.status !== 'fixed' ? null : (prev?.fixed_at ?? null),
    sla_start: slaStart,
    sla_due: dueDate(ctx, f.severity, slaStart),
    detected_by: prev?.detected_by ?? ctx.detectedBy,
    first_scan_id: prev?.first_scan_id ?? ctx.scanId,
    last_scan_id: ctx.scanId,
    principle_mask: maskOf(PRINCIPLE_BITS, f.principles),
    owasp_mask: maskOf(OWASP_BITS, f.owasp),
    tier: f.tier ?? null,
    flow: f.flow ? JSON.stringify(f.flow) : null,
    audit_only: auditOnly(prev, ctx.profile),
  };
  if (!next) return { row };
  return { row, transition: { from: prev?.status ?? null, to: next.status, reason: next.reason } };
}
