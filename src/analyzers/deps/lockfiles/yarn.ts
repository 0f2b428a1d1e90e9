import { ParseError } from '../../../core/errors.js';
import { computePaths, rootsOf, type ProductionRoots } from './graph.js';
import { asObject } from './json-lines.js';
import { manifestDeps } from './npm.js';
import { LINKED, productionDeclarations } from './production.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage, ParseOptions } from './types.js';
import { parseYamlWithLines } from './yaml-lines.js';

interface Entry {
  descriptors: string[];
  line: number;
  fields: Map<string, string>;
  deps: Map<string, string>;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/** Name of a descriptor such as `@scope/a@^1.0.0` or `a@npm:^1`; an alias (`b@npm:a@^1`) names the real package. */
function descriptorName(d: string): string {
  const i = d.indexOf('@', 1);
  if (i <= 0) return d;
  const range = d.slice(i + 1);
  const alias = /^npm:((?:@[^/@]{1,214}\/)?[^@]{1,214})@/.exec(range);
  return alias ? alias[1]! : d.slice(0, i);
}

/** The package name in a Berry resolution (`a@npm:1.0.0`), which is the real one for aliases. */
function resolutionName(r: string): string | undefined {
  const m = /^((?:@[^/@]{1,214}\/)?[^@]{1,214})@npm:/.exec(r);
  return m?.[1];
}

/** Reads yarn v1's own indentation format (it is not YAML): headers at column 0, fields indented by two. */
function readV1(text: string): Entry[] {
  const entries: Entry[] = [];
  let cur: Entry | undefined;
  let inDeps = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    if (indent === 0) {
      if (!raw.endsWith(':'))
        throw new ParseError(`yarn.lock: expected an entry header ending in ':'`, i + 1);
      cur = {
        descriptors: raw.slice(0, -1).split(',').map(unquote),
        line: i + 1,
        fields: new Map(),
        deps: new Map(),
      };
      entries.push(cur);
      inDeps = false;
      continue;
    }
    if (!cur) throw new ParseError('yarn.lock: an indented line before any entry', i + 1);
    const body = raw.trim();
    if (indent === 2) {
      inDeps = body === 'dependencies:' || body === 'optionalDependencies:';
      if (body.endsWith(':')) continue;
      const sp = body.indexOf(' ');
      if (sp < 0) throw new ParseError(`yarn.lock: a field without a value`, i + 1);
      cur.fields.set(unquote(body.slice(0, sp)), unquote(body.slice(sp + 1)));
    } else if (inDeps) {
      const m = /^("[^"]{1,300}"|\S{1,300})\s+(.{1,300})$/.exec(body);
      if (!m) throw new ParseError('yarn.lock: a dependency line without a range', i + 1);
      cur.deps.set(unquote(m[1]!), unquote(m[2]!));
    }
  }
  return entries;
}

function readBerry(text: string): Entry[] {
  const doc = parseYamlWithLines(text, 'yarn.lock');
  const root = asObject(doc.value) ?? {};
  const out: Entry[] = [];
  for (const [key, raw] of Object.entries(root)) {
    if (key === '__metadata') continue;
    const e = asObject(raw) ?? {};
    const fields = new Map<string, string>();
    for (const f of ['version', 'resolution', 'checksum', 'languageName', 'linkType']) {
      const v = e[f];
      if (typeof v === 'string' || typeof v === 'number') fields.set(f, String(v));
    }
    const deps = new Map<string, string>();
    for (const [dn, ref] of Object.entries(asObject(e.dependencies) ?? {})) deps.set(dn, String(ref));
    out.push({
      descriptors: key.split(',').map((d) => d.trim()),
      line: doc.lineOf(undefined, key) ?? 1,
      fields,
      deps,
    });
  }
  return out;
}

