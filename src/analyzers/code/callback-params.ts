import type { SgNode } from '@ast-grep/napi';
import type { DefinitionLookup } from './definitions.js';
import { previousStep } from './promise-chain.js';
import { argumentSlot } from './promise-executor.js';
import { rejectedPromiseOf, rejectionOf } from './promise-rejections.js';
import type { RejectionHost } from './promise-rejections.js';
import type { Definition } from './scope.js';
import { isArrayIndexParam, iteratorCall } from './taint-shapes.js';
import { REQ } from './taint-support.js';
import type { TaintOptions, Value } from './taint-support.js';

/**
 * What the parameter of a callback handed to a library call receives, when no call of the callback is in
 * sight: an iterator's element (`tainted.map(x => …)`) or a promise's rejection (`p.catch(err => …)`).
 */

/** What the evaluator lends: the rejection walk's needs, and the values a name is assigned. */
export interface CallbackHost extends RejectionHost {
  python: boolean;
  valuesOf(node: SgNode): SgNode[];
}

/** The host for an evaluator of options `o`: `bind` evaluates `f` with a call's arguments bound to a function. */
export function callbackHost(
  o: TaintOptions,
  defs: DefinitionLookup,
  ev: { evaluate: (node: SgNode, depth: number) => Value; valuesOf: (node: SgNode) => SgNode[] },
  bind: (b: { fn: number; call: SgNode; name: string }, f: () => Value) => Value,
  budget: { step(): boolean; charge(n: number): boolean },
): CallbackHost {
  return {
    syn: o.syn,
    python: o.python,
    calls: o.calls,
    expr: ev.evaluate,
    valuesOf: ev.valuesOf,
    definitionsOf: (n) => defs.definitionsOf(n),
    functionsNamed: (name) => o.index.functionsNamed(o.root, o.syn, o.python, name),
    returnsOf: (fn) => defs.returnsOf(fn),
    bound: (fn, call, name, f) => bind({ fn: fn.id(), call, name }, f),
    step: () => budget.step(),
    charge: (n) => budget.charge(n),
  };
}

/** The value callback parameter `d` receives from the library call it is handed to, or null. */
export function callbackParam(
  h: CallbackHost,
  d: Extract<Definition, { kind: 'param' }>,
  depth: number,
): Value {
  // The function as the call's argument: itself, or a CoffeeScript wrapper returning it (promise-executor.ts).
  const slot = h.python ? d.fn : argumentSlot(h.syn, d.fn);
  // A rejection handler's first parameter: what the promise it handles is rejected with.
  const promise = h.python || d.index !== 0 || d.keys ? null : rejectedPromiseOf(h.syn, slot);
  if (promise) return rejectionOf(h, promise, depth + 1);
  // `tainted.map(x => ...)`: the callback's first parameter carries the receiver's taint; `p.then(v => …)`'s
  // what the promise resolves with.
  const it = iteratorCall(h.syn, slot);
  if (!it) return null;
  const { call, method, recv } = it;
  if (recv && !h.python && isArrayIndexParam(h.syn, method, d.index, recv, call, h.valuesOf(recv)))
    return null;
  // `p.then(a).then(b)`: what `a` returns, when it gives anything (promise-chain.ts).
  const step = method === 'then' && d.index === 0 && recv && !h.python ? previousStep(h.syn, recv) : null;
  for (const r of step ? h.returnsOf(step) : []) {
    const s = h.expr(r, depth + 1);
    if (s && s !== REQ) return s;
  }
  const v = recv ? h.expr(recv, depth + 1) : null;
  return v === REQ ? null : v;
}

/**
 * Callback parameters' values for one evaluator: asked once per callback and position while no call is
 * bound (every use of a rejection handler's `err` would otherwise walk the same promise again), and not
 * again while that walk is under way (a handler inside the promise it handles).
 */
export class CallbackParams {
  private readonly values = new Map<number, Value>();
  private readonly active = new Set<number>();

  constructor(private readonly h: CallbackHost) {}

  /** The value of callback parameter `d`; `keep` when the answer depends on no bound call. */
  valueOf(d: Extract<Definition, { kind: 'param' }>, depth: number, keep: boolean): Value {
    if (d.index >= 8) return callbackParam(this.h, d, depth);
    const key = d.fn.id() * 8 + d.index;
    if (keep && this.values.has(key)) return this.values.get(key) ?? null;
    if (this.active.has(key)) return null;
    this.active.add(key);
    const v = callbackParam(this.h, d, depth);
    this.active.delete(key);
    if (keep) this.values.set(key, v);
    return v;
  }

  /** What a promise expression can be rejected with (a summary's question, promise-rejections.ts). */
  rejectionOf(node: SgNode): Value {
    return rejectionOf(this.h, node, 0);
  }
}
