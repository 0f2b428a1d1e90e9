import type { SgNode } from '@ast-grep/napi';
import type { Matcher, SinkSpec } from './rule-schema.js';
import type { LoadedModule, ProjectView } from './project.js';
import { callTargets, type CallTarget } from './call-targets.js';
import { sinkMatches, type SinkMatch } from './sinks.js';
import { rejectedParams } from './promise-rejections.js';
import { assertedArgs, validatedParams } from './own-validators.js';
import { flowKey } from './flow-key.js';
import { functionReturns, paramCount, paramName } from './function-params.js';
import type { CompiledSources } from './sources.js';
import { syntaxOf, type Syntax } from './syntax.js';
import { returnedElements, type TupleElement } from './tuple-targets.js';
import { REQ, TaintEvaluator } from './taint.js';
import type { CallResolver, TaintStep, Trace, Value } from './taint.js';
import { firstField, passedFields, passedValue, reachingFields } from './pass-fields.js';
import type { PassedField } from './pass-fields.js';
import { argFor, argumentNodes, contains, lineOf, withStep, withSteps } from './taint-support.js';
import type { Bound } from './matches.js';
import { OWN_STEPS, sizeSteps, StepPool, type Account } from './taint-budget.js';
import { cycleMemoOf, frameFor } from './summary-cycles.js';
import type { CycleEntry, CycleMemo, Cost, Frame } from './summary-cycles.js';
import { needsOf, neededParams, viaNeeds } from './param-needs.js';
import { callsImportedOwnMethod } from './imported-methods.js';

export type { CallTarget } from './call-targets.js';

type Evaluate = (n: SgNode) => Value;

/** What one taint rule brings to cross-function analysis. */
export interface RuleContext {
  /** Identifies the rule (sink summaries depend on its sinks as well as on what decides flows). */
  key: string;
  sinks: readonly SinkSpec[];
  /** The sinks of the other rules run on the same file: found in the same walk as this rule's. */
  otherSinks?: readonly Matcher[];
  sources: readonly CompiledSources[];
  sanitizers: readonly Matcher[];
  guards: readonly Matcher[];
  sinkClass: string | undefined;
  /** A call of a method an imported module of the program defines, reaching no sink, is none (imported-methods.ts). */
  importedOwn?: boolean;
  /** Request reads whose access path this matches are no source (cookie-reply.ts). */
  skipPath?: RegExp;
}

/** A parameter of a summarised function that reaches a sink, in this function or one it calls. */
export interface SinkHit {
  param: number;
  /** The module and node of the sink. */
  module: LoadedModule;
  sink: SgNode;
  /** The sink matcher's metavariables at the sink. */
  bound: Bound;
  /** From the parameter to the sink. */
  steps: TaintStep[];
  /** The properties read off the parameter on the way (see Trace.access). */
  access?: string;
  /** Parameters that must be given for the sink to run (`if (isFullPath) fs.readFile(p)`: param-needs.ts). */
  needs?: number[];
}

/** A parameter that reaches the return value: the steps inside, and the properties read off it. */
export interface PassThrough {
  steps: TaintStep[];
  access?: string;
  /** Set when only these fields of the parameter, read by name, reach the return value (pass-fields.ts). */
  fields?: PassedField[];
}

/** What a function does with its parameters, for one rule: computed once, reused at every call. */
export interface FunctionSummary {
  module: LoadedModule;
  fn: SgNode;
  name: string;
  /** A source read inside the function that reaches its return value. */
  source: Trace | null;
  /** Parameters whose value reaches the return value (not through a sanitizer), with the steps inside. */
  passes: Map<number, PassThrough>;
  sinks: SinkHit[];
}

/** Parameters beyond this are not traced (each costs an evaluation of the function's returns and sinks). */
const MAX_PARAMS = 8;
const PENDING = Symbol('pending');

/** A flow or summary kept on its module, with what it cost. */
interface Kept<T> {
  value: T;
  cost: Cost;
}

/** What a function returns for one set of sources, sanitizers and guards (shared by the rules that have it). */
interface Flow {
  source: Trace | null;
  passes: Map<number, PassThrough>;
}

/**
 * Function summaries for one rule over a project view: which parameters reach the return value or a
 * sink, and which sources a function returns. Summaries live on the module (shared by every file that
 * imports it); a function met again while its own summary is being computed (recursion, import cycles)
 * counts as passing nothing.
 */