/** The range of a descriptor (`lodash@^2.4.1`, `@types/node@npm:^20`): what follows the name's `@`. */
function rangeOf(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? '' : descriptor.slice(at + 1).replace(/^npm:/, '');
}

/** The ranges a package.json declares for each name, in every dependency field. */
function manifestRanges(manifest: string | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (manifest === undefined) return out;
  let o: unknown;
  try {
    o = JSON.parse(manifest);
  } catch (err) {
    void err; // A broken manifest: manifestDeps already leaves the split to the lockfile.
    return out;
  }
  if (typeof o !== 'object' || o === null) return out;
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const deps = (o as Record<string, unknown>)[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, range] of Object.entries(deps as Record<string, unknown>)) {
      if (typeof range !== 'string') continue;
      const set = out.get(name) ?? new Set<string>();
      set.add(range.replace(/^npm:/, ''));
      out.set(name, set);
    }
  }
  return out;
}

/** A Berry workspace entry: its folder (relative to the lockfile's) and its dependencies, dev ones among them. */
interface Workspace {
  path: string;
  deps: Map<string, string>;
}

/**
 * What `yarn install --production` (v1) or `yarn workspaces focus --all --production` (Berry) installs: the
 * entries the manifests' production fields name, and what their dependencies reach. v1 keys an entry by the
 * manifest's own `name@range`; Berry's workspace entries give each dependency's descriptor. A peer dependency
 * the lockfile does not hold is not installed by yarn (it leaves peers to the project) and is skipped.
 */
function productionRoots(
  berry: boolean,
  byDescriptor: ReadonlyMap<string, string>,
  local: ReadonlyMap<string, Map<string, string>>,
  workspaces: readonly Workspace[],
  unresolved: [string, string][],
  opts: ParseOptions,
): ProductionRoots {
  const prod = new Set<string>();
  const seenLocal = new Set<string>();
  const fail = (reason: string): ProductionRoots => ({
    prod: undefined,
    reason,
    unresolved,
    file: 'yarn.lock',
  });
  // A descriptor's entry, or what a linked (`portal:`, `link:`, workspace) one depends on; false when not all resolve.
  const add = (descriptor: string): boolean => {
    const id = byDescriptor.get(descriptor);
    if (id) {
      prod.add(id);
      return true;
    }
    const deps = local.get(descriptor);
    if (!deps) return false;
    if (seenLocal.has(descriptor)) return true;
    seenLocal.add(descriptor);
    return [...deps].every(([dn, ref]) => add(`${dn}@${ref}`));
  };
  if (!berry) {
    const decl = productionDeclarations(opts.manifest, 'package.json');
    if (!decl.ok) return fail(decl.reason);
    if (decl.workspaces)
      return fail('package.json declares workspaces, whose manifests a yarn 1 lockfile does not name');
    for (const [field, name, range] of decl.deps) {
      if (LINKED.test(range) || add(`${name}@${range}`) || field === 'peerDependencies') continue;
      return fail(`package.json's ${field} ${name}@${range} has no entry in the lockfile`);
    }
    return { prod, unresolved, file: 'yarn.lock' };
  }
  if (workspaces.length === 0) return fail('the lockfile has no workspace entry');
  for (const ws of workspaces) {
    const what = ws.path === '.' ? 'package.json' : `${ws.path}/package.json`;
    const decl = productionDeclarations(
      ws.path === '.' ? opts.manifest : opts.workspaceManifests?.get(ws.path),
      what,
    );
    if (!decl.ok) return fail(decl.reason);
    for (const [field, name] of decl.deps) {
      const ref = ws.deps.get(name);
      if (ref !== undefined && add(`${name}@${ref}`)) continue;
      if (ref === undefined && field === 'peerDependencies') continue;
      return fail(`${what}'s ${field} ${name} has no entry in the lockfile`);
    }
  }
  return { prod, unresolved, file: 'yarn.lock' };
}

