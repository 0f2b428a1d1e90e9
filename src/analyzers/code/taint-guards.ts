import type { SgNode } from '@ast-grep/napi';
import { kindOf, nodeAt } from './syntax.js';
import type { DefinitionLookup } from './definitions.js';
import { afterEnd, EXITS, reassigns, spansWithin } from './taint-support.js';
import type { Spot } from './file-index.js';
import type { Guard, TaintOptions } from './taint-support.js';
import { GUARD_POLARITY } from './rule-schema.js';
import { behindSlash, SLASH, slashedCheck } from './slash-guard.js';
import { implied, inPythonChain, isLiteralComparison } from './literal-choice.js';
import { overwritesIn, overwrittenBetween } from './guard-overwrites.js';
import type { Matcher } from './rule-schema.js';
import type { TaintBudget } from './taint-budget.js';
import { partReceiver } from './taint-shapes.js';
import { validatorArgNames, validatorChecks } from './own-validators.js';
import { assertStatements, mayBeAsserted } from './own-asserts.js';
import { constCopies } from './text-scans.js';
import { NodeMemo } from './node-memo.js';
import { comparedNames, testedName } from './guard-conditions.js';
import { absoluteAlsoRefused, DOTDOT, dotdotCheck, exposedAlong, pyRootExposed } from './dotdot-guard.js';
import { relativeContained, relativeTargetNames } from './relative-guard.js';

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
/** Whether a use is sent behind a fixed `/` (slash-guard.ts), per file and node: asked by every rule's checker. */
const SLASHED = new NodeMemo<boolean>();
/** The texts guards check (GuardChecker.mayName), per file index and set of guards. */
const NAMED = new WeakMap<object, Map<readonly Matcher[], Set<string> | 'all'>>();
/** The assignments that replace a name's value (guard-overwrites.ts), per file index and scope id. */
const OVERWRITES = new WeakMap<object, Map<number, Map<string, number[]>>>();
/** An `if` of a scope, with its id and offset, and the id of the function around it once asked (null: none). */
type IfStatement = { node: SgNode; id: number; start: number; end: number; fn?: number | null };

/**
 * Whether a use of a name is protected by an `if` whose condition checks it with one of the rule's
 * guards (an allow-list, a type check): inside the `if`, or after it when its failing branch leaves.
 */
export class GuardChecker {
  private readonly guards: Map<number, KeptGuard>;
  private readonly ifCache: Map<number, IfStatement[]>;
  /** The `if`s whose kept guard this checker has been charged for (once each, as when it found them itself). */
  private readonly charged = new Set<number>();
  /** Every text a guard match in the file checks (mayName), or 'all' when a guard checks the whole condition. */
  private named: Set<string> | 'all' | undefined;

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

  /** A request value read where it is checked, or a part of one read in place (partReceiver). */
  guardedSource(read: SgNode): boolean {
    const whole = partReceiver(read);
    return this.guarded(read) || (whole !== undefined && this.guarded(whole));
  }

  guarded(use: SgNode): boolean {
    if (this.o.guards.length === 0) return false;
    const name = use.text();
    if (!this.mayName(name)) return false;
    const useStart = use.range().start.index;
    const slashed = SLASHED.of(this.o.index, use, () => behindSlash(use));
    // A name checked only for `..` (DOTDOT) is not safe where the use hands it to `path.resolve` and the like,
    // there or further on: asked only of a use a `..` check would otherwise cover (it follows copies and calls).
    let known: boolean | undefined;
    const exposed = (): boolean =>
      (known ??= this.o.python
        ? pyRootExposed(use)
        : exposedAlong(use, (n) => this.o.index.functionsNamed(this.o.root, this.o.syn, false, n)));
    // A check made before a callback is made covers the callback (`if (!validatePaths(p)) return;
    // fs.stat(p, () => readFile(p))`), unless the callback declares a name of its own that hides it.
    // JavaScript only: a Python function makes a local by assigning, which the text check cannot tell.
    const own = this.o.python ? undefined : /^[\w$]+/.exec(name)?.[0];
    let scope = this.defs.scopeOf(use) ?? this.o.root;
    const inner: SgNode[] = [];
    for (let depth = 0; depth < 8; depth++) {
      if (this.guardedIn(scope, name, useStart, depth > 0, slashed, exposed))
        return inner.every((fn) => !declares(fn, own ?? name));
      const up = scope.parent();
      if (!up || !own || scope.id() === this.o.root.id()) return false;
      inner.push(scope);
      scope = this.defs.scopeOf(up) ?? this.o.root;
    }
    return false;
  }

