import type { SgNode } from '@ast-grep/napi';
import type { DefinitionLookup } from './definitions.js';
import { EXITS, reassigns } from './taint-support.js';
import type { Spot } from './file-index.js';
import type { Guard, TaintOptions } from './taint-support.js';

/** The index of the first spot that starts at `start` or later (spots sorted by start). */
function firstFrom(list: readonly Spot[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.start ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a use of a name is protected by an `if` whose condition checks it with one of the rule's
 * guards (an allow-list, a type check): inside the `if`, or after it when its failing branch leaves.
 */
export class GuardChecker {
  private readonly guards = new Map<number, Guard>();
  private readonly ifCache: Map<number, SgNode[]>;

  constructor(
    private readonly o: TaintOptions,
    private readonly defs: DefinitionLookup,
  ) {
    this.ifCache = o.index.ifs;
  }

  guarded(use: SgNode): boolean {
    if (this.o.guards.length === 0) return false;
    const scope = this.defs.scopeOf(use) ?? this.o.root;
    let ifs = this.ifCache.get(scope.id());
    if (!ifs) {
      ifs = scope.findAll({ rule: { kind: this.o.syn.ifStatement } });
      this.ifCache.set(scope.id(), ifs);
    }
    const name = use.text();
    const useStart = use.range().start.index;
    for (const s of ifs) {
      const g = this.guardOf(s);
      if (g.start > useStart || (!g.all && !g.names.has(name))) continue;
      // The guard protects the code inside it, or after it when its failing branch leaves or overwrites the value.
      if (useStart < g.end || g.exits || reassigns(g.consequence, name)) return true;
    }
    return false;
  }

  /** What one `if` guards (computed once per statement): the names its condition checks. */
  guardOf(s: SgNode): Guard {
    const id = s.id();
    let g = this.guards.get(id);
    if (g) return g;
    const r = s.range();
    const cons = s.field('consequence')?.text() ?? '';
    g = {
      start: r.start.index,
      end: r.end.index,
      names: new Set(),
      all: false,
      exits: EXITS.test(cons),
      consequence: cons,
    };
    const c = s.field('condition')?.range();
    const spots = c ? this.o.index.spotsOf(this.o.root, this.o.lang, this.o.guards) : undefined;
    // The guards' matches in the condition's subtree: those within its offsets (its ancestors are longer).
    for (const m of c ? this.o.guards : []) {
      const list = spots?.get(m) ?? [];
      // The matches are in document order: start at the first that begins in the condition.
      for (let i = firstFrom(list, c?.start.index ?? 0); i < list.length; i++) {
        const hit = list[i];
        if (!c || !hit || hit.start > c.end.index) break;
        if (hit.end > c.end.index) continue;
        if (hit.x !== undefined) g.names.add(hit.x);
        else g.all = true;
      }
    }
    this.guards.set(id, g);
    return g;
  }
}
