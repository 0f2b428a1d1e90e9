import { ParseError } from '../../../core/errors.js';
import { stringAt, tableAt } from './shape.js';
import { computePaths } from './graph.js';
import { asObject, parseJsonWithLines, str, type JsonWithLines } from './json-lines.js';
import { purlFor } from './purl.js';
import type { Inventory, LockedPackage, ParseOptions } from './types.js';

/** package-lock.json / npm-shrinkwrap.json, lockfile versions 1, 2 and 3. */
export function parseNpmLock(text: string, opts: ParseOptions = {}): Inventory {
  const doc = parseJsonWithLines(text);
  const root = asObject(doc.value);
  if (!root) throw new ParseError('package-lock.json: the top level is not an object', 1);
  const packages = tableAt(root, 'packages', 'package-lock.json');
  // v2 carries both sections; `packages` is the complete one.
  if (packages) return fromPackages(packages, doc, manifestDeps(opts.manifest));
  const deps = tableAt(root, 'dependencies', 'package-lock.json');
  if (deps) return fromV1(deps, doc, manifestDeps(opts.manifest));
  return { packages: [], edges: [], notes: [] };
}

function nameFromKey(key: string): string {
  const i = key.lastIndexOf('node_modules/');
  return i >= 0 ? key.slice(i + 'node_modules/'.length) : key;
}

function depNames(entry: Record<string, unknown>, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const o = asObject(entry[f]);
    if (o) out.push(...Object.keys(o));
  }
  return out;
}

const DEP_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const MAX_DEPTH = 1000;

function fromPackages(
  packages: Record<string, unknown>,
  doc: JsonWithLines,
  declared: Set<string> | undefined,
): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  const keys = new Set(Object.keys(packages));
  const byKey = new Map<string, LockedPackage>();
  for (const [key, raw] of Object.entries(packages)) {
    const e = asObject(raw);
    if (!e || key === '' || !key.includes('node_modules/')) continue;
    if (e.link === true) continue;
    const name = str(e, 'name') ?? nameFromKey(key);
    const version = stringAt(e, 'version', 'package-lock.json', doc.lineOf(['packages', key]));
    if (!version) continue;
    const p: LockedPackage = {
      id: key,
      ecosystem: 'npm',
      name,
      version,
      purl: purlFor('npm', name, version),
      direct: false,
      line: doc.lineOf(['packages', key]) ?? 1,
    };
    const integrity = str(e, 'integrity');
    const resolved = str(e, 'resolved');
    if (integrity) p.integrity = integrity;
    if (resolved) p.resolved = resolved;
    if (e.dev === true) p.dev = true;
    if (e.optional === true) p.optional = true;
    if (e.inBundle === true) p.inBundle = true;
    inv.packages.push(p);
    byKey.set(key, p);
  }
  // Node's resolution: look in <dir>/node_modules/<dep>, then each parent directory.
  const resolve = (from: string, dep: string): string | undefined => {
    let dir = from;
    for (;;) {
      const candidate = dir === '' ? `node_modules/${dep}` : `${dir}/node_modules/${dep}`;
      if (keys.has(candidate)) return candidate;
      if (dir === '') return undefined;
      const i = dir.lastIndexOf('/node_modules/');
      dir = i >= 0 ? dir.slice(0, i) : '';
    }
  };
  for (const [key, raw] of Object.entries(packages)) {
    const e = asObject(raw);
    if (!e || (key !== '' && !byKey.has(key))) continue;
    for (const dep of depNames(e, DEP_FIELDS)) {
      const to = resolve(key, dep);
      if (to && byKey.has(to) && key !== '') inv.edges.push([key, to]);
    }
  }
  const rootEntry = asObject(packages['']);
  const direct = new Set<string>();
  if (rootEntry) {
    for (const dep of depNames(rootEntry, [...DEP_FIELDS, 'devDependencies']))
      direct.add(`node_modules/${dep}`);
  } else {
    // npm's hidden lockfile (node_modules/.package-lock.json) has no root entry: the manifest says what is
    // direct; without it, every top-level package is taken as direct.
    for (const k of byKey.keys())
      if (k.split('node_modules/').length === 2 && (!declared || declared.has(nameFromKey(k)))) direct.add(k);
  }
  return computePaths(inv, direct);
}