  /**
   * False when no guard match in the file checks `name` (nor names a `const` that copies it): most uses are
   * then answered without looking at a single `if`.
   */
  private mayName(name: string): boolean {
    if (!this.named) {
      // Kept per file and set of guards, as the guards themselves are: every rule and evaluator shares it.
      let perGuards = NAMED.get(this.o.index);
      if (!perGuards)
        NAMED.set(this.o.index, (perGuards = new Map<readonly Matcher[], Set<string> | 'all'>()));
      const kept = perGuards.get(this.o.guards);
      if (kept) this.named = kept;
    }
    if (!this.named) {
      const named = new Set<string>();
      const scanned = new Set<string>();
      const text = this.o.root.text();
      for (const list of this.o.index.spotsOf(this.o.root, this.o.lang, this.o.guards).values()) {
        for (const hit of list) {
          if (hit.x === undefined) {
            this.named = 'all';
            NAMED.get(this.o.index)?.set(this.o.guards, 'all');
            return true;
          }
          const files = this.o.python ? [] : relativeTargetNames(hit.x, text);
          for (const x of [hit.x, ...checkedNames(hit.x), ...files]) {
            named.add(x);
            if (!/^[\w$]+$/.test(x) || scanned.has(x)) continue;
            scanned.add(x);
            // Every const of that name: another function may declare one copying something else first.
            for (const c of constCopies(this.o.index, text, x)) named.add(c);
          }
        }
      }
      if (this.o.calls?.validatedArgs && !this.o.python)
        for (const x of validatorArgNames(this.o.index, text)) named.add(x);
      this.named = named;
      NAMED.get(this.o.index)?.set(this.o.guards, named);
    }
    return this.named === 'all' || this.named.has(name);
  }

  /**
   * `outer`: the use is in a callback inside `scope`; only the `if`s of `scope` itself count, not a sibling's.
   * `slashed`: the use is sent behind a fixed `/` (`/${x}`), so a check of `'/' + x` covers it.
   */
  private guardedIn(
    scope: SgNode,
    name: string,
    useStart: number,
    outer: boolean,
    slashed: boolean,
    exposed: () => boolean,
  ): boolean {
    const ifs = this.ifsOf(scope);
    // A scope with thousands of `if`s makes this loop cost more than a step: a step per 64. Out of steps,
    // the use counts as guarded: a cut evaluation must not report what it could not check.
    if (!this.budget.charge(ifs.length >> 6)) return true;
    // Read once per call and once per `if` (kept with it): each id is a native call, and a scope with
    // thousands of `if`s is looped over for every use in it.
    const scopeId = outer ? scope.id() : 0;
    const own = outer && scopeId !== this.o.root.id() ? scopeId : null;
    // In document order: an `if` that starts after the use cannot guard it, nor can any after it.
    for (const s of ifs) {
      if (s.start > useStart) break;
      if (outer && (s.fn === undefined ? (s.fn = this.defs.scopeOf(s.node)?.id() ?? null) : s.fn) !== own)
        continue;
      const g = this.guardOf(s.node, s.id);
      // Out of steps part way, the use counts as guarded (as above), whether the guard was kept or not.
      if (this.budget.spent) return true;
      if (g.start > useStart) continue;
      const behind = slashed ? SLASH + name : name;
      const dd = DOTDOT + name;
      const dotdot = (side: Set<string>): boolean => side.has(dd) && !exposed();
      const either = g.all || g.names.has(name) || g.names.has(behind) || dotdot(g.names);
      const onTrue = either || g.whenTrue.has(name) || g.whenTrue.has(behind) || dotdot(g.whenTrue);
      const onFalse = either || g.whenFalse.has(name) || g.whenFalse.has(behind) || dotdot(g.whenFalse);
      if (!onTrue && !onFalse) continue;
      // The guard protects the code inside it (the branch its check makes safe), or after it when the
      // branch taken on a failing check leaves or overwrites the value: the consequence must be that branch,
      // so the check makes the value safe where the condition is false (`if (allowed.has(x)) x = f(x)`
      // leaves a name not on the list as it was).
      const covers =
        useStart < g.end
          ? useStart < g.consEnd
            ? onTrue
            : onFalse
          : useStart < g.after && (g.exits || reassigns(g.consequence, name)) && onFalse;
      // Not where the name is given a new value between the check and the use (`f = req.query.g`).
      if (covers && !overwrittenBetween(this.overwrites(scope).get(name), g.start, useStart)) return true;
    }
    return (
      !this.o.python &&
      !!this.o.calls?.assertedArgs &&
      mayBeAsserted(this.o.index, () => this.o.root.text(), name) &&
      this.assertedIn(scope, name, useStart, outer)
    );
  }