/** yarn.lock, classic (v1) and Berry (v2+, YAML with `__metadata`). */
export function parseYarnLock(text: string, opts: ParseOptions = {}): Inventory {
  const berry = /^__metadata:/m.test(text);
  const entries = berry ? readBerry(text) : readV1(text);
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const byDescriptor = new Map<string, string>();
  const direct = new Set<string>();
  const declared = manifestDeps(opts.manifest);
  const candidates: { name: string; id: string; descriptors: string[] }[] = [];
  const workspaceDeps: [string, string][] = [];
  const workspaces: Workspace[] = [];
  // Berry's linked entries (workspaces, `portal:`, `link:`): descriptor → the entry's dependencies.
  const local = new Map<string, Map<string, string>>();
  const seen = new Set<string>();
  for (const e of entries) {
    const version = e.fields.get('version');
    const first = e.descriptors[0];
    if (!version || !first) continue;
    const resolution = e.fields.get('resolution') ?? '';
    if (berry && (resolution.includes('@workspace:') || e.fields.get('linkType') === 'soft')) {
      // The project itself (or a workspace): its dependencies are the direct ones.
      for (const [dn, ref] of e.deps) workspaceDeps.push([dn, ref]);
      const at = resolution.indexOf('@workspace:');
      // A workspace's production dependencies are read from its own manifest below, not from its entry.
      for (const d of e.descriptors) local.set(d, at > 0 ? new Map<string, string>() : e.deps);
      if (at > 0) workspaces.push({ path: resolution.slice(at + '@workspace:'.length), deps: e.deps });
      continue;
    }
    const name = (berry ? resolutionName(resolution) : undefined) ?? descriptorName(first);
    const id = `${name}@${version}`;
    for (const d of e.descriptors) byDescriptor.set(d, id);
    if (seen.has(id)) continue;
    seen.add(id);
    const p: LockedPackage = {
      id,
      ecosystem: 'npm',
      name,
      version,
      purl: purlFor('npm', name, version),
      direct: false,
      line: e.line,
    };
    const integrity = e.fields.get('integrity') ?? e.fields.get('checksum');
    const resolved = e.fields.get('resolved') ?? (berry ? resolution : undefined);
    if (integrity) p.integrity = integrity;
    if (resolved) p.resolved = resolved;
    inv.packages.push(p);
    if (declared?.has(name)) candidates.push({ name, id, descriptors: e.descriptors });
  }
  // Two versions of a declared name (lodash@^2.4.1 declared, lodash@~1.0.1 a build tool's): the direct one is
  // the entry locked for the manifest's own range; when no entry of the name is, each of them counts.
  const ranges = manifestRanges(opts.manifest);
  const locksDeclared = (c: (typeof candidates)[number]): boolean => {
    const r = ranges.get(c.name);
    return r !== undefined && c.descriptors.some((d) => r.has(rangeOf(d)));
  };
  const exact = new Set(candidates.filter(locksDeclared).map((c) => c.name));
  for (const c of candidates) if (!exact.has(c.name) || locksDeclared(c)) direct.add(c.id);
  const unresolved: [string, string][] = [];
  for (const e of entries) {
    const first = e.descriptors[0];
    const from = first ? byDescriptor.get(first) : undefined;
    if (!from) continue;
    for (const [dn, range] of e.deps) {
      const to = byDescriptor.get(`${dn}@${range}`);
      if (to) inv.edges.push([from, to]);
      else if (!local.has(`${dn}@${range}`)) unresolved.push([from, `${dn}@${range}`]);
    }
  }
  for (const [dn, ref] of workspaceDeps) {
    const to = byDescriptor.get(`${dn}@${ref}`);
    if (to) direct.add(to);
  }
  const roots = productionRoots(berry, byDescriptor, local, workspaces, unresolved, opts);
  return computePaths(
    inv,
    direct.size > 0 || declared || workspaceDeps.length > 0 ? direct : rootsOf(inv),
    roots,
  );
}
