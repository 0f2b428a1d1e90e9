import { DEPLOYMENT_LIMITS, type DeclaredPort } from '../core/deployment.js';
import { PROTOCOL_PORTS, type AssetKind, type ThreatModel } from './model.js';

/** Assets whose listening ports are not this project's to open: other parties' services and people. */
const NOT_OURS: ReadonlySet<AssetKind> = new Set(['external-service', 'client', 'user']);

/**
 * The TCP ports the model's flows say each asset listens on: a flow's `port`, else its protocol's
 * well-known port. Flows into out-of-scope assets, external services, clients and users are left
 * out: a call to a partner's HTTPS API does not make 443 ours to open.
 */
export function assetPorts(model: ThreatModel): Map<string, DeclaredPort[]> {
  const ours = new Set(model.assets.filter((a) => !a.outOfScope && !NOT_OURS.has(a.kind)).map((a) => a.id));
  const out = new Map<string, DeclaredPort[]>();
  for (const f of model.flows) {
    const port = f.port ?? PROTOCOL_PORTS[f.protocol];
    if (port === undefined || !ours.has(f.to)) continue;
    const list = out.get(f.to) ?? [];
    if (!list.some((p) => p.port === port) && list.length < DEPLOYMENT_LIMITS.ports)
      list.push({ port, protocol: 'tcp' });
    out.set(f.to, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.port - b.port);
  return out;
}