  /**
   * The `if`s (and conditional expressions) of a scope in document order, kept per file: the file's list is
   * found with one walk, and a function's are those of it within the function's offsets (in a tree a node
   * within another's offsets is inside it), where a walk of each nested function found them again.
   */
  private ifsOf(scope: SgNode): IfStatement[] {
    const id = scope.id();
    let ifs = this.ifCache.get(id);
    if (ifs) return ifs;
    const root = this.o.root;
    if (id === root.id()) {
      const { ifStatement, conditionalExpression } = this.o.syn;
      ifs = root
        .findAll({
          rule: conditionalExpression
            ? { any: [{ kind: ifStatement }, { kind: conditionalExpression }] }
            : { kind: ifStatement },
        })
        .map((node) => {
          const r = node.range();
          return { node, id: node.id(), start: r.start.index, end: r.end.index };
        });
    } else {
      const r = scope.range();
      ifs = spansWithin(this.ifsOf(root), r.start.index, r.end.index);
    }
    this.ifCache.set(id, ifs);
    return ifs;
  }

  /**
   * Whether a statement of the scope before the use calls the project's own assertion with the name
   * (`assertPathUnderRoot(root, p);`): the code after it in the same block runs only where it did not throw.
   */
  private assertedIn(scope: SgNode, name: string, useStart: number, outer: boolean): boolean {
    const calls = this.o.calls;
    if (!calls?.assertedArgs) return false;
    const list = assertStatements(this.o.index, scope);
    const own = outer && scope.id() !== this.o.root.id() ? scope.id() : null;
    for (const a of list) {
      if (a.start > useStart) break;
      if (useStart < a.end || useStart >= a.after) continue;
      if (outer && (a.fn === undefined ? (a.fn = this.defs.scopeOf(a.node)?.id() ?? null) : a.fn) !== own)
        continue;
      const args = (a.call.field('arguments')?.namedChildren() ?? []).filter((x) => kindOf(x) !== 'comment');
      if (!args.some((x) => x.text() === name)) continue;
      const checked = calls.assertedArgs(a.call);
      if (!checked) continue;
      for (const i of checked) {
        if (args[i]?.text() !== name) continue;
        if (!overwrittenBetween(this.overwrites(scope).get(name), a.start, useStart)) return true;
      }
    }
    return false;
  }

  /** The assignments of a scope that replace a name's value (guard-overwrites.ts), found once per scope. */
  private overwrites(scope: SgNode): Map<string, number[]> {
    // Kept per file (every rule and evaluator asks of the same scopes), as the `if`s are.
    let perScope = OVERWRITES.get(this.o.index);
    if (!perScope) OVERWRITES.set(this.o.index, (perScope = new Map<number, Map<string, number[]>>()));
    let kept = perScope.get(scope.id());
    if (!kept) perScope.set(scope.id(), (kept = overwritesIn(scope, this.o.python)));
    return kept;
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
    const consNode = s.field('consequence');
    const cons = consNode?.text() ?? '';
    const g: Guard = {
      start: r.start.index,
      end: r.end.index,
      consEnd: consNode?.range().end.index ?? r.end.index,
      after: afterEnd(s),
      names: new Set(),
      whenTrue: new Set(),
      whenFalse: new Set(),
      all: false,
      // A conditional expression leaves nothing: a `throw` or `return` in it is a callback's.
      exits: kindOf(s) !== this.o.syn.conditionalExpression && EXITS.test(cons),
      consequence: cons,
    };
    const cond = s.field('condition');
    if (!cond) return g;
    // The condition itself, and the value of a name it only tests for truth (`if (!upload) return`
    // after `const upload = await uploads.findOne({ _id: id })`, or after `const ok = p.startsWith(base)`).
    const tested = testedName(cond);
    const values: SgNode[] = tested
      ? this.defs
          .definitionsOf(tested.node)
          .flatMap((d) => (d.kind === 'value' && d.keys.length === 0 ? [d.value] : []))
      : [];
    const spots = this.o.index.spotsOf(this.o.root, this.o.lang, this.o.guards);
    const withins: SgNode[] = [cond, ...values];
    for (const m of this.o.guards) {
      const list = spots.get(m) ?? [];
      for (const within of withins) {
        // The guard's matches in this node's subtree: those within its offsets (its ancestors are
        // longer); the list is in document order, so the search starts at the first that begins there.
        const r = within.range();
        for (let i = firstFrom(list, r.start.index); i < list.length; i++) {
          const hit = list[i];
          if (!hit || hit.start > r.end.index) break;
          if (hit.end > r.end.index) continue;
          if (hit.x !== undefined) this.addName(g, m, hit, within, cond, tested?.negated);
          else if (within === cond) g.all = true;
        }
      }
    }
    this.addCompared(g, cond, spots);
    // JavaScript only: own-validators.ts reads JavaScript trees.
    for (const c of this.o.python ? [] : validatorChecks(cond, this.o.calls))
      (c.onTrue && c.onFalse ? g.names : c.onTrue ? g.whenTrue : g.whenFalse).add(c.name);
    // A predicate's answer kept in a name the condition tests (`const ok = await isKnown(b); if (!ok) return`).
    for (const v of this.o.python || !tested ? [] : values) {
      for (const c of validatorChecks(v, this.o.calls)) {
        const [onTrue, onFalse] = tested?.negated ? [c.onFalse, c.onTrue] : [c.onTrue, c.onFalse];
        (onTrue && onFalse ? g.names : onTrue ? g.whenTrue : g.whenFalse).add(c.name);
      }
    }
    for (const side of [g.names, g.whenTrue, g.whenFalse]) {
      for (const x of [...side]) {
        const prefix = x.startsWith(SLASH) ? SLASH : x.startsWith(DOTDOT) ? DOTDOT : '';
        const original = this.aliased(cond, x.slice(prefix.length));
        if (original) side.add(prefix + original);
      }
    }
    return g;
  }

