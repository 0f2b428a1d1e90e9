import type { RawFinding } from '../core/finding.js';
import { findingFrom } from '../core/rule.js';
import type { RuleMeta } from '../core/rule.js';
import type { Fact, IacUnit } from './iac-facts.js';
import { normName } from './iac-facts.js';
import { ModelIndex } from './model-index.js';
import type { TechnicalAsset, ThreatModel } from './model.js';
import { DATASTORE_KINDS, LOCAL_PROTOCOLS, trustRank } from './model.js';
import type { Flow } from './model.js';

const rule = (
  id: string,
  r: Omit<RuleMeta, 'id' | 'analyzer' | 'phase' | 'confidence'> & { confidence?: RuleMeta['confidence'] },
): RuleMeta => ({
  id: `threats/${id}`,
  analyzer: 'threats',
  phase: 'design',
  confidence: r.confidence ?? 'medium',
  ...r,
});

/** The rules of the model-versus-code cross-check. */
export const DRIFT_RULES = {
  plainHttp: rule('model-drift-plain-http', {
    title: 'Flow modelled as encrypted, but the code serves it unencrypted',
    description:
      'The threat model promises TLS on this flow, so its threats were rated as mitigated; the infrastructure does not deliver it.',
    severity: 'high',
    cwe: [319],
    principles: ['encryption'],
    remediation:
      'Terminate TLS for the asset (Ingress tls, HTTPS listener or redirect, TLS port, in-transit encryption) or correct the model.',
  }),
  exposed: rule('model-drift-exposed', {
    title: 'Asset modelled as internal, but the code exposes it',
    description:
      'The model places this asset in an internal zone; the infrastructure makes it reachable from outside.',
    severity: 'high',
    cwe: [668],
    principles: ['zoning-containment'],
    remediation:
      'Remove the public exposure (ClusterIP, bind to 127.0.0.1, restrict the security group) or model the asset as internet-facing.',
  }),
  atRest: rule('model-drift-at-rest', {
    title: 'Datastore modelled as encrypted at rest, but the code does not encrypt it',
    description:
      'The model relies on encryption at rest for this datastore; its infrastructure code turns it off or leaves it unset.',
    severity: 'high',
    cwe: [311],
    principles: ['encryption'],
    remediation:
      'Enable encryption at rest on the resource, or correct the model and accept the resulting threats.',
    confidence: 'high',
  }),
  unmodelled: rule('unmodelled-asset', {
    title: 'Infrastructure not in the threat model',
    description:
      'A service, datastore or port that the model does not contain is never threat-modelled; asset inventories must be complete.',
    severity: 'medium',
    cwe: [1053],
    principles: ['asset-management'],
    remediation:
      'Add the asset to the threat model (vanguard threats init drafts entries), or mark it out of scope there.',
  }),
  stalePath: rule('model-stale-path', {
    title: 'Threat model refers to code that does not exist',
    description:
      'An asset whose code or IaC paths are gone is no longer held against the code; the model has drifted from the repository.',
    severity: 'low',
    cwe: [1053],
    principles: ['asset-management'],
    remediation: "Update the asset's code/iac paths (relative to the repository root), or remove the asset.",
  }),
} as const;

