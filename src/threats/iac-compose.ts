import { categoryOfImage, normName } from './iac-unit.js';
import type { IacUnit } from './iac-unit.js';
import { get, isMap, isSeq, parseYamlDocs, scalar } from './iac-yaml.js';

const COMPOSE_FILE = /^(docker-)?compose([.-][\w.-]{1,64})?\.ya?ml$/i;
/** True for Compose files by name. */
export function isComposeFile(name: string): boolean {
  return COMPOSE_FILE.test(name);
}

const HTTP_PORTS = new Set([80, 8000, 8080, 8081, 3000, 5000]);

/** Services of a Compose file with their published ports. */
export function composeUnits(text: string, path: string): IacUnit[] {
  const { docs, lineOf } = parseYamlDocs(text, path);
  const services = get(docs[0], 'services');
  if (!isMap(services)) return [];
  const units: IacUnit[] = [];
  for (const [name, pair] of services.entries) {
    const svc = pair.value;
    const image = scalar(get(svc, 'image')) ?? '';
    const unit: IacUnit = {
      path,
      line: pair.keyLine || 1,
      kind: 'compose service',
      name,
      names: [normName(name), ...(image ? [normName(image.split(/[:@]/)[0]?.split('/').pop() ?? '')] : [])],
      category: categoryOfImage(image || name),
      ports: [],
      facts: [],
      refs: [],
    };
    const netMode = get(svc, 'network_mode');
    if (scalar(netMode) === 'host') {
      unit.facts.push({
        type: 'public-exposure',
        line: lineOf(netMode),
        detail: 'network_mode: host exposes every port',
      });
    }
    const deps = get(svc, 'depends_on');
    if (isSeq(deps)) for (const d of deps.items) if (scalar(d)) unit.refs.push(scalar(d) ?? '');
    if (isMap(deps)) for (const d of deps.entries.keys()) unit.refs.push(d);
    const ports = get(svc, 'ports');
    if (isSeq(ports)) {
      for (const p of ports.items) {
        const line = lineOf(p);
        let host = '';
        let published: string | undefined;
        let target: string | undefined;
        if (isMap(p)) {
          target = scalar(get(p, 'target'));
          published = scalar(get(p, 'published'));
          host = scalar(get(p, 'host_ip')) ?? '';
        } else {
          const s = scalar(p) ?? '';
          // [host_ip:]published:target[/proto] or just target (an ephemeral host port).
          const m =
            /^(?:(\[[0-9a-fA-F:]{1,64}\]|\d{1,3}(?:\.\d{1,3}){3}|[a-z][a-z0-9.-]{0,63}):)?(?:([0-9-]{1,16}):)?([0-9-]{1,16})(?:\/\w{1,8})?$/.exec(
              s,
            );
          if (!m) continue;
          host = m[1] ?? '';
          published = m[2] ?? m[3];
          target = m[3];
        }
        const t = Number.parseInt(target ?? '', 10);
        if (Number.isFinite(t)) unit.ports.push(t);
        if (published === undefined) continue;
        if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
          unit.facts.push({
            type: 'public-exposure',
            line,
            detail: `publishes port ${published} on ${host || 'all interfaces'}`,
          });
        }
        if (HTTP_PORTS.has(t))
          unit.facts.push({
            type: 'plain-http',
            line,
            detail: `publishes container port ${t}, a plain-HTTP port`,
          });
      }
    }
    units.push(unit);
  }
  return units;
}