  /**
   * A name the condition compares (`h != request.args.get('h')`, `hmac.compare_digest(h, sig)`) that was
   * bound to a call a guard without a polarity matches as a whole (`h = new_hmac(secret, url)`): the value
   * that call checks is safe on the side where the two are equal. Only whole calls, so a name bound to a
   * boolean check (`ok = url.startswith(base)`) compared with something is not read as one.
   */
  private addCompared(g: Guard, cond: SgNode, spots: Map<Matcher, Spot[]>): void {
    const compared = comparedNames(cond);
    if (compared.length === 0) return;
    for (const c of compared) {
      for (const d of this.defs.definitionsOf(c.node)) {
        if (d.kind !== 'value' || d.keys.length > 0 || !/^call(?:_expression)?$/.test(kindOf(d.value)))
          continue;
        const r = d.value.range();
        for (const m of this.o.guards) {
          if (GUARD_POLARITY.get(m)) continue;
          const list = spots.get(m) ?? [];
          for (let i = firstFrom(list, r.start.index); i < list.length; i++) {
            const hit = list[i];
            if (!hit || hit.start > r.start.index) break;
            if (hit.x === undefined || hit.end > r.end.index) continue;
            for (const x of checkedNames(hit.x)) (c.safeWhenTrue ? g.whenTrue : g.whenFalse).add(x);
          }
        }
      }
    }
  }

  /**
   * The property read a checked name is a `const` copy of (`const src = msg.data.src; if
   * (!validatePaths([src, dst])) return; copy(msg.data.src)`): the check covers the original too.
   */
  private aliased(cond: SgNode, x: string): string | undefined {
    if (!/^[\w$]+$/.test(x)) return undefined;
    const use = cond.find({ rule: { kind: 'identifier', regex: `^${x.replace(/\$/g, '\\$')}$` } });
    const defs = use ? this.defs.definitionsOf(use) : [];
    const d = defs.length === 1 ? defs[0] : undefined;
    if (d?.kind !== 'value' || d.keys.length > 0) return undefined;
    const decl = d.node.parent()?.parent();
    if (!decl || kindOf(decl) !== 'lexical_declaration' || !decl.text().startsWith('const')) return undefined;
    const text = d.value.text();
    return /^[\w$]+(\.[\w$]+)+$/.test(text) ? text : undefined;
  }

