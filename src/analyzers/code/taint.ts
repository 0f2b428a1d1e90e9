import type { SgNode } from '@ast-grep/napi';
import { DefinitionLookup } from './definitions.js';
import { GuardChecker } from './taint-guards.js';
import { ArgvShapes } from './taint-argv.js';
import { ModuleMembers } from './module-members.js';
import { indirectArgs } from './bound-calls.js';
import { accessSuffix, fieldRead, fieldWritten, literalField } from './taint-fields.js';
import { SourceFinder } from './taint-sources.js';
import { replacementSanitizes } from './replace-check.js';
import { passesThrough } from './char-filters.js';
import { functionName, type Definition } from './scope.js';
import { accessPath } from './sources.js';
import { kindOf } from './syntax.js';
import { returnedElements, TupleAsks } from './tuple-targets.js';
import { memberSetToLiteral } from './reaching-assignment.js';
import { ElementRewrites } from './rewritten-elements.js';
import { redirectTarget, settledBy, type RedirectContext } from './taint-redirect.js';
import { destinationDefinitions, destinationParts, destructuredField, type Rewrite } from './ssrf-options.js';
import { keepsShape, plusOperands, readsMemberOf, regexExecInput, templateParts } from './taint-shapes.js';
import {
  argFor,
  contains,
  fieldOfSafeObject,
  holdsObjectsSafe,
  lookupArguments,
  makesHarmlessNumber,
  MAX_CALL_DEPTH,
  MAX_CALLERS,
  MAX_DEPTH,
  REQ,
  sanitizedPath,
  withStep,
} from './taint-support.js';
import { sizeSteps, TaintBudget } from './taint-budget.js';
import { callbackHost, CallbackParams } from './callback-params.js';
import { settledWith } from './promise-executor.js';
import type { TaintOptions, Trace, Value } from './taint-support.js';
import { NameCaches, type Binding } from './name-cache.js';
import { markupFreeUrlField } from './url-fields.js';
import { RequestFields } from './request-fields.js';

export { FileIndex } from './file-index.js';
export type { CallResolver, TaintOptions, TaintStep, Trace, Value } from './taint-support.js';
export { REQ } from './taint-support.js';

/** Demand-driven, intra-file taint: asks backwards from a sink whether a value comes from a source. */
export class TaintEvaluator {
  private readonly budget: TaintBudget;
  private readonly defs: DefinitionLookup;
  private readonly active = new Set<number>();
  private readonly caches = new NameCaches();
  private bindings: Binding[] = [];
  private readonly callKind: string;
  private readonly src: SourceFinder;
  private readonly guardCheck: GuardChecker;
  private objectsSafe: boolean | undefined;
  private primed = false;
  /** Set while a name is asked for one of its fields only (taintOfField): the field. */
  private fieldAsked: string | undefined;
  /** Argument lists of programs (sink class `argv` only): read element by element up to a '--'. */
  private readonly argv: ArgvShapes | undefined;
  /** How redirect targets are read (sink class `redirect`: whether constant text fixes the host). */
  private readonly redirect: RedirectContext;
  private readonly rewrites: ElementRewrites;
  private readonly callbacks: CallbackParams;
  private rewrite: Rewrite | undefined; // a parameter's URL field its function replaces (ssrf-options.ts)
  private readonly tuples = new TupleAsks(); // `a, b = f()`: the element asked of f's returns
  private readonly fields: RequestFields; // fields the program writes on the request (request-fields.ts)

