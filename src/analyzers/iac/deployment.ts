import type { AnalyzerContext } from '../../core/analyzer.js';
import type { DeclaredWorkload } from '../../core/deployment.js';
import { DEPLOYMENT_LIMITS } from '../../core/deployment.js';
import type { YNode } from '../../parse/yaml/tree.js';
import { dig, get, items, str } from '../../parse/yaml/tree.js';
import { POD_SPEC_PATHS } from './k8s/pod.js';

/** Workloads one file may declare; a generated manifest of more is cut with a warning. */
const PER_FILE = 2_000;

function clip(s: string): string {
  return s.length > DEPLOYMENT_LIMITS.text ? s.slice(0, DEPLOYMENT_LIMITS.text) : s;
}

/** One workload being read, within the per-workload bounds; `dropped` counts what they left out. */
export class WorkloadDraft {
  readonly workload: DeclaredWorkload;
  dropped = 0;
  private readonly ports = new Set<string>();

  constructor(kind: string, name: string, path: string, line: number, namespace?: string) {
    this.workload = {
      kind,
      name: clip(name),
      labels: {},
      images: [],
      ports: [],
      path,
      line: Math.max(1, line),
    };
    if (namespace !== undefined && namespace !== '') this.workload.namespace = clip(namespace);
  }

  /** Sets the declaration's line (a Dockerfile's first FROM). */
  moveTo(line: number): void {
    this.workload.line = Math.max(1, line);
  }

