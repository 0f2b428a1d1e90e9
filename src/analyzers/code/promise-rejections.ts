import type { SgNode } from '@ast-grep/napi';
import type { Definition } from './scope.js';
import { settledWith } from './promise-executor.js';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';
import { MAX_DEPTH, REQ } from './taint-support.js';
import { sizeSteps } from './taint-budget.js';
import type { CallResolver, TaintStep, Value } from './taint-support.js';

/**
 * What a JavaScript promise is rejected with, for the parameter of a rejection handler
 * (`p.catch(err => …)`, `p.then(ok, err => …)`): the text a `reject(…)` call or `Promise.reject(…)` was given,
 * followed through `.then`/`.catch` chains, `Promise.all` over an array the code fills, names, and the functions
 * that return such a promise (in the module, or through an import: CallResolver.rejectionOf). A rejection
 * is its own channel: the value a promise resolves with never reaches a rejection handler, and a rejection
 * never reaches `await`'s value, so only rejection handlers ask. `reject(\`Font load error: ${name}\`)` answered
 * with `res.status(400).send(err)` sends the request's text back as HTML.
 */

/** What the evaluator lends the rejection walk. */
export interface RejectionHost {
  syn: Syntax;
  calls: CallResolver | undefined;
  expr(node: SgNode, depth: number): Value;
  definitionsOf(node: SgNode): Definition[];
  /** The module's functions of this name (local calls are followed with their arguments bound). */
  functionsNamed(name: string): SgNode[];
  returnsOf(fn: SgNode): SgNode[];
  /** Evaluates `f` with `call` bound as the call of `fn` (its parameters are that call's arguments). */
  bound(fn: SgNode, call: SgNode, name: string, f: () => Value): Value;
  /** Spends one step of the evaluator's query; false when it must give up (taint-budget.ts). */
  step(): boolean;
  /** Charges work that grows with the size of what is walked; false when the file's steps are spent. */
  charge(n: number): boolean;
}

const CHAIN = new Set(['then', 'catch', 'finally']);
const COMBINATORS = /^Promise\.(all|allSettled|any|race)$/;
/** Definitions followed through names and arrays (a rejection's source is seldom more than a few hops away). */
const MAX_HOPS = 24;

