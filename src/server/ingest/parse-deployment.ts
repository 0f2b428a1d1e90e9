import type {
  DeclaredAsset,
  DeclaredDeployment,
  DeclaredPort,
  DeclaredWorkload,
} from '../../core/deployment.js';
import { arr, isObj, line, obj, oneOf, optStr, ReportError, str, strList } from './check.js';

// Bounds that no real repository reaches, so a hostile push cannot make routing read megabytes per alert.
const MAX_WORKLOADS = 5000;
const MAX_ASSETS = 5000;
const MAX_LABELS = 100;

function labels(v: unknown, where: string): Record<string, string> {
  if (v === undefined) return {};
  const o = obj(v, where);
  const entries = Object.entries(o);
  if (entries.length > MAX_LABELS) throw new ReportError(`${where}: more than ${MAX_LABELS} labels`);
  return Object.fromEntries(entries.map(([k, val]) => [str(k, where, 300), str(val, `${where}.${k}`, 1000)]));
}

function ports(v: unknown, w: string): DeclaredPort[] {
  return (v === undefined ? [] : arr(v, `${w}.ports`)).map((p, j) => {
    const po = obj(p, `${w}.ports[${j}]`);
    if (typeof po.port !== 'number' || !Number.isInteger(po.port) || po.port < 0 || po.port > 65535)
      throw new ReportError(`${w}.ports[${j}].port: expected a port number`);
    return {
      port: po.port,
      protocol: oneOf(po.protocol ?? 'tcp', ['tcp', 'udp'] as const, `${w}.ports[${j}]`),
    };
  });
}

function workload(v: unknown, i: number): DeclaredWorkload {
  const w = `deployment.workloads[${i}]`;
  const o = obj(v, w);
  const namespace = optStr(o.namespace, `${w}.namespace`, 300);
  return {
    kind: str(o.kind, `${w}.kind`, 100),
    name: str(o.name, `${w}.name`, 1000),
    ...(namespace !== undefined ? { namespace } : {}),
    labels: labels(o.labels, `${w}.labels`),
    images: strList(o.images, `${w}.images`),
    ports: ports(o.ports, w),
    path: str(o.path ?? '', `${w}.path`, 4096),
    line: line(o.line, `${w}.line`),
  };
}

function asset(v: unknown, i: number): DeclaredAsset {
  const w = `deployment.assets[${i}]`;
  const o = obj(v, w);
  const name = optStr(o.name, `${w}.name`, 1000);
  return {
    id: str(o.id, `${w}.id`, 300),
    ...(name !== undefined ? { name } : {}),
    ...(o.ports !== undefined ? { ports: ports(o.ports, w) } : {}),
    path: str(o.path ?? '', `${w}.path`, 4096),
  };
}

/** Reads `ScanResult.deployment` (what the project declares it deploys), bounded and checked. */
export function parseDeployment(v: unknown): DeclaredDeployment {
  if (!isObj(v)) throw new ReportError('deployment: expected an object');
  const workloads = v.workloads === undefined ? [] : arr(v.workloads, 'deployment.workloads');
  const assets = v.assets === undefined ? [] : arr(v.assets, 'deployment.assets');
  if (workloads.length > MAX_WORKLOADS)
    throw new ReportError(`deployment.workloads: more than ${MAX_WORKLOADS} workloads`);
  if (assets.length > MAX_ASSETS) throw new ReportError(`deployment.assets: more than ${MAX_ASSETS} assets`);
  return { workloads: workloads.map(workload), assets: assets.map(asset) };
}
