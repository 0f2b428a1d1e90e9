/**
 * What a runtime detection says about where it happened, reduced to the few facts routing
 * compares with what projects declare: Kubernetes namespace, app/service names, container image,
 * host, pod and threat-model asset.
 */
export interface RoutingFacts {
  /** A project the sender named itself (generic hook, anomaly report). */
  project?: string;
  namespace?: string;
  /** App or service names: `app`, `app.kubernetes.io/name`, `service`, container or deployment names. */
  apps: string[];
  image?: string;
  host?: string;
  pod?: string;
  asset?: string;
}

/** Label keys that name the application, in the order tools use them. */
export const APP_LABELS = [
  'app.kubernetes.io/name',
  'app',
  'service',
  'k8s-app',
  'app.kubernetes.io/instance',
  'com.docker.compose.service',
] as const;

const MAX_FACT = 300;

/** A fact value as stored and compared: trimmed, bounded, undefined when empty. */
export function fact(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  // NUL never occurs in a real name, and PostgreSQL cannot compare or store it.
  const t = v.replaceAll('\0', '').trim();
  return t === '' ? undefined : t.slice(0, MAX_FACT);
}

/** Adds app names without duplicates or empties. */
export function addApps(into: string[], ...values: unknown[]): void {
  for (const v of values) {
    const f = fact(v);
    if (f !== undefined && !into.includes(f) && into.length < 20) into.push(f);
  }
}

/**
 * An image reference without tag or digest, with Docker Hub's implicit registry and `library/`
 * removed, lowercased: `docker.io/library/nginx:1.27@sha256:…` → `nginx`.
 */
export function imageRepository(image: string): string {
  let s = image.trim().toLowerCase();
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) s = s.slice(0, colon);
  for (const prefix of ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/'])
    if (s.startsWith(prefix)) s = s.slice(prefix.length);
  if (s.startsWith('library/')) s = s.slice('library/'.length);
  return s;
}

/**
 * The controller name a pod name was made from: `api-7d9f8b6c4-x2x9z` (Deployment) → `api`,
 * `agent-x2x9z` (DaemonSet, Job) → `agent`, `db-0` (StatefulSet) → `db`.
 */
export function podWorkload(pod: string): string {
  if (/-\d{1,5}$/.test(pod)) return pod.replace(/-\d{1,5}$/, '');
  // Kubernetes' random suffixes use an alphabet without vowels (so `shop-admin` keeps its name).
  return pod
    .replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '')
    .replace(/-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/, '');
}

/** Keys a routing rule can be saved under, most specific first. */
export const RULE_KEYS = ['image', 'asset', 'app', 'pod', 'namespace', 'host'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

/** The detection's values for each rule key, most specific first (what rules are looked up by). */
export function ruleKeys(f: RoutingFacts): { key: RuleKey; value: string }[] {
  const out: { key: RuleKey; value: string }[] = [];
  if (f.image) out.push({ key: 'image', value: imageRepository(f.image) });
  if (f.asset) out.push({ key: 'asset', value: f.asset });
  for (const a of f.apps) out.push({ key: 'app', value: a });
  if (f.pod) out.push({ key: 'pod', value: podWorkload(f.pod) });
  if (f.namespace) out.push({ key: 'namespace', value: f.namespace });
  if (f.host) out.push({ key: 'host', value: f.host.toLowerCase() });
  return out;
}

/** A short human description of the facts, for titles and the unrouted list. */
export function describeFacts(f: RoutingFacts): string {
  const parts: string[] = [];
  if (f.namespace) parts.push(`namespace ${f.namespace}`);
  if (f.apps.length > 0) parts.push(`app ${f.apps.join('/')}`);
  if (f.pod) parts.push(`pod ${f.pod}`);
  if (f.image) parts.push(`image ${f.image}`);
  if (f.host) parts.push(`host ${f.host}`);
  if (f.asset) parts.push(`asset ${f.asset}`);
  return parts.length > 0 ? parts.join(', ') : 'no location given';
}