/** The receiver of the promise whose rejection handler `fn` is (`p.catch(fn)`, `p.then(ok, fn)`), or null. */
export function rejectedPromiseOf(syn: Syntax, fn: SgNode): SgNode | null {
  const args = fn.parent();
  const call = args?.parent();
  if (!args || !call || !syn.call.has(kindOf(call)) || call.field(syn.callArguments)?.id() !== args.id())
    return null;
  const callee = call.field(syn.callFunction);
  // `p["catch"](…)`: compiled for ES3, where `catch` is no property name.
  const quoted = callee && syn.subscript.has(kindOf(callee)) ? callee.field('index')?.text() : undefined;
  const method = quoted ? quoted.slice(1, -1) : callee?.field(syn.memberProperty)?.text();
  if (!callee || (!syn.member.has(kindOf(callee)) && !/^(["'])catch\1$/.test(quoted ?? ''))) return null;
  const at = args
    .namedChildren()
    .filter((a) => a.kind() !== 'comment')
    .findIndex((a) => a.id() === fn.id());
  if (!((method === 'catch' && at === 0) || (method === 'then' && at === 1))) return null;
  return callee.field(quoted ? syn.subscriptObject : syn.memberObject);
}

/** The trace of request data a promise expression can be rejected with, or null. */
export function rejectionOf(host: RejectionHost, node: SgNode, depth: number): Value {
  return new Walk(host).of(node, depth);
}

class Walk {
  private hops = 0;
  private readonly seen = new Set<number>();

  constructor(private readonly h: RejectionHost) {}

  of(node: SgNode, depth: number): Value {
    if (++this.hops > MAX_HOPS || depth > MAX_DEPTH || this.seen.has(node.id())) return null;
    // Each hop is a step of the query that asked (a handler's parameter inside a taint query), so a walk
    // through a long chain of promises ends with the query's steps like any other evaluation.
    if (!this.h.step()) return null;
    this.seen.add(node.id());
    const { syn } = this.h;
    const k = kindOf(node);
    if (k === 'parenthesized_expression' || k === 'await_expression')
      return this.first(node.namedChildren(), depth);
    if (syn.identifiers.has(k)) return this.name(node, depth);
    if (k === 'new_expression') return this.executor(node, depth);
    if (k === 'arguments' || k === 'array') return this.first(node.namedChildren(), depth);
    if (!syn.call.has(k)) return null;
    const callee = node.field(syn.callFunction);
    const args = node.field(syn.callArguments)?.namedChildren() ?? [];
    if (!callee) return null;
    const text = callee.text();
    if (text === 'Promise.reject') return this.value(args[0], depth);
    if (COMBINATORS.test(text)) return this.first(args.slice(0, 1), depth);
    if (syn.member.has(kindOf(callee))) {
      const method = callee.field(syn.memberProperty)?.text() ?? '';
      const recv = callee.field(syn.memberObject);
      if (CHAIN.has(method) && recv) return this.of(recv, depth);
    }
    return this.called(node, callee, depth);
  }

  private first(nodes: readonly (SgNode | undefined)[], depth: number): Value {
    for (const n of nodes) {
      const v = n ? this.of(n, depth) : null;
      if (v) return v;
    }
    return null;
  }

  private value(node: SgNode | undefined, depth: number): Value {
    const v = node ? this.h.expr(node, depth + 1) : null;
    return v === REQ ? null : v;
  }

  /** A name: every value it is given, and what `push`/`unshift` add to it (an array of promises). */
  private name(node: SgNode, depth: number): Value {
    for (const d of this.h.definitionsOf(node)) {
      if (d.kind === 'param') continue;
      const v = d.kind === 'value' && d.keys.length > 0 ? null : this.of(d.value, depth);
      if (v) return v;
    }
    return null;
  }

  /** `new Promise((resolve, reject) => …)`: what the executor's `reject` is called with, at any depth. */
  private executor(node: SgNode, depth: number): Value {
    const values = settledWith(this.h.syn, node, 1, (chars) => this.h.charge(sizeSteps(chars))) ?? [];
    for (const v of values) {
      const out = this.value(v, depth);
      if (out) return out;
    }
    return null;
  }

  /** A call of a function that returns a promise: in this module with its arguments bound, or through an import. */
  private called(node: SgNode, callee: SgNode, depth: number): Value {
    const { syn } = this.h;
    const viaImport = this.h.calls?.rejectionOf?.(node, (n) => this.h.expr(n, depth + 1));
    if (viaImport !== undefined) return viaImport;
    if (!syn.identifiers.has(kindOf(callee))) return null;
    const name = callee.text();
    for (const fn of this.h.functionsNamed(name)) {
      const v = this.h.bound(fn, node, name, () => this.first(this.h.returnsOf(fn), depth + 1));
      if (v) return v;
    }
    return null;
  }
}

/**
 * The parameters of a function (below `n`) whose value its returned promise can be rejected with, and the
 * steps inside: `evaluator(i)` evaluates the function's body with parameter i as the only source.
 */
export function rejectedParams(
  n: number,
  returns: readonly SgNode[],
  evaluator: (param: number) => { rejectionOf(node: SgNode): Value },
): Map<number, TaintStep[]> {
  const out = new Map<number, TaintStep[]>();
  for (let i = 0; i < n && returns.length > 0; i++) {
    const ev = evaluator(i);
    for (const r of returns) {
      const v = ev.rejectionOf(r);
      if (v && v !== REQ && v.param === i) {
        out.set(i, v.steps);
        break;
      }
    }
  }
  return out;
}
