import type { YNode } from '../parse/yaml/tree.js';
import { isTrue } from '../parse/yaml/tree.js';
import { categoryOfImage, normName } from './iac-unit.js';
import type { Fact, IacUnit } from './iac-unit.js';
import { get, isMap, isSeq, parseYamlDocs, scalar } from './iac-yaml.js';
import type { Located } from './iac-yaml.js';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob']);

function labelsOf(meta: YNode | undefined): string[] {
  const labels = get(meta, 'labels');
  if (!isMap(labels)) return [];
  return ['app', 'app.kubernetes.io/name', 'k8s-app', 'component'].flatMap((k) => {
    const v = scalar(get(labels, k));
    return v ? [normName(v)] : [];
  });
}

/** Kubernetes workloads, Services and Ingresses of one manifest file (multi-document). */
export function k8sUnits(text: string, path: string): IacUnit[] {
  const { docs, lineOf } = parseYamlDocs(text, path);
  const units: IacUnit[] = [];
  for (const doc of docs) {
    const kind = scalar(get(doc, 'kind'));
    if (!kind || !scalar(get(doc, 'apiVersion'))) continue;
    const meta = get(doc, 'metadata');
    const name = scalar(get(meta, 'name')) ?? '';
    const spec = get(doc, 'spec');
    const base = {
      path,
      line: lineOf(doc),
      kind,
      name,
      ports: [] as number[],
      facts: [] as Fact[],
      refs: [] as string[],
    };
    if (WORKLOADS.has(kind)) {
      const image = findImage(spec);
      const podLabels = labelsOf(get(get(spec, 'template'), 'metadata'));
      units.push({
        ...base,
        names: [normName(name), ...labelsOf(meta), ...podLabels],
        category: kind === 'StatefulSet' || image ? categoryOfImage(image ?? name) : 'service',
        facts: hostExposure(spec, lineOf),
      });
    } else if (kind === 'Service') {
      const type = get(spec, 'type');
      const unit: IacUnit = { ...base, names: [normName(name)], category: 'attachment' };
      const selector = get(spec, 'selector');
      if (isMap(selector))
        for (const it of selector.entries.values())
          if (scalar(it.value)) unit.refs.push(normName(scalar(it.value) ?? ''));
      unit.refs.push(normName(name));
      const t = scalar(type);
      const exposed = (t === 'LoadBalancer' && !internalLoadBalancer(meta)) || t === 'NodePort';
      if (exposed) {
        unit.facts.push({ type: 'public-exposure', line: lineOf(type), detail: `Service type ${t ?? ''}` });
      }
      const ports = get(spec, 'ports');
      if (isSeq(ports)) {
        for (const p of ports.items) {
          const port = Number.parseInt(scalar(get(p, 'port')) ?? '', 10);
          if (Number.isFinite(port)) unit.ports.push(port);
          if (exposed && (port === 80 || scalar(get(p, 'name')) === 'http')) {
            unit.facts.push({
              type: 'plain-http',
              line: lineOf(p),
              detail: `${t} Service serves port ${port} (plain HTTP)`,
            });
          }
        }
      }
      units.push(unit);
    } else if (kind === 'Ingress') {
      const unit: IacUnit = { ...base, names: [normName(name)], category: 'attachment' };
      collectBackends(spec, unit.refs, 0);
      // The whole object is the problem; point at its kind line rather than the document separator.
      const kindLine = lineOf(get(doc, 'kind'));
      unit.facts.push({
        type: 'public-exposure',
        line: kindLine,
        detail: 'routes traffic from outside the cluster',
      });
      if (!isSeq(get(spec, 'tls')) || (get(spec, 'tls') as { items: unknown[] }).items.length === 0) {
        unit.facts.push({
          type: 'plain-http',
          line: kindLine,
          detail: 'no tls section, so it serves plain HTTP',
        });
      }
      units.push(unit);
    }
  }
  return units;
}

/** Cloud annotations that make a LoadBalancer Service private to the VPC. */
const INTERNAL_LB: [string, RegExp][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
];

function internalLoadBalancer(meta: YNode | undefined): boolean {
  const ann = get(meta, 'annotations');
  return INTERNAL_LB.some(([k, re]) => re.test(scalar(get(ann, k)) ?? ''));
}

/** The pod spec of a workload (Pod, template, or CronJob's job template). */
function podSpec(spec: YNode | undefined, depth = 0): YNode | undefined {
  if (depth > 8 || !isMap(spec)) return undefined;
  if (isSeq(get(spec, 'containers'))) return spec;
  const nested = get(spec, 'template') ?? get(spec, 'jobTemplate');
  return nested ? podSpec(get(nested, 'spec'), depth + 1) : undefined;
}

/** hostNetwork and hostPort put a pod on the node's own interfaces. */
function hostExposure(spec: YNode | undefined, lineOf: Located): Fact[] {
  const pod = podSpec(spec);
  const facts: Fact[] = [];
  const hostNetwork = get(pod, 'hostNetwork');
  if (isTrue(hostNetwork, 'kubernetes')) {
    facts.push({ type: 'public-exposure', line: lineOf(hostNetwork), detail: 'hostNetwork: true' });
  }
  const containers = get(pod, 'containers');
  if (isSeq(containers)) {
    for (const c of containers.items) {
      const ports = get(c, 'ports');
      if (!isSeq(ports)) continue;
      for (const p of ports.items) {
        const hostPort = get(p, 'hostPort');
        if (scalar(hostPort)) {
          facts.push({
            type: 'public-exposure',
            line: lineOf(hostPort),
            detail: `hostPort ${scalar(hostPort) ?? ''}`,
          });
        }
      }
    }
  }
  return facts;
}

function findImage(spec: YNode | undefined): string | undefined {
  const containers = get(podSpec(spec), 'containers');
  return isSeq(containers) ? scalar(get(containers.items[0], 'image')) : undefined;
}

function collectBackends(n: YNode | undefined, out: string[], depth: number): void {
  if (depth > 16) return;
  if (isMap(n)) {
    const svc = get(n, 'service');
    const svcName = scalar(get(svc, 'name')) ?? scalar(get(n, 'serviceName'));
    if (svcName) out.push(normName(svcName));
    for (const it of n.entries.values()) collectBackends(it.value, out, depth + 1);
  } else if (isSeq(n)) for (const it of n.items) collectBackends(it, out, depth + 1);
}
