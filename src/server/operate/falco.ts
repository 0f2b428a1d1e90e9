import { arr, optStr, optTime, ReportError, str } from '../ingest/check.js';
import { keptPayload, type Detection } from './detection.js';
import { addApps, fact, imageRepository, podWorkload, type RoutingFacts } from './facts.js';
import { clip, parseJsonObject, stringMap } from './payload.js';
import { falcoSeverity } from './severity.js';

/** Repeats of one rule on one workload closer together than this are one finding (default: one hour). */
export const FALCO_WINDOW_MS = 60 * 60 * 1000;

/** Falco writes `<NA>` for a field it could not resolve. */
function field(fields: Record<string, string>, key: string): string | undefined {
  const v = fact(fields[key]);
  return v === '<NA>' ? undefined : v;
}

function factsOf(fields: Record<string, string>, hostname: string | undefined): RoutingFacts {
  const apps: string[] = [];
  addApps(
    apps,
    field(fields, 'k8s.pod.label.app.kubernetes.io/name'),
    field(fields, 'k8s.pod.label.app'),
    field(fields, 'k8s.deployment.name'),
    field(fields, 'container.name'),
  );
  const repo = field(fields, 'container.image.repository');
  const tag = field(fields, 'container.image.tag');
  const image = field(fields, 'container.image') ?? (repo ? (tag ? `${repo}:${tag}` : repo) : undefined);
  const f: RoutingFacts = { apps };
  const ns = field(fields, 'k8s.ns.name');
  const pod = field(fields, 'k8s.pod.name');
  if (ns) f.namespace = ns;
  if (pod) f.pod = pod;
  if (image) f.image = image;
  if (hostname) f.host = hostname;
  return f;
}

/** What "the same workload" is for counting repeats: namespace and controller, else image, container or host. */
function workloadKey(f: RoutingFacts): string {
  if (f.pod) return `${f.namespace ?? ''}/${podWorkload(f.pod)}`;
  if (f.image) return `image:${imageRepository(f.image)}`;
  if (f.apps[0]) return `app:${f.apps[0]}`;
  return `host:${f.host ?? ''}`;
}

/**
 * Reads one Falco alert, as Falco's `http_output` (with `json_output: true`) and falcosidekick's
 * `webhook` output send it.
 */
export function parseFalco(raw: string, hookId: string, windowMs = FALCO_WINDOW_MS): Detection {
  const doc = parseJsonObject(raw, 'a Falco alert');
  const rule = str(doc.rule, 'rule', 500);
  if (rule.trim() === '') throw new ReportError('rule: empty');
  const priority = str(doc.priority, 'priority', 50);
  const severity = falcoSeverity(priority);
  if (!severity)
    throw new ReportError(
      'priority: expected one of Emergency, Alert, Critical, Error, Warning, Notice, Informational, Debug',
    );
  const time = optTime(doc.time, 'time');
  if (time === undefined) throw new ReportError('time: missing');
  const output = str(doc.output ?? '', 'output', 20_000);
  const fields = stringMap(doc.output_fields, 'output_fields', 500);
  const source = optStr(doc.source, 'source', 100);
  const tags =
    doc.tags === undefined || doc.tags === null
      ? []
      : arr(doc.tags, 'tags').map((t, i) => str(t, `tags[${i}]`, 200));
  const hostname = fact(optStr(doc.hostname, 'hostname', 300)) ?? field(fields, 'evt.hostname');
  const facts = factsOf(fields, hostname);
  return {
    source: 'falco',
    identity: JSON.stringify([rule, workloadKey(facts)]),
    ruleId: `runtime/falco/${clip(rule, 200).replace(/[^A-Za-z0-9_.:-]+/g, '-')}`,
    title: clip(`Falco: ${rule}`, 300),
    message: clip(
      [output, tags.length > 0 ? `Tags: ${tags.join(', ')}.` : '', source ? `Source: ${source}.` : '']
        .filter((s) => s !== '')
        .join('\n'),
      8000,
    ),
    severity,
    confidence: 'high',
    facts,
    occurredAt: time,
    payload: keptPayload(raw),
    windowMs,
    hookId,
  };
}
