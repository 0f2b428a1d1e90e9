/**
 * What a project declares it deploys: the workloads of its IaC (Kubernetes objects, Compose
 * services, Dockerfiles) with their labels, images and ports, and the assets of its threat model.
 * Part of the scan result, so the platform can route a runtime detection (an alert naming a
 * namespace, an app label, an image or a host) back to the project that owns it, and so
 * `vanguard probe` can tell an open port that nothing declares.
 */

export interface DeclaredPort {
  port: number;
  protocol: 'tcp' | 'udp';
}

export interface DeclaredWorkload {
  /** A Kubernetes kind ('Deployment', 'Service', …), 'compose-service' or 'dockerfile'. */
  kind: string;
  /** The object's or service's name; for a Dockerfile its relative path. */
  name: string;
  namespace?: string;
  /** Kubernetes metadata and pod-template labels; Compose labels. */
  labels: Record<string, string>;
  /** Container images as written (Kubernetes containers, Compose `image`, Dockerfile `FROM`). */
  images: string[];
  /** Ports the workload exposes (container ports, Service ports, Compose `ports`, `EXPOSE`). */
  ports: DeclaredPort[];
  /** Relative path and 1-based line of the declaration. */
  path: string;
  line: number;
}

export interface DeclaredAsset {
  /** The threat model's asset id. */
  id: string;
  name?: string;
  /** Ports the model's flows into the asset declare (a flow's `port`, or its protocol's well-known port). */
  ports?: DeclaredPort[];
  path: string;
}

export interface DeclaredDeployment {
  workloads: DeclaredWorkload[];
  assets: DeclaredAsset[];
}

/** Bounds of one scan's deployment: beyond them declarations are dropped with a `deployment-truncated` warning. */
export const DEPLOYMENT_LIMITS = {
  workloads: 10_000,
  assets: 5_000,
  /** Per workload. */
  labels: 64,
  images: 32,
  ports: 512,
  /** Characters of a label key, label value, image or name. */
  text: 1_000,
} as const;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function workloadOrder(a: DeclaredWorkload, b: DeclaredWorkload): number {
  return cmp(a.path, b.path) || a.line - b.line || cmp(a.kind, b.kind) || cmp(a.name, b.name);
}

/**
 * Merges the files' declarations into one deployment, sorted by path and line (workloads) and by id
 * (assets), the same asset id declared twice kept once; `dropped` counts what the bounds left out.
 */
export function mergeDeployments(parts: readonly DeclaredDeployment[]): {
  deployment: DeclaredDeployment;
  dropped: number;
} {
  const workloads = parts.flatMap((p) => p.workloads).sort(workloadOrder);
  const byId = new Map<string, DeclaredAsset>();
  for (const a of parts.flatMap((p) => p.assets).sort((x, y) => cmp(x.id, y.id) || cmp(x.path, y.path)))
    if (!byId.has(a.id)) byId.set(a.id, a);
  const assets = [...byId.values()];
  const dropped =
    Math.max(0, workloads.length - DEPLOYMENT_LIMITS.workloads) +
    Math.max(0, assets.length - DEPLOYMENT_LIMITS.assets);
  return {
    deployment: {
      workloads: workloads.slice(0, DEPLOYMENT_LIMITS.workloads),
      assets: assets.slice(0, DEPLOYMENT_LIMITS.assets),
    },
    dropped,
  };
}

/** Every distinct port a deployment declares (its workloads' and its threat-model assets'), in port order. */
export function declaredPorts(d: DeclaredDeployment): DeclaredPort[] {
  const seen = new Map<string, DeclaredPort>();
  for (const w of d.workloads) for (const p of w.ports) seen.set(`${p.protocol}/${p.port}`, p);
  for (const a of d.assets) for (const p of a.ports ?? []) seen.set(`${p.protocol}/${p.port}`, p);
  return [...seen.values()].sort((a, b) => a.port - b.port || cmp(a.protocol, b.protocol));
}
