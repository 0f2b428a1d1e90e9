import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ConfigError } from '../core/errors.js';
import { ENCRYPTED_PROTOCOLS, LOCAL_PROTOCOLS } from './model.js';
import type { TechnicalAsset, ThreatModel } from './model.js';
import { threatModelSchema } from './schema.js';
import type { AssetFile, ThreatModelFile } from './schema.js';
import { fromThreagile, isThreagile } from './threagile.js';
import { lineAt, parseLocatedYaml } from './yaml-lines.js';
import type { LocatedYaml } from './yaml-lines.js';

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(threatModelSchema());
  return validator;
}

function describeAjvError(e: ErrorObject): string {
  const at = e.instancePath === '' ? 'the model' : e.instancePath.slice(1).replace(/\//g, '.');
  switch (e.keyword) {
    case 'enum':
      return `${at} must be one of: ${(e.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
    case 'additionalProperties':
      return `${at} has an unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `${at} is missing "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'pattern':
      return `${at} ${e.message ?? 'is invalid'} (ids are lower-case letters, digits, '.', '_' and '-')`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

/** Points an Ajv error at a line: the offending key for unknown keys, else the value's own line. */
function errorPointer(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') {
    return `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`;
  }
  return e.instancePath;
}

/** Loads a model from YAML text (`threatmodel.yaml` or Threagile), validated, with lines. */
export function loadThreatModel(text: string, file: string): ThreatModel {
  const doc = parseLocatedYaml(text, file);
  if (isThreagile(doc.value)) return checkReferences(fromThreagile(doc, file));
  return checkReferences(fromVanguard(doc, file));
}

function fromVanguard(doc: LocatedYaml, file: string): ThreatModel {
  const v = validate();
  if (!v(doc.value)) {
    const errors = v.errors ?? [];
    // The first error in document order is what a person fixes first.
    const located = errors
      .map((e) => ({ e, line: lineAt(doc.lines, errorPointer(e)) }))
      .sort((a, b) => a.line - b.line);
    const first = located[0];
    const more =
      located.length > 1 ? ` (and ${located.length - 1} more problem${located.length > 2 ? 's' : ''})` : '';
    throw new ConfigError(`${first ? describeAjvError(first.e) : 'invalid model'}${more}`, {
      file,
      line: first?.line ?? 1,
    });
  }
  const m = doc.value as ThreatModelFile;
  const L = (p: string): number => lineAt(doc.lines, p);
  (m.threats ?? []).forEach((t, i) => {
    if (t.status === 'accepted' && (!t.justification || !t.owner || !t.expires)) {
      throw new ConfigError(`accepted threat "${t.id}" needs a justification, an owner and an expiry date`, {
        file,
        line: L(`/threats/${i}`),
      });
    }
  });
  return {
    file,
    format: 'vanguard',
    title: m.title,
    line: 1,
    zones: (m.zones ?? []).map((z, i) => ({
      id: z.id,
      name: z.name ?? z.id,
      trust: z.trust,
      kind: z.kind ?? 'network',
      ...(z.parent ? { parent: z.parent } : {}),
      line: L(`/zones/${i}`),
    })),
    data: (m.data ?? []).map((d, i) => ({
      id: d.id,
      name: d.name ?? d.id,
      confidentiality: d.confidentiality,
      integrity: d.integrity ?? 'medium',
      availability: d.availability ?? 'medium',
      pii: d.pii ?? false,
      credentials: d.credentials ?? false,
      line: L(`/data/${i}`),
    })),
    assets: m.assets.map((a, i) => assetFromFile(a, L(`/assets/${i}`))),
    flows: (m.flows ?? []).map((f, i) => ({
      id: f.id,
      from: f.from,
      to: f.to,
      protocol: f.protocol,
      ...(f.port !== undefined ? { port: f.port } : {}),
      encrypted: f.encrypted ?? (ENCRYPTED_PROTOCOLS.has(f.protocol) || LOCAL_PROTOCOLS.has(f.protocol)),
      authentication: f.authentication ?? 'none',
      authorization: f.authorization ?? 'none',
      data: f.data ?? [],
      internet: f.internet ?? false,
      admin: f.admin ?? false,
      ...(f.description ? { description: f.description } : {}),
      line: L(`/flows/${i}`),
    })),
    risks: (m.threats ?? []).map((t, i) => ({
      id: t.id,
      status: t.status,
      ...(t.justification ? { justification: t.justification } : {}),
      ...(t.owner ? { owner: t.owner } : {}),
      ...(t.expires ? { expires: String(t.expires) } : {}),
      line: L(`/threats/${i}`),
    })),
  };
}

function assetFromFile(a: AssetFile, line: number): TechnicalAsset {
  return {
    id: a.id,
    name: a.name ?? a.id,
    kind: a.kind,
    ...(a.zone ? { zone: a.zone } : {}),
    ...(a['runs-on'] ? { runsOn: a['runs-on'] } : {}),
    sharedRuntime: a['shared-runtime'] ?? false,
    internetFacing: a['internet-facing'] ?? false,
    stores: a.stores ?? [],
    processes: a.processes ?? [],
    encryptedAtRest: a['encrypted-at-rest'] ?? false,
    ...(a.secrets ? { secrets: a.secrets } : {}),
    admin: a.admin ?? false,
    fetchesUrls: a['fetches-urls'] ?? false,
    accepts: a.accepts ?? [],
    controls: a.controls ?? [],
    code: a.code ?? [],
    iac: a.iac ?? [],
    outOfScope: a['out-of-scope'] ?? false,
    line,
  };
}

/** Ids must be unique and every reference must resolve; errors point at the referring element. */
function checkReferences(m: ThreatModel): ThreatModel {
  const fail = (message: string, line: number): never => {
    throw new ConfigError(message, { file: m.file, line });
  };
  const unique = (kind: string, items: { id: string; line: number }[]): Set<string> => {
    const seen = new Set<string>();
    for (const it of items) {
      if (seen.has(it.id)) fail(`duplicate ${kind} id "${it.id}"`, it.line);
      seen.add(it.id);
    }
    return seen;
  };
  const zones = unique('zone', m.zones);
  const data = unique('data asset', m.data);
  const assets = unique('asset', m.assets);
  unique('flow', m.flows);
  unique('threat', m.risks);
  for (const z of m.zones) {
    if (z.parent !== undefined && !zones.has(z.parent))
      fail(`zone "${z.id}" has unknown parent "${z.parent}"`, z.line);
  }
  for (const a of m.assets) {
    if (a.zone !== undefined && !zones.has(a.zone))
      fail(`asset "${a.id}" is in unknown zone "${a.zone}"`, a.line);
    for (const d of [...a.stores, ...a.processes]) {
      if (!data.has(d)) fail(`asset "${a.id}" refers to unknown data asset "${d}"`, a.line);
    }
  }
  for (const f of m.flows) {
    if (!assets.has(f.from)) fail(`flow "${f.id}" comes from unknown asset "${f.from}"`, f.line);
    if (!assets.has(f.to)) fail(`flow "${f.id}" goes to unknown asset "${f.to}"`, f.line);
    for (const d of f.data)
      if (!data.has(d)) fail(`flow "${f.id}" carries unknown data asset "${d}"`, f.line);
  }
  return m;
}
