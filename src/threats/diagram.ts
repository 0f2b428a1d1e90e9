import { spawnSync } from 'node:child_process';
import { VanguardError } from '../core/errors.js';
import { DATASTORE_KINDS } from './model.js';
import type { TechnicalAsset, ThreatModel, TrustZone } from './model.js';
import type { Threat } from './derive.js';

const OPEN_COLOUR = '#d32f2f';

/** Subjects (asset or flow ids) with at least one open threat, and their threat ids. */
function openBySubject(threats: readonly Threat[], kind: 'asset' | 'flow'): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const t of threats) {
    if (t.status !== 'open' || t.subject.kind !== kind) continue;
    m.set(t.subject.id, [...(m.get(t.subject.id) ?? []), t.id]);
  }
  return m;
}

/** Zones in parent-before-child order with their children, for nested clusters. */
function zoneTree(model: ThreatModel): { roots: TrustZone[]; children: Map<string, TrustZone[]> } {
  const children = new Map<string, TrustZone[]>();
  const roots: TrustZone[] = [];
  const known = new Set(model.zones.map((z) => z.id));
  for (const z of model.zones) {
    if (z.parent !== undefined && known.has(z.parent) && z.parent !== z.id) {
      children.set(z.parent, [...(children.get(z.parent) ?? []), z]);
    } else roots.push(z);
  }
  return { roots, children };
}

// ---------- Mermaid ----------

const MERMAID_NAMED: Record<string, string> = { '"': 'quot', '<': 'lt', '>': 'gt' };

/**
 * A label Mermaid shows as text: its entity codes for the characters that would end the label, start
 * markup or an entity, or close the Markdown fence around the diagram; no line breaks, so no `%%{…}%%`
 * directive or new statement can start; no control characters.
 */
const mermaidText = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/["<>#`&%|]/g, (c) => `#${MERMAID_NAMED[c] ?? c.charCodeAt(0)};`);

function mermaidNode(a: TechnicalAsset, id: string): string {
  const label = `"${mermaidText(a.name)}<br/><small>${a.kind}</small>"`;
  if (DATASTORE_KINDS.has(a.kind)) return `${id}[(${label})]`;
  if (a.kind === 'user' || a.kind === 'client') return `${id}([${label}])`;
  if (a.kind === 'external-service') return `${id}[/${label}/]`;
  return `${id}[${label}]`;
}

/** The data-flow diagram as Mermaid flowchart text; flows and assets with open threats in red. */
export function toMermaid(model: ThreatModel, threats: readonly Threat[]): string {
  const nodeId = new Map(model.assets.map((a, i) => [a.id, `a${i}_${a.id.replace(/[^A-Za-z0-9]/g, '_')}`]));
  const out = ['flowchart LR'];
  const { roots, children } = zoneTree(model);
  const visited = new Set<string>();
  const emitZone = (z: TrustZone, depth: number): void => {
    if (visited.has(z.id) || depth > 32) return;
    visited.add(z.id);
    const pad = '  '.repeat(depth + 1);
    out.push(`${pad}subgraph z_${z.id.replace(/[^A-Za-z0-9]/g, '_')}["${mermaidText(z.name)} (${z.trust})"]`);
    for (const c of children.get(z.id) ?? []) emitZone(c, depth + 1);
    for (const a of model.assets.filter((x) => x.zone === z.id))
      out.push(`${pad}  ${mermaidNode(a, nodeId.get(a.id) ?? '')}`);
    out.push(`${pad}end`);
  };
  for (const z of roots) emitZone(z, 0);
  for (const a of model.assets.filter((x) => x.zone === undefined || !visited.has(x.zone))) {
    out.push(`  ${mermaidNode(a, nodeId.get(a.id) ?? '')}`);
  }
  const openFlows = openBySubject(threats, 'flow');
  const red: number[] = [];
  model.flows.forEach((f, i) => {
    const label = `${f.id}: ${f.protocol}${f.encrypted ? '' : ' (plain)'}`;
    out.push(`  ${nodeId.get(f.from) ?? ''} -->|"${mermaidText(label)}"| ${nodeId.get(f.to) ?? ''}`);
    if (openFlows.has(f.id)) red.push(i);
  });
  if (red.length > 0) out.push(`  linkStyle ${red.join(',')} stroke:${OPEN_COLOUR},stroke-width:3px`);
  const openAssets = [...openBySubject(threats, 'asset').keys()].flatMap((id) => nodeId.get(id) ?? []);
  if (openAssets.length > 0) {
    out.push(`  classDef threat stroke:${OPEN_COLOUR},stroke-width:3px`);
    out.push(`  class ${openAssets.join(',')} threat`);
  }
  return `${out.join('\n')}\n`;
}

// ---------- Graphviz ----------

const dotEscape = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]/g, ' ');
const dotString = (s: string): string => `"${dotEscape(s)}"`;
/** A multi-line label: Graphviz reads a literal backslash-n as a line break. */
const dotLabel = (...lines: string[]): string => `"${lines.map(dotEscape).join('\\n')}"`;