export class Summaries {
  private readonly resolvers = new Map<string, CallResolver>();
  private readonly syn: Syntax;
  private readonly python: boolean;
  private readonly flowKey: string;
  /** The steps evaluators draw from: the analysed file's, or those of the summary being computed. */
  private account: Account;
  /** The flows and summaries being computed, innermost last (see kept). */
  private readonly computing: Frame[] = [];
  /** The recursive ones computed for the analysed file (summary-cycles.ts). */
  private readonly cycles: CycleMemo;

  constructor(
    private readonly view: ProjectView,
    private readonly rule: RuleContext,
  ) {
    this.python = view.entry.lang.family === 'python';
    this.syn = syntaxOf(view.entry.lang.family);
    this.flowKey = flowKey(rule);
    this.account = view.account;
    this.cycles = cycleMemoOf(view);
  }

  /** True once the analysed file's steps are spent (what is left of the file is not analysed). */
  private get overBudget(): boolean {
    if (!this.view.account.file.exhausted) return false;
    this.view.truncated = true;
    return true;
  }

  /**
   * A flow or summary of module `m`, from the module's cache or computed with steps of its own (OWN_STEPS
   * for its queries), and charged to the analysed file either way: what it cost when computed, again at
   * every use, so that a file's findings never depend on which files the process analysed before. One
   * that the file's steps could not pay for is empty (and not kept). One computed while a function it
   * reaches was itself being computed (recursion) depends on where the cycle was entered: it is used, not
   * kept.
   */
  private kept<T>(m: LoadedModule, key: string, empty: () => T, compute: () => T): T {
    const c = m.summaries.get(key) as Kept<T> | typeof PENDING | undefined;
    const file = this.view.account.file;
    const frameKey = `${m.path}\0${key}`;
    const parent = this.computing[this.computing.length - 1];
    parent?.reach.add(frameKey);
    if (c === PENDING) {
      const from = this.computing.findIndex((f) => f.key === frameKey);
      for (let i = Math.max(from, 0); i < this.computing.length; i++)
        (this.computing[i] as Frame).cycle = true;
      return empty();
    }
    if (c) {
      const before = file.spent;
      const paid = this.pay(c.cost);
      if (parent) {
        parent.nested += file.spent - before;
        parent.deps.push(c.cost);
      }
      if (paid) return c.value;
      this.view.truncated = true;
      return empty();
    }
    if (this.overBudget) return empty();
    const again = this.cycles.lookup(frameKey, this.computing);
    if (again) return this.reuse(again, parent, empty);
    m.summaries.set(key, PENDING);
    const frame = frameFor(frameKey);
    this.computing.push(frame);
    const saved = this.account;
    this.account = { file, own: new StepPool(OWN_STEPS) };
    const before = file.spent;
    let value!: T;
    try {
      value = compute();
    } finally {
      this.account = saved;
      this.computing.pop();
      m.summaries.delete(key);
    }
    if (parent) for (const k of frame.reach) parent.reach.add(k);
    if (this.overBudget) return empty();
    // One computed inside a cycle is not kept: what it cost counts as its caller's own work.
    if (frame.cycle) {
      if (parent) {
        parent.cycleNested += frame.nested + frame.cycleNested;
        parent.cycleDeps.push(...frame.deps, ...frame.cycleDeps);
      }
      const own = file.spent - before - frame.nested - frame.cycleNested;
      this.cycles.record(frameKey, this.computing, frame, value, own);
      return value;
    }
    const cost: Cost = { own: file.spent - before - frame.nested, deps: frame.deps };
    m.summaries.set(key, { value, cost } satisfies Kept<T>);
    this.view.paid.add(cost);
    if (parent) {
      parent.nested += file.spent - before;
      parent.deps.push(cost);
    }
    return value;
  }

