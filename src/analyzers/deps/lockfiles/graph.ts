import type { Inventory, LockedPackage } from './types.js';

/**
 * What a production install reaches, for lockfiles that carry no dev flag (yarn, pnpm 9, bun): `prod` are the ids
 * the manifests' `dependencies`, `optionalDependencies` and `peerDependencies` resolve to (every workspace's);
 * `unresolved` are the edges (from id, descriptor) the lockfile names but no entry of it holds. When `prod` is
 * undefined, or a package a production install reaches has an unresolved edge, nothing is marked dev.
 */
export interface ProductionRoots {
  prod: ReadonlySet<string> | undefined;
  /** Why `prod` could not be computed (said in a note), when it is undefined. */
  reason?: string;
  unresolved: readonly (readonly [string, string])[];
  /** The lockfile's name, for the note. */
  file: string;
}

function adjacency(inv: Inventory): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [from, to] of inv.edges) {
    let l = out.get(from);
    if (!l) out.set(from, (l = []));
    l.push(to);
  }
  return out;
}

/** Breadth-first from `starts` (those not yet in `parent`), recording each package's parent. */
function walk(
  starts: Iterable<string>,
  out: ReadonlyMap<string, string[]>,
  byId: ReadonlyMap<string, LockedPackage>,
  parent: Map<string, string | null>,
): void {
  const queue: string[] = [];
  for (const id of starts) {
    if (byId.has(id) && !parent.has(id)) {
      parent.set(id, null);
      queue.push(id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const next of out.get(id) ?? []) {
      if (!parent.has(next) && byId.has(next)) {
        parent.set(next, id);
        queue.push(next);
      }
    }
  }
}

/**
 * Marks `direct` and fills `path` for transitive packages by a breadth-first walk from the direct ones,
 * so each path is a shortest chain from a dependency the project declared. With `roots`, the walk starts from
 * the production ones: a package it reaches gets a chain of production dependencies, and a package it does not
 * reach is marked dev (a production install does not install it), unless `roots` says the split cannot be told.
 */
export function computePaths(
  inv: Inventory,
  directIds: ReadonlySet<string>,
  roots?: ProductionRoots,
): Inventory {
  const byId = new Map<string, LockedPackage>();
  for (const p of inv.packages) byId.set(p.id, p);
  const out = adjacency(inv);
  const parent = new Map<string, string | null>();
  let prodReached: Set<string> | undefined;
  if (roots?.prod) {
    walk(roots.prod, out, byId, parent);
    prodReached = new Set(parent.keys());
    const missing = roots.unresolved.filter(([from]) => prodReached!.has(from));
    if (missing.length > 0) {
      const [from, descriptor] = missing[0]!;
      inv.notes.push(
        `${roots.file}: development-only packages not told: ${byId.get(from)?.name ?? from}'s dependency ` +
          `${descriptor} has no entry in the lockfile (${missing.length} such), so no package is taken as ` +
          'development-only',
      );
      prodReached = undefined;
    }
  } else if (roots?.reason) {
    inv.notes.push(`${roots.file}: development-only packages not told: ${roots.reason}`);
  }
  walk(directIds, out, byId, parent);
  for (const p of inv.packages) {
    p.direct = directIds.has(p.id) || (roots?.prod?.has(p.id) ?? false);
    if (prodReached && !prodReached.has(p.id)) p.dev = true;
    if (p.direct || !parent.has(p.id)) continue;
    const chain: string[] = [];
    for (let cur: string | null | undefined = p.id; cur; cur = parent.get(cur)) {
      const q = byId.get(cur);
      if (q) chain.push(`${q.name}@${q.version}`);
    }
    p.path = chain.reverse();
  }
  if (prodReached) inv.devMarked = true;
  return inv;
}

/** Ids of packages nothing else depends on: the best guess at direct dependencies when the lockfile does not say. */
export function rootsOf(inv: Inventory): Set<string> {
  const hasParent = new Set(inv.edges.map(([, to]) => to));
  return new Set(inv.packages.filter((p) => !hasParent.has(p.id)).map((p) => p.id));
}
