import { obj, optStr, ReportError } from '../ingest/check.js';
import { addApps, APP_LABELS, fact, type RoutingFacts } from './facts.js';
import { stringMap } from './payload.js';

/** The keys of the documented `target` object (generic hook and anomaly reports). */
export const TARGET_KEYS = ['namespace', 'app', 'image', 'host', 'pod', 'asset'] as const;

/**
 * Reads the optional `target` object (`{ namespace, app, image, host, pod, asset }`) and `labels`
 * map into routing facts; unknown keys of `target` are refused, so a typo is not silently unrouted.
 */
export function parseTarget(v: unknown, labelsValue: unknown, project: string | undefined): RoutingFacts {
  const facts: RoutingFacts = { apps: [] };
  if (project !== undefined) facts.project = project;
  if (v !== undefined && v !== null) {
    const t = obj(v, 'target');
    for (const k of Object.keys(t))
      if (!(TARGET_KEYS as readonly string[]).includes(k))
        throw new ReportError(`target.${k.slice(0, 40)}: unknown key (expected ${TARGET_KEYS.join(', ')})`);
    const get = (k: string) => fact(optStr(t[k], `target.${k}`, 300));
    addApps(facts.apps, get('app'));
    const set = (k: 'namespace' | 'image' | 'host' | 'pod' | 'asset') => {
      const val = get(k);
      if (val !== undefined) facts[k] = val;
    };
    for (const k of ['namespace', 'image', 'host', 'pod', 'asset'] as const) set(k);
  }
  if (labelsValue !== undefined && labelsValue !== null) {
    const labels = stringMap(labelsValue, 'labels', 100);
    addApps(facts.apps, ...APP_LABELS.map((k) => labels[k]));
    if (!facts.namespace && labels.namespace) facts.namespace = labels.namespace;
  }
  return facts;
}