  /**
   * A recursive flow or summary computed before for this file, used as computing it again would be: the
   * frames under way from the outermost recursion it meets are recursive too, and the file is charged its
   * own steps and the kept ones it used (once per file, as their cache hits would).
   */
  private reuse<T>(e: CycleEntry, parent: Frame | undefined, empty: () => T): T {
    const from = this.computing.findIndex((f) => e.pending.has(f.key));
    for (let i = from < 0 ? this.computing.length : from; i < this.computing.length; i++)
      (this.computing[i] as Frame).cycle = true;
    const file = this.view.account.file;
    file.take(e.own);
    const before = file.spent;
    e.deps.every((d) => this.pay(d));
    if (parent) {
      parent.cycleNested += file.spent - before;
      parent.cycleDeps.push(...e.deps);
      for (const k of e.reach) parent.reach.add(k);
    }
    if (this.overBudget) return empty();
    return e.value as T;
  }

  /**
   * Charges a kept flow or summary to the analysed file, once per file: its own steps, then those of each
   * one it used that the file has not paid for yet, exactly what computing it here would have charged.
   */
  private pay(k: Cost): boolean {
    if (this.view.paid.has(k)) return !this.view.account.file.exhausted;
    this.view.paid.add(k);
    if (!this.view.account.file.take(k.own)) return false;
    return k.deps.every((d) => this.pay(d));
  }

  /** An evaluator over module `m` that resolves calls through its imports. */
  evaluator(
    m: LoadedModule,
    seed?: { fn: number; param: number; skip?: ReadonlySet<string> },
  ): TaintEvaluator {
    const o = {
      index: m.index,
      root: m.root,
      syn: this.syn,
      python: this.python,
      sources: this.rule.sources,
      sanitizers: this.rule.sanitizers,
      guards: this.rule.guards,
      path: m.path,
      calls: this.resolverFor(m),
      lang: m.lang,
      account: this.account,
      ...(this.rule.sinkClass === undefined ? {} : { sinkClass: this.rule.sinkClass }),
      ...(this.rule.skipPath === undefined ? {} : { skipPath: this.rule.skipPath }),
    };
    return new TaintEvaluator(seed ? { ...o, seed } : o);
  }

  private resolverFor(m: LoadedModule): CallResolver {
    let r = this.resolvers.get(m.path);
    if (!r) {
      r = {
        returnOf: (call, evaluate, element) => this.returnOf(m, call, evaluate, element),
        rejectionOf: (call, evaluate) => this.rejectionOf(m, call, evaluate),
        // What a project function checks of its arguments: as a condition, or by throwing.
        validatedArgs: (call) => this.checked(validatedParams, m, call),
        assertedArgs: (call) => this.checked(assertedArgs, m, call),
      };
      this.resolvers.set(m.path, r);
    }
    return r;
  }

  private checked(check: typeof validatedParams, m: LoadedModule, call: SgNode): ReadonlySet<number> {
    const awaited = call.parent()?.kind() === 'await_expression';
    return check(this.targets(m, call, true), this.rule.guards, this.flowKey, awaited);
  }

  /** The functions a call in module `m` reaches through an import (and, with `local`, in `m` itself). */
  targets(m: LoadedModule, call: SgNode, local: boolean): readonly CallTarget[] {
    return callTargets(this.view, m, call, local);
  }

  private returnOf(m: LoadedModule, call: SgNode, evaluate: Evaluate, el?: TupleElement): Value | undefined {
    const targets = this.targets(m, call, false);
    if (targets.length === 0) return undefined;
    for (const t of targets) {
      const s = this.flow(t, el);
      const at = { text: `${t.name}()`, line: lineOf(call), path: m.path };
      if (s.source) return withStep(s.source, at);
      for (const [k, pass] of s.passes) {
        const arg = argFor(this.syn, this.python, call, { fn: t.fn, index: k, name: paramName(t.fn, k) });
        const { value: v, steps = pass.steps } = arg
          ? passedValue(arg, pass.fields, evaluate)
          : { value: null };
        // The whole request object goes in and one of its properties comes back: `get_q(request)`.
        const req = v === REQ && arg ? this.requestRead(m, arg, pass.access) : null;
        if (req) return withStep(withSteps(req, pass.steps), at);
        if (v && v !== REQ) return withStep(withSteps(v, steps), at);
      }
    }
    // A function of the project that passes nothing on (it validates, converts or sanitises): the path ends.
    return null;
  }

