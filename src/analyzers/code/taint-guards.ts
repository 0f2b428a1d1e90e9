import type { SgNode } from '@ast-grep/napi';
import type { DefinitionLookup } from './definitions.js';
import { EXITS, reassigns } from './taint-support.js';
import type { Spot } from './file-index.js';
import type { Guard, TaintOptions } from './taint-support.js';
import type { TaintBudget } from './taint-budget.js';

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

type KeptGuard = { guard: Guard; cost: number };
type IfStatement = { node: SgNode; id: number; start: number };

/**
 * Whether a use of a name is protected by an `if` whose condition checks it with one of the rule's
 * guards (an allow-list, a type check): inside the `if`, or after it when its failing branch leaves.
 */
export class GuardChecker {
  private readonly guards: Map<number, KeptGuard>;
  private readonly ifCache: Map<number, IfStatement[]>;
  /** The `if`s whose kept guard this checker has been charged for (once each, as when it found them itself). */
  private readonly charged = new Set<number>();

  constructor(
    private readonly o: TaintOptions,
    private readonly defs: DefinitionLookup,
    private readonly budget: TaintBudget,
  ) {
    this.ifCache = o.index.ifs;
    // Without guards nothing is asked: no map is kept for the rule.
    let g = o.guards.length === 0 ? new Map<number, KeptGuard>() : o.index.guards.get(o.guards);
    if (!g) o.index.guards.set(o.guards, (g = new Map<number, KeptGuard>()));
    this.guards = g;
  }

  guarded(use: SgNode): boolean {
    if (this.o.guards.length === 0) return false;
    const scope = this.defs.scopeOf(use) ?? this.o.root;
    let ifs = this.ifCache.get(scope.id());
    if (!ifs) {
      ifs = scope
        .findAll({ rule: { kind: this.o.syn.ifStatement } })
        .map((node) => ({ node, id: node.id(), start: node.range().start.index }));
      this.ifCache.set(scope.id(), ifs);
    }
    // A scope with thousands of `if`s makes this loop cost more than a step: a step per 64. Out of steps,
    // the use counts as guarded: a cut evaluation must not report what it could not check.
    if (!this.budget.charge(ifs.length >> 6)) return true;
    const name = use.text();
    const useStart = use.range().start.index;
    // In document order: an `if` that starts after the use cannot guard it, nor can any after it.
    for (const s of ifs) {
      if (s.start > useStart) break;
      const g = this.guardOf(s.node, s.id);
      // Out of steps part way, the use counts as guarded (as above), whether the guard was kept or not.
      if (this.budget.spent) return true;
      if (g.start > useStart || (!g.all && !g.names.has(name))) continue;
      // The guard protects the code inside it, or after it when its failing branch leaves or overwrites the value.
      if (useStart < g.end || g.exits || reassigns(g.consequence, name)) return true;
    }
    return false;
  }

  /**
   * What one `if` guards: the names its condition checks. Kept per file and set of guards (every rule with
   * the same guards, every evaluator), charged what finding it cost each time.
   */
  guardOf(s: SgNode, id = s.id()): Guard {
    const kept = this.guards.get(id);
    if (kept) {
      if (!this.charged.has(id)) {
        this.charged.add(id);
        this.budget.charge(kept.cost);
      }
      return kept.guard;
    }
    const before = this.budget.charged;
    const g = this.findGuard(s);
    this.charged.add(id);
    if (!this.budget.spent) this.guards.set(id, { guard: g, cost: this.budget.charged - before });
    return g;
  }

  private findGuard(s: SgNode): Guard {
    const r = s.range();
    const cons = s.field('consequence')?.text() ?? '';
    const g: Guard = {
      start: r.start.index,
      end: r.end.index,
      names: new Set(),
      all: false,
      exits: EXITS.test(cons),
      consequence: cons,
    };
    const cond = s.field('condition');
    // The condition itself, and the value of a name it only tests for truth (`if (!upload) return`
    // after `const upload = await uploads.findOne({ _id: id })`, or after `const ok = p.startsWith(base)`).
    const tested = cond ? testedName(cond) : undefined;
    const values = tested
      ? this.defs
          .definitionsOf(tested)
          .flatMap((d) => (d.kind === 'value' && d.keys.length === 0 ? [d.value] : []))
      : [];
    const spots = cond ? this.o.index.spotsOf(this.o.root, this.o.lang, this.o.guards) : undefined;
    for (const m of cond ? this.o.guards : []) {
      const list = spots?.get(m) ?? [];
      for (const within of [cond, ...values]) {
        // The guard's matches in this node's subtree: those within its offsets (its ancestors are
        // longer); the list is in document order, so the search starts at the first that begins there.
        const r = within?.range();
        for (let i = firstFrom(list, r?.start.index ?? 0); r && i < list.length; i++) {
          const hit = list[i];
          if (!hit || hit.start > r.end.index) break;
          if (hit.end > r.end.index) continue;
          if (hit.x !== undefined) g.names.add(hit.x);
          else if (within === cond) g.all = true;
        }
      }
    }
    return g;
  }
}

/** The name a condition tests for truth alone (`x`, `!x`, `(x)`), if that is all it does. */
function testedName(cond: SgNode): SgNode | undefined {
  let c: SgNode | null = cond;
  for (let i = 0; c && i < 4; i++) {
    const k = c.kind();
    if (k === 'identifier') return c;
    if (k === 'parenthesized_expression') c = c.namedChildren()[0] ?? null;
    else if (k === 'unary_expression' && c.field('operator')?.text() === '!') c = c.field('argument');
    else if (k === 'not_operator') c = c.field('argument');
    else return undefined;
  }
  return undefined;
}
