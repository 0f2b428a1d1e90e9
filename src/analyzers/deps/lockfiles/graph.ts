import type { Inventory, LockedPackage } from './types.js';

/**
 * Marks `direct` and fills `path` for transitive packages by a breadth-first walk from the direct ones,
 * so each path is a shortest chain from a dependency the project declared.
 */
export function computePaths(inv: Inventory, directIds: ReadonlySet<string>): Inventory {
  const byId = new Map<string, LockedPackage>();
  for (const p of inv.packages) byId.set(p.id, p);
  const out = new Map<string, string[]>();
  for (const [from, to] of inv.edges) {
    let l = out.get(from);
    if (!l) out.set(from, (l = []));
    l.push(to);
  }
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const id of directIds) {
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
  for (const p of inv.packages) {
    p.direct = directIds.has(p.id);
    if (p.direct || !parent.has(p.id)) continue;
    const chain: string[] = [];
    for (let cur: string | null | undefined = p.id; cur; cur = parent.get(cur)) {
      const q = byId.get(cur);
      if (q) chain.push(`${q.name}@${q.version}`);
    }
    p.path = chain.reverse();
  }
  return inv;
}

/** Ids of packages nothing else depends on: the best guess at direct dependencies when the lockfile does not say. */
export function rootsOf(inv: Inventory): Set<string> {
  const hasParent = new Set(inv.edges.map(([, to]) => to));
  return new Set(inv.packages.filter((p) => !hasParent.has(p.id)).map((p) => p.id));
}