  /** What a call into another module's function rejects its promise with (promise-rejections.ts). */
  private rejectionOf(m: LoadedModule, call: SgNode, evaluate: Evaluate): Value | undefined {
    const targets = this.targets(m, call, false);
    if (targets.length === 0) return undefined;
    // Only a parameter's value is followed into the callee (see rejectedParams): when no argument of the
    // call carries request data the callee cannot reject with any, and its summary is not worked out.
    if (!argumentNodes(this.syn, call).some((a) => (evaluate(a) ?? REQ) !== REQ)) return null;
    for (const t of targets) {
      const key = `${this.flowKey}:reject:${t.fn.id()}`;
      const ev = (i: number): TaintEvaluator => this.evaluator(t.module, { fn: t.fn.id(), param: i });
      const compute = (): Map<number, TaintStep[]> =>
        rejectedParams(Math.min(paramCount(t.fn), MAX_PARAMS), functionReturns(t.fn, this.syn), ev);
      const params = this.kept(t.module, key, () => new Map<number, TaintStep[]>(), compute);
      const at = { text: `${t.name}()`, line: lineOf(call), path: m.path };
      for (const [k, steps] of params) {
        const arg = argFor(this.syn, this.python, call, { fn: t.fn, index: k, name: paramName(t.fn, k) });
        const v = arg ? evaluate(arg) : null;
        if (v && v !== REQ) return withStep(withSteps(v, steps), at);
      }
    }
    return null;
  }

  /**
   * Request data read off `arg` in module `m` when `arg` is the whole request object and the callee reads
   * `access` (`.args.x`) off it; null otherwise (no access known, or a property that is no source).
   */
  requestRead(m: LoadedModule, arg: SgNode, access: string | undefined, ev?: TaintEvaluator): Trace | null {
    if (access === undefined || access === '') return null;
    const e = ev ?? this.evaluator(m);
    if (!e.isRequestObject(arg)) return null;
    const t = e.requestData(access, arg);
    return t ? { ...t, source: `${t.source}${access}` } : null;
  }

  /**
   * Which sources a function returns and which parameters reach its return value (computed on first use,
   * shared by every rule with the same sources, sanitizers and guards: the rule's sinks play no part).
   */
  private flow(t: CallTarget, el?: TupleElement): Flow {
    const empty = (): Flow => ({ source: null, passes: new Map() });
    // A tuple target's element (`a, b = f()`) has its own flow: what that element of the returns carries.
    const key = `${this.flowKey}:${t.fn.id()}${el ? `:${el.index}/${el.arity}` : ''}`;
    return this.kept(t.module, key, empty, () => this.computeFlow(t, el));
  }

  private computeFlow(t: CallTarget, element?: TupleElement): Flow {
    const f: Flow = { source: null, passes: new Map() };
    const span = t.fn.range();
    // The walk of the body for its returns costs with its size.
    if (!this.account.file.take(sizeSteps(span.end.index - span.start.index))) return f;
    const returns = returnedElements(functionReturns(t.fn, this.syn), element);
    const clean = this.evaluator(t.module, { fn: t.fn.id(), param: -1 });
    for (const r of returns) {
      const v = clean.taintOf(r);
      if (v) {
        f.source = v;
        break;
      }
    }
    const n = Math.min(paramCount(t.fn), MAX_PARAMS);
    for (let i = 0; i < n && returns.length > 0; i++) {
      const ev = this.evaluator(t.module, { fn: t.fn.id(), param: i });
      for (const r of returns) {
        const v = ev.taintOf(r);
        if (v && v.param === i) {
          const pass: PassThrough =
            v.access === undefined ? { steps: v.steps } : { steps: v.steps, access: v.access };
          const fields = passedFields(v, i, returns, (skip) =>
            this.evaluator(t.module, { fn: t.fn.id(), param: i, skip }),
          );
          if (fields) pass.fields = fields;
          f.passes.set(i, pass);
          break;
        }
      }
    }
    return f;
  }

  /** The summary of a function for this rule (computed on first use). */
  summary(t: CallTarget): FunctionSummary {
    const empty = (): FunctionSummary => ({ ...t, source: null, passes: new Map(), sinks: [] });
    return this.kept(t.module, `${this.rule.key}:${t.fn.id()}`, empty, () => this.compute(t));
  }