function dotShape(a: TechnicalAsset): string {
  if (DATASTORE_KINDS.has(a.kind)) return 'cylinder';
  if (a.kind === 'user' || a.kind === 'client') return 'oval';
  if (a.kind === 'external-service') return 'parallelogram';
  return 'box';
}

/** The data-flow diagram in Graphviz dot: zones as clusters, `id`s `asset-<id>` and `flow-<id>` in the SVG. */
export function toDot(model: ThreatModel, threats: readonly Threat[]): string {
  const openFlows = openBySubject(threats, 'flow');
  const openAssets = openBySubject(threats, 'asset');
  const out = [
    `digraph ${dotString(model.title)} {`,
    '  rankdir=LR;',
    '  graph [fontname="Helvetica", fontsize=11];',
    '  node [fontname="Helvetica", fontsize=10, style=filled, fillcolor="#ffffff"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const node = (a: TechnicalAsset, pad: string): void => {
    const open = openAssets.get(a.id);
    const attrs = [
      `id=${dotString(`asset-${a.id}`)}`,
      `label=${dotLabel(a.name, a.kind)}`,
      `shape=${dotShape(a)}`,
      ...(open
        ? [`color="${OPEN_COLOUR}"`, 'penwidth=2', `tooltip=${dotString(`open: ${open.join(', ')}`)}`]
        : []),
    ];
    out.push(`${pad}${dotString(a.id)} [${attrs.join(', ')}];`);
  };
  const { roots, children } = zoneTree(model);
  const visited = new Set<string>();
  const emitZone = (z: TrustZone, depth: number): void => {
    if (visited.has(z.id) || depth > 32) return;
    visited.add(z.id);
    const pad = '  '.repeat(depth + 1);
    out.push(`${pad}subgraph ${dotString(`cluster_${z.id}`)} {`);
    out.push(
      `${pad}  id=${dotString(`zone-${z.id}`)}; label=${dotString(`${z.name} (${z.trust})`)}; style=dashed;`,
    );
    for (const c of children.get(z.id) ?? []) emitZone(c, depth + 1);
    for (const a of model.assets.filter((x) => x.zone === z.id)) node(a, `${pad}  `);
    out.push(`${pad}}`);
  };
  for (const z of roots) emitZone(z, 0);
  for (const a of model.assets.filter((x) => x.zone === undefined || !visited.has(x.zone))) node(a, '  ');
  for (const f of model.flows) {
    const open = openFlows.get(f.id);
    const attrs = [
      `id=${dotString(`flow-${f.id}`)}`,
      `label=${dotString(`${f.id}: ${f.protocol}${f.encrypted ? '' : ' (plain)'}`)}`,
      ...(f.encrypted ? [] : ['style=dashed']),
      ...(open
        ? [
            `color="${OPEN_COLOUR}"`,
            `fontcolor="${OPEN_COLOUR}"`,
            'penwidth=2',
            `tooltip=${dotString(`open: ${open.join(', ')}`)}`,
          ]
        : []),
    ];
    out.push(`  ${dotString(f.from)} -> ${dotString(f.to)} [${attrs.join(', ')}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

/** Renders dot text to SVG with Graphviz; a clear error when `dot` is not installed. */
export function renderSvg(dot: string, dotBinary = 'dot'): string {
  const r = spawnSync(dotBinary, ['-Tsvg'], {
    input: dot,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new VanguardError(
        'NOT_FOUND',
        'SVG output needs Graphviz: install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) or use --format mermaid',
        { cause: r.error },
      );
    }
    throw new VanguardError('ANALYZER_FAILED', `Graphviz dot failed: ${r.error.message}`, { cause: r.error });
  }
  if (r.status !== 0)
    throw new VanguardError('ANALYZER_FAILED', `Graphviz dot failed: ${r.stderr.trim().slice(0, 500)}`);
  return r.stdout;
}