  constructor(private readonly o: TaintOptions) {
    this.callKind = o.python ? 'call' : 'call_expression';
    this.rewrites = new ElementRewrites(o, (n, d) => this.expr(n, d) === null);
    this.budget = new TaintBudget(o.account);
    this.defs = new DefinitionLookup(o.index, o.root, o.syn, o.python, this.budget);
    this.src = new SourceFinder(o, this.defs);
    this.guardCheck = new GuardChecker(o, this.defs, this.budget);
    let members: ModuleMembers | undefined;
    if (o.sinkClass === 'argv')
      this.argv = new ArgvShapes({
        syn: o.syn,
        python: o.python,
        evaluate: (n, depth) => this.expr(n, depth),
        valuesOf: (n) => this.defs.plainValuesOf(n),
        members: () => (members ??= new ModuleMembers(o.root)),
      });
    this.redirect = {
      syn: o.syn,
      evaluate: (n, depth) => this.expr(n, depth),
      valuesOf: (n) => this.defs.plainValuesOf(n),
    };
    const bind = (b: Binding, f: () => Value): Value => {
      this.bindings.push(b);
      const v = f();
      this.bindings.pop();
      return v;
    };
    this.fields = new RequestFields(
      o.syn,
      (n, d) => this.expr(n, d),
      (n, f, d) => this.fieldOf(n, f, d),
    );
    this.callbacks = new CallbackParams(callbackHost(o, this.defs, this.redirect, bind, this.budget));
  }

  /**
   * The trace of request data read as `rest` (`.args.x`) off a request object at `at`, or null when that
   * property is no source (`.method`).
   */
  requestData(rest: string, at: SgNode): Trace | null {
    return this.src.requestData(rest, at);
  }

  /** False once the file's evaluation budget is spent. */
  get hasBudget(): boolean {
    return this.budget.hasBudget;
  }

  /** True once an evaluation was cut by a bound rather than finishing (see TaintBudget). */
  get stoppedEarly(): boolean {
    return this.budget.stoppedEarly;
  }

  /** The trace by which `node` carries attacker-controlled data, or null. */
  taintOf(node: SgNode): Trace | null {
    this.budget.begin();
    const v = this.expr(node, 0);
    this.budget.end();
    return v === REQ ? null : v;
  }

  /** The trace of request data a promise expression `node` can be rejected with (promise-rejections.ts). */
  rejectionOf(node: SgNode): Trace | null {
    this.budget.begin();
    const v = this.callbacks.rejectionOf(node);
    this.budget.end();
    return v === REQ ? null : v;
  }

  /**
   * The trace by which the field `access` names (its first property, `.commands`) of the object `node` carries
   * attacker-controlled data: a sink reached through a function that reads only that field of its parameter.
   */
  taintOfField(node: SgNode, access: string | undefined): Trace | null {
    const prop = /^\.([\w$]+)/.exec(access ?? '')?.[1];
    if (prop === undefined) return this.taintOf(node);
    this.budget.begin();
    const v = this.fieldOf(node, prop, 0);
    this.budget.end();
    return v === REQ ? null : v;
  }

  private fieldOf(node: SgNode, prop: string, depth: number): Value {
    const lit = literalField(node, prop);
    if (lit) return this.firstOf([lit.node, ...lit.spreads], depth);
    if (!this.o.syn.identifiers.has(kindOf(node)) || this.src.sourceAt(node)) return this.expr(node, depth);
    const saved = this.fieldAsked;
    this.fieldAsked = prop;
    try {
      return this.expr(node, depth);
    } finally {
      this.fieldAsked = saved;
    }
  }

  private expr(node: SgNode, depth: number): Value {
    const v = this.exprOf(node, depth);
    // Only names, parameters, property reads and conditionals keep the value a copy of the request member.
    if (v && v !== REQ && v.srcPath !== undefined && !keepsShape(this.o.syn, node))
      return { ...v, srcPath: undefined };
    return v;
  }

