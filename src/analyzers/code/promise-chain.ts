import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import type { Syntax } from './syntax.js';

/**
 * A promise chain's step before a `.then` (JavaScript): in `p.then(a).then(b)`, `b`'s first parameter is what
 * `a` returns (a promise it returns is awaited, and `await x` is read as `x`), not what `p` resolves with.
 * The engine gave `b` its receiver's value, as any method call on a tainted receiver, so a chain whose first
 * step returns request data from its closure (`load().then(() => req.query.a).then((v) => sink(v))`) gave `b`
 * nothing. Only what is added: the caller still takes the receiver's value when the step's returns give
 * nothing (no row the receiver's value found is lost).
 */

const STEPS = new Set(['then', 'catch']);

/**
 * The function written in place as the fulfilment step of `recv` when `recv` is itself `x.then(a, …)` (or a
 * rejection step, `x.catch(a)`, whose return also settles the next promise); null otherwise.
 */
export function previousStep(syn: Syntax, recv: SgNode): SgNode | null {
  let r: SgNode | null = recv;
  while (r && kindOf(r) === 'parenthesized_expression') r = r.namedChildren()[0] ?? null;
  if (!r || !syn.call.has(kindOf(r))) return null;
  const callee = r.field(syn.callFunction);
  if (!callee || !syn.member.has(kindOf(callee))) return null;
  if (!STEPS.has(callee.field(syn.memberProperty)?.text() ?? '')) return null;
  const fn = r.field('arguments')?.namedChildren()[0];
  return fn && syn.functions.has(kindOf(fn)) ? fn : null;
}
