import type { SgNode } from '@ast-grep/napi';
import type { Value } from './taint-support.js';

/** A call bound while its callee is evaluated: a local function's (fn its id), or a caller's (fn -1). */
export interface Binding {
  fn: number;
  call: SgNode;
  name: string;
}

/**
 * Where an evaluator remembers the values of names it was asked for. With no call bound, or only callers'
 * calls (which bind no parameter, see TaintEvaluator.callers), a name's value depends on nothing but how
 * many calls deep the question is. Inside local functions evaluated for given calls (throughLocal) it
 * depends on those calls: it is remembered for that list of calls. A function called several times with
 * the same arguments' nodes (`f(a)` read at each `if` of a chain of `const x = f(a)`) had its body
 * evaluated again at every read of a name bound through it: fastify's validation.js did that 24,000 times
 * for 4,000 different questions while one file was analysed.
 */
export class NameCaches {
  /** No call bound. */
  readonly top = new Map<number, Value>();
  /** Only callers' calls bound, by how many. */
  private readonly byCallers: Map<number, Value>[] = [];
  /** Local functions' calls bound, by the list of bound calls. */
  private readonly byCalls = new Map<string, Map<number, Value>>();

  /** The cache for a question asked under `bindings`. */
  under(bindings: readonly Binding[]): Map<number, Value> {
    const n = bindings.length;
    if (n === 0) return this.top;
    if (bindings.every((b) => b.fn === -1)) {
      let c = this.byCallers[n];
      if (!c) this.byCallers[n] = c = new Map<number, Value>();
      return c;
    }
    // A binding is its function and its call: the same call of the same function binds the same arguments.
    const key = bindings.map((b) => `${b.fn}:${b.call.id()}`).join(' ');
    let c = this.byCalls.get(key);
    if (!c) this.byCalls.set(key, (c = new Map<number, Value>()));
    return c;
  }
}