  private exprOf(node: SgNode, depth: number): Value {
    if (depth > MAX_DEPTH) {
      this.budget.cut();
      return null;
    }
    if (!this.budget.step()) return null;
    const { syn } = this.o;
    const k = kindOf(node);
    if (!syn.identifiers.has(k) && this.sanitized(node)) return null;
    const src = this.src.sourceAt(node);
    // A request value checked where it is read (`if (types.indexOf(req.params.type) === -1) return next()`)
    // is guarded as a variable would be.
    if (src)
      return this.guardCheck.guardedSource(node) || (!this.o.python && memberSetToLiteral(node)) ? null : src;
    if (syn.identifiers.has(k)) {
      const v = this.identifier(node, depth);
      return v === null && this.src.requestObject(node, node.text()) ? REQ : v;
    }
    const listed = this.argv?.shape(node, depth);
    if (listed !== undefined) return listed;
    if (syn.member.has(k) || syn.subscript.has(k)) {
      const obj = node.field(syn.member.has(k) ? syn.memberObject : syn.subscriptObject);
      if (!obj) return null;
      if (this.guardCheck.guarded(node)) return null; // a field checked by name: isPathSane(msg.data)
      const base = this.expr(obj, depth + 1);
      if (base === REQ) return this.requestMember(node, depth);
      if (base === null && this.o.python && node.text() === 'self.request') return REQ;
      if (base?.srcPath !== undefined) {
        // A member of a copy of a request member: sanitized as it would be written out (`req.file.path`).
        const srcPath = base.srcPath + accessSuffix(node, k, this.o.syn);
        const checked = this.src.validatedParam(srcPath, node);
        if (checked || sanitizedPath(srcPath, this.o.sanitizers, !readsMemberOf(this.o.index, syn, node)))
          return null;
        return {
          ...base,
          srcPath,
          ...(base.access !== undefined ? { access: base.access + accessSuffix(node, k, this.o.syn) } : {}),
        };
      }
      if (base?.access !== undefined)
        return { ...base, access: base.access + accessSuffix(node, k, this.o.syn) };
      return base;
    }
    if (syn.call.has(k)) return this.call(node, depth);
    if (syn.binary.has(k)) {
      const op = node.field('operator')?.text() ?? '';
      if (syn.comparisons.has(op) || makesHarmlessNumber(op, this.o.python, this.o.sinkClass)) return null;
      const settles = op === '+' ? settledBy(this.o.sinkClass, this.o.python) : undefined;
      const parts = settles ? plusOperands(node) : undefined;
      if (parts && settles) return redirectTarget(this.redirect, parts, depth, settles);
      if (op === '&&' && !this.o.python) return this.firstOf([node.field('right')], depth); // a falsy a has no text
      return this.firstOf([node.field('left'), node.field('right')], depth);
    }
    const settles = k === 'template_string' ? settledBy(this.o.sinkClass, this.o.python) : undefined;
    if (settles) return redirectTarget(this.redirect, templateParts(node), depth, settles);
    if (syn.comparisons.has(k)) return null;
    if (syn.ternary.has(k)) {
      if (this.o.python) {
        const c = node.namedChildren();
        return this.firstOf([c[0], c[2]], depth);
      }
      return this.firstOf([node.field('consequence'), node.field('alternative')], depth);
    }
    if (syn.strings.has(k) || syn.containers.has(k) || syn.passThrough.has(k)) {
      const kids = node.namedChildren();
      const parts =
        k === 'pair' ? [node.field('value')] : (destinationParts(this.o, node, this.rewrite) ?? kids);
      return this.firstOf(parts, depth);
    }
    if (k === 'keyword_argument') return this.firstOf([node.field('value')], depth);
    if (k === 'assignment_expression' || k === 'named_expression')
      return this.firstOf([node.field('right') ?? node.field('value')], depth);
    if (k === 'sequence_expression') {
      const kids = node.namedChildren();
      return this.firstOf([kids[kids.length - 1]], depth);
    }
    if (/^(?:(?:list|set|dictionary)_comprehension|generator_expression)$/.test(k))
      return this.firstOf([node.field('body')], depth);
    return null;
  }

  private firstOf(nodes: readonly (SgNode | null | undefined)[], depth: number): Value {
    for (const n of nodes) {
      const v = n ? this.expr(n, depth + 1) : null;
      if (v && v !== REQ) return v;
    }
    return null;
  }

