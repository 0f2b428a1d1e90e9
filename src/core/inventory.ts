/**
 * The dependency inventory of a scan (the SBOM's content): every package a lockfile or manifest
 * declares, with its scope, whether the project asks for it directly, where it was declared, and
 * the dependency graph. Part of the scan result, so the SBOM and the findings come from one run.
 */

/** 'dev': development or test only; 'unknown': the file does not say (a go.mod, a Cargo.lock). */
export type ComponentScope = 'required' | 'dev' | 'optional' | 'unknown';

export interface InventoryComponent {
  /** The purl; what `dependencies` refer to. */
  ref: string;
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  scope: ComponentScope;
  /** Declared by the project itself, not only brought in by another package. */
  direct: boolean;
  /** The lockfile or manifest (relative path) that declared it first, in path order. */
  declaredIn: string;
  hashes?: { alg: string; value: string }[];
}

/** A declared dependency no version could be found for (a range without a lockfile or an installed copy). */
export interface UnresolvedComponent {
  ecosystem: string;
  name: string;
  /** The purl without a version (`pkg:npm/express`), as the purl spec allows. */
  purl: string;
  /** The declaration as written (a range, a tag, a URL with credentials masked). */
  range: string;
  /** Why it is unresolved. */
  reason: string;
  scope: ComponentScope;
  /** The manifest (relative path) that declared it. */
  declaredIn: string;
}

export interface Inventory {
  components: InventoryComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
  /** Declared dependencies left without a version (schemaVersion 1.4.0); absent when every one resolved. */
  unresolved?: UnresolvedComponent[];
}

/** One file's packages as an analyzer declares them: local ids for the edges, scope already decided. */
export interface DeclaredInventory {
  path: string;
  packages: {
    id: string;
    ecosystem: string;
    name: string;
    version: string;
    purl: string;
    scope: ComponentScope;
    direct: boolean;
    hashes?: { alg: string; value: string }[];
  }[];
  /** [from id, to id]. */
  edges: [string, string][];
  unresolved?: Omit<UnresolvedComponent, 'declaredIn'>[];
}

// When lockfiles disagree, the broadest scope wins: a package needed at run time anywhere is required.
const RANK: Record<ComponentScope, number> = { required: 3, optional: 2, dev: 1, unknown: 0 };

/** Merges the files' declarations into one inventory keyed by purl, in path order (deterministic). */
export function mergeInventories(declared: readonly DeclaredInventory[]): Inventory {
  const byRef = new Map<string, InventoryComponent>();
  const edges = new Map<string, Set<string>>();
  for (const d of [...declared].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const purlOf = new Map<string, string>();
    for (const p of d.packages) {
      purlOf.set(p.id, p.purl);
      const prev = byRef.get(p.purl);
      if (!prev) {
        const c: InventoryComponent = {
          ref: p.purl,
          ecosystem: p.ecosystem,
          name: p.name,
          version: p.version,
          purl: p.purl,
          scope: p.scope,
          direct: p.direct,
          declaredIn: d.path,
        };
        if (p.hashes && p.hashes.length > 0) c.hashes = p.hashes.map((h) => ({ ...h }));
        byRef.set(p.purl, c);
        continue;
      }
      prev.direct ||= p.direct;
      if (RANK[p.scope] > RANK[prev.scope] && !(prev.scope === 'dev' && p.scope === 'unknown'))
        prev.scope = p.scope;
      if (!prev.hashes && p.hashes && p.hashes.length > 0) prev.hashes = p.hashes.map((h) => ({ ...h }));
    }
    for (const [from, to] of d.edges) {
      const a = purlOf.get(from);
      const b = purlOf.get(to);
      if (!a || !b || a === b) continue;
      const set = edges.get(a) ?? new Set<string>();
      set.add(b);
      edges.set(a, set);
    }
  }
  const components = [...byRef.values()].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  // One entry per manifest and package: a name in both dependencies and devDependencies is listed once.
  const unresolved = new Map<string, UnresolvedComponent>();
  for (const d of [...declared].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
    for (const u of d.unresolved ?? []) {
      const k = `${d.path}\0${u.purl}`;
      if (!unresolved.has(k)) unresolved.set(k, { ...u, declaredIn: d.path });
    }
  return {
    components,
    dependencies: components.map((c) => ({ ref: c.ref, dependsOn: [...(edges.get(c.ref) ?? [])].sort() })),
    ...(unresolved.size > 0 ? { unresolved: [...unresolved.values()] } : {}),
  };
}