/** Assets whose `code`/`iac` paths match no file of the repository (`paths`: every discovered path). */
export function checkModelPaths(model: ThreatModel, paths: ReadonlySet<string>): RawFinding[] {
  const dirs = new Set<string>();
  for (const p of paths)
    for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
  const out: RawFinding[] = [];
  for (const a of model.assets) {
    for (const entry of [...a.code, ...a.iac]) {
      const hash = entry.indexOf('#');
      const p = (hash < 0 ? entry : entry.slice(0, hash)).replace(/^\.\//, '').replace(/\/+$/, '');
      if (p === '' || paths.has(p) || dirs.has(p)) continue;
      out.push(
        findingFrom(DRIFT_RULES.stalePath, {
          message: `asset "${a.id}" refers to "${p}", which is not in the repository`,
          location: { path: model.file, startLine: a.line },
          fingerprintKey: `${a.id}|${p}`,
        }),
      );
    }
  }
  return out;
}

const WEB_ENCRYPTED = new Set(['https', 'wss', 'grpcs', 'tls']);

function pathMatches(unitPath: string, p: string): boolean {
  const q = p.replace(/^\.\//, '').replace(/\/+$/, '');
  return q === '' || unitPath === q || unitPath.startsWith(`${q}/`);
}

/** Which IaC units implement an asset: explicit `iac:` entries first, then a matching name. */
function claims(a: TechnicalAsset, u: IacUnit, primariesInFile: number): boolean {
  const names = new Set([normName(a.id), normName(a.name)]);
  const byName = u.names.some((n) => names.has(n));
  for (const entry of a.iac) {
    const hash = entry.indexOf('#');
    const p = hash < 0 ? entry : entry.slice(0, hash);
    if (!pathMatches(u.path, p)) continue;
    if (hash >= 0) {
      const sel = normName(entry.slice(hash + 1));
      if (normName(u.name) === sel || u.names.includes(sel)) return true;
    } else if (byName || (primariesInFile === 1 && u.category !== 'attachment')) return true;
  }
  // Without `iac:` entries, a same-named unit of a compatible kind is taken to implement the asset.
  return (
    a.iac.length === 0 &&
    byName &&
    (u.category === 'attachment' || DATASTORE_KINDS.has(a.kind) === DATA_CATEGORIES.has(u.category))
  );
}

const DATA_CATEGORIES: ReadonlySet<string> = new Set(['database', 'cache', 'queue', 'storage']);

/** Units by path, name and reference, so claiming is not a scan of every unit for every asset. */
class UnitIndex {
  readonly byPath = new Map<string, IacUnit[]>();
  readonly byName = new Map<string, IacUnit[]>();
  readonly byRef = new Map<string, IacUnit[]>();

  constructor(units: readonly IacUnit[]) {
    const add = (m: Map<string, IacUnit[]>, k: string, u: IacUnit): void => {
      const list = m.get(k);
      if (!list) m.set(k, [u]);
      else if (list[list.length - 1] !== u) list.push(u);
    };
    for (const u of units) {
      add(this.byPath, u.path, u);
      for (const n of new Set([...u.names, normName(u.name)])) add(this.byName, n, u);
      for (const r of new Set(u.refs)) add(this.byRef, r, u);
    }
  }

  /** Units an asset could claim: those under its `iac:` paths and those with its name. */
  candidates(a: TechnicalAsset): Set<IacUnit> {
    const out = new Set<IacUnit>();
    for (const n of [normName(a.id), normName(a.name)]) for (const u of this.byName.get(n) ?? []) out.add(u);
    for (const entry of a.iac) {
      const hash = entry.indexOf('#');
      const p = hash < 0 ? entry : entry.slice(0, hash);
      for (const [path, list] of this.byPath) if (pathMatches(path, p)) for (const u of list) out.add(u);
    }
    return out;
  }
}

interface Claim {
  model: ThreatModel;
  asset: TechnicalAsset;
  units: IacUnit[];
}

/** Holds models against the units found in IaC; every mismatch is a finding at the code line. */
export function crossCheck(
  models: readonly ThreatModel[],
  units: readonly IacUnit[],
  lineText?: (path: string, line: number) => string | undefined,
): RawFinding[] {
  const primaries = units.filter((u) => u.category !== 'attachment');
  const perFile = new Map<string, number>();
  for (const u of primaries) perFile.set(u.path, (perFile.get(u.path) ?? 0) + 1);
  const claimed = new Set<IacUnit>();
  const out: RawFinding[] = [];
  const idx = new UnitIndex(units);
  for (const model of models) {
    const index = new ModelIndex(model);
    for (const asset of model.assets) {
      const own = [...idx.candidates(asset)].filter((u) => claims(asset, u, perFile.get(u.path) ?? 0));
      if (own.length === 0) continue;
      own.forEach((u) => claimed.add(u));
      const ownNames = new Set(own.flatMap((u) => [...u.names, normName(u.name)]));
      const attached = new Set<IacUnit>();
      for (const n of ownNames) for (const u of idx.byRef.get(n) ?? []) attached.add(u);
      for (const o of own) for (const r of o.refs) for (const u of idx.byName.get(r) ?? []) attached.add(u);
      for (const u of own) attached.delete(u);
      for (const u of attached) if (u.category !== 'attachment') attached.delete(u);
      attached.forEach((u) => claimed.add(u));
      // Out-of-scope assets account for their infrastructure but are not held to the model.
      if (asset.outOfScope) continue;
      out.push(...checkAsset({ model, asset, units: [...own, ...attached] }, index, lineText));
    }
  }
  const modelled = models.flatMap((m) => m.assets);
  for (const u of primaries) {
    if (claimed.has(u) || modelled.length === 0) continue;
    const model = models[0];
    const ports = u.ports.length > 0 ? ` (ports ${[...new Set(u.ports)].join(', ')})` : '';
    out.push(
      findingFrom(DRIFT_RULES.unmodelled, {
        message: `${u.kind} "${u.name}"${ports} is not in the threat model${model ? ` ${model.file}` : ''}; add it as a ${u.category === 'service' ? 'service' : u.category} asset`,
        location: at(u.path, u.line, lineText),
        fingerprintKey: `${u.kind}|${u.name}`,
      }),
    );
  }
  return out;
}

function at(
  path: string,
  line: number,
  lineText?: (path: string, line: number) => string | undefined,
): RawFinding['location'] {
  const snippet = lineText?.(path, line);
  return snippet === undefined
    ? { path, startLine: line }
    : { path, startLine: line, snippet: snippet.trim() };
}

function checkAsset(
  c: Claim,
  m: ModelIndex,
  lineText?: (path: string, line: number) => string | undefined,
): RawFinding[] {
  const { model, asset, units } = c;
  const out: RawFinding[] = [];
  const facts = (type: Fact['type']): { unit: IacUnit; fact: Fact }[] =>
    units.flatMap((unit) => unit.facts.filter((f) => f.type === type).map((fact) => ({ unit, fact })));
  const where = `${model.file}:${asset.line}`;

  const encryptedIn = (web: boolean): Flow | undefined =>
    m
      .incoming(asset)
      .find(
        (f) => f.encrypted && !LOCAL_PROTOCOLS.has(f.protocol) && (!web || WEB_ENCRYPTED.has(f.protocol)),
      );
  const plain = [
    ...facts('plain-http').map((x) => ({ ...x, flow: encryptedIn(true) })),
    ...facts('plain-transport').map((x) => ({ ...x, flow: encryptedIn(false) })),
  ];
  for (const { unit, fact, flow } of plain) {
    if (!flow) continue;
    out.push(
      findingFrom(DRIFT_RULES.plainHttp, {
        message: `flow "${flow.id}" into "${asset.id}" is modelled as ${flow.protocol} (${model.file}:${flow.line}), but ${unit.kind} "${unit.name}": ${fact.detail}`,
        location: at(unit.path, fact.line, lineText),
        fingerprintKey: `${asset.id}|${unit.name}|${fact.detail}`,
      }),
    );
  }
  const internal =
    !asset.internetFacing &&
    trustRank(m.trust(asset)) >= trustRank('internal') &&
    !m.incoming(asset).some((f) => m.fromInternet(f));
  if (internal) {
    for (const { unit, fact } of facts('public-exposure')) {
      out.push(
        findingFrom(DRIFT_RULES.exposed, {
          message: `"${asset.id}" is modelled as internal (zone ${asset.zone ?? 'none'}, ${where}), but ${unit.kind} "${unit.name}": ${fact.detail}`,
          location: at(unit.path, fact.line, lineText),
          fingerprintKey: `${asset.id}|${unit.name}|${fact.detail}`,
        }),
      );
    }
  }
  if (asset.encryptedAtRest) {
    for (const { unit, fact } of facts('unencrypted-at-rest')) {
      out.push(
        findingFrom(DRIFT_RULES.atRest, {
          message: `"${asset.id}" is modelled as encrypted at rest (${where}), but ${unit.kind} "${unit.name}": ${fact.detail}`,
          location: at(unit.path, fact.line, lineText),
          fingerprintKey: `${asset.id}|${unit.name}|${fact.detail}`,
        }),
      );
    }
  }
  return out;
}
