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
  path: string;
}

export interface DeclaredDeployment {
  workloads: DeclaredWorkload[];
  assets: DeclaredAsset[];
}
