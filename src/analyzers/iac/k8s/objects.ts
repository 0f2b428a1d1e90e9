import type { Reporter } from '../common.js';
import { sensitivePort } from '../common.js';
import type { YNode } from '../../../parse/yaml/tree.js';
import { dig, entry, get, isTrue, items, str } from '../../../parse/yaml/tree.js';
import { K8S_DEFAULT_NAMESPACE, K8S_RBAC_WILDCARD, K8S_SA_TOKEN, K8S_SERVICE_PORT } from './rules.js';
import { POD_SPEC_PATHS, checkPodSpec } from './pod.js';

/** Checks one Kubernetes object (a YAML document with apiVersion and kind). */
export function checkObject(rep: Reporter, obj: YNode): void {
  const kind = str(get(obj, 'kind')) ?? '';
  const name = str(dig(obj, 'metadata', 'name')) ?? '?';
  const nsEntry = entry(get(obj, 'metadata'), 'namespace');
  const id = `${kind} ${name}`;
  if (kind === 'List') {
    for (const it of items(get(obj, 'items'))) checkObject(rep, it);
    return;
  }
  if (nsEntry && str(nsEntry.value) === 'default') {
    rep.add(K8S_DEFAULT_NAMESPACE, nsEntry.keyLine, `${id} is placed in the default namespace.`, `${id}:ns`);
  }
  const podPath = POD_SPEC_PATHS[kind];
  if (podPath) {
    const spec = dig(obj, ...podPath);
    if (spec?.kind === 'map') checkPodSpec(rep, spec, id);
    return;
  }
  switch (kind) {
    case 'Service':
      checkService(rep, obj, id);
      break;
    case 'Role':
    case 'ClusterRole':
      checkRbac(rep, obj, id);
      break;
    case 'ServiceAccount': {
      const e = entry(obj, 'automountServiceAccountToken');
      if (!e || isTrue(e.value, 'kubernetes')) {
        rep.add(
          K8S_SA_TOKEN,
          e?.keyLine ?? entry(obj, 'kind')!.keyLine,
          `${id} does not disable token automounting.`,
          `${id}:automount`,
        );
      }
      break;
    }
    default:
      break;
  }
}

function checkService(rep: Reporter, obj: YNode, id: string): void {
  const type = str(dig(obj, 'spec', 'type'));
  if (type !== 'LoadBalancer' && type !== 'NodePort') return;
  if (type === 'LoadBalancer' && items(dig(obj, 'spec', 'loadBalancerSourceRanges')).length > 0) return;
  for (const p of items(dig(obj, 'spec', 'ports'))) {
    for (const key of ['port', 'targetPort']) {
      const e = entry(p, key);
      const n = e?.value.kind === 'scalar' ? Number(e.value.value) : NaN;
      const svc = Number.isInteger(n) ? sensitivePort(n) : undefined;
      if (e && svc) {
        rep.add(
          K8S_SERVICE_PORT,
          e.keyLine,
          `${id} (type ${type}) exposes port ${n} (${svc}) outside the cluster.`,
          `${id}:port:${n}`,
        );
        break;
      }
    }
  }
}

function checkRbac(rep: Reporter, obj: YNode, id: string): void {
  for (const rule of items(get(obj, 'rules'))) {
    for (const key of ['verbs', 'resources']) {
      const e = entry(rule, key);
      const star = items(e?.value).find((v) => str(v) === '*');
      if (e && star) rep.add(K8S_RBAC_WILDCARD, star.line, `${id} grants "*" in ${key}.`, `${id}:${key}:*`);
    }
  }
}
