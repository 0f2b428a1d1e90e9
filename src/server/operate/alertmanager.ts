import { createHash } from 'node:crypto';
import { arr, obj, oneOf, optStr, optTime, ReportError, str } from '../ingest/check.js';
import { keptPayload, type Detection } from './detection.js';
import { addApps, APP_LABELS, fact, type RoutingFacts } from './facts.js';
import { clip, parseJsonObject, stringMap } from './payload.js';
import { alertmanagerSeverity } from './severity.js';

/** Alertmanager groups many alerts in one call; more than this is refused (set `max_alerts`). */
export const MAX_ALERTS = 1000;

// Alertmanager's "not set" time.
const ZERO_TIME = '0001-01-01T00:00:00Z';

function factsOf(labels: Record<string, string>): RoutingFacts {
  const apps: string[] = [];
  addApps(
    apps,
    ...APP_LABELS.map((k) => labels[k]),
    labels.container,
    labels.deployment,
    labels.statefulset,
    labels.daemonset,
    labels.job,
  );
  const instance = fact(labels.instance);
  // `instance` is host:port (or a URL for blackbox probes); the host part is what a workload name matches.
  const host = fact(labels.node) ?? fact(labels.hostname) ?? (instance ? hostOf(instance) : undefined);
  const f: RoutingFacts = { apps };
  const assign = (k: keyof Omit<RoutingFacts, 'apps'>, v: string | undefined) => {
    if (v !== undefined) f[k] = v;
  };
  assign('project', fact(labels.vanguard_project));
  assign(
    'namespace',
    fact(labels.namespace) ?? fact(labels.kubernetes_namespace) ?? fact(labels.exported_namespace),
  );
  assign('image', fact(labels.image));
  assign('host', host);
  assign('pod', fact(labels.pod) ?? fact(labels.kubernetes_pod_name));
  assign('asset', fact(labels.vanguard_asset));
  return f;
}

function hostOf(instance: string): string | undefined {
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(instance)) return new URL(instance).hostname || undefined;
  } catch {
    return undefined;
  }
  return fact(instance.replace(/:\d+$/, ''));
}

function fingerprintOf(labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => `${k}\0${labels[k]}`)
    .join('\0');
  return createHash('sha256').update(sorted).digest('hex').slice(0, 16);
}

/**
 * Reads an Alertmanager webhook (payload version 4): one detection per alert. A firing alert opens
 * (or updates) its finding; a resolved one fixes it.
 */
export function parseAlertmanager(raw: string, hookId: string, now = new Date()): Detection[] {
  const doc = parseJsonObject(raw, 'an Alertmanager webhook');
  if (doc.version !== '4')
    throw new ReportError(
      `version: expected "4" (Alertmanager webhook payload version 4), got ${JSON.stringify(doc.version)?.slice(0, 20)}`,
    );
  const alerts = arr(doc.alerts, 'alerts');
  if (alerts.length > MAX_ALERTS)
    throw new ReportError(`alerts: more than ${MAX_ALERTS}; set max_alerts in the webhook_config`);
  const group = {
    receiver: optStr(doc.receiver, 'receiver', 1000),
    groupKey: optStr(doc.groupKey, 'groupKey', 4000),
    externalURL: optStr(doc.externalURL, 'externalURL', 2000),
  };
  return alerts.map((a, i): Detection => {
    const w = `alerts[${i}]`;
    const o = obj(a, w);
    const status = oneOf(o.status, ['firing', 'resolved'] as const, `${w}.status`);
    const labels = stringMap(o.labels, `${w}.labels`);
    const annotations = stringMap(o.annotations, `${w}.annotations`);
    const startsAt = optTime(o.startsAt, `${w}.startsAt`);
    if (startsAt === undefined) throw new ReportError(`${w}.startsAt: missing`);
    const endsRaw = optStr(o.endsAt, `${w}.endsAt`, 100);
    const endsAt =
      endsRaw === undefined || endsRaw === ZERO_TIME ? undefined : optTime(endsRaw, `${w}.endsAt`);
    const fingerprint = optStr(o.fingerprint, `${w}.fingerprint`, 200) ?? fingerprintOf(labels);
    const generatorURL = optStr(o.generatorURL, `${w}.generatorURL`, 4000);
    const alertname = clip(labels.alertname ?? 'alert', 200);
    const summary = annotations.summary ?? annotations.title;
    const description = annotations.description ?? annotations.message ?? '';
    const labelText = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    const message = clip(
      [
        description || summary || `Alertmanager alert ${alertname} is ${status}.`,
        `Labels: ${labelText}.`,
        generatorURL ? `Source: ${generatorURL}` : '',
      ]
        .filter((s) => s !== '')
        .join('\n'),
      8000,
    );
    return {
      source: 'alertmanager',
      identity: str(fingerprint, `${w}.fingerprint`, 200),
      ruleId: `runtime/alertmanager/${alertname.replace(/[^A-Za-z0-9_.:-]/g, '_')}`,
      title: clip(summary ? `${alertname}: ${summary}` : alertname, 300),
      message,
      severity: alertmanagerSeverity(labels.severity),
      confidence: 'high',
      facts: factsOf(labels),
      occurredAt: startsAt,
      ...(status === 'resolved' ? { resolvedAt: endsAt ?? now.toISOString() } : {}),
      payload: keptPayload(JSON.stringify({ ...group, status: doc.status, alert: o })),
      hookId,
    };
  });
}
