import type { RawFinding, Severity } from '../core/finding.js';
import { findingFrom } from '../core/rule.js';
import type { RuleMeta } from '../core/rule.js';
import type { RiskDecision, ThreatModel, ThreatStatus } from './model.js';
import { ModelIndex } from './model-index.js';
import { THREAT_RULES } from './rules/index.js';
import type { Hit, Impact, Likelihood, ThreatRule } from './rules/types.js';

/** One derived threat with its rating and tracking status. */
export interface Threat {
  /** Stable: `<rule>@<asset or flow id>`. */
  id: string;
  rule: ThreatRule;
  subject: { kind: 'asset' | 'flow'; id: string };
  line: number;
  message: string;
  likelihood: Likelihood;
  impact: Impact;
  severity: Severity;
  status: ThreatStatus;
  decision?: RiskDecision;
  /** Set when an acceptance has run out and the threat is open again. */
  expiredOn?: string;
}

export interface Derivation {
  threats: Threat[];
  /** Tracking entries that match no derived threat (renamed assets, fixed designs). */
  staleDecisions: RiskDecision[];
}

/** Severity from likelihood × impact (1–9). */
export function severityOf(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 6) return 'high';
  if (score >= 3) return 'medium';
  if (score >= 2) return 'low';
  return 'info';
}

function subjectOf(hit: Hit): { kind: 'asset' | 'flow'; id: string; line: number } {
  return hit.subject.kind === 'asset'
    ? { kind: 'asset', id: hit.subject.asset.id, line: hit.subject.asset.line }
    : { kind: 'flow', id: hit.subject.flow.id, line: hit.subject.flow.line };
}

/** Runs every rule over the model and applies its risk tracking as of `now`. */
export function deriveThreats(
  model: ThreatModel,
  now: Date = new Date(),
  rules: readonly ThreatRule[] = THREAT_RULES,
): Derivation {
  const index = new ModelIndex(model);
  const decisions = new Map(model.risks.map((r) => [r.id, r]));
  const used = new Set<string>();
  const threats: Threat[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(index)) {
      const s = subjectOf(hit);
      const id = `${rule.id}@${s.id}`;
      const impact: Impact = rule.impact === 'data' ? index.impactOf(hit.data ?? []) : rule.impact;
      const t: Threat = {
        id,
        rule,
        subject: { kind: s.kind, id: s.id },
        line: s.line,
        message: hit.message,
        likelihood: rule.likelihood,
        impact,
        severity: severityOf(rule.likelihood * impact),
        status: 'open',
      };
      const d = decisions.get(id);
      if (d) {
        used.add(id);
        t.decision = d;
        if (d.status === 'accepted' && d.expires !== undefined && isExpired(d.expires, now)) {
          t.expiredOn = d.expires;
        } else {
          t.status = d.status;
        }
      }
      threats.push(t);
    }
  }
  return { threats, staleDecisions: model.risks.filter((r) => !used.has(r.id)) };
}

/** An acceptance holds through its expiry day (UTC). */
function isExpired(expires: string, now: Date): boolean {
  const end = Date.parse(`${expires.slice(0, 10)}T23:59:59.999Z`);
  return Number.isNaN(end) || now.getTime() > end;
}

/** The RuleMeta of a threat rule, as reporters and the registry see it. */
export function ruleMetaOf(rule: ThreatRule): RuleMeta {
  return {
    id: `threats/${rule.id}`,
    analyzer: 'threats',
    title: rule.title,
    description: rule.description,
    severity: severityOf(rule.likelihood * (rule.impact === 'data' ? 2 : rule.impact)),
    confidence: 'medium',
    cwe: rule.cwe,
    principles: rule.principles,
    phase: 'design',
    remediation: rule.mitigations.map((m) => m.text).join(' '),
    tags: ['threat-model', ...rule.stride.map((s) => `stride-${s}`)],
  };
}

/** Threat rules as RuleMeta, for the analyzer's catalogue. */
export const THREAT_RULE_METAS: readonly RuleMeta[] = THREAT_RULES.map(ruleMetaOf);

/** A threat as a finding in phase `design`, located at its asset or flow in the model file. */
export function threatToFinding(t: Threat, modelFile: string): RawFinding {
  const stride = t.rule.stride.join(', ');
  const expired = t.expiredOn ? ` The risk acceptance expired on ${t.expiredOn}.` : '';
  const f = findingFrom(ruleMetaOf(t.rule), {
    message: `${t.message} (threat ${t.id}; STRIDE: ${stride}; likelihood ${t.likelihood} × impact ${t.impact} = ${t.likelihood * t.impact}).${expired}`,
    location: { path: modelFile, startLine: t.line },
    severity: t.severity,
    remediation: t.rule.mitigations
      .map(
        (m) =>
          `${m.text}${m.control ? ` (declare control "${m.control}")` : ''} [${m.principles.join(', ')}]`,
      )
      .join(' '),
    fingerprintKey: t.id,
  });
  const d = t.decision;
  if (d && t.status !== 'open') {
    const who = d.owner ? ` by ${d.owner}` : '';
    f.suppression = {
      kind: 'exception',
      reason: `${d.status}${who}${d.justification ? `: ${d.justification}` : ''}`,
      ...(d.expires ? { expires: d.expires } : {}),
    };
  }
  return f;
}
