import type { SgNode } from '@ast-grep/napi';
import { classify } from './scope.js';
import type { Definition } from './scope.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';
import type { TaintBudget } from './taint-budget.js';
import { BLOCKS, contains } from './taint-support.js';
import { ClosureWrites } from './closure-writes.js';
import { startOf } from './file-index.js';
import type { FileIndex } from './file-index.js';

/** Where a name gets its value: scoped definition lookups over one file's tree, cached in its index. */
export class DefinitionLookup {
  constructor(
    private readonly index: FileIndex,
    private readonly root: SgNode,
    private readonly syn: Syntax,
    private readonly python: boolean,
    private readonly budget: TaintBudget,
  ) {}

  /** Writes to a function's variable made in its closures, for a read in another closure (closure-writes.ts). */
  private readonly closures = new ClosureWrites({
    scopeOf: (n) => this.scopeOf(n),
    hits: (scope, name) => this.hits(scope, name),
    classified: (h) => this.classified(h),
  });

  /** The innermost function around `node` (undefined at module level), cached per node. */
  scopeOf(node: SgNode): SgNode | undefined {
    const id = node.id();
    const fnOf = this.index.fnOf;
    if (fnOf.has(id)) return fnOf.get(id);
    const f = this.index.functionAround(this.root, this.syn, node);
    fnOf.set(id, f);
    return f;
  }

  /** The definition an occurrence makes, classified once per node. */
  private classified(h: SgNode): Definition | undefined {
    const id = h.id();
    let d = this.index.defs.get(id);
    if (d === undefined) {
      d = classify(h, this.syn, this.python) ?? null;
      this.index.defs.set(id, d);
    }
    return d ?? undefined;
  }

  private hits(scope: SgNode, name: string): SgNode[] {
    const key = `${scope.id()}:${name}`;
    let h = this.index.hits.get(key);
    if (!h) {
      const all = this.index.names(this.root, this.syn, this.python).get(name) ?? [];
      if (scope.id() === this.root.id()) h = all.map((x) => x.node);
      else {
        const r = scope.range();
        h = all.filter((x) => startOf(x) >= r.start.index && startOf(x) < r.end.index).map((x) => x.node);
      }
      this.index.hits.set(key, h);
    }
    return h;
  }

  /**
   * The occurrences of `name` in `scope` that define it (most are plain uses), kept per file: a lookup per
   * use that walked every occurrence made a name used n times in a function cost n² (2,000 `req`s, 16 s).
   */
  private defining(scope: SgNode, name: string): { node: SgNode; start: number; d: Definition }[] {
    const key = `${scope.id()}:${name}`;
    let out = this.index.defining.get(key);
    if (!out) {
      out = [];
      for (const node of this.hits(scope, name)) {
        const d = this.classified(node);
        if (d) out.push({ node, start: node.range().start.index, d });
      }
      this.index.defining.set(key, out);
    }
    return out;
  }

  /** What a function returns: an arrow function's expression body, and its own `return`s (kept per file). */
  returnsOf(fn: SgNode): SgNode[] {
    const kept = this.index.returns.get(fn.id());
    if (kept) return kept;
    const returns: SgNode[] = [];
    const body = fn.field('body');
    if (body && !BLOCKS.has(kindOf(body)) && body.kind() !== 'statement_block') returns.push(body);
    for (const r of fn.findAll({ rule: { kind: this.syn.returnStatement } })) {
      if (this.scopeOf(r)?.id() !== fn.id()) continue;
      const e = r.namedChildren()[0];
      if (e) returns.push(e);
    }
    this.index.returns.set(fn.id(), returns);
    return returns;
  }

  /** The values a variable is assigned where `use` reads it; empty when any definition is not a plain value. */
  plainValuesOf(use: SgNode): SgNode[] {
    if (!this.syn.identifiers.has(kindOf(use))) return [];
    const defs = this.definitionsOf(use);
    const plain = defs.filter((d) => d.kind === 'value' && d.keys.length === 0);
    return plain.length === defs.length ? plain.map((d) => (d as { value: SgNode }).value) : [];
  }

  /** Definitions of the name at `use` that may reach it, from the innermost scope that defines it. */
  definitionsOf(use: SgNode): Definition[] {
    const id = use.id();
    const known = this.index.reach.get(id);
    // A kept answer costs what finding it cost, so that a lookup made earlier (for another file that
    // imports this module) changes nothing of what this evaluation may still do.
    if (known) return this.budget.charge(known.cost) ? known.defs : [];
    const cost = { steps: 0 };
    const defs = this.lookup(use, cost);
    // An empty answer may come from a spent budget: only complete answers are kept.
    if (defs) this.index.reach.set(id, { defs, cost: cost.steps });
    return defs ?? [];
  }