  /**
   * Records the name a guard's match checks, on the side(s) of the `if` where the check makes it safe. A
   * guard with a polarity protects only where the condition implies its outcome: `if (!allowed.has(x))
   * readFile(x)` is not protected inside, but is after `if (!allowed.has(x)) return`. When the
   * condition does not tell (`a || allowed.has(x)` being true), the name counts as protected, as before.
   */
  private addName(g: Guard, m: Matcher, hit: Spot, within: SgNode, cond: SgNode, negated = false): void {
    const polarity = GUARD_POLARITY.get(m);
    // `[a, b].includes('..')` compares whole elements: only a check that is not a rejection is split.
    const found = polarity ? nodeAt(within, hit.start, hit.end) : undefined;
    // A check of the value behind a fixed `/` (`is_relative_url('/' + next)`) holds for `/${next}`, not for
    // `next` itself (`https://evil.example` passes as `/https://evil.example`): kept apart (SLASH).
    // A check only for `..` stops a climb, not an absolute path: kept apart (DOTDOT, dotdot-guard.ts). In
    // JavaScript `dotdotCheck` itself reads a refusal of an absolute value on the check's side; Python's
    // (`'..' in x or x.startswith('/')`, `os.path.isabs(x)`) is read from the condition's text.
    const matched = found ?? nodeAt(within, hit.start, hit.end);
    const prefix = slashedCheck(matched, hit.x)
      ? SLASH
      : dotdotCheck(matched, hit.x, this.o.python) &&
          !(this.o.python && !!matched && absoluteAlsoRefused(matched, hit.x as string))
        ? DOTDOT
        : '';
    const names = (polarity === 'reject' ? [hit.x as string] : checkedNames(hit.x as string)).map(
      (x) => prefix + x,
    );
    // A `path.relative(root, file)` climb check with the absolute refusal beside it covers `file` too.
    const file =
      polarity === 'reject' && !this.o.python ? relativeContained(matched, hit.x, this.defs) : undefined;
    if (file) names.push(file);
    const node = found && lookupOf(found, within);
    if (!polarity || !node) {
      for (const x of names) g.names.add(x);
      return;
    }
    let [t, f] = implied(node, within);
    // A value tested by name: the condition's truth tells the name's, which tells the check's.
    if (within !== cond) [t, f] = negated ? [f, t] : [t, f];
    const unsafe = polarity === 'reject';
    // A comparison with a literal is a guard the rules add for allow-lists of a few values; it protects only
    // where the condition decides it (a chain of them about one value is decided: literalChoice), not where
    // another operand may have decided instead (`folder !== 'src' && kind !== 'list'`).
    const strict = isLiteralComparison(node) || (this.o.python && inPythonChain(node, within));
    const onTrue = strict ? t !== undefined && t !== unsafe : t !== unsafe;
    const onFalse = strict ? f !== undefined && f !== unsafe : f !== unsafe;
    const side = onTrue && onFalse ? g.names : onTrue ? g.whenTrue : onFalse ? g.whenFalse : undefined;
    for (const x of names) side?.add(x);
  }
}

/**
 * The names a guard's value checks: the value itself, or each plain element of an array literal checked at
 * once (`if (!validatePaths([src, dst])) return`). An element that is not a plain name or property read is
 * left out, so it is never taken as checked.
 */
function checkedNames(x: string): string[] {
  const list = /^\[([^[\](){}'"`]*)\]$/.exec(x)?.[1];
  if (list === undefined) return [x];
  return list
    .split(',')
    .map((e) => e.trim())
    .filter((e) => /^[\w$]+(\.[\w$]+)*$/.test(e));
}

/** Whether a function declares `name` itself (a parameter, a `const`/`let`/`var`, a nested function). */
function declares(fn: SgNode, name: string): boolean {
  const params = fn.field('parameters') ?? fn.field('parameter');
  const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`);
  if (params && word.test(params.text())) return true;
  if (kindOf(fn) === 'program') return false;
  const body = fn.field('body')?.text() ?? '';
  return new RegExp(
    `\\b(?:const|let|var|function)\\s+(?:[^=;(]*[,{\\[\\s])?${name.replace(/\$/g, '\\$')}\\b`,
  ).test(body);
}

/**
 * The check a guard's match stands for: the match itself, or the lookup call whose arguments hold it
 * (`{ hostId: host }` in `_.find(queues, { hostId: host })`, `e.id === id` in `list.find((e) => e.id === id)`),
 * whose result is what the condition tests.
 */
function lookupOf(match: SgNode, within: SgNode): SgNode {
  let n = match;
  for (let depth = 0; depth < 8 && n.id() !== within.id(); depth++) {
    const p = n.parent();
    if (!p) break;
    if (p.kind() === 'arguments' && p.parent()?.kind() === 'call_expression') return p.parent() ?? match;
    n = p;
  }
  return match;
}
