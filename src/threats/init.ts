import type { IacUnit, UnitCategory } from './iac-facts.js';
import { normName } from './iac-facts.js';
import type { AssetKind } from './model.js';

const KIND: Record<Exclude<UnitCategory, 'attachment'>, AssetKind> = {
  service: 'service',
  database: 'database',
  cache: 'cache',
  queue: 'queue',
  storage: 'storage',
  'load-balancer': 'load-balancer',
};
const PROTOCOL_TO: Partial<Record<UnitCategory, string>> = { database: 'sql', cache: 'redis', queue: 'amqp' };

interface Draft {
  id: string;
  kind: AssetKind;
  category: UnitCategory;
  iac: string[];
  exposed: string[];
  plainHttp: boolean;
  ports: Set<number>;
  refs: string[];
  names: Set<string>;
}

const q = (s: string): string => JSON.stringify(s);

/** A first threatmodel.yaml drafted from IaC units, with comments for what a team must fill in. */
export function draftModel(title: string, units: readonly IacUnit[]): string {
  const primaries = units.filter((u) => u.category !== 'attachment');
  const attachments = units.filter((u) => u.category === 'attachment');
  const drafts = new Map<string, Draft>();
  for (const u of primaries) {
    const short =
      normName(
        u.kind.startsWith('aws_') || u.kind.includes('_') ? (u.name.split('.').pop() ?? u.name) : u.name,
      ) || 'asset';
    const existing = drafts.get(short);
    const key = existing && existing.category !== u.category ? `${short}-${u.category}` : short;
    const d = drafts.get(key) ?? {
      id: key.slice(0, 64),
      kind: KIND[u.category as Exclude<UnitCategory, 'attachment'>],
      category: u.category,
      iac: [],
      exposed: [],
      plainHttp: false,
      ports: new Set<number>(),
      refs: [],
      names: new Set<string>(),
    };
    d.iac.push(`${u.path}#${u.name}`);
    u.names.forEach((n) => d.names.add(n));
    d.names.add(normName(u.name));
    const linked = [
      u,
      ...attachments.filter(
        (a) => a.refs.some((r) => u.names.includes(r)) || u.refs.includes(normName(a.name)),
      ),
    ];
    for (const l of linked) {
      for (const f of l.facts) {
        if (f.type === 'public-exposure') d.exposed.push(`${l.kind} ${l.name}: ${f.detail}`);
        if (f.type === 'plain-http') d.plainHttp = true;
      }
      l.ports.forEach((p) => d.ports.add(p));
    }
    d.refs.push(...u.refs);
    drafts.set(key, d);
  }
  const assets = [...drafts.values()];
  const out = [
    '# Drafted by `vanguard threats init` from the Compose, Kubernetes and Terraform files of this repository.',
    '# Review it: name the data each asset stores and processes, check the zones, the flows between',
    '# services (authentication, encryption) and declare the controls in place. See docs/threat-model.md.',
    'version: 1',
    `title: ${q(title)}`,
    'zones:',
    '  - { id: internet, name: Internet, trust: internet }',
    '  - { id: internal, name: Internal network, trust: internal }',
    '  - { id: data, name: Data tier, trust: restricted }',
    'data: []',
    'assets:',
    '  - { id: internet-user, name: Internet user, kind: user, zone: internet }',
  ];
  for (const a of assets) {
    out.push(
      `  - id: ${a.id}`,
      `    kind: ${a.kind}`,
      `    zone: ${a.kind === 'service' || a.kind === 'load-balancer' ? 'internal' : 'data'}`,
    );
    if (a.exposed.length > 0)
      out.push(`    internet-facing: true # ${a.exposed[0]?.replace(/\n/g, ' ') ?? ''}`);
    if (a.ports.size > 0) out.push(`    # ports: ${[...a.ports].sort((x, y) => x - y).join(', ')}`);
    out.push(`    iac: [${a.iac.map(q).join(', ')}]`);
  }
  const flows: string[] = [];
  const seen = new Set<string>();
  for (const a of assets) {
    if (a.exposed.length > 0) {
      flows.push(
        `  - { id: ${`internet-user-${a.id}`.slice(0, 64)}, from: internet-user, to: ${a.id}, protocol: ${a.plainHttp ? 'http' : 'https'}, internet: true } # guessed`,
      );
    }
    for (const r of a.refs) {
      const target = assets.find((t) => t !== a && t.names.has(r));
      if (!target || a.category === 'attachment') continue;
      const id = `${a.id}-${target.id}`.slice(0, 64);
      if (seen.has(id)) continue;
      seen.add(id);
      flows.push(
        `  - { id: ${id}, from: ${a.id}, to: ${target.id}, protocol: ${PROTOCOL_TO[target.category] ?? 'http'} } # guessed`,
      );
    }
  }
  out.push(flows.length > 0 ? 'flows:' : 'flows: []', ...flows);
  return `${out.join('\n')}\n`;
}
