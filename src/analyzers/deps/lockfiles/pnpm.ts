import { ParseError } from '../../../core/errors.js';
import { tableAt } from './shape.js';
import { computePaths } from './graph.js';
import { asObject, str } from './json-lines.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage } from './types.js';
import { parseYamlWithLines } from './yaml-lines.js';

/** Splits a pnpm package key (`/a/1.0.0_peer` v5, `/a@1.0.0(peer)` v6, `a@1.0.0(peer)` v9) into name and version. */
export function splitPnpmKey(key: string, v5: boolean): { name: string; version: string } | undefined {
  const k = key.replace(/^\//, '').replace(/\(.*$/, '');
  if (v5) {
    const i = k.lastIndexOf('/');
    if (i <= 0) return undefined;
    return { name: k.slice(0, i), version: k.slice(i + 1).replace(/_.*$/, '') };
  }
  const i = k.lastIndexOf('@');
  if (i <= 0) return undefined;
  return { name: k.slice(0, i), version: k.slice(i + 1) };
}

/**
 * The version part of a dependency reference, or an aliased `name@version` target; a local directory or tarball
 * (`file:`) is the `name@file:…` entry pnpm 9 keeps for it. Undefined for a link (`link:`, `workspace:`): pnpm
 * links the folder, whose own dependencies are its importer's.
 */
function depTarget(name: string, ref: string, v5: boolean): string | undefined {
  if (/^(link|workspace):/.test(ref)) return undefined;
  if (ref.startsWith('file:')) return `${name}@${ref.replace(/\(.*$/, '')}`;
  if (ref.startsWith('/') || (!v5 && /^(@[^/]{1,214}\/)?[^@/(]{1,214}@\d/.test(ref))) {
    const t = splitPnpmKey(ref, v5);
    return t ? `${t.name}@${t.version}` : undefined;
  }
  return `${name}@${ref.replace(/\(.*$/, '').replace(/_.*$/, '')}`;
}

/** pnpm-lock.yaml, lockfile versions 5.x (best effort), 6 and 9. */
export function parsePnpmLock(text: string): Inventory {
  const doc = parseYamlWithLines(text, 'pnpm-lock.yaml');
  const root = asObject(doc.value);
  if (!root) throw new ParseError('pnpm-lock.yaml: the top level is not a map', 1);
  const rawVersion = root.lockfileVersion;
  const lv =
    typeof rawVersion === 'number'
      ? rawVersion
      : parseFloat(typeof rawVersion === 'string' ? rawVersion : '6');
  const v5 = lv < 6;
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const packages = tableAt(root, 'packages', 'pnpm-lock.yaml') ?? {};
  const snapshots = tableAt(root, 'snapshots', 'pnpm-lock.yaml');
  const ids = new Set<string>();
  let flagsDev = false;
  for (const [key, raw] of Object.entries(packages)) {
    const nv = splitPnpmKey(key, v5);
    const e = asObject(raw) ?? {};
    if (!nv) continue;
    const id = `${nv.name}@${nv.version}`;
    if (ids.has(id)) continue;
    ids.add(id);
    const resolution = asObject(e.resolution) ?? {};
    const p: LockedPackage = {
      id,
      ecosystem: 'npm',
      name: str(e, 'name') ?? nv.name,
      version: str(e, 'version') ?? nv.version,
      purl: purlFor('npm', str(e, 'name') ?? nv.name, str(e, 'version') ?? nv.version),
      direct: false,
      line: doc.lineOf('packages', key) ?? 1,
    };
    const integrity = str(resolution, 'integrity');
    const tarball = str(resolution, 'tarball');
    const repo = str(resolution, 'repo');
    if (integrity) p.integrity = integrity;
    if (tarball) p.resolved = tarball;
    else if (repo) p.resolved = `git+${repo}#${str(resolution, 'commit') ?? ''}`;
    // pnpm 5 and 6 write `dev: true` (devDependencies only), `dev: false` (production only), neither for both.
    if (e.dev === true) p.dev = true;
    if (typeof e.dev === 'boolean') flagsDev = true;
    inv.packages.push(p);
  }
  // Dependencies live on the package entries (v5/v6) or on the snapshots (v9).
  const depSources = snapshots ?? packages;
  const unresolved: [string, string][] = [];
  for (const [key, raw] of Object.entries(depSources)) {
    const nv = splitPnpmKey(key, v5);
    if (!nv) continue;
    const from = `${nv.name}@${nv.version}`;
    const e = asObject(raw) ?? {};
    for (const field of ['dependencies', 'optionalDependencies']) {
      for (const [dn, ref] of Object.entries(asObject(e[field]) ?? {})) {
        const to = typeof ref === 'string' ? depTarget(dn, ref, v5) : undefined;
        if (to && ids.has(to)) inv.edges.push([from, to]);
        else if (to || typeof ref !== 'string') unresolved.push([from, `${dn}@${String(ref)}`]);
      }
    }
  }
  const direct = new Set<string>();
  // What `pnpm install --prod` installs: every importer's dependencies and optionalDependencies (pnpm writes a
  // peer it installs for an importer among them), and what they reach.
  const prod = new Set<string>();
  let missing: string | undefined;
  const importers = tableAt(root, 'importers', 'pnpm-lock.yaml') ?? { '.': root };
  for (const [path, imp] of Object.entries(importers)) {
    const o = asObject(imp) ?? {};
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      for (const [dn, ref] of Object.entries(asObject(o[field]) ?? {})) {
        const version = typeof ref === 'string' ? ref : str(asObject(ref), 'version');
        const to = version ? depTarget(dn, version, v5) : undefined;
        if (to) direct.add(to);
        if (field === 'devDependencies' || (version !== undefined && /^(link|workspace):/.test(version)))
          continue;
        if (to && ids.has(to)) prod.add(to);
        else missing ??= `importer ${path}'s ${field} ${dn}@${version ?? '?'} has no entry in the lockfile`;
      }
    }
  }
  // pnpm 5 and 6 said which packages are development-only; pnpm 9 does not, and the walk tells it.
  if (flagsDev) {
    inv.devMarked = true;
    return computePaths(inv, direct);
  }
  return computePaths(inv, direct, {
    prod: missing === undefined ? prod : undefined,
    ...(missing === undefined ? {} : { reason: missing }),
    unresolved,
    file: 'pnpm-lock.yaml',
  });
}
