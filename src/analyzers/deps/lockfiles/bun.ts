import { ParseError } from '../../../core/errors.js';
import { tableAt } from './shape.js';
import { computePaths } from './graph.js';
import { asObject, parseJsonWithLines } from './json-lines.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage } from './types.js';

/** bun.lock (text lockfile, JSONC with trailing commas): `packages` keys are install paths like `a/b`. */
export function parseBunLock(text: string): Inventory {
  const doc = parseJsonWithLines(text, { trailingCommas: true });
  const root = asObject(doc.value);
  if (!root) throw new ParseError('bun.lock: the top level is not an object', 1);
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const packages = tableAt(root, 'packages', 'bun.lock') ?? {};
  const keys = new Set(Object.keys(packages));
  const depsOf = new Map<string, string[]>();
  // Peers bun installs with the package that asks for them, when the lockfile holds them.
  const peersOf = new Map<string, string[]>();
  for (const [key, raw] of Object.entries(packages)) {
    if (!Array.isArray(raw) || typeof raw[0] !== 'string') continue;
    const spec = raw[0];
    const at = spec.indexOf('@', 1);
    if (at <= 0) continue;
    const name = spec.slice(0, at);
    const version = spec.slice(at + 1);
    if (version.startsWith('workspace:')) continue;
    const p: LockedPackage = {
      id: key,
      ecosystem: 'npm',
      name,
      version,
      purl: purlFor('npm', name, version),
      direct: false,
      line: doc.lineOf(['packages', key]) ?? 1,
    };
    // npm packages: [spec, registry, info, integrity]; git/tarball packages: [spec, info, commit-or-hash].
    const info = asObject(raw[2]) ?? asObject(raw[1]) ?? {};
    const integrity = typeof raw[3] === 'string' ? raw[3] : typeof raw[2] === 'string' ? raw[2] : undefined;
    if (integrity) p.integrity = integrity;
    if (typeof raw[1] === 'string' && raw[1] !== '') p.resolved = raw[1];
    if (/^(git|github|https?):|^git\+/.test(version)) p.resolved = version;
    inv.packages.push(p);
    depsOf.set(key, [
      ...Object.keys(asObject(info.dependencies) ?? {}),
      ...Object.keys(asObject(info.optionalDependencies) ?? {}),
    ]);
    peersOf.set(key, Object.keys(asObject(info.peerDependencies) ?? {}));
  }
  // Keys that are no package of their own (a workspace: bun links its folder).
  const ids = new Set(inv.packages.map((p) => p.id));
  const local = new Set([...keys].filter((k) => !ids.has(k)));
  const unresolved: [string, string][] = [];
  for (const [key, deps] of depsOf) {
    for (const dep of deps) {
      const to = lookup(keys, key, dep);
      if (to) inv.edges.push([key, to]);
      else unresolved.push([key, dep]);
    }
    for (const dep of peersOf.get(key) ?? []) {
      const to = lookup(keys, key, dep);
      if (to) inv.edges.push([key, to]);
    }
  }
  // What `bun install --production` installs: every workspace's dependencies, optionalDependencies and
  // peerDependencies (bun installs peers), looked up from the workspace's own folder of packages (`ws/dep`) first.
  const direct = new Set<string>();
  const prod = new Set<string>();
  let missing: string | undefined;
  for (const [path, ws] of Object.entries(tableAt(root, 'workspaces', 'bun.lock') ?? {})) {
    const w = asObject(ws) ?? {};
    const scope = path === '' ? '' : typeof w.name === 'string' ? w.name : path;
    for (const f of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      for (const [dn, range] of Object.entries(asObject(w[f]) ?? {})) {
        const to = lookup(keys, scope === '' ? '' : `${scope}/`, dn);
        if (to && !local.has(to)) direct.add(to);
        if (f === 'devDependencies' || local.has(to ?? dn)) continue;
        if (to) prod.add(to);
        else if (f !== 'peerDependencies')
          missing ??= `workspace "${path}"'s ${f} ${dn}@${String(range)} has no entry in the lockfile`;
      }
    }
  }
  return computePaths(inv, direct, {
    prod: missing === undefined ? prod : undefined,
    ...(missing === undefined ? {} : { reason: missing }),
    unresolved,
    file: 'bun.lock',
  });
}

/** A dependency of `a/b` resolves to `a/b/dep`, then `a/dep`, then `dep`, like Node's lookup. */
function lookup(keys: ReadonlySet<string>, from: string, dep: string): string | undefined {
  let scope = from.replace(/\/$/, '');
  for (;;) {
    const candidate = scope === '' ? dep : `${scope}/${dep}`;
    if (keys.has(candidate) && candidate !== from) return candidate;
    if (scope === '') return undefined;
    const parts = splitBunPath(scope);
    parts.pop();
    scope = parts.join('/');
  }
}

/** Splits `a/@s/b/c` into package names [a, @s/b, c]. */
function splitBunPath(p: string): string[] {
  const segs = p.split('/');
  const out: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.startsWith('@') && i + 1 < segs.length) out.push(`${s}/${segs[++i]!}`);
    else out.push(s);
  }
  return out;
}