  private lookup(use: SgNode, cost: { steps: number }): Definition[] | undefined {
    const name = use.text();
    const useStart = use.range().start.index;
    const scopes: SgNode[] = [];
    for (let f = this.scopeOf(use); f; f = this.scopeOf(f)) scopes.push(f);
    scopes.push(this.root);
    for (let si = 0; si < scopes.length; si++) {
      const scope = scopes[si];
      if (!scope) continue;
      const scopeFn = si === scopes.length - 1 ? undefined : scope.id();
      const defs: Definition[] = [];
      // A name used thousands of times costs more than a step: a step per 64 occurrences, as when every
      // occurrence was looked at here (only those that define the name are: see defining()).
      for (let n = this.hits(scope, name).length >> 6; n > 0; n--) {
        cost.steps++;
        if (!this.budget.charge(1)) return undefined;
      }
      let inComprehension = false;
      // A use in a closure of a function (not at module level) sees that function's variable written in its
      // other closures, unless a function between them declares its own.
      // (Asked only once such a write is met: `undefined` until then.)
      let closureWrites: boolean | undefined =
        !this.python && si > 0 && scopeFn !== undefined ? undefined : false;
      for (const { node: h, start, d } of this.defining(scope, name)) {
        if (h.id() === use.id()) continue;
        // A comprehension's variable is its own (Python 3): it neither reaches a use outside it nor lets an
        // outer definition reach one inside it (`[r.send() for request in pending]` beside Flask's `request`).
        const comprehension = this.python ? comprehensionOf(d) : undefined;
        if (comprehension) {
          if (!contains(comprehension, use) || (d.kind === 'value' && contains(d.value, use))) continue;
          // Its body comes before its `for` clause: the definition reaches the body all the same.
          if (!inComprehension) defs.length = 0;
          inComprehension = true;
          defs.push(d);
          continue;
        }
        if (inComprehension) continue;
        if (si === 0 && start > useStart) continue;
        if (this.scopeOf(h)?.id() !== scopeFn) {
          // A parameter belongs to the function that declares it, not to the body around it.
          if (d.kind === 'param' && d.fn.id() === scopeFn) defs.push(d);
          else if ((closureWrites ??= !scopes.slice(0, si).some((f) => this.closures.declares(f, name)))) {
            const w = this.closures.write(d, h, name, scope);
            if (w) defs.push(w);
          }
          continue;
        }
        if (d.kind !== 'param' && contains(d.value, use)) continue;
        defs.push(d);
      }
      // In an outer scope (a closure's use), a definition the function overwrote before it made the closure
      // cannot reach it either; one made after it (or in a branch not around it) still can.
      if (defs.length > 0) return reaching(defs, use);
    }
    return [];
  }
}

/** The comprehension whose `for … in` clause makes definition `d`, if it is one. */
function comprehensionOf(d: Definition): SgNode | undefined {
  if (d.kind !== 'value') return undefined;
  const clause = d.value.parent();
  return clause?.kind() === 'for_in_clause' ? (clause.parent() ?? undefined) : undefined;
}

/**
 * Whether `child` of `p` runs only when a condition of `p` holds: a branch of an `if` or a conditional
 * expression, a loop's body, the right of `&&`, `||` or `??`.
 */
function conditionalPart(p: SgNode, child: SgNode): boolean {
  const k = kindOf(p);
  if (k === 'else_clause') return true;
  if (k === 'if_statement' || k === 'ternary_expression') return p.field('condition')?.id() !== child.id();
  if (k === 'while_statement' || k === 'for_statement' || k === 'for_in_statement')
    return p.field('body')?.id() === child.id();
  return (
    k === 'binary_expression' &&
    p.field('right')?.id() === child.id() &&
    /^(?:&&|\|\||\?\?)$/.test(p.field('operator')?.text() ?? '')
  );
}

function isTryBody(block: SgNode): boolean {
  const p = block.parent();
  return !!p && kindOf(p) === 'try_statement' && p.field('body')?.id() === block.id();
}

/**
 * Drops definitions overwritten by a later one in a block that encloses the use (or the closure holding it;
 * what that gives up: a loop that runs such an earlier definition again after making a closure that runs
 * later). One made only under a condition (`if (x) name = 'a.txt';` without braces, `x && (name = …)`)
 * overwrites nothing: the value before it still reaches the use when the condition fails, as it does for a
 * braced branch.
 */
function reaching(defs: Definition[], use: SgNode): Definition[] {
  const out: Definition[] = [];
  for (let i = defs.length - 1; i >= 0; i--) {
    const d = defs[i];
    if (!d) continue;
    out.push(d);
    if (d.kind === 'value' && d.strong) {
      let child = d.node;
      let block = d.node.parent();
      let conditional = false;
      // A `try` body runs straight on until it throws (and a `catch` that goes on is rare): not a block of its
      // own, except for its `catch` and `finally`, which run when the write may not have happened.
      while (block && (!BLOCKS.has(kindOf(block)) || isTryBody(block))) {
        conditional ||= conditionalPart(block, child);
        if (isTryBody(block) && !contains(block, use) && block.parent() && contains(block.parent()!, use))
          conditional = true;
        child = block;
        block = block.parent();
      }
      if (!conditional && block && contains(block, use)) break;
    }
  }
  return out;
}