  private sanitized(node: SgNode): boolean {
    if (markupFreeUrlField(node, this.o, this.defs)) return true;
    const { sanitizers, index, root } = this.o;
    if (sanitizers.length === 0) return false;
    if (!this.primed) index.prime(root, this.o.lang, sanitizers);
    this.primed = true;
    const id = node.id();
    return sanitizers.some((m) => index.matches(root, node, m, id));
  }

  /** `r.query` where `r` is a request object under another name: test it as `req.query`. */
  private requestMember(node: SgNode, depth: number): Value {
    const path = accessPath(node, this.o.syn);
    if (path === undefined) return null;
    const rest = path.replace(/^(self\.)?[^.([]+/, '');
    const data = this.src.requestData(rest, node);
    return data || this.o.python ? data : this.fields.valueOf(this.o.root, node, rest, depth + 1);
  }

  /** True when `node` evaluates to the whole request object (its properties are request data). */
  isRequestObject(node: SgNode): boolean {
    this.budget.begin();
    const v = this.expr(node, 0);
    this.budget.end();
    return v === REQ;
  }

  private identifier(node: SgNode, depth: number): Value {
    const id = node.id();
    // Asked for one field of the name's object (taintOfField), or read as `node.f`: a write to another field
    // of it cannot reach the value.
    const asked = this.fieldAsked;
    this.fieldAsked = undefined;
    // Computed when a definition writes a field (null until then).
    let prop: string | undefined | null = asked ?? null;
    // A caller's object read under a Rewrite (a value of that context only) is not remembered.
    const cache = asked === undefined && !this.rewrite ? this.cacheHere() : undefined;
    if (cache?.has(id)) return cache.get(id) ?? null;
    if (this.active.has(id)) return null;
    this.active.add(id);
    let out: Value = null;
    const savedRewrite = this.rewrite;
    if (!this.guardCheck.guarded(node)) {
      const whole = !readsMemberOf(this.o.index, this.o.syn, node);
      const found = this.defs.definitionsOf(node);
      // An options object read whole by a request (ssrf-options.ts): only what may choose its peer.
      const clean = (n: SgNode): boolean => !this.expr(n, depth + 1);
      const ssrf = whole && asked === undefined ? destinationDefinitions(this.o, found, node, clean) : null;
      const defs = ssrf?.defs ?? found;
      this.rewrite = ssrf?.rewrite ?? savedRewrite;
      const afterDashDash = this.argv?.appendedAfterDashDash(defs);
      for (const d of defs) {
        if (whole && fieldOfSafeObject(d, this.o, (this.objectsSafe ??= holdsObjectsSafe(this.o.sanitizers))))
          continue;
        if (afterDashDash?.(d) || this.rewrites.cleans(d, node, depth)) continue;
        const field = d.kind === 'add' ? fieldWritten(this.o.syn, d) : undefined;
        if (field !== undefined) {
          prop ??= fieldRead(this.o.syn, node);
          if (prop !== undefined && field !== prop) continue;
        }
        // A parameter read as `p.f` is what its callers pass under `f`: `{ uri: a, body: b }.uri` is `a` alone.
        const v =
          asked !== undefined && d.kind === 'value' && d.keys.length === 0
            ? this.fieldOf(d.value, asked, depth + 1)
            : d.kind === 'param'
              ? this.param(d, depth, asked ?? (prop ??= fieldRead(this.o.syn, node)))
              : this.definition(d, depth, whole, ssrf ? node : undefined);
        if (v === REQ) {
          out = REQ;
          continue;
        }
        if (v) {
          out = withStep(
            v,
            this.src.step(d.kind === 'param' ? `${d.name} (parameter)` : node.text(), d.node),
          );
          break;
        }
      }
    }
    this.active.delete(id);
    this.rewrite = savedRewrite;
    cache?.set(id, out);
    return out;
  }

  /** Where a name's value may be remembered (name-cache.ts). */
  private cacheHere(): Map<number, Value> | undefined {
    // A string to be split into arguments, or cut, is read differently from an argument (see taint-argv.ts).
    if (this.argv && (this.argv.whole > 0 || this.argv.cut > 0)) return undefined;
    return this.caches.under(this.bindings);
  }

  /** The value of definition `d` of a name; `whole` when the name is used as is, not as `name.x`; `use`, the name
   * handed whole to a request, whose bound literal is read as if written there (`const o = {…}; axios(o)`). */
  private definition(d: Definition, depth: number, whole: boolean, use?: SgNode): Value {
    if (d.kind === 'param') return this.param(d, depth);
    if (d.kind === 'value' && d.element)
      return this.tuples.value(d.value, d.element, this.o.syn, (n) => this.expr(n, depth + 1));
    if (d.kind === 'value' && d.keys.length > 0) {
      const base = accessPath(d.value, this.o.syn);
      if (base !== undefined) {
        const full = `${base}.${d.keys.join('.')}`;
        for (const s of this.o.sources)
          if (s.paths.some((r) => r.test(full)) && this.src.plausibleRequest(d.value, full))
            return sanitizedPath(full, this.o.sanitizers, whole)
              ? null
              : this.src.sourceTrace(s.label, d.value, full);
      }
      const key = destructuredField(this.o, d.keys);
      const v = key !== undefined ? this.fieldOf(d.value, key, depth + 1) : this.expr(d.value, depth + 1);
      if (v === REQ) return this.requestKeys(d.keys, d.value, whole);
      if (v?.access !== undefined) return { ...v, access: `${v.access}.${d.keys.join('.')}` };
      return v;
    }
    const bound = use && d.kind === 'value' && destinationParts(this.o, d.value, this.rewrite, use);
    return bound ? this.firstOf(bound, depth + 1) : this.expr(d.value, depth + 1);
  }

  private requestKeys(keys: readonly string[], at: SgNode, whole: boolean): Value {
    const asReq = `req.${keys.join('.')}`;
    for (const s of this.o.sources)
      if (s.paths.some((r) => r.test(asReq)))
        return sanitizedPath(asReq, this.o.sanitizers, whole) ? null : this.src.trace(s.label, at);
    return null;
  }

  /** The value of parameter `d` (of its field `field` when the use reads one). */
  private param(d: Extract<Definition, { kind: 'param' }>, depth: number, asked?: string): Value {
    const fnId = d.fn.id();
    // A name taken apart from the parameter (`({ token, api }) =>`) is what callers pass under its key.
    const field = asked ?? d.keys?.[0];
    for (let i = this.bindings.length - 1; i >= 0; i--) {
      const b = this.bindings[i];
      if (!b || b.fn !== fnId) continue;
      const arg = argFor(this.o.syn, this.o.python, b.call, d);
      if (!arg) return null;
      const saved = this.bindings;
      this.bindings = saved.slice(0, i);
      const v = field !== undefined ? this.fieldOf(arg, field, depth + 1) : this.expr(arg, depth + 1);
      this.bindings = saved;
      return v;
    }
    const seed = this.o.seed;
    if (seed && seed.fn === fnId)
      return d.index === seed.param && !seed.skip?.has(asked ?? '') ? this.src.seedTrace(d) : null;
    const fromSource = this.src.paramSource(d);
    if (fromSource) return fromSource;
    const fromCallback = this.callbacks.valueOf(d, depth, this.cacheHere() === this.caches.top);
    if (fromCallback) return fromCallback;
    return this.callers(d, depth, field);
  }

  private callers(d: Extract<Definition, { kind: 'param' }>, depth: number, field?: string): Value {
    if (this.bindings.length >= MAX_CALL_DEPTH) return null;
    const name = functionName(d.fn);
    if (!name) return null;
    const { index, root, syn, python } = this.o;
    let whole = false;
    // Direct calls first; then, in JavaScript, what fills the parameter through `bind` or through another
    // function's parameter the function is handed to (bound-calls.ts), asked only when no direct call answers.
    for (const direct of [true, false]) {
      const sites = direct
        ? index
            .callsTo(root, this.callKind, name)
            .slice(0, MAX_CALLERS)
            .map((call) => ({ call, arg: argFor(syn, python, call, d) }))
        : python
          ? []
          : indirectArgs(index, root, syn, name, d.index);
      for (const { call: c, arg } of sites.slice(0, MAX_CALLERS)) {
        if (!arg || contains(d.fn, c)) continue;
        this.bindings.push({ fn: -1, call: c, name });
        const v = field !== undefined ? this.fieldOf(arg, field, depth + 1) : this.expr(arg, depth + 1);
        this.bindings.pop();
        if (v === REQ) whole = true;
        else if (v) return withStep(v, this.src.step(`${name}(${d.name})`, c));
      }
    }
    // A caller passes the whole request object: the parameter's `.query`, `.args`... are request data.
    return whole ? REQ : null;
  }

  private call(node: SgNode, depth: number): Value {
    const { syn } = this.o;
    // A replacement is a sanitizer only when it provably removes the sink class's metacharacters.
    if (replacementSanitizes(node, this.o.sinkClass, this.o.python, this.o.index)) return null;
    if (this.o.python && node.field(syn.callFunction)?.text() === 're.sub') {
      const a = node.field(syn.callArguments)?.namedChildren() ?? [];
      return this.firstOf([a[2], a[1]], depth);
    }
    // `new Promise(executor)`: what its `resolve` is given, as `await` and `.then` receive it (promise-executor.ts).
    const settled = this.o.python ? null : settledWith(syn, node, 0, (n) => this.budget.charge(sizeSteps(n)));
    if (settled) return this.firstOf(settled, depth);
    const ask = (n: SgNode, f?: string): Value =>
      f ? this.fieldOf(n, f, depth + 1) : this.expr(n, depth + 1);
    const resolved = this.o.calls?.returnOf(node, ask, this.tuples.at(node));
    if (resolved !== undefined) return resolved;
    const callee = node.field(syn.callFunction) ?? node.field('constructor');
    const calleeName =
      callee && (syn.identifiers.has(kindOf(callee)) || syn.member.has(kindOf(callee)))
        ? (callee.field(syn.memberProperty) ?? callee).text()
        : undefined;
    const local =
      calleeName !== undefined && this.bindings.length < MAX_CALL_DEPTH
        ? this.o.index.functionsNamed(this.o.root, this.o.syn, this.o.python, calleeName)
        : [];
    if (local.length > 0 && calleeName !== undefined)
      return this.throughLocal(node, local, calleeName, depth);
    const args = node.field(syn.callArguments)?.namedChildren() ?? [];
    const recv = callee && syn.member.has(kindOf(callee)) ? callee.field(syn.memberObject) : null;
    if (recv) {
      const r = this.expr(recv, depth + 1);
      if (r === REQ) return this.requestMember(node, depth);
      if (r) return r;
    }
    const input = regexExecInput(recv, calleeName, args, (n) => this.defs.plainValuesOf(n), this.o.sinkClass);
    if (input) return this.expr(input, depth + 1);
    const argValues = lookupArguments(recv, calleeName, args);
    const v = this.firstOf(argValues, depth);
    // Only modelled library functions pass taint from their arguments; an unknown function may as well
    // validate, hash or look its input up (CodeQL makes the same choice), so it ends the path.
    if (v && v !== REQ && !passesThrough(node, calleeName, this.o.sinkClass, this.o.python)) return null;
    return v;
  }

  private throughLocal(node: SgNode, fns: SgNode[], name: string, depth: number): Value {
    for (const fn of fns) {
      const span = fn.range();
      if (!this.budget.charge(sizeSteps(span.end.index - span.start.index))) return null;
      const returns = returnedElements(this.defs.returnsOf(fn), this.tuples.at(node));
      this.bindings.push({ fn: fn.id(), call: node, name });
      const v = this.firstOf(returns, depth);
      this.bindings.pop();
      if (v && v !== REQ) return withStep(v, this.src.step(`${name}()`, node));
    }
    return null;
  }
}
