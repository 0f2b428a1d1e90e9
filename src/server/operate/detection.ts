import type { RoutingFacts } from './facts.js';

export const SOURCES = ['alertmanager', 'falco', 'generic', 'report'] as const;
export type Source = (typeof SOURCES)[number];

/** A runtime detection or anomaly report, reduced from its payload to what is stored and routed. */
export interface Detection {
  source: Source;
  /** Repeats with the same identity are one incident (Alertmanager's fingerprint, Falco's rule + workload). */
  identity: string;
  ruleId: string;
  title: string;
  message: string;
  severity: string;
  confidence: 'high' | 'medium' | 'low';
  facts: RoutingFacts;
  /** When it started (Alertmanager `startsAt`, Falco `time`, the reporter's "when"). */
  occurredAt: string;
  /** Set when the sender says it is over (a resolved alert). */
  resolvedAt?: string;
  /** The raw payload, bounded, for the audit trail. */
  payload: string;
  /**
   * Repeats merge into one incident only while they come within this many ms of the last one
   * (Falco); without it every repeat of the identity is the same incident (Alertmanager).
   */
  windowMs?: number;
  hookId?: string;
  reporter?: string;
}

/** The largest raw payload kept with a detection; longer ones keep their start and say so. */
export const MAX_KEPT_PAYLOAD = 64 * 1024;

/** The raw payload as kept: whole when small, else its first 64 KiB and a note. */
export function keptPayload(raw: string): string {
  if (raw.length <= MAX_KEPT_PAYLOAD) return raw;
  return `${raw.slice(0, MAX_KEPT_PAYLOAD)}\n… [truncated: ${raw.length} characters in all]`;
}

const REMEDIATION: Record<Source, string> = {
  alertmanager:
    'Find why the alert fired in the service this project deploys, fix the cause in code or configuration, and add a check that catches it before release.',
  falco:
    'Investigate the workload for the behaviour Falco saw; if it is expected, narrow the Falco rule; if not, contain the workload and fix what allowed it.',
  generic: 'Investigate the detection in the workload this project deploys and fix its cause upstream.',
  report:
    'A colleague reported this anomaly; confirm or dismiss it (false positive), and if real fix it and tell them through the finding status.',
};

export function remediationFor(source: Source): string {
  return REMEDIATION[source];
}

/**
 * The detection with NUL characters removed from every text: PostgreSQL text cannot hold them,
 * and a payload that smuggles one in must get stored, not a 500.
 */
export function withoutNul(d: Detection): Detection {
  const clean = (v: string) => v.replaceAll('\0', '');
  const facts: Detection['facts'] = { apps: d.facts.apps.map(clean) };
  for (const k of ['project', 'namespace', 'image', 'host', 'pod', 'asset'] as const) {
    const v = d.facts[k];
    if (v !== undefined) facts[k] = clean(v);
  }
  return {
    ...d,
    identity: clean(d.identity),
    ruleId: clean(d.ruleId),
    title: clean(d.title),
    message: clean(d.message),
    payload: clean(d.payload),
    facts,
  };
}