  label(key: string, value: string): void {
    const labels = this.workload.labels;
    const k = clip(key);
    // defineProperty: a label named "__proto__" is a label, not the object's prototype.
    if (Object.hasOwn(labels, k) || Object.keys(labels).length < DEPLOYMENT_LIMITS.labels)
      Object.defineProperty(labels, k, {
        value: clip(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else this.dropped++;
  }

  image(ref: string): void {
    const images = this.workload.images;
    const s = clip(ref.trim());
    if (s === '' || images.includes(s)) return;
    if (images.length < DEPLOYMENT_LIMITS.images) images.push(s);
    else this.dropped++;
  }

  /** Adds a port given as a number or text; anything that is not a port number 1–65535 is ignored. */
  port(value: string | number | undefined, protocol: string | undefined = 'tcp'): void {
    const n = typeof value === 'number' ? value : /^\d{1,5}$/.test(value ?? '') ? Number(value) : NaN;
    const proto = (protocol ?? 'tcp').toLowerCase();
    if (!Number.isInteger(n) || n < 1 || n > 65535 || (proto !== 'tcp' && proto !== 'udp')) return;
    const key = `${proto}/${n}`;
    if (this.ports.has(key)) return;
    if (this.ports.size >= DEPLOYMENT_LIMITS.ports) {
      this.dropped++;
      return;
    }
    this.ports.add(key);
    this.workload.ports.push({ port: n, protocol: proto });
  }

  /** Adds every port of "8000" or "8000-8010" (a range stops at the bound, counted as dropped). */
  portRange(spec: string, protocol: string | undefined): void {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(spec.trim());
    if (!m) return;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to > 65535) return;
    const room = DEPLOYMENT_LIMITS.ports - this.ports.size;
    const last = Math.min(to, from + Math.max(room, 0) - 1);
    for (let p = from; p <= last; p++) this.port(p, protocol);
    if (last < to) this.dropped += to - last;
  }

  labelsFrom(node: YNode | undefined): void {
    if (node?.kind === 'map') {
      for (const [k, e] of node.entries) {
        const v = str(e.value);
        if (v !== undefined) this.label(k, v);
      }
    } else {
      // Compose also takes labels as a list of "key=value".
      for (const it of items(node)) {
        const s = str(it);
        const eq = s?.indexOf('=') ?? -1;
        if (s !== undefined && eq > 0) this.label(s.slice(0, eq), s.slice(eq + 1));
      }
    }
  }
}

/** Hands a file's workloads to the engine, with one warning when a bound cut something. */
export function declareWorkloads(ctx: AnalyzerContext, path: string, drafts: readonly WorkloadDraft[]): void {
  if (!ctx.declareDeployment || drafts.length === 0) return;
  const kept = drafts.slice(0, PER_FILE);
  const dropped = drafts.length - kept.length + kept.reduce((n, d) => n + d.dropped, 0);
  ctx.declareDeployment({ workloads: kept.map((d) => d.workload), assets: [] });
  if (dropped > 0)
    ctx.warn(
      `${path}: the deployment leaves out ${dropped} workloads, labels, images or ports beyond its bounds`,
      {
        code: 'deployment-truncated',
        path,
      },
    );
}

const MAX_LIST_DEPTH = 4;

/** The workloads of one Kubernetes object: pod-bearing kinds, Services and Ingresses (List items too). */
export function k8sWorkloads(obj: YNode, path: string, out: WorkloadDraft[], depth = 0): void {
  const kind = str(get(obj, 'kind')) ?? '';
  if (kind === 'List') {
    if (depth < MAX_LIST_DEPTH)
      for (const it of items(get(obj, 'items'))) k8sWorkloads(it, path, out, depth + 1);
    return;
  }
  const podPath = POD_SPEC_PATHS[kind];
  if (!podPath && kind !== 'Service' && kind !== 'Ingress') return;
  const meta = get(obj, 'metadata');
  const d = new WorkloadDraft(
    kind,
    str(get(meta, 'name')) ?? '',
    path,
    obj.line,
    str(get(meta, 'namespace')),
  );
  d.labelsFrom(get(meta, 'labels'));
  if (podPath) {
    // The pod template's labels are what a running pod (and an alert about it) carries.
    const template = podPath.length > 1 ? dig(obj, ...podPath.slice(0, -1)) : undefined;
    d.labelsFrom(get(get(template, 'metadata'), 'labels'));
    const spec = dig(obj, ...podPath);
    for (const c of [...items(get(spec, 'initContainers')), ...items(get(spec, 'containers'))]) {
      const image = str(get(c, 'image'));
      if (image !== undefined) d.image(image);
      for (const p of items(get(c, 'ports'))) {
        const proto = str(get(p, 'protocol'));
        d.port(str(get(p, 'containerPort')), proto);
        d.port(str(get(p, 'hostPort')), proto);
      }
    }
  } else if (kind === 'Service') {
    for (const p of items(dig(obj, 'spec', 'ports'))) {
      const proto = str(get(p, 'protocol'));
      d.port(str(get(p, 'port')), proto);
      // A NodePort is open on every node of the cluster.
      d.port(str(get(p, 'nodePort')), proto);
    }
  } else {
    // An Ingress is served by the cluster's ingress controller on 80, and on 443 when it has TLS.
    d.port(80);
    if (items(dig(obj, 'spec', 'tls')).length > 0) d.port(443);
  }
  out.push(d);
}

/** "[host_ip:][published:]target[/protocol]": published (host) ports when given, else the container's. */
function composeShortPort(d: WorkloadDraft, spec: string): void {
  const slash = spec.lastIndexOf('/');
  const proto = slash >= 0 ? spec.slice(slash + 1) : 'tcp';
  const parts = (slash >= 0 ? spec.slice(0, slash) : spec).split(':');
  const target = parts.at(-1) ?? '';
  const published = parts.length >= 2 ? (parts.at(-2) ?? '') : '';
  d.portRange(published !== '' ? published : target, proto);
}

/** The services of a Compose file with image, labels, published ports and `expose`d ports. */
export function composeWorkloads(root: YNode, path: string, out: WorkloadDraft[]): void {
  const services = get(root, 'services');
  if (services?.kind !== 'map') return;
  for (const [name, e] of services.entries) {
    const svc = e.value;
    const d = new WorkloadDraft('compose-service', name, path, e.keyLine);
    d.labelsFrom(get(svc, 'labels'));
    d.labelsFrom(dig(svc, 'deploy', 'labels'));
    const image = str(get(svc, 'image'));
    if (image !== undefined) d.image(image);
    for (const p of items(get(svc, 'ports'))) {
      if (p.kind === 'map') {
        const published = str(get(p, 'published'));
        d.portRange(published ?? str(get(p, 'target')) ?? '', str(get(p, 'protocol')));
      } else {
        const s = str(p);
        if (s !== undefined) composeShortPort(d, s);
      }
    }
    for (const p of items(get(svc, 'expose'))) {
      const s = str(p);
      if (s === undefined) continue;
      const [spec = '', proto] = s.split('/');
      d.portRange(spec, proto);
    }
    out.push(d);
  }
}