  private compute(t: CallTarget): FunctionSummary {
    const { source, passes } = this.flow(t);
    const s: FunctionSummary = { ...t, source, passes, sinks: [] };
    const span = t.fn.range();
    // The walk of the body for its calls costs with its size.
    if (!this.account.file.take(sizeSteps(span.end.index - span.start.index))) return s;
    const sinks = this.sinksIn(t.module).filter((x) => contains(t.fn, x.match));
    const calls = t.fn
      .findAll({ rule: { kind: this.python ? 'call' : 'call_expression' } })
      .flatMap((c) => this.targets(t.module, c, true).map((target) => ({ call: c, target })))
      .filter((c) => c.target.fn.id() !== t.fn.id());
    const n = Math.min(paramCount(t.fn), MAX_PARAMS);
    for (let i = 0; i < n && (sinks.length > 0 || calls.length > 0); i++) {
      const ev = this.evaluator(t.module, { fn: t.fn.id(), param: i });
      const fromParam = (node: SgNode, access?: string): Trace | null => {
        const v = access === undefined ? ev.taintOf(node) : ev.taintOfField(node, access);
        return v && v.param === i ? v : null;
      };
      for (const x of sinks) {
        const v = x.targets.map((n) => fromParam(n)).find((y) => y !== null);
        if (!v) continue;
        const needs = needsOf(neededParams(t.fn, x.match, this.python));
        const plain = { param: i, module: t.module, sink: x.match, bound: x.bound, steps: v.steps, ...needs };
        const hit: SinkHit = v.access === undefined ? plain : { ...plain, access: v.access };
        s.sinks.push(hit);
        // A sink that reads fields of the parameter by name (`p.root`, `p.name`): a hit for each such field,
        // and one for the whole parameter when it also reaches the sink otherwise.
        if (firstField(v.access) === undefined) continue;
        const more = reachingFields(v, i, x.targets, (skip) =>
          this.evaluator(t.module, { fn: t.fn.id(), param: i, skip }),
        );
        for (const f of more.fields.slice(1)) s.sinks.push({ ...hit, steps: f.steps, access: f.access });
        if (more.whole) s.sinks.push(plain);
      }
      for (const { call, target } of calls) {
        if (this.overBudget) break;
        // The callee's summary matters only when the parameter reaches one of the call's arguments.
        if (!argumentNodes(this.syn, call).some((a) => fromParam(a) !== null)) continue;
        for (const hit of this.summary(target).sinks) {
          // A sink under a branch on a parameter this call does not give never runs from here.
          const needs = viaNeeds(call, hit.needs, t.fn, this.python);
          if (!needs) continue;
          const arg = argFor(this.syn, this.python, call, {
            fn: target.fn,
            index: hit.param,
            name: paramName(target.fn, hit.param),
          });
          // The callee reads only `hit.access` off the argument: other fields of it do not count.
          const v = arg ? fromParam(arg, hit.access ?? '') : null;
          if (!v) continue;
          const at = { text: `${target.name}(…)`, line: lineOf(call), path: t.module.path };
          const { module: m, sink, bound } = hit;
          const steps = [...v.steps, at, ...hit.steps];
          const via: SinkHit = { param: i, module: m, sink, bound, steps, ...needs };
          if (v.access !== undefined && hit.access !== undefined) via.access = v.access + hit.access;
          s.sinks.push(via);
        }
      }
    }
    return s;
  }

  /** The rule's sink matches in a module, found once per module and rule. */
  sinksIn(m: LoadedModule): SinkMatch[] {
    let list = m.sinks.get(this.rule.key) as SinkMatch[] | undefined;
    if (!list) {
      list = sinkMatches(m, this.rule.sinks, this.rule.otherSinks, this.rule.sinkClass);
      m.sinks.set(this.rule.key, list);
    }
    return list;
  }

  /**
   * The sink matches of the analysed file, less the calls of methods its relatively imported modules define and
   * that reach no sink (imported-methods.ts), for the rules that read them so. Only the analysed file's: which
   * modules a view loads is the analysed file's, so a summary kept on an imported module (shared by every file
   * that imports it) reads its sinks as they are.
   */
  entrySinks(): SinkMatch[] {
    const m = this.view.entry;
    const list = this.sinksIn(m);
    if (!this.rule.importedOwn || m.lang.family === 'python' || m.imports.names.size === 0) return list;
    const matchers = this.rule.sinks.map((x) => x.matcher);
    return list.filter((x) => !callsImportedOwnMethod(this.view, m, x.match, matchers));
  }
}