function fromV1(
  deps: Record<string, unknown>,
  doc: JsonWithLines,
  declared: Set<string> | undefined,
): Inventory {
  const inv: Inventory = { packages: [], edges: [], notes: [] };
  // Each entry's id is its nesting path; `requires` resolve like Node: own nested deps, then ancestors'.
  interface Scope {
    ids: Map<string, string>;
    parent: Scope | undefined;
  }
  const pending = new Map<string, { requires: string[]; scope: Scope }>();
  const visit = (tree: Record<string, unknown>, jsonPath: string[], parent: Scope | undefined): Scope => {
    // Real trees are a few dozen levels deep; a hostile one must not exhaust the stack.
    if (jsonPath.length > MAX_DEPTH) {
      throw new ParseError(
        `package-lock.json: dependencies nested deeper than ${MAX_DEPTH} levels`,
        doc.lineOf(jsonPath.flatMap((n) => ['dependencies', n])),
      );
    }
    const scope: Scope = { ids: new Map(), parent };
    const children: [Record<string, unknown>, string[], string][] = [];
    for (const [name, raw] of Object.entries(tree)) {
      const e = asObject(raw);
      const version = str(e, 'version');
      if (!e || !version) continue;
      const here = [...jsonPath, name];
      const id = here.join('>');
      scope.ids.set(name, id);
      const p: LockedPackage = {
        id,
        ecosystem: 'npm',
        name,
        version,
        purl: purlFor('npm', name, version),
        direct: false,
        line: doc.lineOf(here.flatMap((n) => ['dependencies', n])) ?? 1,
      };
      const integrity = str(e, 'integrity');
      const resolved = str(e, 'resolved');
      if (integrity) p.integrity = integrity;
      if (resolved) p.resolved = resolved;
      if (e.dev === true) p.dev = true;
      if (e.optional === true) p.optional = true;
      // Lockfile v1 spells a bundled dependency `"bundled": true`.
      if (e.bundled === true) p.inBundle = true;
      inv.packages.push(p);
      pending.set(id, { requires: Object.keys(asObject(e.requires) ?? {}), scope });
      const nested = asObject(e.dependencies);
      if (nested) children.push([nested, here, id]);
    }
    for (const [nested, here, id] of children) {
      const child = visit(nested, here, scope);
      const entry = pending.get(id);
      if (entry) entry.scope = child;
    }
    return scope;
  };
  const top = visit(deps, [], undefined);
  for (const [id, { requires, scope }] of pending) {
    for (const dep of requires) {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const to = s.ids.get(dep);
        if (to) {
          inv.edges.push([id, to]);
          break;
        }
      }
    }
  }
  // v1 does not list the root's own dependencies: take them from package.json, else guess from what nothing requires.
  const required = new Set(inv.edges.map(([, to]) => to));
  const direct = new Set(
    [...top.ids]
      .filter(([name, id]) => (declared ? declared.has(name) : !required.has(id)))
      .map(([, id]) => id),
  );
  return computePaths(inv, direct);
}

/** Dependency names a package.json declares (all four dependency fields); undefined when absent or invalid. */
export function manifestDeps(manifest: string | undefined): Set<string> | undefined {
  if (manifest === undefined) return undefined;
  let o: Record<string, unknown> | undefined;
  try {
    o = asObject(JSON.parse(manifest));
  } catch (err) {
    // A broken manifest only costs the direct/transitive split; the lockfile is still parsed.
    void err;
    return undefined;
  }
  return new Set(depNames(o ?? {}, [...DEP_FIELDS, 'devDependencies']));
}
